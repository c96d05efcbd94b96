"""The event store: articles, coded mentions and merged events in SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.store.base import DyadCount, EventQuery, EventStore, SaveOutcome, StoredArticle
from eventwire.store.errors import StoreError, StoreOutdated, redact
from eventwire.store.provenance import CoderInfo, content_hash, current_coder

DEFAULT_DB = "eventwire.db"

__all__ = [
    "DEFAULT_DB", "CoderInfo", "DyadCount", "EventQuery", "EventStore", "SaveOutcome", "StoredArticle",
    "StoreError", "content_hash", "current_coder", "open_store", "redact",
]


def open_store(url: str = DEFAULT_DB, *, read_only: bool = False,
               on_wait: Callable[[str], None] | None = None) -> EventStore:
    """A store for `url`: postgresql://..., sqlite:///relative/path, sqlite:////absolute/path,
    or a plain file path (SQLite).

    A `read_only` store is for readers: it must exist, is never migrated, and never waits for
    a writer. `on_wait` hears once when a writer has to wait for another one.
    """
    try:
        return _open(url, read_only, on_wait)
    except StoreOutdated:
        # Once, after an upgrade of eventwire: the reader brings the schema up to date as a writer
        # would, then reads as before (a store it may not write stays an error).
        _open(url, False, on_wait).close()
        return _open(url, read_only, on_wait)


def _open(url: str, read_only: bool, on_wait: Callable[[str], None] | None) -> EventStore:
    if url.startswith(("postgresql://", "postgres://")):
        from eventwire.store.postgres import PostgresEventStore

        return PostgresEventStore(url, read_only=read_only)
    from eventwire.store.sqlite import SqliteEventStore

    if url.startswith("sqlite:"):
        path = url.removeprefix("sqlite:").removeprefix("///")
        return SqliteEventStore(path or ":memory:", read_only=read_only, on_wait=on_wait)
    if "://" in url:
        raise StoreError(f"unsupported database URL {redact(url)!r}: use postgresql://... or sqlite:///path")
    return SqliteEventStore(url, read_only=read_only, on_wait=on_wait)
