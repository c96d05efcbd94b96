"""Event type and source-actor scores on the PLOVER gold-standard records (development set).

Each gold record is one sentence coded with one event. The coder sees it as a document
published on 2000-01-01 and may find several events; the one scored for the record is
the highest-confidence event whose trigger overlaps the words the annotators marked as
the event (EVT), else the highest-confidence event of the sentence, else "none".
docs/accuracy.md states the definitions in full.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.pipeline import Pipeline
from eventwire.records import EVENT_TYPES, Actor, Document, Event

GOLD_PATH = Path("data") / "plover_gsr" / "plover_gsr.jsonl"
PUBLICATION_DATE = dt.date(2000, 1, 1)
NONE = "none"
# Gold codes that are not ISO 3166 alpha-3 but name a country (CAMEO's own spellings).
GOLD_COUNTRY_ALIASES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}
# Gold codes for bodies without a country: scored as a class of their own, not as countries.
BODY_CODES = {"IGO", "NGO"}
CONFIDENT = 0.5
_EVT = re.compile(r"\(EVT:\s*([^)]*)\)")
_INNER_MARKUP = re.compile(r"\((?:SRC|TAR|SRC/TAR|LOC|EVT):\s*|[{}]")


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    event_type: str
    source_keys: frozenset[str]  # normalised country codes, or IGO/NGO
    source_sectors: frozenset[str]
    event_spans: tuple[tuple[int, int], ...]  # character spans of the EVT words in `text`


@dataclass(frozen=True)
class ScoredRecord:
    gold: GoldRecord
    predicted: Event | None
    selected_by: str  # "trigger overlaps EVT", "highest confidence", "no event"
    events: int
    failure: str | None = None  # why the pipeline failed on the record, if it did

    @property
    def predicted_type(self) -> str:
        return self.predicted.event_type if self.predicted else NONE

    @property
    def type_right(self) -> bool:
        return self.predicted_type == self.gold.event_type


@dataclass(frozen=True)
class TypeScore:
    event_type: str
    gold: int
    predicted: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Ratio:
    right: int
    total: int

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.right}/{self.total})"

    def to_dict(self) -> dict:
        return {"value": round(self.value, 4), "right": self.right, "total": self.total}


@dataclass
class PloverReport:
    records: list[ScoredRecord]
    per_type: list[TypeScore] = field(init=False)

    def __post_init__(self) -> None:
        gold = Counter(r.gold.event_type for r in self.records)
        predicted = Counter(r.predicted_type for r in self.records)
        right = Counter(r.gold.event_type for r in self.records if r.type_right)
        self.per_type = [TypeScore(t, gold[t], predicted[t], right[t]) for t in EVENT_TYPES]

    @property
    def macro_f1(self) -> float:
        scored = [s for s in self.per_type if s.gold]
        return sum(s.f1 for s in scored) / len(scored)

    @property
    def type_accuracy(self) -> Ratio:
        return Ratio(sum(r.type_right for r in self.records), len(self.records))

    def source_country(self, type_right_only: bool = True) -> Ratio:
        """Exact match of the set of source countries, over records whose gold sources are all countries."""
        rows = [r for r in self._with_prediction(type_right_only)
                if r.gold.source_keys and not r.gold.source_keys & BODY_CODES
                and all(len(k) == 3 for k in r.gold.source_keys)]
        return Ratio(sum(_source_keys(r.predicted) == r.gold.source_keys for r in rows), len(rows))

    def source_body(self) -> Ratio:
        """International and non-governmental bodies (gold IGO/NGO): the source must be such a body.

        IGO and NGO count as one class: the gold itself codes the Red Cross and Amnesty as IGO.
        """
        rows = [r for r in self._with_prediction(True) if r.gold.source_keys & BODY_CODES]
        return Ratio(sum(bool(_source_keys(r.predicted) & BODY_CODES) for r in rows), len(rows))

    def source_sector(self) -> Ratio:
        """Exact match of the set of source sectors, over records whose gold sources carry a sector."""
        rows = [r for r in self._with_prediction(True) if r.gold.source_sectors]
        return Ratio(sum(_source_sectors(r.predicted) == r.gold.source_sectors for r in rows), len(rows))

    def calibration(self, threshold: float = CONFIDENT) -> Ratio:
        """Scored events with confidence >= threshold whose type is the gold type."""
        rows = [r for r in self.records if r.predicted and r.predicted.confidence >= threshold]
        return Ratio(sum(r.type_right for r in rows), len(rows))

    def reliability(self) -> list[tuple[str, Ratio]]:
        """Type accuracy of the scored events by confidence band."""
        bands = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)]
        out = []
        for low, high in bands:
            rows = [r for r in self.records if r.predicted and low <= r.predicted.confidence < high]
            band = f"[{low:.1f}, {min(high, 1.0):.1f})"
            out.append((band, Ratio(sum(r.type_right for r in rows), len(rows))))
        return out

    def _with_prediction(self, type_right_only: bool) -> list[ScoredRecord]:
        return [r for r in self.records if r.predicted and (r.type_right or not type_right_only)]

    def to_dict(self) -> dict:
        return {
            "records": len(self.records),
            "macro_f1": round(self.macro_f1, 4),
            "type_accuracy": round(self.type_accuracy.value, 4),
            "no_event": sum(r.predicted is None for r in self.records),
            "failed": sum(r.failure is not None for r in self.records),
            "per_type": {s.event_type: {"gold": s.gold, "predicted": s.predicted, "right": s.right,
                                        "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                                        "f1": round(s.f1, 4)} for s in self.per_type},
            "source_country": self.source_country().to_dict(),
            "source_country_any_type": self.source_country(type_right_only=False).to_dict(),
            "source_body": self.source_body().to_dict(),
            "source_sector": self.source_sector().to_dict(),
            "calibration_at_0.5": self.calibration().to_dict(),
            "reliability": {band: ratio.to_dict() for band, ratio in self.reliability()},
        }

    def table(self) -> str:
        no_event = sum(r.predicted is None for r in self.records)
        failed = sum(r.failure is not None for r in self.records)
        lines = [f"PLOVER gold: {len(self.records)} records, 16-type macro-F1 {self.macro_f1:.3f}, "
                 f"accuracy {self.type_accuracy}, no event for {no_event} (failed: {failed})",
                 "", f"{'type':<10} {'gold':>5} {'pred':>5} {'right':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for s in self.per_type:
            lines.append(f"{s.event_type:<10} {s.gold:>5} {s.predicted:>5} {s.right:>5} "
                         f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
        measures = [
            ("source country (type right)", self.source_country()),
            ("source country (any predicted type)", self.source_country(type_right_only=False)),
            ("source IGO/NGO body (type right)", self.source_body()),
            ("source sector (type right)", self.source_sector()),
            (f"confidence >= {CONFIDENT}: type right", self.calibration()),
        ]
        lines.append("")
        lines += [f"{name:<38}{ratio}" for name, ratio in measures]
        bands = ", ".join(f"{band} {ratio}" for band, ratio in self.reliability())
        lines.append(f"reliability by confidence band: {bands}")
        return "\n".join(lines)


def evaluate_plover(shared_dir: Path, pipeline: Pipeline | None = None) -> PloverReport:
    """Code every gold sentence and score it."""
    gold = load_gold(shared_dir / GOLD_PATH)
    docs = [Document(id=g.id, text=g.text, original_text=g.text, origin=f"plover_gsr:{g.id}",
                     date=PUBLICATION_DATE, date_source="given") for g in gold]
    results = (pipeline or Pipeline(workers=1)).code_documents(docs)
    return PloverReport([score_record(g, result.events, result.reason if result.status == "failed" else None)
                         for g, result in zip(gold, results)])


def score_record(gold: GoldRecord, events: list[Event], failure: str | None = None) -> ScoredRecord:
    events = [e for e in events if not e.historical]  # background, never the sentence's event
    overlapping = [e for e in events if any(e.trigger.start < end and start < e.trigger.end
                                            for start, end in gold.event_spans)]
    if overlapping:
        return ScoredRecord(gold, max(overlapping, key=_confidence), "trigger overlaps EVT", len(events))
    if events:
        return ScoredRecord(gold, max(events, key=_confidence), "highest confidence", len(events))
    return ScoredRecord(gold, None, "no event", 0, failure)


def _confidence(event: Event) -> float:
    return event.confidence


def load_gold(path: Path) -> list[GoldRecord]:
    with path.open(encoding="utf-8") as stream:
        return [gold_record(json.loads(line)) for line in stream if line.strip()]


def gold_record(raw: dict) -> GoldRecord:
    return GoldRecord(
        id=raw["id"], text=raw["text"], event_type=raw["event"],
        source_keys=frozenset(k for k in (gold_actor_key(a.get("code")) for a in raw["source"]) if k),
        source_sectors=frozenset(s for s in (gold_sector(a.get("sector")) for a in raw["source"]) if s),
        event_spans=tuple(event_spans(raw["text"], raw.get("markup") or "")),
    )


def gold_actor_key(code: str | None) -> str | None:
    """A gold actor code as compared: an ISO alpha-3 country, IGO or NGO; other codes are not scored."""
    if not code:
        return None
    code = GOLD_COUNTRY_ALIASES.get(code.upper(), code.upper())
    if code in BODY_CODES:
        return code
    return code if re.fullmatch(r"[A-Z]{3}", code) and code not in {"IMG", "ISM"} else None


def gold_sector(sector: str | None) -> str | None:
    """The primary sector of a gold code: its first three letters ("CVLalb" -> CVL); '***' is none."""
    if not sector or not sector[:3].isalpha():
        return None
    return sector[:3].upper()


def event_spans(text: str, markup: str) -> list[tuple[int, int]]:
    """Character spans in `text` of the words marked (EVT: ...) in `markup`."""
    spans = []
    lowered = text.lower()
    for marked in _EVT.findall(markup):
        phrase = _INNER_MARKUP.sub("", marked).strip().lower()
        at = lowered.find(phrase) if phrase else -1
        if at >= 0:
            spans.append((at, at + len(phrase)))
            continue
        for word in re.findall(r"[a-z][a-z-]{2,}", phrase):
            match = re.search(rf"\b{re.escape(word)}\b", lowered)
            if match:
                spans.append(match.span())
    return spans


def _source_keys(event: Event) -> frozenset[str]:
    return frozenset(k for k in (actor_key(a) for a in event.source) if k)


def actor_key(actor: Actor, bodies=BODY_CODES) -> str | None:
    """A coded actor as compared with gold codes: its body category (IGO, NGO...) or its country."""
    if actor.sector in bodies or (actor.code or "")[:3] in bodies:
        return actor.sector if actor.sector in bodies else actor.code[:3]
    return actor.country


def _source_sectors(event: Event) -> frozenset[str]:
    return frozenset(a.sector[:3].upper() for a in event.source if a.sector)
