"""The embedded backend: one SQLite file in WAL mode (readers never wait for the writer)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.store.errors import StoreError
from eventwire.store.sql import SqlEventStore

# A writer asks for the lock this long at a time; between asks it may tell the user it is waiting.
_LOCK_POLL_MS = 5000
_FULL_DISK_BYTES = 1 << 20  # less free space than this, and a failure to open is put down to it
# Virtual-machine steps between two looks at the clock while a statement runs.
_PROGRESS_STEPS = 10_000
# Past this many events with the words, a search walks the sort index instead: each look-up in the
# full-text index costs about as much as reading a hundred matches, so only very common words gain.
MANY_MATCHES = 50_000


class SqliteEventStore(SqlEventStore):
    """`path` is a file (created when missing, unless `read_only`) or ':memory:'.

    A read-only store opens the file in SQLite's read-only mode: it never takes a lock a writer
    needs and works in a folder the user cannot write. A writer that finds another one writing
    waits for it, telling `on_wait` once.
    """

    dialect = "sqlite"
    _no_index = "+"

    def __init__(self, path: str, read_only: bool = False, on_wait: Callable[[str], None] | None = None,
                 **options):
        self.path = path
        self.on_wait = on_wait
        if read_only and path != ":memory:" and not Path(path).is_file():
            raise StoreError(f"no event store at {path}: run `eventwire ingest` first, or pass --db")
        super().__init__(f"sqlite:///{path}", read_only=read_only, **options)

    def reader(self, time_limit: float | None = None) -> SqliteEventStore:
        return SqliteEventStore(self.path, migrate=False, time_limit=time_limit)

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = self._connect_read_only() if self.read_only else self._connect_writer()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the event store {self.path}: {self._explained(exc)}") from None
        conn.create_function("eventwire_fts_rowid", 1, _fts_rowid, deterministic=True)
        if self.time_limit:
            conn.set_progress_handler(self._past_deadline, _PROGRESS_STEPS)
        return conn

    def _explained(self, error: sqlite3.Error) -> str:
        """SQLite's terse message, with the likely cause when the folder or disk is to blame."""
        folder = Path(self.path).resolve().parent
        if not self.read_only and not os.access(folder, os.W_OK):
            return (f"{error} (the folder {folder} cannot be written; reading commands such as "
                    f"`eventwire events` can still open the store)")
        if shutil.disk_usage(folder).free < _FULL_DISK_BYTES:
            return f"{error} (the disk holding {folder} is full)"
        return str(error)

    def _connect_writer(self) -> sqlite3.Connection:
        if self.path != ":memory:" and not Path(self.path).parent.resolve().is_dir():
            raise StoreError(f"cannot create the event store {self.path}: no folder {Path(self.path).parent}")
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=_LOCK_POLL_MS / 1000,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {_LOCK_POLL_MS}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL loses no committed transaction when the process dies (only on power loss).
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _connect_read_only(self) -> sqlite3.Connection:
        if self.path == ":memory:":
            return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        location = urllib.parse.quote(str(Path(self.path).resolve()))
        conn = sqlite3.connect(f"file:{location}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            if not self._unwritable_without_log():
                raise
        # A folder the user cannot write holds no WAL index for a reader to create; with no pending
        # log, the file is complete as it stands, and SQLite can read it as an immutable file.
        return sqlite3.connect(f"file:{location}?mode=ro&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)

    def _unwritable_without_log(self) -> bool:
        folder = Path(self.path).resolve().parent
        log = Path(f"{self.path}-wal")
        return not os.access(folder, os.W_OK) and (not log.exists() or log.stat().st_size == 0)

    _content_errors = (ValueError, OverflowError, sqlite3.DataError, sqlite3.InterfaceError)

    def _has_table(self, name: str) -> bool:
        row = self._run("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

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

    def _begin(self) -> None:
        """Take the write lock, waiting as long as another writer holds it."""
        told = False
        while True:
            try:
                self._conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if not told and self.on_wait is not None:
                    self.on_wait(f"waiting for another writer to finish with {self.path} ...")
                told = True

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")
        self._begin()
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
