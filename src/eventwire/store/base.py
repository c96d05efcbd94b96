"""The storage interface every backend implements, and the records it answers with."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field

from eventwire.records import Document, DocumentResult
from eventwire.store.provenance import CoderInfo


@dataclass(frozen=True)
class EventQuery:
    """Filters for stored events; None means no filter."""

    actor: str | None = None  # an actor code prefix (all capitals, e.g. RUSGOV) or part of a name
    country: str | None = None  # ISO3 of any actor or of the event location
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: float | None = None


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
    def dyads(self, query: EventQuery | None = None, interval: str = "month") -> list[DyadCount]: ...

    @abstractmethod
    def article(self, doc_id: str) -> StoredArticle | None: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per kind: articles by status, mentions, events."""
