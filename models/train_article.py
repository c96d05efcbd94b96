"""Train the article-level decisions: article targets (src/eventwire/data/events/article_targets.json), a
target from the article for an event whose sentence names none, then the article gate
(src/eventwire/data/events/article_gate.json), which of a whole article's events a coder records.

Data: the development article sets only, each article coded event by event by hand (docs/annotation.md):
- the VOA dev articles (data/realnews/articles_dev.jsonl, texts in ../shared/data/voa),
- the written development sets (data/articles_written_dev, data/articles_written_dev2),
- the written training articles (data/articles_written_train/*.jsonl), written and coded blind to be
  trained on.
Never a test set: not the VOA test articles, not data/articles_written, not data/articles_written_test2.
Each article is coded as the shipped coder codes it, without either article decision.

**Article targets.** Each coded event without a target (not historical) whose sentence holds labelled
events of its type and source is one question; each party the article's events name is a candidate
(eventwire.events.article_targets.candidate_features), positive when one of those labelled events has it
as target (none is, when they label no target). A logistic regression over all candidates.

**Article gate.** Each coded event that is not historical, after the article targets, is one example,
positive when it matches a must or an acceptable event of the article's labels (type, source and target
country, date: eventwire.evaluate.articles). Features: eventwire.events.article_gate.article_features.

Selection, cross-validated: five folds by article (fixed seed). Features seen fewer than MIN_SEEN times
are left out. For each L2 strength every example is scored by the model of the folds that did not hold
its article; each threshold is tried by coding the articles again (targets filled, or events kept) and
the strength and threshold with the best pooled article F1 (must events found; coded events labelled)
are kept, each threshold's F1 averaged with its two neighbours'. The gate is trained on events whose
targets the out-of-fold target model filled, as at run time on an unseen article. The out-of-fold
figures, per set, are printed and written into each model's "cross_validation" field; each shipped model
is fitted on every example with the chosen strength.

Byte-reproducible: the same data and coder give the same files (weights rounded, keys sorted). The
features include the coder's reasons, so a change of the rules calls for a retraining.

Usage: python models/train_article.py --shared ../shared
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVENTS_DATA = REPO / "src" / "eventwire" / "data" / "events"
DATA = REPO / "data"
VOA_DEV_LABELS = DATA / "realnews" / "articles_dev.jsonl"
WRITTEN_SETS = (DATA / "articles_written_dev" / "articles.jsonl",
                DATA / "articles_written_dev2" / "articles.jsonl")
TRAINING_ARTICLES = DATA / "articles_written_train"
SEED = 12
FOLDS = 5
STRENGTHS = (0.1, 0.3, 1.0)  # sklearn's C: inverse L2 strength
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 19))  # 0.05 .. 0.90
MIN_SEEN = 5  # a feature seen in fewer training examples is left out
WEIGHT_DIGITS = 6


@dataclass
class CodedArticle:
    """One labelled article as the coder saw it, its events coded without the article decisions."""

    set_name: str
    label: object  # ArticleLabel
    doc: object  # Document
    events: list  # every coded event, historical ones too, in article order


@dataclass
class Model:
    """A fitted logistic regression as the run-time components read it."""

    weights: dict[str, float]
    bias: float


# --------------------------------------------------------------------------- data

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
    """Every labelled article coded without the article decisions."""
    from eventwire.pipeline import Pipeline
    from eventwire.resources import RULES, Resources, Settings

    pipeline = Pipeline(workers=1, resources=Resources(Settings(article_gate=RULES, article_targets=RULES)))
    articles = []
    for name, (labels, docs) in article_sets(shared).items():
        present = [label for label in labels if label.doc_id in docs]
        results = pipeline.code_documents([docs[label.doc_id] for label in present])
        articles += [CodedArticle(name, label, docs[label.doc_id], list(result.events))
                     for label, result in zip(present, results)]
    return articles


def folds_by_article(articles: list[CodedArticle]) -> list[int]:
    keys = sorted({(a.set_name, a.label.doc_id) for a in articles})
    random.Random(SEED).shuffle(keys)
    fold = {key: i % FOLDS for i, key in enumerate(keys)}
    return [fold[(a.set_name, a.label.doc_id)] for a in articles]


def figures(articles: list[CodedArticle], coded: list[list]) -> dict:
    """Article recall and precision of the given events of each article."""
    from eventwire.evaluate.articles import ArticleReport, score_article

    scored = [score_article(a.label, a.doc, events) for a, events in zip(articles, coded)]
    report = ArticleReport("cv", scored, aggregate_only=True)
    return {"recall": str(report.recall), "precision": str(report.precision), "f1": round(report.f1, 4)}


# --------------------------------------------------------------------------- fitting

def fit(examples: list[tuple[dict[str, float], bool]], names: list[str], strength: float) -> Model:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    for row, (features, _) in enumerate(examples):
        for name, value in features.items():
            if name in index:
                x[row, index[name]] = value
    y = np.array([label for _, label in examples], dtype=float)
    model = LogisticRegression(C=strength, max_iter=5000).fit(x, y)
    return Model(dict(zip(names, map(float, model.coef_[0]))), float(model.intercept_[0]))


def vocabulary(examples: list[tuple[dict[str, float], bool]]) -> list[str]:
    counts: dict[str, int] = {}
    for features, _ in examples:
        for name in features:
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, count in counts.items() if count >= MIN_SEEN)


def cross_fitted(per_article: list[list], folds: list[int], strength: float) -> list[Model]:
    """For each fold, the model fitted on the examples of the other folds' articles."""
    models = []
    for k in range(FOLDS):
        train = [ex for examples, f in zip(per_article, folds) if f != k for ex in examples]
        models.append(fit(train, vocabulary(train), strength))
    return models


def select(articles: list[CodedArticle], per_article: list[list], folds: list[int],
           code_with) -> tuple[float, float, dict, list[Model]]:
    """The strength and threshold with the best smoothed out-of-fold article F1; `code_with(model,
    threshold, article)` codes an article's events with a model and threshold."""
    raw, smoothed, fold_models = {}, {}, {}
    for strength in STRENGTHS:
        fold_models[strength] = cross_fitted(per_article, folds, strength)
        raw[strength] = [figures(articles, [code_with(fold_models[strength][f], t, a)
                                            for a, f in zip(articles, folds)])["f1"] for t in THRESHOLDS]
        smoothed[strength] = [_mean(raw[strength][max(0, i - 1):i + 2]) for i in range(len(THRESHOLDS))]
    best_of = {s: max(range(len(THRESHOLDS)), key=lambda i: (smoothed[s][i], -i)) for s in STRENGTHS}
    strength = max(STRENGTHS, key=lambda s: smoothed[s][best_of[s]])
    best = best_of[strength]
    f1_table = {str(s): {str(t): f for t, f in zip(THRESHOLDS, raw[s])} for s in STRENGTHS}
    return strength, THRESHOLDS[best], f1_table, fold_models[strength]


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def payload(model: Model, threshold: float, cross_validation: dict, trained_on: str) -> dict:
    return {"weights": {n: round(w, WEIGHT_DIGITS) for n, w in sorted(model.weights.items())
                        if round(w, WEIGHT_DIGITS)},
            "bias": round(model.bias, WEIGHT_DIGITS), "threshold": threshold,
            "cross_validation": cross_validation, "trained_on": trained_on}


# --------------------------------------------------------------------------- article targets

def target_examples(article: CodedArticle) -> list[tuple[dict[str, float], bool]]:
    """(features, is the labelled target) of each party for each event without a target whose sentence
    holds labelled events of its type and source."""
    from eventwire.evaluate.articles import evidence_spans, field_agreement
    from eventwire.events.article_targets import article_parties, candidate_features, needs_target

    parties = article_parties(article.events)
    labelled = [(e, evidence_spans(e.evidence, article.doc.text))
                for e in (*article.label.must, *article.label.acceptable)]
    examples = []
    for event in article.events:
        if not needs_target(event):
            continue
        agreeing = [e for e, spans in labelled
                    if any(event.sentence.start < end and start < event.sentence.end for start, end in spans)
                    and all(field_agreement(event, e, article.doc.date)[f] for f in ("type", "source"))]
        if not agreeing:
            continue
        wanted = {e.target for e in agreeing if e.target}
        examples += [(candidate_features(event, p, parties, article.events), p.key in wanted)
                     for p in parties]
    return examples


def targets_of(model: Model, threshold: float):
    from eventwire.events.article_targets import ArticleTargets

    return ArticleTargets(model.weights, model.bias, threshold)


def fill(model: Model, threshold: float, article: CodedArticle) -> list:
    return targets_of(model, threshold).fill(article.events)


# --------------------------------------------------------------------------- article gate

def gate_examples(article: CodedArticle, events: list) -> list[tuple[dict[str, float], bool]]:
    from eventwire.evaluate.articles import score_article
    from eventwire.events.article_gate import article_features

    features = [f for e, f in zip(events, article_features(events, article.doc.date)) if not e.historical]
    right = score_article(article.label, article.doc, events).events_right
    return list(zip(features, right))


def keep(model: Model, threshold: float, events: list, published) -> list:
    from eventwire.events.article_gate import ArticleGate

    return ArticleGate(model.weights, model.bias, threshold).keep(events, published)


# --------------------------------------------------------------------------- training

def train(shared: Path, out_dir: Path = EVENTS_DATA) -> dict:
    articles = coded_articles(shared)
    folds = folds_by_article(articles)
    names = list(dict.fromkeys(a.set_name for a in articles))
    described = f"{len(articles)} development articles ({', '.join(names)}), {FOLDS} folds by article"

    # article targets
    questions = [target_examples(a) for a in articles]
    t_strength, t_threshold, t_table, t_folds = select(articles, questions, folds, fill)
    filled = [fill(t_folds[f], t_threshold, a) for a, f in zip(articles, folds)]  # out of fold

    # the gate, on the out-of-fold filled events
    refilled = [CodedArticle(a.set_name, a.label, a.doc, events) for a, events in zip(articles, filled)]
    examples = [gate_examples(a, a.events) for a in refilled]
    g_strength, g_threshold, g_table, g_folds = select(
        refilled, examples, folds, lambda model, t, a: keep(model, t, a.events, a.doc.date))
    gated = [keep(g_folds[f], g_threshold, a.events, a.doc.date) for a, f in zip(refilled, folds)]

    cross_validation = {}
    for name in ["all", *names]:
        mine = [i for i, a in enumerate(articles) if name in ("all", a.set_name)]
        subset = [articles[i] for i in mine]
        cross_validation[name] = {
            "articles": len(mine),
            "coder alone": figures(subset, [a.events for a in subset]),
            "+ article targets": figures(subset, [filled[i] for i in mine]),
            "+ article targets + article gate": figures(subset, [gated[i] for i in mine])}

    all_questions = [ex for q in questions for ex in q]
    targets = fit(all_questions, vocabulary(all_questions), t_strength)
    all_examples = [ex for e in examples for ex in e]
    gate = fit(all_examples, vocabulary(all_examples), g_strength)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write(out_dir / "article_targets.json", payload(
        targets, t_threshold, cross_validation,
        f"{len(all_questions)} candidate parties ({sum(label for _, label in all_questions)} labelled "
        f"targets) of {described}; L2 C={t_strength}; strength and threshold by out-of-fold article F1"))
    _write(out_dir / "article_gate.json", payload(
        gate, g_threshold, cross_validation,
        f"{len(all_examples)} coded events ({sum(label for _, label in all_examples)} labelled), their "
        f"targets filled out of fold, of {described}; L2 C={g_strength}; strength and threshold by "
        f"out-of-fold article F1"))
    return {"article targets": {"C": t_strength, "threshold": t_threshold, "candidates": len(all_questions),
                                "f1_by_C_and_threshold": t_table},
            "article gate": {"C": g_strength, "threshold": g_threshold, "events": len(all_examples),
                             "f1_by_C_and_threshold": g_table},
            "cross_validation": cross_validation}


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out-dir", type=Path, default=EVENTS_DATA)
    args = parser.parse_args()
    if not (args.shared / "data" / "voa").is_dir():
        sys.exit(f"VOA articles not found under {args.shared}/data/voa: nothing to train on")
    print(json.dumps(train(args.shared, args.out_dir), indent=1))


if __name__ == "__main__":
    main()
