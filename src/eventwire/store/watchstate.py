"""What `eventwire watch` remembers between rounds and restarts, kept in the event store.

Sources (conditional GET validators, last success, last error), the feed items and files seen
(with a fingerprint that says whether they changed), and the alerts fired with the actions
still to be done. Every write is its own short transaction, so a killed watcher loses at most
the step in hand, and that step is safe to repeat.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from eventwire.store.sql import SqlEventStore


@dataclass(frozen=True)
class SourceState:
    source: str
    kind: str  # "feed" or "folder"
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    last_error_at: str | None = None
    failures: int = 0  # consecutive failed polls


@dataclass(frozen=True)
class SeenItem:
    source: str
    item_key: str  # a feed item's id (or link), a file's path
    fingerprint: str  # changes when the item changes
    doc_id: str | None
    url: str | None
    status: str  # see watch.items: stored, fallback, failed
    reason: str | None
    attempts: int
    seen_at: str


@dataclass
class FiredAlert:
    alert_id: str
    rule: str
    event_id: str
    num_articles: int
    fired_at: str
    record: dict  # the event as it was when the rule fired
    pending_actions: list[str] = field(default_factory=list)
    last_error: str | None = None


_SOURCE_COLUMNS = ("source", "kind", "etag", "last_modified", "last_polled", "last_success", "last_error",
                   "last_error_at", "failures")
_ITEM_COLUMNS = ("source", "item_key", "fingerprint", "doc_id", "url", "status", "reason", "attempts",
                 "seen_at")
_ALERT_COLUMNS = ("alert_id", "rule", "event_id", "num_articles", "fired_at", "record", "pending_actions",
                  "last_error")


class WatchState:
    """The watch tables of one open store (SQLite or PostgreSQL)."""

    def __init__(self, store: SqlEventStore):
        self._store = store

    def _run(self, sql: str, params: tuple | list = ()):
        return self._store._run(sql, params)

    def _write(self, sql: str, params: tuple) -> None:
        with self._store._transaction():
            self._run(sql, params)

    # -- sources -------------------------------------------------------------------------------

    def source(self, source: str) -> SourceState | None:
        row = self._run(f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM watch_sources WHERE source = ?",
                        (source,)).fetchone()
        return SourceState(*row) if row else None

    def sources(self) -> list[SourceState]:
        rows = self._run(f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM watch_sources ORDER BY source").fetchall()
        return [SourceState(*row) for row in rows]

    def record_success(self, source: str, kind: str, etag: str | None = None,
                       last_modified: str | None = None) -> None:
        """A poll that worked; validators None keep the stored ones (a 304 sends none back)."""
        now = _now()
        self._write("INSERT INTO watch_sources (source, kind, etag, last_modified, last_polled, "
                    "last_success, failures) VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (source) DO UPDATE SET "
                    "kind = excluded.kind, etag = COALESCE(excluded.etag, watch_sources.etag), "
                    "last_modified = COALESCE(excluded.last_modified, watch_sources.last_modified), "
                    "last_polled = excluded.last_polled, last_success = excluded.last_success, failures = 0",
                    (source, kind, etag, last_modified, now, now))

    def record_failure(self, source: str, kind: str, error: str) -> None:
        now = _now()
        self._write("INSERT INTO watch_sources (source, kind, last_polled, last_error, last_error_at, "
                    "failures) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (source) DO UPDATE SET "
                    "kind = excluded.kind, last_polled = excluded.last_polled, "
                    "last_error = excluded.last_error, last_error_at = excluded.last_error_at, "
                    "failures = watch_sources.failures + 1",
                    (source, kind, now, error, now))

    # -- items -----------------------------------------------------------------------------------

    def items(self, source: str) -> dict[str, SeenItem]:
        rows = self._run(f"SELECT {', '.join(_ITEM_COLUMNS)} FROM watch_items WHERE source = ?",
                         (source,)).fetchall()
        return {row[1]: SeenItem(*row) for row in rows}

    def item_counts(self) -> dict[tuple[str, str], int]:
        """Items per (source, status)."""
        rows = self._run("SELECT source, status, COUNT(*) FROM watch_items "
                         "GROUP BY source, status").fetchall()
        return {(source, status): count for source, status, count in rows}

    def mark_item(self, source: str, item_key: str, fingerprint: str, *, doc_id: str | None, url: str | None,
                  status: str, reason: str | None, attempts: int) -> None:
        marks = ", ".join("?" for _ in _ITEM_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _ITEM_COLUMNS[2:])
        self._write(f"INSERT INTO watch_items ({', '.join(_ITEM_COLUMNS)}) VALUES ({marks}) "
                    f"ON CONFLICT (source, item_key) DO UPDATE SET {updates}",
                    (source, item_key, fingerprint, doc_id, url, status, reason, attempts, _now()))

    # -- alerts ----------------------------------------------------------------------------------

    def fired_sizes(self, rule: str) -> dict[str, int]:
        """For each event the rule fired on: the largest article count it fired at."""
        rows = self._run("SELECT event_id, MAX(num_articles) FROM alerts WHERE rule = ? GROUP BY event_id",
                         (rule,)).fetchall()
        return dict(rows)

    def add_alert(self, alert: FiredAlert) -> bool:
        """Record a firing with its actions to do; False when this exact alert was already recorded."""
        row = (alert.alert_id, alert.rule, alert.event_id, alert.num_articles, alert.fired_at,
               json.dumps(alert.record, ensure_ascii=False), json.dumps(alert.pending_actions),
               alert.last_error)
        marks = ", ".join("?" for _ in _ALERT_COLUMNS)
        with self._store._transaction():
            cursor = self._run(f"INSERT INTO alerts ({', '.join(_ALERT_COLUMNS)}) VALUES ({marks}) "
                               "ON CONFLICT (alert_id) DO NOTHING", row)
            return cursor.rowcount == 1

    def set_pending(self, alert_id: str, actions: list[str], error: str | None) -> None:
        self._write("UPDATE alerts SET pending_actions = ?, last_error = ? WHERE alert_id = ?",
                    (json.dumps(actions), error, alert_id))

    def pending_alerts(self) -> list[FiredAlert]:
        return self._alerts("WHERE pending_actions <> '[]'", ())

    def alerts(self, rule: str | None = None) -> list[FiredAlert]:
        """Oldest first."""
        return self._alerts("WHERE rule = ?", (rule,)) if rule else self._alerts("", ())

    def recent_alerts(self, rule: str | None = None, limit: int = 100) -> list[FiredAlert]:
        """Newest first, at most `limit`."""
        where, params = ("WHERE rule = ?", (rule,)) if rule else ("", ())
        return self._alerts(f"{where} ORDER BY fired_at DESC, alert_id DESC LIMIT ?", (*params, limit))

    def _alerts(self, where: str, params: tuple) -> list[FiredAlert]:
        if "ORDER BY" not in where:
            where += " ORDER BY fired_at, alert_id"
        rows = self._run(f"SELECT {', '.join(_ALERT_COLUMNS)} FROM alerts {where}", params).fetchall()
        return [FiredAlert(alert_id=r[0], rule=r[1], event_id=r[2], num_articles=r[3], fired_at=r[4],
                           record=json.loads(r[5]), pending_actions=json.loads(r[6]), last_error=r[7])
                for r in rows]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
