"""Article-level recall and precision on whole articles coded event by event by hand.

Each label record names one article of the shared VOA set and lists its `must` events, its
`acceptable` extra events and its `quiet` sentences (docs/annotation.md, "Article-level set").
The coder sees the whole article exactly as `eventwire code` would. A coded event matches a
labelled event when the type, the source country and the target country agree and the coded
date falls in the labelled date range (a coded week, month or year: overlaps it).
docs/accuracy.md states the definitions in full.

A frozen test file is reported through aggregate figures only: never per article or per event.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.evaluate.plover import GOLD_COUNTRY_ALIASES, Ratio, actor_key
from eventwire.ingest.readers import document_from_record
from eventwire.pipeline import Pipeline
from eventwire.records import EVENT_TYPES, Actor, Document, Event

ARTICLES_PATH = Path("data") / "voa" / "news_articles.jsonl"
LABEL_FILES = {"dev": "articles_dev.jsonl", "test": "articles_test.jsonl"}
NO_MECHANISM = "-"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class LabelledEvent:
    event_type: str
    source: str | None  # ISO3, IGO or NGO; None when the article names no actor
    target: str | None
    date_from: dt.date
    date_to: dt.date
    evidence: str = ""
    mechanisms: tuple[str, ...] = ()  # which article mechanism the event needs, when labelled


@dataclass(frozen=True)
class ArticleLabel:
    doc_id: str
    must: tuple[LabelledEvent, ...]
    acceptable: tuple[LabelledEvent, ...]
    quiet: tuple[str, ...]


@dataclass(frozen=True)
class ScoredArticle:
    label: ArticleLabel
    events: tuple[Event, ...]
    found: tuple[bool, ...]  # per must event: some coded event matches it
    events_right: tuple[bool, ...]  # per coded event: it matches a must or an acceptable event
    loud_quiet: tuple[str, ...]  # quiet sentences that produced an event
    failure: str | None = None


def event_key(actor_list: list[Actor]) -> frozenset[str]:
    """The countries (or IGO/NGO) of a coded event's actors, as compared with the labels."""
    return frozenset(key for key in map(actor_key, actor_list) if key)


def _agrees(labelled: str | None, coded: frozenset[str]) -> bool:
    """A labelled country agrees with a coded role holding it; a labelled null with a role naming none."""
    return labelled in coded if labelled else not coded


def matches(event: Event, labelled: LabelledEvent, published: dt.date | None) -> bool:
    span = coded_dates(event, published)
    return (event.event_type == labelled.event_type
            and _agrees(labelled.source, event_key(event.source))
            and _agrees(labelled.target, event_key(event.target))
            and span is not None and span[0] <= labelled.date_to and labelled.date_from <= span[1])


def coded_dates(event: Event, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days a coded date stands for: one day, or the week, month or year it names ("last week",
    "in March"); an event without a date of its own takes the publication date."""
    when = event.date.value or published
    if when is None:
        return None
    granularity = event.date.granularity if event.date.value else "day"
    if granularity == "week":
        return when, when + dt.timedelta(days=6)
    if granularity == "month":
        following = (when.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return when, following - dt.timedelta(days=1)
    if granularity == "year":
        return when, when.replace(month=12, day=31)
    return when, when


def score_article(label: ArticleLabel, doc: Document | None, events: list[Event],
                  failure: str | None = None) -> ScoredArticle:
    published = doc.date if doc else None
    events = [e for e in events if not e.historical]  # background an analyst would not count
    found = tuple(any(matches(e, m, published) for e in events) for m in label.must)
    wanted = label.must + label.acceptable
    right = tuple(any(matches(e, w, published) for w in wanted) for e in events)
    sentences = [_normal(e.sentence.text) for e in events]
    loud = tuple(q for q in label.quiet if any(_normal(q) in s or s in _normal(q) for s in sentences))
    return ScoredArticle(label, tuple(events), found, right, loud, failure)


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class ArticleReport:
    name: str
    articles: list[ScoredArticle]
    aggregate_only: bool  # a frozen test set: no per-article or per-event lines
    missing: list[str] = field(default_factory=list)  # labelled ids absent from the shared articles

    @property
    def recall(self) -> Ratio:
        return Ratio(sum(sum(a.found) for a in self.articles), sum(len(a.found) for a in self.articles))

    @property
    def precision(self) -> Ratio:
        return Ratio(sum(sum(a.events_right) for a in self.articles),
                     sum(len(a.events_right) for a in self.articles))

    @property
    def quiet(self) -> Ratio:
        total = sum(len(a.label.quiet) for a in self.articles)
        return Ratio(total - sum(len(a.loud_quiet) for a in self.articles), total)

    @property
    def f1(self) -> float:
        p, r = self.precision.value, self.recall.value
        return 2 * p * r / (p + r) if p + r else 0.0

    def recall_by(self, key) -> dict[str, Ratio]:
        total: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for article in self.articles:
            for labelled, found in zip(article.label.must, article.found):
                for name in key(labelled):
                    total[name] += 1
                    right[name] += found
        return {name: Ratio(right[name], total[name]) for name in sorted(total)}

    def precision_by_type(self) -> dict[str, Ratio]:
        total: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for article in self.articles:
            for event, ok in zip(article.events, article.events_right):
                total[event.event_type] += 1
                right[event.event_type] += ok
        return {t: Ratio(right[t], total[t]) for t in EVENT_TYPES if total[t]}

    def to_dict(self) -> dict:
        out = {
            "articles": len(self.articles),
            "failed": sum(a.failure is not None for a in self.articles),
            "recall": _ratio_dict(self.recall), "precision": _ratio_dict(self.precision),
            "f1": round(self.f1, 4), "quiet": _ratio_dict(self.quiet),
            "recall_by_type": {k: _ratio_dict(v) for k, v in self.recall_by(_type_of).items()},
            "recall_by_mechanism": {k: _ratio_dict(v) for k, v in self.recall_by(_mechanisms_of).items()},
            "precision_by_type": {k: _ratio_dict(v) for k, v in self.precision_by_type().items()},
        }
        if self.missing:
            out["missing_articles"] = len(self.missing)
        if not self.aggregate_only:
            out["per_article"] = {a.label.doc_id: {"recall": _ratio_dict(_article_recall(a)),
                                                   "precision": _ratio_dict(_article_precision(a))}
                                  for a in self.articles}
        return out

    def table(self) -> str:
        failed = sum(a.failure is not None for a in self.articles)
        missing = f", {len(self.missing)} labelled ones not in the shared data" if self.missing else ""
        lines = [f"Article-level set ({self.name}): {len(self.articles)} articles "
                 f"(failed: {failed}){missing}",
                 f"{'recall (must events found)':<38}{self.recall}",
                 f"{'precision (coded events labelled)':<38}{self.precision}",
                 f"{'F1':<38}{self.f1:.3f}",
                 f"{'quiet sentences kept quiet':<38}{self.quiet}", "",
                 "recall by type: " + _ratios(self.recall_by(_type_of)),
                 "precision by type: " + _ratios(self.precision_by_type())]
        mechanisms = self.recall_by(_mechanisms_of)
        if set(mechanisms) - {NO_MECHANISM}:
            lines.append("recall by mechanism: " + _ratios(mechanisms))
        if not self.aggregate_only:
            lines += ["", "per article: recall, precision"]
            lines += [f"  {a.label.doc_id:<12} {_article_recall(a)}  {_article_precision(a)}"
                      + (f"  failed: {a.failure}" if a.failure else "") for a in self.articles]
        return "\n".join(lines)


def article_errors(report: ArticleReport) -> list[str]:
    """One line per must event missed and per coded event matching no labelled one: for the dev set
    only, never for the frozen test set."""
    if report.aggregate_only:
        raise ValueError("the test set is read only through aggregate figures")
    lines = []
    for article in report.articles:
        for labelled, found in zip(article.label.must, article.found):
            if not found:
                lines.append(f"{article.label.doc_id}\tmissed\t{_describe_labelled(labelled)}\t"
                             f"{_normal(labelled.evidence)}")
        for event, right in zip(article.events, article.events_right):
            if not right:
                lines.append(f"{article.label.doc_id}\tfalse\t{_describe_coded(event)}\t"
                             f"{_normal(event.sentence.text)}")
    return lines


def _describe_labelled(labelled: LabelledEvent) -> str:
    return (f"{labelled.event_type} {labelled.source or '-'} -> {labelled.target or '-'} "
            f"{labelled.date_from.isoformat()}..{labelled.date_to.isoformat()}")


def _describe_coded(event: Event) -> str:
    sides = [",".join(sorted(event_key(actors))) or "-" for actors in (event.source, event.target)]
    when = event.date.value.isoformat() if event.date.value else "-"
    return f"{event.event_type} {sides[0]} -> {sides[1]} {when} ('{event.trigger.text}')"


def _type_of(labelled: LabelledEvent) -> tuple[str, ...]:
    return (labelled.event_type,)


def _mechanisms_of(labelled: LabelledEvent) -> tuple[str, ...]:
    return labelled.mechanisms or (NO_MECHANISM,)


def _article_recall(article: ScoredArticle) -> Ratio:
    return Ratio(sum(article.found), len(article.found))


def _article_precision(article: ScoredArticle) -> Ratio:
    return Ratio(sum(article.events_right), len(article.events_right))


def _ratios(ratios: dict[str, Ratio]) -> str:
    return ", ".join(f"{name} {ratio}" for name, ratio in ratios.items()) or "none"


def _ratio_dict(ratio: Ratio) -> dict:
    return {"value": round(ratio.value, 4), "right": ratio.right, "total": ratio.total}


def load_labels(path: Path) -> list[ArticleLabel]:
    with path.open(encoding="utf-8") as stream:
        return [article_label(json.loads(line)) for line in stream if line.strip()]


def article_label(raw: dict) -> ArticleLabel:
    doc_id = str(raw.get("doc_id") or raw.get("article_id") or raw["id"])
    return ArticleLabel(doc_id=doc_id,
                        must=tuple(labelled_event(e) for e in raw.get("must") or ()),
                        acceptable=tuple(labelled_event(e) for e in raw.get("acceptable") or ()),
                        quiet=tuple(q if isinstance(q, str) else q["text"] for q in raw.get("quiet") or ()))


def labelled_event(raw: dict) -> LabelledEvent:
    mechanisms = raw.get("mechanisms") or raw.get("mechanism") or ()
    if isinstance(mechanisms, str | int):
        mechanisms = (mechanisms,)
    # a labeller who could not date an event leaves the range open on that side: any date agrees
    first, last = raw.get("date_from"), raw.get("date_to") or raw.get("date_from")
    date_from = dt.date.fromisoformat(first) if first else dt.date.min
    date_to = dt.date.fromisoformat(last) if last else dt.date.max
    return LabelledEvent(
        event_type=raw["type"], source=_country(raw.get("source_country")),
        target=_country(raw.get("target_country")), date_from=date_from, date_to=date_to,
        evidence=raw.get("evidence") or "", mechanisms=tuple(str(m) for m in mechanisms))


def _country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return GOLD_COUNTRY_ALIASES.get(code, code)


def load_articles(path: Path, wanted: set[str]) -> dict[str, Document]:
    """The labelled articles only, read as `eventwire code` reads a JSONL record."""
    docs = {}
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if str(record.get("id")) in wanted:
                doc = document_from_record(record, origin=f"{path.name}:{number}")
                if isinstance(doc, Document):
                    docs[doc.id] = doc
    return docs


def evaluate_articles(shared_dir: Path, labels_path: Path, name: str, aggregate_only: bool,
                      pipeline: Pipeline | None = None) -> ArticleReport:
    """Code every labelled article and score it against its labels."""
    labels = load_labels(labels_path)
    docs = load_articles(shared_dir / ARTICLES_PATH, {label.doc_id for label in labels})
    present = [label for label in labels if label.doc_id in docs]
    results = (pipeline or Pipeline(workers=1)).code_documents([docs[label.doc_id] for label in present])
    scored = [score_article(label, docs[label.doc_id], result.events,
                            result.reason if result.status == "failed" else None)
              for label, result in zip(present, results)]
    return ArticleReport(name, scored, aggregate_only,
                         missing=[label.doc_id for label in labels if label.doc_id not in docs])


def evaluate_article_sets(shared_dir: Path, labels_dir: Path,
                          pipeline: Pipeline | None = None) -> dict[str, ArticleReport]:
    """The dev set in full, the test set through aggregates only; a set whose file is absent is skipped."""
    reports = {}
    for split, filename in LABEL_FILES.items():
        path = labels_dir / filename
        if path.is_file():
            reports[f"articles_{split}"] = evaluate_articles(
                shared_dir, path, split, aggregate_only=split == "test", pipeline=pipeline)
    return reports
