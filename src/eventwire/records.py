"""Typed records passed between stages.

Every stage speaks these types; the JSON output contract is one function of them
(`Event.to_dict`). Character offsets always refer to `Document.text`, the cleaned text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
VERBAL_QUADS = frozenset({"verbal_cooperation", "verbal_conflict"})

Status = Literal["coded", "skipped", "failed"]
# The fields an event's reasons explain, in the order they are shown; "other" holds a reason written
# without a field (a stored record older than keyed reasons, see store.reasons).
REASON_FIELDS = ("type", "modality", "source", "target", "reported_by", "date", "location", "confidence",
                 "merge", "other")
Granularity = Literal["day", "week", "month", "year"]


@dataclass
class Document:
    """One article after reading and cleaning."""

    id: str
    text: str  # cleaned text: every offset in every output refers to it
    original_text: str
    origin: str  # where it came from: a path, "path:line" for JSONL, "<stdin>:line"
    title: str | None = None
    date: dt.date | None = None  # publication date
    date_source: str | None = None  # "given", "html-metadata", "date-line", "dateline"
    url: str | None = None
    source: str | None = None  # the outlet or signature, e.g. "Reuters"
    dateline_place: str | None = None  # "CAIRO" from "CAIRO, March 11, 2024 -"
    cleaning: list[str] = field(default_factory=list)  # what the cleaner removed, and why


@dataclass
class Rejected:
    """An input that produced no Document: it carries its status to the end."""

    origin: str
    status: Status  # "skipped" or "failed"
    reason: str
    doc_id: str | None = None


@dataclass
class Actor:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, COP, REB, OPP, LEG, JUD, BUS, MED, CVL, IGO, ...
    code: str | None = None  # CAMEO-style actor code such as "RUSGOV"
    id: str | None = None  # stable actor id from the dictionary

    def to_dict(self) -> dict:
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": self.name,
            "country": self.country, "sector": self.sector, "code": self.code, "id": self.id,
        }


@dataclass
class EventDate:
    value: dt.date | None = None
    text: str | None = None  # the words that gave the date, or None when it is the publication date
    granularity: Granularity | None = None

    def to_dict(self) -> dict:
        return {
            "value": self.value.isoformat() if self.value else None,
            "text": self.text,
            "granularity": self.granularity,
        }


@dataclass
class Location:
    text: str
    start: int | None  # None when the place comes from the dateline, which cleaning removed
    end: int | None
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None  # the first-level division's name (a province, a state) when known
    admin1_code: str | None = None  # its GeoNames code, "SY.09"
    precision: str | None = None  # city, admin1, region, territory, country, dateline or unresolved

    def to_dict(self) -> dict:
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": self.name,
            "country": self.country, "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid,
            "admin1": self.admin1, "admin1_code": self.admin1_code, "precision": self.precision,
        }


@dataclass
class Sentence:
    index: int
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"index": self.index, "text": self.text, "start": self.start, "end": self.end}


@dataclass
class Trigger:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Magnitude:
    """How many were killed, injured or arrested in an event, or how many took part (PLOVER's dead,
    injured and size fields), as numbers and as given: "dozens" is the range 24..99."""

    kind: str  # "dead", "injured", "arrested", "size"
    low: int | None
    high: int | None  # None when open-ended ("at least 30")
    text: str  # the words that give it, as written
    start: int
    end: int
    reason: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "low": self.low, "high": self.high, "text": self.text,
                "start": self.start, "end": self.end, "reason": self.reason}


class Reason(str):
    """One reason: its text, tagged with the event field it explains (one of REASON_FIELDS). It is a
    str, so that whoever reads reasons as sentences keeps reading them."""

    field: str

    def __new__(cls, field: str, text: str) -> Reason:
        if field not in REASON_FIELDS:
            raise ValueError(f"unknown reason field {field!r}: one of {', '.join(REASON_FIELDS)}")
        reason = super().__new__(cls, text)
        reason.field = field
        return reason

    def __getnewargs__(self) -> tuple[str, str]:
        return self.field, str(self)

    def __repr__(self) -> str:
        return f"Reason({self.field!r}, {str(self)!r})"


def reasons_of(field: str, texts: Iterable[str]) -> list[Reason]:
    """`texts` as reasons explaining `field`."""
    return [Reason(field, text) for text in texts]


def keyed_reasons(reasons: Iterable[str]) -> dict[str, list[str]]:
    """Reasons grouped by the field they explain, fields in REASON_FIELDS order, each field's reasons
    in the order they were given (a plain str counts as "other")."""
    keyed: dict[str, list[str]] = {}
    for reason in reasons:
        keyed.setdefault(getattr(reason, "field", "other"), []).append(str(reason))
    return {name: keyed[name] for name in REASON_FIELDS if name in keyed}


@dataclass
class Event:
    doc_id: str
    event_type: str  # one of EVENT_TYPES
    mode: str | None
    cameo: str | None
    quad_class: str  # one of QUAD_CLASSES
    sentence: Sentence
    trigger: Trigger
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    date: EventDate = field(default_factory=EventDate)
    location: Location | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    # a past act told as background ("the army, which intervened in 2015, ..."): PLOVER's auxiliary
    # mode; kept, but below the sentence's reported events in confidence
    historical: bool = False
    reported_by: list[Actor] | None = None
    confidence: float = 0.0
    reasons: list[Reason] = field(default_factory=list)  # in the order the coder gave them
    magnitudes: list[Magnitude] = field(default_factory=list)

    @property
    def event_id(self) -> str:
        """Stable across runs: the same document, trigger and type give the same id."""
        key = f"{self.doc_id}|{self.trigger.start}|{self.trigger.end}|{self.event_type}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict:
        """The output contract (field names are read by other tools)."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "historical": self.historical,
            "reported_by": [a.to_dict() for a in self.reported_by] if self.reported_by is not None else None,
            "confidence": round(self.confidence, 3),
            "reasons": keyed_reasons(self.reasons),
            "magnitudes": [m.to_dict() for m in self.magnitudes],
        }


@dataclass
class DocumentResult:
    """What coding one input produced: its status, the reason, and its events."""

    origin: str
    status: Status
    reason: str | None = None
    doc_id: str | None = None
    document: Document | None = None
    events: list[Event] = field(default_factory=list)

    @classmethod
    def from_rejected(cls, rejected: Rejected) -> DocumentResult:
        return cls(origin=rejected.origin, status=rejected.status, reason=rejected.reason,
                   doc_id=rejected.doc_id)
