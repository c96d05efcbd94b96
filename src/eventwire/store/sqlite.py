"""The embedded backend: one SQLite file in WAL mode (readers never wait for the writer)."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from eventwire.store.sql import SqlEventStore

# Virtual-machine steps between two looks at the clock while a statement runs.
_PROGRESS_STEPS = 10_000
# Past this many events with the words, a search walks the sort index instead: each look-up in the
# full-text index costs about as much as reading a hundred matches, so only very common words gain.
MANY_MATCHES = 50_000


class SqliteEventStore(SqlEventStore):
    """`path` is a file (created when missing) or ':memory:'."""

    dialect = "sqlite"
    _no_index = "+"

    def __init__(self, path: str, **options):
        self.path = path
        super().__init__(f"sqlite:///{path}", **options)

    def reader(self, time_limit: float | None = None) -> SqliteEventStore:
        return SqliteEventStore(self.path, migrate=False, time_limit=time_limit)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=60, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL loses no committed transaction when the process dies (only on power loss).
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 60000")
        conn.create_function("eventwire_fts_rowid", 1, _fts_rowid, deterministic=True)
        if self.time_limit:
            conn.set_progress_handler(self._past_deadline, _PROGRESS_STEPS)
        return conn

    def _past_deadline(self) -> int:
        """Non-zero makes SQLite interrupt the running statement."""
        return int(self._deadline is not None and time.monotonic() > self._deadline)

    def _timed_out(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and str(exc) == "interrupted"

    def _text_match(self, words: list[str], ordered: bool) -> tuple[str, list]:
        # Each word quoted: FTS5 query syntax in the user's text is matched as plain words.
        phrase = " ".join(f'"{word}"' for word in words)
        if ordered and self._many_text_rows(phrase):
            # Common words: walk the sort index and look each event up in the full-text index.
            return ("EXISTS (SELECT 1 FROM events_fts WHERE events_fts MATCH ? AND "
                    "events_fts.rowid = eventwire_fts_rowid(events.event_id))"), [phrase]
        return "event_id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ?)", [phrase]

    def _many_text_rows(self, phrase: str) -> bool:
        found = self._run(f"SELECT COUNT(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? "
                          f"LIMIT {MANY_MATCHES})", (phrase,)).fetchone()[0]
        return found >= MANY_MATCHES

    def _index_text(self, deleted: list[str] | None, rows: list[tuple[str, str]]) -> None:
        if deleted is None:
            self._run("DELETE FROM events_fts")
        self._run_many("DELETE FROM events_fts WHERE rowid = ?", [(_fts_rowid(e),) for e in deleted or ()])
        self._run_many("INSERT INTO events_fts (rowid, event_id, evidence_text) VALUES (?, ?, ?)",
                       [(_fts_rowid(event_id), event_id, text) for event_id, text in rows])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")


def _fts_rowid(event_id: str) -> int:
    """A stable 60-bit number for an event id: the full-text row of the event (rowids of the
    events table itself may change on VACUUM)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)
