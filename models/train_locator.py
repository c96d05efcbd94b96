"""Train the event-location candidate scorer (src/eventwire/data/places/locator.json).

Reads the event_location data in shared/ (A. Halterman, MIT licence): every record whose sentence
is not the text of one of the 496 RELABEL gold records (kept for evaluation) nor of the real-news
test split (data/realnews). Each sentence is parsed with the
project's spaCy model; every place candidate (eventwire.places.candidates) becomes one example,
positive when its text is a gold LOCATION span of the record's event verb. A logistic regression
(fixed seed) learns the weights; the decision threshold (below it: no place in the sentence) is
chosen on a held-out fifth of the training records. Only weights are written.

Usage: python models/train_locator.py [--shared ../shared] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.evaluate.locations import (
    DATA_PATH,
    GOLD_SOURCE,
    LocationRecord,
    read_location_records,
    trigger_token,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "eventwire" / "data" / "places" / "locator.json"
REALNEWS = REPO / "data" / "realnews"
SEED = 13
HELD_OUT_EVERY = 5  # every fifth training record tunes the threshold


def parse(records: list[LocationRecord]):
    from eventwire.nlp import build_spacy

    return build_spacy().pipe((r.text for r in records), batch_size=256)


def examples(records: list[LocationRecord], parses):
    """(record, features of each candidate, labels of each candidate) for every parsable record."""
    from eventwire.places.candidates import candidate_features, find_candidates, read_place_words
    from eventwire.places.gazetteer import read_gazetteer

    gazetteer = read_gazetteer()
    words = read_place_words()
    for record, parsed in zip(records, parses):
        trigger = trigger_token(parsed, record)
        if trigger is None:
            continue
        candidates = find_candidates(parsed, gazetteer, words)
        features = candidate_features(parsed, trigger, candidates, words)
        labels = [c.text in record.locations for c in candidates]
        yield record, features, labels


def training_records(shared: Path) -> list[LocationRecord]:
    """Every record whose sentence is neither a gold sentence nor in the real-news test split.

    Excluding by text, not by the RELABEL tag: most gold sentences also appear under other sources
    with the same verb, and training on them would inflate the gold figure."""
    records = read_location_records(shared)
    held_out = {r.text for r in records if r.source == GOLD_SOURCE} | realnews_test_texts()
    return [r for r in records if r.text not in held_out]


def realnews_test_texts() -> set[str]:
    from eventwire.evaluate.realnews import held_out

    return held_out(REALNEWS)[0]


def train(shared: Path, out: Path) -> dict:
    records = training_records(shared)
    payload = fit_locator(list(examples(records, parse(records))))
    out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return {"records": payload["trained_on"], "features": len(payload["weights"]),
            "threshold": payload["threshold"]}


def fit_locator(data: list) -> dict:
    """Weights, intercept and threshold from (record, features, labels) examples."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    fit_part = [d for i, d in enumerate(data) if i % HELD_OUT_EVERY]
    tune_part = [d for i, d in enumerate(data) if not i % HELD_OUT_EVERY]

    def fit(part):
        vectorizer = DictVectorizer()
        x = vectorizer.fit_transform([f for _, feats, _ in part for f in feats])
        y = np.array([label for _, _, labels in part for label in labels])
        model = LogisticRegression(C=0.5, max_iter=2000, random_state=SEED).fit(x, y)
        return {name: float(w) for name, w in zip(vectorizer.feature_names_, model.coef_[0]) if w}, \
            float(model.intercept_[0])

    weights, intercept = fit(fit_part)
    threshold = _best_threshold(tune_part, weights, intercept)
    weights, intercept = fit(data)
    return {"intercept": round(intercept, 6), "threshold": threshold,
            "weights": {k: round(v, 6) for k, v in sorted(weights.items())},
            "trained_on": f"{len(data)} event_location records whose text is in no gold or test set"}


def _best_threshold(part, weights: dict[str, float], intercept: float) -> float:
    """The probability cut that maximises exact match on held-out training records."""
    from eventwire import linear

    best_scores = []
    for record, feats, labels in part:
        scored = [(linear.margin(weights, intercept, f), label) for f, label in zip(feats, labels)]
        top = max(scored, default=None)
        best_scores.append((linear.sigmoid(top[0]) if top else 0.0, top[1] if top else False,
                            not record.locations))
    candidates = [round(0.05 * i, 2) for i in range(1, 19)]
    return max(candidates, key=lambda t: sum(
        (p >= t and right) or (p < t and empty) for p, right, empty in best_scores))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if not (args.shared / DATA_PATH).is_file():
        sys.exit(f"event_location data not found under {args.shared}: nothing to train on")
    print(json.dumps(train(args.shared, args.out)))


if __name__ == "__main__":
    main()
