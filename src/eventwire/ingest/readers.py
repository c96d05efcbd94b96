"""Readers for .txt, .html, .jsonl, directories and standard input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from eventwire.records import Document, Rejected

DEFAULT_MAX_BYTES = 5_000_000


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                date: dt.date | None = None) -> Iterator[Document | Rejected]:
    """Every document found under `paths` ("-" is JSONL on standard input), streamed.

    `date` is a publication date that overrides any found in the documents.
    """
    raise NotImplementedError


def make_document(text: str, *, doc_id: str | None = None, title: str | None = None,
                  date: dt.date | None = None, url: str | None = None, source: str | None = None,
                  origin: str = "<text>") -> Document:
    """Clean raw text into a Document; the id is `doc_id` or a hash of the content."""
    raise NotImplementedError


def document_from_record(record: dict, *, origin: str) -> Document | Rejected:
    """A Document from a JSONL-shaped record: id, text, and optional title, date, url, source."""
    raise NotImplementedError
