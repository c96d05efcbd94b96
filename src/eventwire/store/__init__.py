"""The event store: articles, coded mentions and merged events in SQLite or PostgreSQL."""

from __future__ import annotations

from eventwire.store.base import DyadCount, EventQuery, EventStore, SaveOutcome, StoredArticle
from eventwire.store.provenance import CoderInfo, content_hash, current_coder

DEFAULT_DB = "eventwire.db"

__all__ = [
    "DEFAULT_DB", "CoderInfo", "DyadCount", "EventQuery", "EventStore", "SaveOutcome", "StoredArticle",
    "content_hash", "current_coder", "open_store",
]


def open_store(url: str = DEFAULT_DB) -> EventStore:
    """A store for `url`: postgresql://..., sqlite:///relative/path, sqlite:////absolute/path,
    or a plain file path (SQLite)."""
    if url.startswith(("postgresql://", "postgres://")):
        from eventwire.store.postgres import PostgresEventStore

        return PostgresEventStore(url)
    from eventwire.store.sqlite import SqliteEventStore

    if url.startswith("sqlite:"):
        path = url.removeprefix("sqlite:").removeprefix("///")
        return SqliteEventStore(path or ":memory:")
    if "://" in url:
        raise ValueError(f"unsupported database URL {url!r}: use postgresql://... or sqlite:///path")
    return SqliteEventStore(url)
