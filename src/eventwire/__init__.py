"""eventwire: political event data (PLOVER) from news text, with evidence for every field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from eventwire.ingest import document_from_record, make_document
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


def code_text(text: str, date: dt.date | str | None = None) -> list[Event]:
    """Events in one article's text; `date` is its publication date."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    result = _default_pipeline().code_document(make_document(text, date=date))
    return result.events


def code_documents(items: Iterable[Document | Rejected | str | dict]) -> Iterator[DocumentResult]:
    """Code many documents: Documents, plain texts, or dicts shaped like a JSONL input line."""
    return _default_pipeline().code_documents(_as_document(item) for item in items)


def _as_document(item: Document | Rejected | str | dict) -> Document | Rejected:
    if isinstance(item, Document | Rejected):
        return item
    if isinstance(item, str):
        return make_document(item)
    return document_from_record(item, origin=str(item.get("id") or "<record>"))
