"""Scores on the project's own labelled real-news sentences (data/realnews): dev, and the frozen test.

Each labelled sentence is coded as a reader of the article would meet it: the sentences of a VOA
article are coded inside their whole article (publication date given), an event_location sentence
as a document of its own. The coder's events are matched to a labelled sentence by its text. The
event scored for a sentence is the coder's highest-confidence event in it (its "main" event), or
none.

The test split is read only through aggregate figures: `sentence_errors` refuses it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.plover import actor_key
from eventwire.ingest.readers import document_from_record
from eventwire.pipeline import Pipeline
from eventwire.records import EVENT_TYPES, Document, Event

DEFAULT_FOLDER = Path("data") / "realnews"
VOA_PATH = Path("data") / "voa" / "news_articles.jsonl"
NO_EVENT = "none"
SPLITS = ("dev", "test")
BODY_CODES = ("IGO", "NGO", "MNC")

# PentaClass: 0 no event (statements and appeals are no events in this set), then the quad classes.
PENTA_CLASS = {NO_EVENT: 0, "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "COOPERATE": 2, "AID": 2,
               "CONCEDE": 2, "RETREAT": 2, "ACCUSE": 3, "REQUEST": 3, "REJECT": 3, "THREATEN": 3,
               "PROTEST": 4, "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4}


@dataclass(frozen=True)
class LabelledActor:
    text: str
    country: str | None


@dataclass(frozen=True)
class LabelledSentence:
    id: str
    split: str
    origin: str  # "voa" or "event_location"
    doc_id: str
    text: str
    date: str | None
    event_type: str  # one of the 16 types, or NO_EVENT
    source: LabelledActor | None
    target: LabelledActor | None


@dataclass(frozen=True)
class ScoredSentence:
    gold: LabelledSentence
    predicted: Event | None

    @property
    def predicted_type(self) -> str:
        return self.predicted.event_type if self.predicted else NO_EVENT


@dataclass(frozen=True)
class ClassScore:
    name: str
    gold: int
    predicted: int
    right: int

    @property
    def f1(self) -> float:
        return 2 * self.right / (self.gold + self.predicted) if self.gold + self.predicted else 0.0


# --------------------------------------------------------------------------- reading the set

def load_sentences(folder: Path = DEFAULT_FOLDER,
                   labels_file: str = "labels.jsonl") -> list[LabelledSentence]:
    """The sampled sentences joined with one labeller's labels (every sentence must be labelled)."""
    labels = {r["id"]: r for r in _read_jsonl(folder / labels_file)}
    sentences = []
    for record in _read_jsonl(folder / "sentences.jsonl"):
        label = labels.get(record["id"])
        if label is None:
            continue
        sentences.append(LabelledSentence(
            id=record["id"], split=record["split"], origin=record["origin"], doc_id=record["doc_id"],
            text=record["text"], date=record["date"],
            event_type=label["type"] if label["event"] else NO_EVENT,
            source=_actor(label.get("source")), target=_actor(label.get("target"))))
    return sentences


def _actor(raw: dict | None) -> LabelledActor | None:
    return LabelledActor(raw["text"], raw.get("country")) if raw and raw.get("text") else None


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def held_out(folder: Path = DEFAULT_FOLDER) -> tuple[set[str], set[str]]:
    """What tuning must leave alone and what it may read: the test split's sentence texts, and the ids
    of the VOA articles that are wholly dev. Empty when the set is absent (an installed package)."""
    path = folder / "sentences.jsonl"
    if not path.exists():
        return set(), set()
    records = _read_jsonl(path)
    test_articles = {r["doc_id"] for r in records if r["split"] == "test"}
    dev_articles = {r["doc_id"] for r in records if r["origin"] == "voa"} - test_articles
    return {r["text"] for r in records if r["split"] == "test"}, dev_articles


# --------------------------------------------------------------------------- coding

def code_sentences(sentences: list[LabelledSentence], shared_dir: Path,
                   pipeline: Pipeline | None = None) -> list[ScoredSentence]:
    """Code each sentence in its article (VOA) or alone, and pick its main event."""
    return [ScoredSentence(sentence, max(events, key=_confidence, default=None))
            for sentence, events in sentence_events(sentences, shared_dir, pipeline)]


def sentence_events(sentences: list[LabelledSentence], shared_dir: Path,
                    pipeline: Pipeline | None = None) -> list[tuple[LabelledSentence, list[Event]]]:
    """Every event the coder finds in each sentence, coded in its article (VOA) or alone, but those
    flagged historical: background an analyst coding the news would not count."""
    pipeline = pipeline or Pipeline(workers=1)
    articles = {a["id"]: a for a in _read_jsonl(shared_dir / VOA_PATH)}
    docs: list[Document] = []
    for doc_id in sorted({s.doc_id for s in sentences if s.origin == "voa"}):
        doc = document_from_record(articles[doc_id], origin=f"voa:{doc_id}")
        if isinstance(doc, Document):
            docs.append(doc)
    docs += [Document(id=s.id, text=s.text, original_text=s.text, origin=f"realnews:{s.id}")
             for s in sentences if s.origin != "voa"]
    events_by_doc = {result.doc_id: result.events for result in pipeline.code_documents(docs)}
    found = []
    for sentence in sentences:
        key = sentence.doc_id if sentence.origin == "voa" else sentence.id
        found.append((sentence, [e for e in events_by_doc.get(key, [])
                                 if not e.historical and _same_sentence(e.sentence.text, sentence.text)]))
    return found


def _confidence(event: Event) -> float:
    return event.confidence


def _same_sentence(coded: str, labelled: str) -> bool:
    """The cleaner may fold quotes and spaces, and split a sentence slightly differently."""
    a, b = _normalise(coded), _normalise(labelled)
    return a == b or (min(len(a), len(b)) > 20 and (a in b or b in a))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return re.sub(r"\s+", " ", text).strip()


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-",
                         "\u2013": "-"})


# --------------------------------------------------------------------------- scores

class RealNewsReport:
    """Aggregate scores of one split."""

    def __init__(self, split: str, scored: list[ScoredSentence]):
        self.split = split
        self.scored = scored

    def type_scores(self) -> list[ClassScore]:
        return _class_scores(EVENT_TYPES, ((s.gold.event_type, s.predicted_type) for s in self.scored))

    def penta_scores(self) -> list[ClassScore]:
        pairs = ((str(PENTA_CLASS[s.gold.event_type]), str(PENTA_CLASS[s.predicted_type]))
                 for s in self.scored)
        return _class_scores([str(c) for c in range(5)], pairs)

    def no_event(self) -> ClassScore:
        return _class_scores([NO_EVENT], ((s.gold.event_type, s.predicted_type) for s in self.scored))[0]

    def macro_f1(self) -> float:
        scores = [c for c in self.type_scores() if c.gold]
        return sum(c.f1 for c in scores) / len(scores) if scores else 0.0

    def penta_macro_f1(self) -> float:
        scores = self.penta_scores()
        return sum(c.f1 for c in scores) / len(scores)

    def accuracy(self) -> float:
        return sum(s.gold.event_type == s.predicted_type for s in self.scored) / len(self.scored)

    def event_accuracy(self) -> float:
        """Of the sentences that report an event, the share coded with that type (as on the PLOVER gold)."""
        events = [s for s in self.scored if s.gold.event_type != NO_EVENT]
        return len(self._right_type()) / len(events) if events else 0.0

    def _right_type(self) -> list[ScoredSentence]:
        return [s for s in self.scored
                if s.gold.event_type != NO_EVENT and s.gold.event_type == s.predicted_type]

    def span_f1(self, role: str) -> tuple[float, int]:
        """Mean token F1 of the role's span over right-typed events whose label names that actor."""
        pairs = [(getattr(s.gold, role).text, " ".join(a.text for a in getattr(s.predicted, role)))
                 for s in self._right_type() if getattr(s.gold, role)]
        return (sum(_token_f1(g, p) for g, p in pairs) / len(pairs) if pairs else 0.0), len(pairs)

    def country_accuracy(self, role: str) -> tuple[int, int]:
        """Right-typed events whose labelled actor has a country or body code: is it among the coder's?"""
        right = total = 0
        for s in self._right_type():
            gold = getattr(s.gold, role)
            if gold is None or not gold.country:
                continue
            total += 1
            right += gold.country in {actor_key(a, BODY_CODES) for a in getattr(s.predicted, role)}
        return right, total

    def calibration(self) -> Calibration:
        """Reliability of the scored (main) events' confidence: is an event at 0.8 right 80% of the time?"""
        return calibration([(s.predicted.confidence, s.predicted_type == s.gold.event_type)
                            for s in self.scored if s.predicted is not None])

    def confusion(self) -> dict[str, dict[str, int]]:
        """PentaClass confusion: gold class -> predicted class -> count."""
        counts = Counter((PENTA_CLASS[s.gold.event_type], PENTA_CLASS[s.predicted_type]) for s in self.scored)
        return {str(g): {str(p): counts[(g, p)] for p in range(5)} for g in range(5)}

    def to_dict(self) -> dict:
        source_span, source_n = self.span_f1("source")
        target_span, target_n = self.span_f1("target")
        return {
            "split": self.split, "sentences": len(self.scored),
            "gold_events": sum(s.gold.event_type != NO_EVENT for s in self.scored),
            "penta_macro_f1": round(self.penta_macro_f1(), 4), "macro_f1": round(self.macro_f1(), 4),
            "no_event_f1": round(self.no_event().f1, 4), "accuracy": round(self.accuracy(), 4),
            "event_type_accuracy": round(self.event_accuracy(), 4),
            "source_span_f1": round(source_span, 4), "source_spans": source_n,
            "target_span_f1": round(target_span, 4), "target_spans": target_n,
            "source_country": _ratio(*self.country_accuracy("source")),
            "target_country": _ratio(*self.country_accuracy("target")),
            "per_type": {c.name: {"gold": c.gold, "predicted": c.predicted, "right": c.right,
                                  "f1": round(c.f1, 4)} for c in self.type_scores()},
            "penta_confusion": self.confusion(),
            "calibration": self.calibration().to_dict(),
        }

    def table(self) -> str:
        d = self.to_dict()
        lines = [f"Real-news sentences, {self.split} split: {d['sentences']} sentences, "
                 f"{d['gold_events']} with an event",
                 f"PentaClass macro-F1 {d['penta_macro_f1']:.3f}; 16-type macro-F1 {d['macro_f1']:.3f}; "
                 f"no-event F1 {d['no_event_f1']:.3f}; accuracy (17 classes) {d['accuracy']:.3f}; "
                 f"type accuracy on event sentences {d['event_type_accuracy']:.3f}",
                 f"source span token-F1 {d['source_span_f1']:.3f} ({d['source_spans']}); "
                 f"target span token-F1 {d['target_span_f1']:.3f} ({d['target_spans']}) "
                 "(events of the right type)",
                 f"source country {_show(d['source_country'])}; target country {_show(d['target_country'])}",
                 "", "| type | gold | predicted | right | F1 |", "| --- | ---: | ---: | ---: | ---: |"]
        for name, c in d["per_type"].items():
            lines.append(f"| {name} | {c['gold']} | {c['predicted']} | {c['right']} | {c['f1']:.3f} |")
        lines += ["", "PentaClass confusion (rows gold, columns coded; 0 = no event):",
                  "| gold | 0 | 1 | 2 | 3 | 4 |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for gold, row in d["penta_confusion"].items():
            lines.append(f"| {gold} | " + " | ".join(str(row[p]) for p in map(str, range(5))) + " |")
        return "\n".join(lines + ["", self.calibration().table()])


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    events: int
    mean_confidence: float
    right: int

    @property
    def share_right(self) -> float:
        return self.right / self.events if self.events else 0.0


@dataclass(frozen=True)
class Calibration:
    bins: list[ReliabilityBin]

    @property
    def events(self) -> int:
        return sum(b.events for b in self.bins)

    @property
    def ece(self) -> float:
        """Expected calibration error: the events-weighted gap between confidence and share right."""
        total = self.events
        gaps = sum(b.events * abs(b.share_right - b.mean_confidence) for b in self.bins)
        return gaps / total if total else 0.0

    def to_dict(self) -> dict:
        return {"events": self.events, "ece": round(self.ece, 4),
                "bins": [{"low": b.low, "high": b.high, "events": b.events,
                          "mean_confidence": round(b.mean_confidence, 4), "right": b.right,
                          "share_right": round(b.share_right, 4)} for b in self.bins]}

    def table(self) -> str:
        lines = [f"Confidence of the scored events ({self.events}): "
                 f"expected calibration error {self.ece:.3f}",
                 "| confidence | events | mean confidence | share right |", "| --- | ---: | ---: | ---: |"]
        lines += [f"| {b.low:.1f}-{b.high:.1f} | {b.events} | {b.mean_confidence:.3f} | {b.share_right:.3f} |"
                  for b in self.bins if b.events]
        return "\n".join(lines)


def calibration(pairs: Iterable[tuple[float, bool]], bins: int = 10) -> Calibration:
    """Reliability table over (confidence, right) pairs in equal-width confidence bins."""
    grouped: dict[int, list[tuple[float, bool]]] = {}
    for confidence, right in pairs:
        grouped.setdefault(min(int(confidence * bins), bins - 1), []).append((confidence, right))
    return Calibration([ReliabilityBin(
        round(i / bins, 2), round((i + 1) / bins, 2), len(grouped.get(i, [])),
        sum(c for c, _ in grouped.get(i, [])) / len(grouped[i]) if grouped.get(i) else 0.0,
        sum(r for _, r in grouped.get(i, []))) for i in range(bins)])


def sentence_errors(report: RealNewsReport) -> list[str]:
    """One line per wrongly typed sentence: for development sets only (dev, the training set), never for
    the frozen test."""
    if report.split not in ("dev", "train"):
        raise ValueError("the test split is read only through aggregate figures")
    return [f"{s.gold.id}\t{s.gold.event_type} <- {s.predicted_type}\t{s.gold.text}"
            for s in report.scored if s.gold.event_type != s.predicted_type]


def actor_errors(report: RealNewsReport) -> list[str]:
    """One line per role of a rightly typed event whose country disagrees with the label, as the article
    scorer compares them: a labelled country the coder's role lacks ("missing" when the role names no
    country, "wrong" when another), or a country coded where the label has none ("extra"). With the
    coder's reasons for that role. For development sets only, never for the frozen test."""
    if report.split not in ("dev", "train"):
        raise ValueError("the test split is read only through aggregate figures")
    lines = []
    for s in report._right_type():
        for role in ("source", "target"):
            gold = getattr(s.gold, role)
            wanted = gold.country if gold else None
            coded = [a for a in getattr(s.predicted, role) if actor_key(a, BODY_CODES)]
            keys = {actor_key(a, BODY_CODES) for a in coded}
            if (wanted in keys) if wanted else not keys:
                continue
            kind = "extra" if not wanted else ("missing" if not keys else "wrong")
            shown = "; ".join(f"{a.text!r}={actor_key(a, BODY_CODES)}" for a in coded) or "-"
            why = " | ".join(r for r in s.predicted.reasons if getattr(r, "field", None) == role)
            label = f"{gold.text!r}={wanted}" if gold else "-"
            lines.append(f"{s.gold.id}\tACTOR {role} {kind}\t{s.gold.event_type}\tlabel {label}\t"
                         f"coded {shown}\t{why}\t{s.gold.text.strip()}")
    return lines


def evaluate_realnews(shared_dir: Path, folder: Path = DEFAULT_FOLDER, pipeline: Pipeline | None = None,
                      splits: tuple[str, ...] = SPLITS) -> dict[str, RealNewsReport]:
    scored = code_sentences(load_sentences(folder), shared_dir, pipeline)
    return {split: RealNewsReport(split, [s for s in scored if s.gold.split == split]) for split in splits}


def _class_scores(names: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[ClassScore]:
    gold, predicted, right = Counter(), Counter(), Counter()
    for g, p in pairs:
        gold[g] += 1
        predicted[p] += 1
        right[g] += g == p
    return [ClassScore(n, gold[n], predicted[n], right[n]) for n in names]


def _token_f1(gold: str, predicted: str) -> float:
    g, p = Counter(_tokens(gold)), Counter(_tokens(predicted))
    common = sum((g & p).values())
    return 2 * common / (sum(g.values()) + sum(p.values())) if common else 0.0


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", _normalise(text))


def _ratio(right: int, total: int) -> dict:
    return {"value": round(right / total, 4) if total else 0.0, "right": right, "total": total}


def _show(ratio: dict) -> str:
    return f"{ratio['value']:.3f} ({ratio['right']}/{ratio['total']})"


# --------------------------------------------------------------------------- agreement

@dataclass(frozen=True)
class Agreement:
    sentences: int
    type_kappa: float
    type_agreement: float
    penta_kappa: float
    penta_agreement: float
    source_span_f1: float  # mean token F1 where both labellers name a source
    source_spans: int
    target_span_f1: float
    target_spans: int

    def to_dict(self) -> dict:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


class AgreementReport:
    """The agreement of two labellings, printable beside the other reports."""

    def __init__(self, first: list[LabelledSentence], second: list[LabelledSentence]):
        self.agreement = agreement(first, second)

    def to_dict(self) -> dict:
        return self.agreement.to_dict()

    def table(self) -> str:
        a = self.agreement
        return (f"Real-news labels, two independent labellings of {a.sentences} sentences: type (17 classes) "
                f"kappa {a.type_kappa:.3f} (agreement {a.type_agreement:.3f}); PentaClass kappa "
                f"{a.penta_kappa:.3f} (agreement {a.penta_agreement:.3f}); source span token-F1 "
                f"{a.source_span_f1:.3f} ({a.source_spans}); target span token-F1 {a.target_span_f1:.3f} "
                f"({a.target_spans})")


def agreement(first: list[LabelledSentence], second: list[LabelledSentence]) -> Agreement:
    """Cohen's kappa between two independent labellings of the same sentences."""
    by_id = {s.id: s for s in first}
    pairs = [(by_id[s.id], s) for s in second if s.id in by_id]
    types = [(a.event_type, b.event_type) for a, b in pairs]
    penta = [(PENTA_CLASS[a], PENTA_CLASS[b]) for a, b in types]
    spans = {role: [_token_f1(getattr(a, role).text, getattr(b, role).text) for a, b in pairs
                    if getattr(a, role) and getattr(b, role)] for role in ("source", "target")}
    return Agreement(len(pairs), cohen_kappa(types), _observed(types), cohen_kappa(penta), _observed(penta),
                     _mean(spans["source"]), len(spans["source"]),
                     _mean(spans["target"]), len(spans["target"]))


def cohen_kappa(pairs: list[tuple]) -> float:
    observed = _observed(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / len(pairs) ** 2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _observed(pairs: list[tuple]) -> float:
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else 0.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
