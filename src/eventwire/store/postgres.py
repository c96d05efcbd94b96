"""The team backend: a PostgreSQL server, same schema and behaviour as the SQLite file."""

from __future__ import annotations

from contextlib import AbstractContextManager

import psycopg

from eventwire.store.sql import SqlEventStore


class PostgresEventStore(SqlEventStore):
    """`url` is a libpq URL such as postgresql://user@host:5432/dbname."""

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True)

    def _transaction(self) -> AbstractContextManager:
        return self._conn.transaction()

    def _lock(self, key: str) -> None:
        # Writers in several processes must not re-merge the same block at once.
        self._conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (key,))

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")
