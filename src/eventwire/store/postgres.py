"""The team backend: a PostgreSQL server, same schema and behaviour as the SQLite file."""

from __future__ import annotations

from contextlib import AbstractContextManager

import psycopg

from eventwire.store.errors import StoreError, first_line, redact
from eventwire.store.sql import SqlEventStore


class PostgresEventStore(SqlEventStore):
    """`url` is a libpq URL such as postgresql://user@host:5432/dbname.

    A read-only store runs every statement in a read-only transaction and never migrates.
    """

    dialect = "postgresql"
    # An array the subquery fills once: the planner cannot turn it into a walk along another index.
    _id_set = "event_id = ANY(ARRAY({}))"

    def reader(self, time_limit: float | None = None) -> PostgresEventStore:
        return PostgresEventStore(self.url, migrate=False, time_limit=time_limit)

    def _connect(self) -> psycopg.Connection:
        try:
            conn = psycopg.connect(self.url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {redact(self.url)}: {first_line(exc)}") from None
        if self.read_only:
            conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        if self.time_limit:
            # The server cancels any statement past the limit (QueryCanceled), freeing its worker.
            conn.execute(f"SET statement_timeout = {int(self.time_limit * 1000)}")
        return conn

    def _timed_out(self, exc: Exception) -> bool:
        return isinstance(exc, psycopg.errors.QueryCanceled)

    def _text_match(self, words: list[str], ordered: bool) -> tuple[str, list]:
        return "evidence_search @@ plainto_tsquery('english', ?)", [" ".join(words)]

    def _transaction(self) -> AbstractContextManager:
        if self.read_only:
            raise StoreError(f"{redact(self.url)} is open read-only")
        return self._conn.transaction()

    _content_errors = (ValueError, OverflowError, psycopg.DataError)

    def _lock(self, key: str) -> None:
        # Writers in several processes take this before touching a row: they queue, never deadlock.
        self._conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (key,))

    def _has_table(self, name: str) -> bool:
        return self._run("SELECT to_regclass(?)", (name,)).fetchone()[0] is not None

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")
