"""Article-level recall and precision on whole articles coded event by event by hand.

Each label record names one article of the shared VOA set (or, in the set the project wrote itself,
carries its own article: `title`, `text`, `date`) and lists its `must` events, its `acceptable` extra
events and its `quiet` sentences (docs/annotation.md, "Article-level set").
The coder sees the whole article exactly as `eventwire code` would. A coded event matches a
labelled event when the type, the source country and the target country agree and the coded
date falls in the labelled date range (a coded week, month or year: overlaps it).
docs/accuracy.md states the definitions in full.

Each must event and each false event also gets a diagnosis: where the coder came nearest to the
labelled event (no event in the evidence sentence, the type, a country or the date differs), or why a
coded event is false (a quiet sentence, a labelled event's sentence with other fields, no labelled
event at all). The diagnosis only explains the scores; it never changes what counts as found.

A frozen test file is reported through aggregate figures only: never per article or per event; the
written set too, unless its errors are asked for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from eventwire.evaluate.plover import GOLD_COUNTRY_ALIASES, Ratio, actor_key
from eventwire.evaluate.realnews import PENTA_CLASS
from eventwire.ingest.readers import document_from_record
from eventwire.pipeline import Pipeline
from eventwire.records import EVENT_TYPES, Actor, Document, Event, Sentence

ARTICLES_PATH = Path("data") / "voa" / "news_articles.jsonl"
LABEL_FILES = {"dev": "articles_dev.jsonl", "test": "articles_test.jsonl"}
NO_MECHANISM = "-"
_SPACE = re.compile(r"\s+")
# typographic quotes and dashes: a labeller's copy of the evidence and the cleaned text may differ in them
_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-", "\u00a0": " "})

# Why a must event was (not) found, in the order they are tried: the first that holds is the diagnosis.
FOUND_IN_EVIDENCE = "found_in_evidence"
FOUND_ELSEWHERE = "found_elsewhere"
ARTICLE_FAILED = "article_failed"
EVIDENCE_NOT_IN_TEXT = "evidence_not_in_text"
NO_EVENT_IN_EVIDENCE = "no_event_in_evidence"
TYPE_DIFFERS = "type_differs"
FIELD_DIFFERS = {"source": "source_differs", "target": "target_differs", "date": "date_differs"}
MUST_DIAGNOSES = {
    FOUND_IN_EVIDENCE: "found in the evidence sentence(s)",
    FOUND_ELSEWHERE: "found only in another sentence (counted as found)",
    ARTICLE_FAILED: "missed: the article failed to code",
    EVIDENCE_NOT_IN_TEXT: "missed: evidence not in the coded text (a headline)",
    NO_EVENT_IN_EVIDENCE: "missed: no event in the evidence sentence(s)",
    TYPE_DIFFERS: "missed: type differs",
    FIELD_DIFFERS["source"]: "missed: source country differs",
    FIELD_DIFFERS["target"]: "missed: target country differs",
    FIELD_DIFFERS["date"]: "missed: date differs",
}
MISS_DIAGNOSES = tuple(k for k in MUST_DIAGNOSES if k not in (FOUND_IN_EVIDENCE, FOUND_ELSEWHERE))
# Why a coded event matching no labelled event is false, in the order they are tried.
QUIET_SENTENCE = "quiet_sentence"
MUST_SENTENCE = "must_sentence_fields_differ"
ACCEPTABLE_SENTENCE = "acceptable_sentence_fields_differ"
UNLABELLED_SENTENCE = "no_labelled_event"
FALSE_DIAGNOSES = {
    QUIET_SENTENCE: "sentence is quiet-labelled",
    MUST_SENTENCE: "same sentence as a must event, fields differ",
    ACCEPTABLE_SENTENCE: "same sentence as an acceptable event, fields differ",
    UNLABELLED_SENTENCE: "sentence has no labelled event",
}


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
class MustDiagnosis:
    """Where the coder came nearest to one must event."""

    kind: str  # a key of MUST_DIAGNOSES
    nearest: Event | None = None  # the coded event in the evidence sentence(s) that agrees on most fields
    penta_agrees: bool = False  # type differs, but an event there has the labelled type's PentaClass
    shares_its_match: bool = False  # found, but every event matching it matches another must event too


@dataclass(frozen=True)
class ScoredArticle:
    label: ArticleLabel
    events: tuple[Event, ...]
    found: tuple[bool, ...]  # per must event: some coded event matches it
    events_right: tuple[bool, ...]  # per coded event: it matches a must or an acceptable event
    loud_quiet: tuple[str, ...]  # quiet sentences that produced an event
    failure: str | None = None
    must_diagnoses: tuple[MustDiagnosis, ...] = ()  # per must event
    false_diagnoses: tuple[str | None, ...] = ()  # per coded event: a key of FALSE_DIAGNOSES, None if right


def event_key(actor_list: list[Actor]) -> frozenset[str]:
    """The countries (or IGO/NGO) of a coded event's actors, as compared with the labels."""
    return frozenset(key for key in map(actor_key, actor_list) if key)


def _agrees(labelled: str | None, coded: frozenset[str]) -> bool:
    """A labelled country agrees with a coded role holding it; a labelled null with a role naming none."""
    return labelled in coded if labelled else not coded


def matches(event: Event, labelled: LabelledEvent, published: dt.date | None) -> bool:
    return all(field_agreement(event, labelled, published).values())


def field_agreement(event: Event, labelled: LabelledEvent, published: dt.date | None) -> dict[str, bool]:
    """Whether each compared field agrees, in the order the diagnosis reads them."""
    span = coded_dates(event, published)
    return {"type": event.event_type == labelled.event_type,
            "source": _agrees(labelled.source, event_key(event.source)),
            "target": _agrees(labelled.target, event_key(event.target)),
            "date": span is not None and span[0] <= labelled.date_to and labelled.date_from <= span[1]}


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
    loud = tuple(q for q in label.quiet if any(_is_quiet_sentence(q, e.sentence) for e in events))
    folded = _fold_with_offsets(doc.text if doc else "")
    must_spans = [_locate(m.evidence, folded) for m in label.must]
    acceptable_spans = [_locate(a.evidence, folded) for a in label.acceptable]
    must_diagnoses = tuple(
        dataclasses.replace(diagnose_must(m, ok, spans, events, published, failure),
                            shares_its_match=ok and _shares_its_match(index, label.must, events, published))
        for index, (m, ok, spans) in enumerate(zip(label.must, found, must_spans)))
    false_diagnoses = tuple(None if ok else diagnose_false(e, label.quiet, must_spans, acceptable_spans)
                            for e, ok in zip(events, right))
    return ScoredArticle(label, tuple(events), found, right, loud, failure, must_diagnoses, false_diagnoses)


def diagnose_must(labelled: LabelledEvent, found: bool, spans: list[tuple[int, int]], events: list[Event],
                  published: dt.date | None, failure: str | None = None) -> MustDiagnosis:
    """The nearest failure for a missed must event whose evidence stands at `spans` of the coded text;
    for a found one, whether an event in its evidence sentence(s) matches or only one elsewhere in the
    article (which `matches` counts as found too: it compares type, countries and date, never the
    sentence)."""
    there = [e for e in events if _overlaps(e.sentence, spans)]
    if found:
        in_evidence = any(matches(e, labelled, published) for e in there)
        return MustDiagnosis(FOUND_IN_EVIDENCE if in_evidence else FOUND_ELSEWHERE)
    if failure is not None:
        return MustDiagnosis(ARTICLE_FAILED)
    if not spans:
        return MustDiagnosis(EVIDENCE_NOT_IN_TEXT)
    if not there:
        return MustDiagnosis(NO_EVENT_IN_EVIDENCE)
    agreements = [field_agreement(e, labelled, published) for e in there]
    typed = [(sum(a.values()), -i) for i, a in enumerate(agreements) if a["type"]]
    if not typed:
        penta = PENTA_CLASS.get(labelled.event_type)
        return MustDiagnosis(TYPE_DIFFERS, there[0], penta is not None and any(
            PENTA_CLASS.get(e.event_type) == penta for e in there))
    best = -max(typed)[1]  # most fields agreeing; the first in the article on a tie
    differing = next(name for name, agrees in agreements[best].items() if not agrees)
    return MustDiagnosis(FIELD_DIFFERS[differing], there[best])


def _shares_its_match(index: int, must: tuple[LabelledEvent, ...], events: list[Event],
                      published: dt.date | None) -> bool:
    """`matches` pairs events and labels many to many: one coded event may find two must events that
    agree on type, countries and date (the same act reported twice in the article)."""
    others = must[:index] + must[index + 1:]
    return all(any(matches(e, other, published) for other in others)
               for e in events if matches(e, must[index], published))


def diagnose_false(event: Event, quiet: tuple[str, ...], must_spans: list[list[tuple[int, int]]],
                   acceptable_spans: list[list[tuple[int, int]]]) -> str:
    """Why a coded event that matches no labelled event is there, given where the must and the
    acceptable events' evidence stands."""
    if any(_is_quiet_sentence(q, event.sentence) for q in quiet):
        return QUIET_SENTENCE
    for located, kind in ((must_spans, MUST_SENTENCE), (acceptable_spans, ACCEPTABLE_SENTENCE)):
        if any(_overlaps(event.sentence, spans) for spans in located):
            return kind
    return UNLABELLED_SENTENCE


def evidence_spans(evidence: str, text: str) -> list[tuple[int, int]]:
    """Where a labelled evidence stands in the coded text (every occurrence), compared without case,
    runs of white space, typographic quotes or a final full stop; none when it is not there (a
    headline is not part of the coded text)."""
    return _locate(evidence, _fold_with_offsets(text))


def _locate(evidence: str, folded_text: tuple[str, tuple[int, ...]]) -> list[tuple[int, int]]:
    wanted = _fold(evidence).rstrip(".")
    if not wanted:
        return []
    folded, offsets = folded_text
    spans, start = [], folded.find(wanted)
    while start >= 0:
        spans.append((offsets[start], offsets[start + len(wanted) - 1] + 1))
        start = folded.find(wanted, start + 1)
    return spans


# Scoring an article again (as a training script does for every threshold it tries) folds the same texts
# again: the article's, its labels' and its sentences'. Both folds are pure, so they are remembered.
@lru_cache(maxsize=1024)
def _fold_with_offsets(text: str) -> tuple[str, tuple[int, ...]]:
    """The folded text, and for each of its characters the offset of the character it came from."""
    chars, offsets = [], []
    for offset, raw in enumerate(text):
        for char in raw.translate(_TYPOGRAPHY).lower():  # lower() may give two characters for one
            if char.isspace():
                if not chars or chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            offsets.append(offset)
    return "".join(chars), tuple(offsets)


def _is_quiet_sentence(quiet: str, sentence: Sentence) -> bool:
    return names_the_sentence(quiet, sentence.text)


def names_the_sentence(quiet: str, text: str) -> bool:
    """A quiet label names a sentence, or a part of it, or the sentence is part of it."""
    quiet, told = _fold(quiet), _fold(text)
    return quiet in told or told in quiet


def _overlaps(sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
    return any(sentence.start < end and start < sentence.end for start, end in spans)


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    return _normal(text.translate(_TYPOGRAPHY).lower())


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

    def must_diagnoses(self) -> Counter[str]:
        """How many must events each diagnosis holds (found ones by where they were found)."""
        return Counter(d.kind for a in self.articles for d in a.must_diagnoses)

    def found_by_shared_events(self) -> int:
        return sum(d.shares_its_match for a in self.articles for d in a.must_diagnoses)

    def type_differs_penta_agrees(self) -> int:
        return sum(d.kind == TYPE_DIFFERS and d.penta_agrees for a in self.articles for d in a.must_diagnoses)

    def misses_by_mechanism(self) -> dict[str, Counter[str]]:
        """Mechanism x diagnosis counts over the missed must events (an event needing two mechanisms
        counts under both)."""
        table: dict[str, Counter[str]] = {}
        for article in self.articles:
            for labelled, diagnosis in zip(article.label.must, article.must_diagnoses):
                if diagnosis.kind in MISS_DIAGNOSES:
                    for name in _mechanisms_of(labelled):
                        table.setdefault(name, Counter())[diagnosis.kind] += 1
        return dict(sorted(table.items()))

    def false_diagnoses(self) -> Counter[str]:
        return Counter(kind for a in self.articles for kind in a.false_diagnoses if kind)

    def diagnosis_dict(self) -> dict:
        must, false = self.must_diagnoses(), self.false_diagnoses()
        return {"must": {kind: must[kind] for kind in MUST_DIAGNOSES},
                "type_differs_penta_agrees": self.type_differs_penta_agrees(),
                "found_by_events_matching_another_must": self.found_by_shared_events(),
                "missed_by_mechanism": {name: {kind: row[kind] for kind in MISS_DIAGNOSES if row[kind]}
                                        for name, row in self.misses_by_mechanism().items()},
                "false": {kind: false[kind] for kind in FALSE_DIAGNOSES}}

    def diagnosis_lines(self) -> list[str]:
        must, false = self.must_diagnoses(), self.false_diagnoses()
        penta = f" (PentaClass agrees: {self.type_differs_penta_agrees()})" if must[TYPE_DIFFERS] else ""
        lines = [f"must events by diagnosis ({sum(must.values())}):"]
        for kind, text in MUST_DIAGNOSES.items():
            lines.append(f"  {text:<52}{must[kind]:>4}" + (penta if kind == TYPE_DIFFERS else ""))
            if kind == FOUND_ELSEWHERE:
                lines.append(f"  {'  of all found: only by events matching another must':<52}"
                             f"{self.found_by_shared_events():>4}")
        lines.append(f"false events by diagnosis ({sum(false.values())}):")
        lines += [f"  {text:<52}{false[kind]:>4}" for kind, text in FALSE_DIAGNOSES.items()]
        by_mechanism = self.misses_by_mechanism()
        if by_mechanism:
            columns = [kind for kind in MISS_DIAGNOSES if any(row[kind] for row in by_mechanism.values())]
            heads = [_short(kind) for kind in columns]
            lines.append("missed by mechanism x diagnosis:")
            lines.append(f"  {'mechanism':<18}" + "".join(f"{h:>9}" for h in heads) + f"{'missed':>9}")
            lines += [f"  {name:<18}" + "".join(f"{row[kind]:>9}" for kind in columns)
                      + f"{sum(row.values()):>9}" for name, row in by_mechanism.items()]
        return lines

    def to_dict(self) -> dict:
        out = {
            "articles": len(self.articles),
            "failed": sum(a.failure is not None for a in self.articles),
            "recall": self.recall.to_dict(), "precision": self.precision.to_dict(),
            "f1": round(self.f1, 4), "quiet": self.quiet.to_dict(),
            "recall_by_type": {k: v.to_dict() for k, v in self.recall_by(_type_of).items()},
            "recall_by_mechanism": {k: v.to_dict() for k, v in self.recall_by(_mechanisms_of).items()},
            "precision_by_type": {k: v.to_dict() for k, v in self.precision_by_type().items()},
            "diagnosis": self.diagnosis_dict(),
        }
        if self.missing:
            out["missing_articles"] = len(self.missing)
        if not self.aggregate_only:
            out["per_article"] = {a.label.doc_id: {"recall": _article_recall(a).to_dict(),
                                                   "precision": _article_precision(a).to_dict()}
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
        lines += ["", *self.diagnosis_lines()]
        if not self.aggregate_only:
            lines += ["", "per article: recall, precision"]
            lines += [f"  {a.label.doc_id:<12} {_article_recall(a)}  {_article_precision(a)}"
                      + (f"  failed: {a.failure}" if a.failure else "") for a in self.articles]
        return "\n".join(lines)


def article_errors(report: ArticleReport) -> list[str]:
    """One line per must event missed or found only outside its evidence sentence(s), and per coded
    event matching no labelled one, each with its diagnosis: for the dev set only, never for the frozen
    test set. Columns: article, missed/elsewhere/false, the event, the diagnosis (and the nearest coded
    event for a miss), the evidence or the coded sentence."""
    if report.aggregate_only:
        raise ValueError("the test set is read only through aggregate figures")
    lines = []
    for article in report.articles:
        for labelled, diagnosis in zip(article.label.must, article.must_diagnoses):
            if diagnosis.kind == FOUND_IN_EVIDENCE:
                continue
            status = "elsewhere" if diagnosis.kind == FOUND_ELSEWHERE else "missed"
            nearest = f" nearest: {_describe_coded(diagnosis.nearest)}" if diagnosis.nearest else ""
            penta = " (PentaClass agrees)" if diagnosis.penta_agrees else ""
            lines.append(f"{article.label.doc_id}\t{status}\t{_describe_labelled(labelled)}\t"
                         f"{diagnosis.kind}{penta}{nearest}\t{_normal(labelled.evidence)}")
        for event, kind in zip(article.events, article.false_diagnoses):
            if kind:
                lines.append(f"{article.label.doc_id}\tfalse\t{_describe_coded(event)}\t{kind}\t"
                             f"{_normal(event.sentence.text)}")
    return lines


def _describe_labelled(labelled: LabelledEvent) -> str:
    return (f"{labelled.event_type} {labelled.source or '-'} -> {labelled.target or '-'} "
            f"{labelled.date_from.isoformat()}..{labelled.date_to.isoformat()}")


def _describe_coded(event: Event) -> str:
    sides = [",".join(sorted(event_key(actors))) or "-" for actors in (event.source, event.target)]
    when = event.date.value.isoformat() if event.date.value else "-"
    return f"{event.event_type} {sides[0]} -> {sides[1]} {when} ('{event.trigger.text}')"


def _short(kind: str) -> str:
    """A column heading: the diagnosis's first word ('no', 'type', 'source', ...)."""
    return {NO_EVENT_IN_EVIDENCE: "no-event", EVIDENCE_NOT_IN_TEXT: "headline"}.get(kind, kind.split("_")[0])


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


def load_written(path: Path) -> tuple[list[ArticleLabel], dict[str, Document]]:
    """A set whose records carry their own article (`id`, `title`, `text`, `date`) beside its labels:
    the labels, and the articles read as `eventwire code` reads a JSONL record."""
    labels = load_labels(path)
    return labels, load_articles(path, {label.doc_id for label in labels})


def evaluate_articles(shared_dir: Path, labels_path: Path, name: str, aggregate_only: bool,
                      pipeline: Pipeline | None = None) -> ArticleReport:
    """Code every labelled article of the shared VOA set and score it against its labels."""
    labels = load_labels(labels_path)
    docs = load_articles(shared_dir / ARTICLES_PATH, {label.doc_id for label in labels})
    return score_labelled_articles(labels, docs, name, aggregate_only, pipeline)


def evaluate_written(path: Path, aggregate_only: bool, pipeline: Pipeline | None = None,
                     name: str = "written") -> ArticleReport:
    """Code and score a set written by the project, whose records hold their own articles."""
    labels, docs = load_written(path)
    return score_labelled_articles(labels, docs, name, aggregate_only, pipeline)


def score_labelled_articles(labels: list[ArticleLabel], docs: dict[str, Document], name: str,
                            aggregate_only: bool, pipeline: Pipeline | None = None) -> ArticleReport:
    """Code the labelled articles found in `docs` and score each against its labels; a label whose
    article is absent is reported as missing."""
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
