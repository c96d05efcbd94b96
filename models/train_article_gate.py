"""Train the article gate (src/eventwire/data/events/article_gate.json): which of a whole article's coded
events a human coder of the article records.

Data: the development article sets only, each article coded event by event by hand (docs/annotation.md):
- the VOA dev articles (data/realnews/articles_dev.jsonl, texts in ../shared/data/voa),
- the written development sets (data/articles_written_dev, data/articles_written_dev2),
- the written training articles (data/articles_written_train/*.jsonl), written and coded blind to be
  trained on.
Never a test set: not the VOA test articles, not data/articles_written, not data/articles_written_test2.

Each article is coded as the shipped coder codes it, but with every event kept (no gate); each coded
event that is not historical is one example, positive when it matches a must or an acceptable event of
the article's labels (type, source and target country, date: eventwire.evaluate.articles). Features:
`eventwire.events.article_gate.article_features`, those seen in at least MIN_EVENTS events; a logistic
regression (scikit-learn, lbfgs).

Selection, cross-validated: five folds by article (fixed seed). For each L2 strength every event is
scored by the model of the folds that did not hold it; for each threshold the articles are scored again
with the events kept, and the strength and threshold with the best pooled article F1 (must events
found; coded events labelled) are kept, each threshold's F1 averaged with its two neighbours'. Those
out-of-fold figures, per set, are printed and written into the model's "cross_validation" field; the
shipped model is then fitted on every example with the chosen strength.

Byte-reproducible: the same data and coder give the same file (weights rounded, keys sorted). The
features include the coder's reasons, so a change of the rules calls for a retraining.

Usage: python models/train_article_gate.py --shared ../shared [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "eventwire" / "data" / "events" / "article_gate.json"
DATA = REPO / "data"
VOA_DEV_LABELS = DATA / "realnews" / "articles_dev.jsonl"
WRITTEN_SETS = (DATA / "articles_written_dev" / "articles.jsonl",
                DATA / "articles_written_dev2" / "articles.jsonl")
TRAINING_ARTICLES = DATA / "articles_written_train"
SEED = 12
FOLDS = 5
STRENGTHS = (0.1, 0.3, 1.0)  # sklearn's C: inverse L2 strength
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 13))  # 0.05 .. 0.60
MIN_EVENTS = 5  # a feature seen in fewer training events is left out
WEIGHT_DIGITS = 6


@dataclass
class CodedArticle:
    """One labelled article as the coder saw it, its events coded without the gate."""

    set_name: str
    label: object  # ArticleLabel
    doc: object  # Document
    events: list  # the non-historical events, in article order
    features: list[dict[str, float]]
    right: list[bool]  # per event: it matches a labelled (must or acceptable) event


def article_sets(shared: Path) -> dict[str, tuple[list, dict]]:
    """Each development set's labels and documents, by name."""
    from eventwire.evaluate.articles import ARTICLES_PATH, load_articles, load_labels, load_written

    labels = load_labels(VOA_DEV_LABELS)
    sets = {"voa dev": (labels, load_articles(shared / ARTICLES_PATH, {label.doc_id for label in labels}))}
    for path in WRITTEN_SETS:
        sets[path.parent.name] = load_written(path)
    for path in sorted(TRAINING_ARTICLES.glob("*.jsonl")):
        sets[f"{TRAINING_ARTICLES.name}/{path.stem}"] = load_written(path)
    return sets


def coded_articles(shared: Path) -> list[CodedArticle]:
    """Every labelled article coded without the gate, with its events' features and labels."""
    from eventwire.evaluate.articles import score_article
    from eventwire.events.article_gate import article_features
    from eventwire.pipeline import Pipeline
    from eventwire.resources import RULES, Resources, Settings

    pipeline = Pipeline(workers=1, resources=Resources(Settings(article_gate=RULES)))
    articles = []
    for name, (labels, docs) in article_sets(shared).items():
        present = [label for label in labels if label.doc_id in docs]
        results = pipeline.code_documents([docs[label.doc_id] for label in present])
        for label, result in zip(present, results):
            doc = docs[label.doc_id]
            features = article_features(result.events, doc.date)
            kept = [(e, f) for e, f in zip(result.events, features) if not e.historical]
            scored = score_article(label, doc, [e for e, _ in kept])
            articles.append(CodedArticle(name, label, doc, [e for e, _ in kept], [f for _, f in kept],
                                         list(scored.events_right)))
    return articles


def vocabulary(articles: list[CodedArticle]) -> list[str]:
    counts: dict[str, int] = {}
    for article in articles:
        for features in article.features:
            for name in features:
                counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, count in counts.items() if count >= MIN_EVENTS)


def matrix(articles: list[CodedArticle], names: list[str]):
    import numpy as np

    index = {name: i for i, name in enumerate(names)}
    rows = [f for a in articles for f in a.features]
    x = np.zeros((len(rows), len(names)))
    for r, features in enumerate(rows):
        for name, value in features.items():
            if name in index:
                x[r, index[name]] = value
    return x, np.array([ok for a in articles for ok in a.right], dtype=float)


def folds_by_article(articles: list[CodedArticle]) -> list[int]:
    keys = sorted({(a.set_name, a.label.doc_id) for a in articles})
    random.Random(SEED).shuffle(keys)
    fold = {key: i % FOLDS for i, key in enumerate(keys)}
    return [fold[(a.set_name, a.label.doc_id)] for a in articles]


def out_of_fold(articles: list[CodedArticle], strength: float) -> list[list[float]]:
    """Each event's probability from the model of the folds that did not hold its article."""
    from sklearn.linear_model import LogisticRegression

    names = vocabulary(articles)
    folds = folds_by_article(articles)
    chances: list[list[float]] = [[] for _ in articles]
    for k in range(FOLDS):
        train = [a for a, f in zip(articles, folds) if f != k]
        x, y = matrix(train, names)
        model = LogisticRegression(C=strength, max_iter=5000).fit(x, y)
        for i, (article, f) in enumerate(zip(articles, folds)):
            if f == k and article.events:
                chances[i] = list(model.predict_proba(matrix([article], names)[0])[:, 1])
    return chances


def figures(articles: list[CodedArticle], chances: list[list[float]] | None, threshold: float) -> dict:
    """Article recall and precision with the events kept at `threshold` (all without `chances`)."""
    from eventwire.evaluate.articles import ArticleReport, score_article

    scored = []
    for i, article in enumerate(articles):
        kept = [e for j, e in enumerate(article.events) if chances is None or chances[i][j] >= threshold]
        scored.append(score_article(article.label, article.doc, kept))
    report = ArticleReport("cv", scored, aggregate_only=True)
    return {"recall": str(report.recall), "precision": str(report.precision), "f1": round(report.f1, 4)}


def choose(articles: list[CodedArticle]) -> tuple[float, float, dict]:
    """The strength and threshold with the best smoothed out-of-fold F1, and the F1 table."""
    table = {}
    for strength in STRENGTHS:
        chances = out_of_fold(articles, strength)
        f1 = [figures(articles, chances, t)["f1"] for t in THRESHOLDS]
        smoothed = [sum(f1[max(0, i - 1):i + 2]) / len(f1[max(0, i - 1):i + 2]) for i in range(len(f1))]
        table[strength] = (chances, f1, smoothed)
    strength, best = max(((s, max(range(len(THRESHOLDS)), key=lambda i: (table[s][2][i], -i)))
                          for s in STRENGTHS), key=lambda pair: table[pair[0]][2][pair[1]])
    f1_table = {str(s): {str(t): f for t, f in zip(THRESHOLDS, table[s][1])} for s in STRENGTHS}
    return strength, THRESHOLDS[best], {"f1_by_C_and_threshold": f1_table, "chances": table[strength][0]}


def train(shared: Path, out: Path) -> dict:
    from sklearn.linear_model import LogisticRegression

    articles = coded_articles(shared)
    strength, threshold, selection = choose(articles)
    chances = selection.pop("chances")
    names = vocabulary(articles)
    x, y = matrix(articles, names)
    model = LogisticRegression(C=strength, max_iter=5000).fit(x, y)
    per_set = {}
    for name in dict.fromkeys(a.set_name for a in articles):
        mine = [i for i, a in enumerate(articles) if a.set_name == name]
        subset, their_chances = [articles[i] for i in mine], [chances[i] for i in mine]
        per_set[name] = {"articles": len(mine), "without the gate": figures(subset, None, threshold),
                         "with the gate (out of fold)": figures(subset, their_chances, threshold)}
    cross_validation = {"all": {"without the gate": figures(articles, None, threshold),
                                "with the gate (out of fold)": figures(articles, chances, threshold)},
                        **per_set}
    payload = {
        "weights": {n: round(float(w), WEIGHT_DIGITS) for n, w in zip(names, model.coef_[0])
                    if round(w, WEIGHT_DIGITS)},
        "bias": round(float(model.intercept_[0]), WEIGHT_DIGITS),
        "threshold": threshold,
        "cross_validation": cross_validation,
        "trained_on": f"{len(y)} coded events ({int(y.sum())} labelled) of {len(articles)} development "
                      f"articles ({', '.join(per_set)}); L2 C={strength}; strength and threshold by "
                      f"out-of-fold article F1, {FOLDS} folds by article",
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return {"C": strength, "threshold": threshold, "features": len(payload["weights"]),
            "events": len(y), "labelled": int(y.sum()), "cross_validation": cross_validation, **selection}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if not (args.shared / "data" / "voa").is_dir():
        sys.exit(f"VOA articles not found under {args.shared}/data/voa: nothing to train on")
    print(json.dumps(train(args.shared, args.out), indent=1))


if __name__ == "__main__":
    main()
