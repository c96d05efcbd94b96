"""How far two independent codings of the same articles agree (docs/annotation.md, "Article-level set").

Each coding is read as the article scorer reads it, and an event of one coding matches an event of the
other by the scorer's own rule: the type, the source country and the target country agree (a null with
a null) and the two date ranges overlap. The second coding's recall against the first is the share of
the first's must events that one of the second's must or acceptable events matches, exactly as a coder
is scored; the reverse read (the first's recall against the second) is the precision-like figure: what
a coder that coded exactly like the second coding would keep if the second were the gold. Two weaker
levels show where the codings part: PentaClass (the type's PentaClass instead of the type) and the type
alone (a must event whose type the other coding has anywhere in the article, whatever its actors and
date). Quiet sentences are compared too: listed quiet by both, or quiet in one while the other codes an
event there.

A must event the other coding misses gets the field it differs on, read at the other coding's nearest
event: one whose evidence overlaps its evidence in the text, else one in the same article agreeing on
the type and on all but one other field, else none (the other coding has no such event).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.articles import (
    ArticleLabel,
    LabelledEvent,
    evidence_spans,
    load_written,
    names_the_sentence,
)
from eventwire.evaluate.plover import Ratio
from eventwire.evaluate.realnews import PENTA_CLASS

FIELDS = ("type", "source", "target", "date")
ABSENT = "absent"  # the other coding has no event at the evidence, nor a near one in the article
SWAPPED = "source/target swapped"
LEVELS = ("event", "PentaClass", "type only")
SIDES = ("first", "second")


def field_agreement(one: LabelledEvent, other: LabelledEvent) -> dict[str, bool]:
    """Whether each field the scorer compares agrees between two labelled events."""
    return {"type": one.event_type == other.event_type,
            "source": one.source == other.source,
            "target": one.target == other.target,
            "date": one.date_from <= other.date_to and other.date_from <= one.date_to}


def events_match(one: LabelledEvent, other: LabelledEvent, level: str = "event") -> bool:
    """The scorer's matching at a level: the whole event, the PentaClass in place of the type, or the
    type alone."""
    fields = field_agreement(one, other)
    if level == "type only":
        return fields["type"]
    if level == "PentaClass":
        fields["type"] = PENTA_CLASS.get(one.event_type) == PENTA_CLASS.get(other.event_type)
    return all(fields.values())


@dataclass(frozen=True)
class Disagreement:
    """A must event of one coding that no must or acceptable event of the other matches."""

    doc_id: str
    side: str  # the coding the must event belongs to: "first" or "second"
    event: LabelledEvent
    kind: str  # ABSENT, SWAPPED, or the differing fields joined by "+" ("type", "source+date")
    nearest: LabelledEvent | None


@dataclass(frozen=True)
class ArticlePair:
    doc_id: str
    first: ArticleLabel
    second: ArticleLabel
    text: str  # the article as the scorer codes it: evidence is located there

    def coding(self, side: str) -> ArticleLabel:
        return self.first if side == "first" else self.second

    def other(self, side: str) -> ArticleLabel:
        return self.second if side == "first" else self.first


@dataclass
class CodingAgreement:
    pairs: list[ArticlePair]
    missing: list[str]  # ids coded in only one of the two files

    def recall(self, side: str, level: str = "event", against_must_only: bool = False) -> Ratio:
        """The share of `side`'s must events the other coding matches (its must and acceptable events, or
        its must events alone)."""
        right = total = 0
        for pair in self.pairs:
            other = pair.other(side)
            wanted = other.must if against_must_only else other.must + other.acceptable
            for event in pair.coding(side).must:
                total += 1
                right += any(events_match(event, w, level) for w in wanted)
        return Ratio(right, total)

    def precision_of_all(self, side: str) -> Ratio:
        """The precision a coder would get that coded every must and acceptable event of `side`, scored
        against the other coding: the share of them the other's must or acceptable events match."""
        right = total = 0
        for pair in self.pairs:
            mine, other = pair.coding(side), pair.other(side)
            for event in mine.must + mine.acceptable:
                total += 1
                right += any(events_match(event, w) for w in other.must + other.acceptable)
        return Ratio(right, total)

    def f1(self, level: str = "event") -> float:
        """The harmonic mean of the two directions, a symmetric summary (a coder's precision would count
        the acceptable events it codes too: `precision_of_all`)."""
        one, two = self.recall("first", level).value, self.recall("second", level).value
        return 2 * one * two / (one + two) if one + two else 0.0

    def disagreements(self) -> list[Disagreement]:
        return [d for pair in self.pairs for side in SIDES for d in _disagreements(pair, side)]

    def disagreement_kinds(self, side: str | None = None) -> Counter[str]:
        return Counter(d.kind for d in self.disagreements() if side in (None, d.side))

    def field_totals(self) -> Counter[str]:
        """How many disagreements each field takes part in (a swap counts for source and target)."""
        totals: Counter[str] = Counter()
        for kind, count in self.disagreement_kinds().items():
            for part in kind.split("+"):
                for name in ("source", "target") if part == SWAPPED else () if part == ABSENT else (part,):
                    totals[name] += count
        return totals

    def quiet_conflicts(self) -> list[tuple[str, str, str]]:
        """(article, side, sentence) for each sentence one coding lists quiet where the other codes an
        event."""
        return [(pair.doc_id, side, sentence) for pair in self.pairs for side in SIDES
                for sentence in pair.coding(side).quiet if _has_event(sentence, pair.other(side), pair.text)]

    def quiet(self) -> dict[str, int]:
        """Quiet sentences: listed by both codings, by one only, and listed by one where the other codes
        an event (a must or an acceptable event whose evidence lies in the sentence)."""
        out = Counter()
        for pair in self.pairs:
            for side in SIDES:
                mine, theirs = pair.coding(side), pair.other(side)
                for sentence in mine.quiet:
                    if side == "first" and _listed(sentence, theirs.quiet):
                        out["both"] += 1
                    elif not _listed(sentence, theirs.quiet):
                        out[f"{side}_only"] += 1
                    if _has_event(sentence, theirs, pair.text):
                        out[f"{side}_quiet_other_codes_event"] += 1
        keys = ("both", "first_only", "second_only", "first_quiet_other_codes_event",
                "second_quiet_other_codes_event")
        return {key: out[key] for key in keys}

    def to_dict(self) -> dict:
        return {
            "articles": len(self.pairs),
            "must_events": {side: sum(len(p.coding(side).must) for p in self.pairs) for side in SIDES},
            "acceptable_events": {side: sum(len(p.coding(side).acceptable) for p in self.pairs)
                                  for side in SIDES},
            "levels": {level: {"second_recall_of_first": self.recall("first", level).to_dict(),
                               "first_recall_of_second": self.recall("second", level).to_dict(),
                               "f1": round(self.f1(level), 4)} for level in LEVELS},
            "must_against_must_only": {side: self.recall(side, against_must_only=True).to_dict()
                                       for side in SIDES},
            "all_events_matched_by_the_other": {side: self.precision_of_all(side).to_dict()
                                                for side in SIDES},
            "disagreements_by_kind": {side: dict(self.disagreement_kinds(side).most_common())
                                      for side in SIDES},
            "disagreements_by_field": dict(self.field_totals().most_common()),
            "quiet": self.quiet(),
            "per_article": {p.doc_id: {"second_recall_of_first": _article_recall(p, "first").to_dict(),
                                       "first_recall_of_second": _article_recall(p, "second").to_dict()}
                            for p in self.pairs},
            **({"missing": self.missing} if self.missing else {}),
        }

    def table(self) -> str:
        musts = {side: sum(len(p.coding(side).must) for p in self.pairs) for side in SIDES}
        lines = [f"Two codings of the same {len(self.pairs)} articles (first: {musts['first']} must events, "
                 f"second: {musts['second']}), matched as the scorer matches an event"
                 + (f"; coded in one file only: {', '.join(self.missing)}" if self.missing else ""),
                 f"{'level':<12}{'second finds first':>22}{'first finds second':>22}{'F1':>8}"]
        lines += [f"{level:<12}{str(self.recall('first', level)):>22}{str(self.recall('second', level)):>22}"
                  f"{self.f1(level):>8.3f}" for level in LEVELS]
        lines.append(f"{'must only':<12}{str(self.recall('first', against_must_only=True)):>22}"
                     f"{str(self.recall('second', against_must_only=True)):>22}")
        lines.append(f"{'all events':<12}{str(self.precision_of_all('first')):>22}"
                     f"{str(self.precision_of_all('second')):>22}   (must and acceptable, the other's match)")
        lines += ["", "must events the other coding misses, by what differs at its nearest event:"]
        kinds = self.disagreement_kinds()
        lines.append(f"  {'':<26}{'first':>8}{'second':>8}")
        by_side = {side: self.disagreement_kinds(side) for side in SIDES}
        lines += [f"  {kind:<26}{by_side['first'][kind]:>8}{by_side['second'][kind]:>8}"
                  for kind, _ in kinds.most_common()]
        totals = self.field_totals()
        lines.append("  fields taking part: " + ", ".join(f"{name} {totals[name]}" for name in FIELDS))
        quiet = self.quiet()
        lines += ["", f"quiet sentences: listed by both {quiet['both']}, by the first only "
                      f"{quiet['first_only']}, by the second only {quiet['second_only']}; quiet in the "
                      f"first where the second codes an event {quiet['first_quiet_other_codes_event']}, "
                      f"the reverse {quiet['second_quiet_other_codes_event']}",
                  "", "per article: second finds first, first finds second"]
        lines += [f"  {p.doc_id:<12} {_article_recall(p, 'first')}  {_article_recall(p, 'second')}"
                  for p in self.pairs]
        return "\n".join(lines)

    def disagreement_lines(self) -> list[str]:
        """One line per must event the other coding misses (article, whose event, the event, what
        differs, the other coding's nearest event, the evidence), then one per quiet sentence where the
        other coding codes an event."""
        events = [f"{d.doc_id}\t{d.side} must\t{_describe(d.event)}\t{d.kind}\t"
                  f"{_describe(d.nearest) if d.nearest else '-'}\t{' '.join(d.event.evidence.split())}"
                  for d in self.disagreements()]
        return events + [f"{doc_id}\t{side} quiet\tthe other codes an event\t{sentence}"
                         for doc_id, side, sentence in self.quiet_conflicts()]


def _disagreements(pair: ArticlePair, side: str) -> list[Disagreement]:
    other = pair.other(side)
    wanted = other.must + other.acceptable
    found = []
    for event in pair.coding(side).must:
        if any(events_match(event, w) for w in wanted):
            continue
        nearest = _nearest(event, wanted, pair.text)
        found.append(Disagreement(pair.doc_id, side, event, _kind(event, nearest), nearest))
    return found


def _nearest(event: LabelledEvent, candidates: tuple[LabelledEvent, ...], text: str) -> LabelledEvent | None:
    """The other coding's event at the same evidence agreeing on most fields (the first on a tie), else
    one in the article that differs in a single field other than the type."""
    spans = evidence_spans(event.evidence, text)
    there = [c for c in candidates if _overlap(spans, evidence_spans(c.evidence, text))]
    if there:
        return max(there, key=lambda c: sum(field_agreement(event, c).values()))
    near = [c for c in candidates if sum(field_agreement(event, c).values()) == len(FIELDS) - 1
            and field_agreement(event, c)["type"]]
    return near[0] if near else None


def _kind(event: LabelledEvent, nearest: LabelledEvent | None) -> str:
    if nearest is None:
        return ABSENT
    fields = field_agreement(event, nearest)
    if not fields["source"] and not fields["target"] and (event.source, event.target) == (
            nearest.target, nearest.source):
        rest = [name for name in ("type", "date") if not fields[name]]
        return "+".join([SWAPPED, *rest])
    return "+".join(name for name in FIELDS if not fields[name])


def _overlap(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end
               for start, end in spans for other_start, other_end in others)


def _listed(sentence: str, quiet: tuple[str, ...]) -> bool:
    """The same quiet sentence, compared as the scorer compares one (one may hold the other)."""
    return any(names_the_sentence(other, sentence) for other in quiet)


def _has_event(sentence: str, coding: ArticleLabel, text: str) -> bool:
    spans = evidence_spans(sentence, text)
    return any(_overlap(spans, evidence_spans(e.evidence, text)) for e in coding.must + coding.acceptable)


def _article_recall(pair: ArticlePair, side: str) -> Ratio:
    wanted = pair.other(side).must + pair.other(side).acceptable
    must = pair.coding(side).must
    return Ratio(sum(any(events_match(e, w) for w in wanted) for e in must), len(must))


def _describe(event: LabelledEvent) -> str:
    def day(value: dt.date) -> str:
        return "open" if value in (dt.date.min, dt.date.max) else value.isoformat()

    return (f"{event.event_type} {event.source or '-'} -> {event.target or '-'} "
            f"{day(event.date_from)}..{day(event.date_to)}")


def compare_codings(first: list[ArticleLabel], second: list[ArticleLabel],
                    texts: dict[str, str]) -> CodingAgreement:
    """Pair the two codings article by article (the first's order); an article coded in one file only is
    reported missing, never scored."""
    by_id = {label.doc_id: label for label in second}
    pairs = [ArticlePair(label.doc_id, label, by_id[label.doc_id], texts.get(label.doc_id, ""))
             for label in first if label.doc_id in by_id]
    paired = {pair.doc_id for pair in pairs}
    missing = [label.doc_id for label in [*first, *second] if label.doc_id not in paired]
    return CodingAgreement(pairs, missing)


def compare_files(first_path: Path, second_path: Path) -> CodingAgreement:
    """Two files of written articles (each record with its own text) coded by two coders."""
    first, docs = load_written(first_path)
    second, second_docs = load_written(second_path)
    texts = {doc_id: doc.text for doc_id, doc in {**second_docs, **docs}.items()}
    return compare_codings(first, second, texts)
