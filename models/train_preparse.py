"""Train the pre-parse model (src/eventwire/data/events/preparse.json): which candidate sentences to parse.

Data: the labelled sentences in the repo that eventwire may be developed on: the training set
(data/training, 4,200 sentences) and the real-news **dev** split (data/realnews, 933 sentences; the test
split is never read here). A sentence is positive when its label says it reports an act (`event`).
Only sentences the lexicon's candidate filter keeps are used, as only those reach the model at run time.

Features: `eventwire.events.preparse.sentence_features` (lower-cased words and pairs of adjacent words,
binary), those seen in at least two training sentences, each sentence's vector L2-normalised; a
logistic regression (scikit-learn, lbfgs).

Model selection and threshold, cross-validated: five folds by document (an article's sentences stay
together; fixed seed). For each L2 strength, every sentence is scored by the model of the folds that
did not hold it; the threshold is the highest that keeps RECALL (all) of the positive sentences so
scored, and the strength that skips the most negative sentences at that threshold is kept. (At 99.8%
the model skipped twice as many sentences, but one that never saw the dev split lost 3 of the 31 must
events eventwire finds in the dev articles; keeping all lost none: docs/performance.md.) The
figures printed, and written into the model's "cross_validation" field, are those out-of-fold
figures; the shipped model is then fitted on all the sentences with the chosen strength and threshold.

Byte-reproducible: the same data give the same file (weights rounded, keys sorted).

`--without-dev` leaves the real-news dev split out of training altogether, so that the dev figures of
`eventwire evaluate` can be measured on a model that never saw dev (docs/performance.md).

Usage: python models/train_preparse.py [--out PATH] [--without-dev]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "eventwire" / "data" / "events" / "preparse.json"
REALNEWS = REPO / "data" / "realnews"
TRAINING = REPO / "data" / "training"
SEED = 11
FOLDS = 5
STRENGTHS = (1.0, 4.0, 16.0)  # sklearn's C: inverse L2 strength
RECALL = 1.0  # share of the labelled event sentences the threshold keeps, out of fold: all of them
MIN_SENTENCES = 2  # a feature seen in fewer training sentences is left out


def labelled_candidates(with_dev: bool = True) -> list[tuple[str, str, str, bool]]:
    """(set, document, text, reports an act) of every labelled dev or training sentence that the
    lexicon's candidate filter keeps."""
    from eventwire.evaluate.realnews import NO_EVENT, load_sentences
    from eventwire.events.coder import EventCoder
    from eventwire.records import Sentence

    coder = EventCoder()
    rows = []
    sets = [("training", load_sentences(TRAINING))]
    if with_dev:
        sets.append(("dev", [s for s in load_sentences(REALNEWS) if s.split == "dev"]))
    for name, sentences in sets:
        for s in sentences:
            if coder.is_candidate(Sentence(0, s.text, 0, len(s.text))):
                rows.append((name, s.doc_id, s.text, s.event_type != NO_EVENT))
    return rows


def folds(documents: list[str]) -> dict[str, int]:
    shuffled = sorted(set(documents))
    random.Random(SEED).shuffle(shuffled)
    return {doc: i % FOLDS for i, doc in enumerate(shuffled)}


def vocabulary(feature_sets: list[set[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for features in feature_sets:
        for f in features:
            counts[f] = counts.get(f, 0) + 1
    kept = sorted(f for f, n in counts.items() if n >= MIN_SENTENCES)
    return {f: i for i, f in enumerate(kept)}


def matrix(feature_sets: list[set[str]], vocab: dict[str, int]):
    import numpy as np
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for r, features in enumerate(feature_sets):
        known = sorted(vocab[f] for f in features if f in vocab)
        rows += [r] * len(known)
        cols += known
        values += [1.0 / np.sqrt(len(known))] * len(known)
    return csr_matrix((values, (rows, cols)), shape=(len(feature_sets), len(vocab)))


def fit(feature_sets: list[set[str]], labels: list[bool], strength: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(feature_sets)
    model = LogisticRegression(C=strength, max_iter=5000, random_state=SEED)
    model.fit(matrix(feature_sets, vocab), np.array(labels))
    return vocab, model


def out_of_fold(feature_sets: list[set[str]], labels: list[bool], fold_of: list[int], strength: float):
    import numpy as np

    scores = np.zeros(len(labels))
    for fold in range(FOLDS):
        train = [i for i, f in enumerate(fold_of) if f != fold]
        test = [i for i, f in enumerate(fold_of) if f == fold]
        vocab, model = fit([feature_sets[i] for i in train], [labels[i] for i in train], strength)
        scores[test] = model.decision_function(matrix([feature_sets[i] for i in test], vocab))
    return scores


def threshold_for(scores, labels, recall: float = RECALL) -> float:
    """The highest threshold that keeps `recall` of the positive sentences (a score >= it is kept)."""
    positives = sorted(float(s) for s, y in zip(scores, labels) if y)
    return positives[int((1 - recall) * len(positives))]


def figures(scores, labels, sets: list[str], threshold: float) -> dict:
    scores = [float(s) for s in scores]
    out = {}
    for name in ("all", *sorted(set(sets), reverse=True)):
        chosen = [(s, y) for s, y, n in zip(scores, labels, sets) if name in ("all", n)]
        positives = [s for s, y in chosen if y]
        negatives = [s for s, y in chosen if not y]
        out[name] = {
            "sentences": len(chosen),
            "events_kept": round(sum(s >= threshold for s in positives) / len(positives), 4),
            "events_lost": sum(s < threshold for s in positives),
            "no_event_skipped": round(sum(s < threshold for s in negatives) / len(negatives), 4),
            "skipped": round(sum(s < threshold for s, _ in chosen) / len(chosen), 4),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--without-dev", action="store_true", help="train on the training set alone")
    parser.add_argument("--recall", type=float, default=RECALL,
                        help="share of the labelled event sentences to keep, out of fold "
                             "(default: %(default)s)")
    args = parser.parse_args()

    from eventwire.events.preparse import sentence_features

    rows = labelled_candidates(with_dev=not args.without_dev)
    sets = [r[0] for r in rows]
    feature_sets = [sentence_features(r[2]) for r in rows]
    labels = [r[3] for r in rows]
    fold_index = folds([r[1] for r in rows])
    fold_of = [fold_index[r[1]] for r in rows]
    print(f"{len(rows)} candidate sentences ({sum(labels)} report an act), {FOLDS} folds by document")

    best = None
    for strength in STRENGTHS:
        scores = out_of_fold(feature_sets, labels, fold_of, strength)
        threshold = threshold_for(scores, labels, args.recall)
        cv = figures(scores, labels, sets, threshold)
        print(f"C={strength:g}: threshold {threshold:.3f}, out of fold: {json.dumps(cv)}")
        if best is None or cv["all"]["no_event_skipped"] > best[2]["all"]["no_event_skipped"]:
            best = (strength, threshold, cv)
    strength, threshold, cv = best

    vocab, model = fit(feature_sets, labels, strength)
    weights = {f: round(float(w), 6) for f, w in zip(vocab, model.coef_[0])}
    document = {
        "about": "Pre-parse decision (eventwire.events.preparse), built by models/train_preparse.py",
        "strength": strength,
        "recall_target": args.recall,
        "cross_validation": cv,
        "bias": round(float(model.intercept_[0]), 6),
        "threshold": round(threshold, 6),
        "weights": weights,
    }
    args.out.write_text(json.dumps(document, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"C={strength:g}, threshold {threshold:.3f}, {len(weights)} features -> {args.out}")


if __name__ == "__main__":
    main()
