"""eventwire: political event data (PLOVER) from news text, with evidence for every field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from eventwire.ingest import make_document
from eventwire.pipeline import Pipeline
from eventwire.records import (
    Actor,
    Document,
    DocumentResult,
    Event,
    EventDate,
    Location,
    Rejected,
    Sentence,
    Trigger,
)

__version__ = "0.1.0"

__all__ = [
    "Actor", "Document", "DocumentResult", "Event", "EventDate", "Location", "Pipeline",
    "Rejected", "Sentence", "Trigger", "code_documents", "code_text", "__version__",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def code_text(text: str, date: dt.date | dt.datetime | str | None = None) -> list[Event]:
    """Events in one article's text; `date` is its publication date (a date, a datetime, whose
    day is taken, or an ISO string)."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    elif isinstance(date, dt.datetime):  # a datetime is a date too: its day, never its time
        date = date.date()
    result = _default_pipeline().code_document(make_document(text, date=date))
    return result.events


def code_documents(items: Iterable[Document | Rejected | str | dict]) -> Iterator[DocumentResult]:
    """Code many documents: Documents, plain texts, or dicts shaped like a JSONL input line."""
    return _default_pipeline().code_documents(items)
