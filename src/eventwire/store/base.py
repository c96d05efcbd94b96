"""The storage interface every backend implements, and the records it answers with."""

from __future__ import annotations

import datetime as dt
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from eventwire.records import Document, DocumentResult
from eventwire.store.provenance import CoderInfo

# Orders of event lists: a key, descending with a leading "-"; ties broken by event id.
SORT_KEYS = ("date", "-date", "confidence", "-confidence", "num_articles", "-num_articles")


@dataclass(frozen=True)
class EventQuery:
    """Filters, order and page of stored events; None or () means no filter.

    Build it from user strings with `eventwire.query.parse_query`, which validates every value.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    countries: tuple[str, ...] = ()  # ISO3; an event matches when any actor on `role` has one
    role: str | None = None  # "source" or "target"; None: either side
    actor: str | None = None  # an actor code prefix (all capitals, e.g. RUSGOV) or part of a name
    event_types: tuple[str, ...] = ()
    quad_classes: tuple[str, ...] = ()
    min_confidence: float | None = None
    place: str | None = None  # part of the event location's name
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    dyad: tuple[str, str] | None = None  # (source, target) as DyadTotal names them ("-": no actor)
    text: str | None = None  # words that must all occur in the evidence sentences (full-text index)
    # False: current events only (the default: background acts are not news); True: historical only;
    # None: both
    historical: bool | None = False
    sort: str = "date"  # one of SORT_KEYS
    limit: int | None = None  # None: every matching event
    after: tuple | None = None  # (sort value, event id) of the last event of the previous page


@dataclass(frozen=True)
class StoredEvent:
    """One merged (real-world) event out of the store.

    `record` is the event as `eventwire events --format jsonl` writes it: the coder's output
    contract plus num_articles, num_sources, mentions, first_reported and last_reported.
    """

    event_id: str
    event_type: str
    quad_class: str
    date: str | None  # the event's day, or when first reported if it has none
    confidence: float
    num_articles: int
    num_sources: int
    record_json: str  # the record as stored: JSON text, passed on as it is where JSON is wanted

    @cached_property
    def record(self) -> dict:
        return json.loads(self.record_json)

    def sort_value(self, sort: str) -> str | float | int | None:
        key = sort.lstrip("-")
        return self.date if key == "date" else getattr(self, key)

    def to_dict(self) -> dict:
        return self.record


@dataclass(frozen=True)
class EventPage:
    events: list[StoredEvent]
    next: tuple | None  # (sort value, event id) to continue after, or None on the last page


@dataclass(frozen=True)
class TimelineCount:
    period: str  # first day of the day, week (Monday) or month
    group: str | None  # the quad class or event type, when counted by one
    events: int


@dataclass(frozen=True)
class DyadTotal:
    source: str  # the first source actor's code ("-" when none)
    target: str
    events: int
    by_quad_class: dict[str, int]


@dataclass(frozen=True)
class ActorCount:
    code: str
    name: str | None
    country: str | None
    as_source: int
    as_target: int
    events: int


class QueryTimeout(RuntimeError):
    """A statement ran past the store's time limit and was cancelled."""


@dataclass(frozen=True)
class DyadCount:
    period: str  # first day of the day, week (Monday) or month, or "undated"
    source: str
    target: str
    quad_class: str
    events: int


@dataclass
class StoredArticle:
    doc_id: str
    status: str
    reason: str | None
    title: str | None
    url: str | None
    source: str | None
    pub_date: str | None
    text: str | None
    # coder records, each with the merged event it belongs to: merged_event_id, merged_num_articles,
    # merged_num_mentions
    mentions: list[dict] = field(default_factory=list)
    cleaning: list[str] = field(default_factory=list)  # what the cleaner removed, and why


@dataclass(frozen=True)
class SaveOutcome:
    doc_id: str
    replaced: bool  # an earlier version of the article and its mentions were replaced
    mentions: int
    error: str | None = None  # why the article could not be stored as coded (it is stored as failed)


class EventStore(ABC):
    """Articles, their coded mentions, and merged events: one interface, several databases."""

    url: str

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def is_current(self, doc: Document, coder: CoderInfo) -> bool:
        """True when this exact article was already coded by this coder version and settings."""

    @abstractmethod
    def save(self, result: DocumentResult, coder: CoderInfo) -> SaveOutcome:
        """Store one article and its mentions, replacing any earlier version, and re-merge the
        events it touches: all in one transaction."""

    @abstractmethod
    def recompute_merges(self) -> int:
        """Rebuild every merged event from the stored mentions; returns the number of events."""

    @abstractmethod
    def events(self, query: EventQuery | None = None) -> Iterator[dict]:
        """Merged event records, by date: the coder's fields plus num_articles, num_sources,
        mentions, first_reported and last_reported."""

    @abstractmethod
    def find_events(self, query: EventQuery | None = None) -> Iterator[StoredEvent]:
        """Matching events as typed records, in the query's order, after its cursor, to its limit."""

    @abstractmethod
    def event_page(self, query: EventQuery) -> EventPage: ...

    @abstractmethod
    def count_events(self, query: EventQuery | None = None) -> int: ...

    @abstractmethod
    def event(self, event_id: str) -> StoredEvent | None:
        """One event; each of its mentions also carries its coded record ("coded": actors with
        offsets, date, location, flags, confidence, reasons)."""

    @abstractmethod
    def timeline(self, query: EventQuery | None = None, by: str | None = None) -> list[TimelineCount]:
        """Dated events per day, and per quad class or event type when `by` names one; days
        without events are left out."""

    @abstractmethod
    def dyad_totals(self, query: EventQuery | None = None, limit: int = 100) -> list[DyadTotal]:
        """The source-target pairs with the most events, with their counts by quad class."""

    @abstractmethod
    def actor_counts(self, query: EventQuery | None = None, limit: int = 100) -> list[ActorCount]:
        """The actors (by code) in the most matching events, as source and as target."""

    @abstractmethod
    def reader(self, time_limit: float | None = None) -> EventStore:
        """Another handle on the same database, on its own connection, for one thread or request;
        statements past `time_limit` seconds are cancelled with QueryTimeout."""

    @abstractmethod
    def dyads(self, query: EventQuery | None = None, interval: str = "month") -> list[DyadCount]: ...

    @abstractmethod
    def article(self, doc_id: str) -> StoredArticle | None: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per kind: articles by status, mentions, events."""
