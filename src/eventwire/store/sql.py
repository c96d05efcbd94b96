"""The storage logic both backends share: portable SQL over a DB-API connection.

Backends supply the connection, transactions, locks and the parameter style; everything
else (what is stored, how an article is replaced, how events are re-merged) is here, once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from abc import abstractmethod
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace

from eventwire.ingest.readers import content_id
from eventwire.records import DocumentResult, Event
from eventwire.store.base import (
    ActorCount,
    DyadCount,
    DyadTotal,
    EventPage,
    EventQuery,
    EventStore,
    QueryTimeout,
    SaveOutcome,
    StoredArticle,
    StoredEvent,
    TimelineCount,
)
from eventwire.store.errors import StoreError, StoreOutdated, first_line, redact
from eventwire.store.merge import (
    WINDOW_DAYS,
    Cluster,
    MentionDetail,
    MentionFeatures,
    actor_key,
    actor_sides,
    cluster_mentions,
    date_interval,
    mention_evidence,
    merge_block,
    merged_record,
    shifted,
)
from eventwire.store.provenance import CoderInfo, content_hash
from eventwire.store.reasons import with_keyed_reasons
from eventwire.store.schema import LATEST_VERSION, MIGRATIONS, SCHEMA_VERSION_TABLE

ARTICLE_COLUMNS = ("doc_id", "content_hash", "status", "reason", "origin", "title", "url", "source",
                   "pub_date", "date_source", "dateline_place", "text", "original_text", "cleaning",
                   "num_mentions", "run_id", "ingested_at")
MENTION_COLUMNS = ("mention_id", "doc_id", "event_type", "quad_class", "mode", "cameo", "event_date",
                   "date_granularity", "date_lo", "date_hi", "location_country", "lat", "lon",
                   "sentence_index", "sentence_start", "sentence_end", "sentence_text", "trigger_text",
                   "trigger_start", "trigger_end", "negated", "hypothetical", "future", "confidence",
                   "merge_block", "evidence", "actor_sides", "run_id", "record", "historical")
ACTOR_COLUMNS = ("mention_id", "role", "position", "text", "start_char", "end_char", "name", "country",
                 "sector", "code", "actor_id")
EVENT_COLUMNS = ("event_id", "event_type", "quad_class", "event_date", "source_code", "target_code",
                 "source_country", "target_country", "location_country", "confidence", "num_mentions",
                 "num_articles", "num_sources", "first_reported", "last_reported", "merge_block", "record",
                 "location_name", "lat", "lon", "evidence_text", "historical")
EVENT_ACTOR_COLUMNS = ("event_id", "role", "position", "text", "name", "country", "code", "event_date",
                       "historical")
# What StoredEvent is built from, in this order.
_STORED_EVENT = "event_id, event_type, quad_class, event_date, confidence, num_articles, num_sources, record"
_SORT_COLUMNS = {"date": "event_date", "confidence": "confidence", "num_articles": "num_articles"}
_CHUNK = 500
# Past this many actor rows, a country list is read along the sort index, checking event by event.
MANY_EVENTS = 20_000
_WORD = re.compile(r"\w+")


class SqlEventStore(EventStore):
    """An EventStore over any DB-API connection that speaks the portable SQL used here."""

    dialect: str  # "sqlite" or "postgresql": which engine-only statements of a migration apply

    def __init__(self, url: str, *, read_only: bool = False, migrate: bool = True,
                 time_limit: float | None = None):
        """`read_only`: for readers, never migrates, never writes, never waits for a writer; the
        store must exist. `migrate`: bring the schema up to date (off for the short-lived readers
        of a server that migrated at start). `time_limit`: seconds after which a statement is
        cancelled with QueryTimeout."""
        self.url = url
        self.read_only = read_only
        self.time_limit = time_limit
        self._deadline: float | None = None
        self._conn = self._connect()
        try:
            if read_only:
                self._check_schema()
            elif migrate:
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # -- what a backend provides -------------------------------------------------------------

    @abstractmethod
    def _connect(self): ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager:
        """A write transaction: committed on success, rolled back on any error."""

    def _lock(self, key: str) -> None:
        """Serialise writers on `key` until the transaction ends (no-op where writers are serial)."""

    def _sql(self, sql: str) -> str:
        return sql

    @abstractmethod
    def _timed_out(self, exc: Exception) -> bool:
        """True when `exc` is the engine cancelling a statement that ran past the time limit."""

    @abstractmethod
    def _text_match(self, words: list[str], ordered: bool) -> tuple[str, list]:
        """A WHERE clause (with its parameters) for events whose evidence has every word;
        `ordered` as for `_where`."""

    # Put before a column in a condition to keep its index out of the plan (SQLite: "+").
    _no_index = ""
    # Events whose id a subquery gives, collected before the events are read.
    _id_set = "event_id IN ({})"

    def _index_text(self, deleted: list[str] | None, rows: list[tuple[str, str]]) -> None:
        """Keep a full-text index outside the events table in step: remove the `deleted` events
        (None: all), add (event id, evidence) `rows`. A no-op where the index is a column."""

    def close(self) -> None:
        self._conn.close()

    # -- helpers -----------------------------------------------------------------------------

    def _run(self, sql: str, params: tuple | list = ()):
        self._deadline = time.monotonic() + self.time_limit if self.time_limit else None
        try:
            return self._conn.execute(self._sql(sql), params)
        except Exception as exc:
            if self._timed_out(exc):
                raise QueryTimeout(f"the query ran past the {self.time_limit:g} s limit") from None
            raise

    def _run_many(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            self._conn.cursor().executemany(self._sql(sql), rows)

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        marks = ", ".join("?" for _ in columns)
        self._run_many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _select_in(self, sql: str, values: list) -> list[tuple]:
        """Rows of `sql` whose one `IN ({})` clause takes `values`, in chunks."""
        rows: list[tuple] = []
        for i in range(0, len(values), _CHUNK):
            chunk = values[i:i + _CHUNK]
            rows.extend(self._run(sql.format(", ".join("?" for _ in chunk)), chunk).fetchall())
        return rows

    # -- schema --------------------------------------------------------------------------------

    def _stored_version(self) -> int | None:
        """The schema version, or None when the database holds no event store."""
        if not self._has_table("schema_version"):
            return None
        return self._run("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]

    @abstractmethod
    def _has_table(self, name: str) -> bool: ...

    def _check_schema(self) -> None:
        """A reader changes nothing: the store must exist and be of this eventwire's version."""
        current = self._stored_version()
        if current is None:
            raise StoreError(f"no event store in {redact(self.url)}: run `eventwire ingest` first")
        self._check_not_newer(current)
        if current < LATEST_VERSION:
            raise StoreOutdated(f"{redact(self.url)} has schema version {current}, this eventwire reads "
                                f"{LATEST_VERSION}, and it cannot be upgraded from here")

    def _check_not_newer(self, current: int) -> None:
        if current > LATEST_VERSION:
            raise StoreError(f"{redact(self.url)}: schema version {current} is newer than this eventwire "
                             f"supports ({LATEST_VERSION}); upgrade eventwire")

    def _migrate(self) -> None:
        # Checked first without a write transaction: opening an up-to-date store never waits for a writer.
        current = self._stored_version()
        if current is not None:
            self._check_not_newer(current)
            if current == LATEST_VERSION:
                return
        with self._transaction():
            self._lock("write")  # the one lock of every writer: a migration never meets a save
            self._run(SCHEMA_VERSION_TABLE)
            current = self._run("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
            self._check_not_newer(current)
            for migration in MIGRATIONS:
                if migration.version > current:
                    for statement in migration.statements:
                        self._run(statement)
                    if migration.backfill:
                        getattr(self, migration.backfill)()
                    for statement in getattr(migration, self.dialect):
                        self._run(statement)
                    self._run("INSERT INTO schema_version (version, description, applied_at) "
                              "VALUES (?, ?, ?)", (migration.version, migration.description, _now()))

    def schema_version(self) -> int:
        return self._run("SELECT MAX(version) FROM schema_version").fetchone()[0]

    # -- writing -------------------------------------------------------------------------------

    def is_current(self, doc, coder: CoderInfo) -> bool:
        row = self._run("SELECT content_hash, run_id FROM articles WHERE doc_id = ?", (doc.id,)).fetchone()
        return row is not None and row[0] == content_hash(doc) and row[1] == coder.run_id

    # Errors of one article's content (a value the database refuses), not of the database.
    _content_errors: tuple[type[Exception], ...] = (ValueError, OverflowError)

    def save(self, result: DocumentResult, coder: CoderInfo) -> SaveOutcome:
        try:
            return self._save(result, coder)
        except self._content_errors as exc:
            reason = f"could not be stored: {type(exc).__name__}: {first_line(exc)}"
            failed = DocumentResult(origin=_storable(result.origin), status="failed",
                                    doc_id=result.doc_id and _storable(result.doc_id), reason=reason)
            outcome = self._save(failed, coder)
            return SaveOutcome(outcome.doc_id, outcome.replaced, 0, error=reason)

    def _save(self, result: DocumentResult, coder: CoderInfo) -> SaveOutcome:
        doc_id = result.doc_id or f"origin:{result.origin}"
        article = _article_row(doc_id, result, coder)
        published = article[ARTICLE_COLUMNS.index("pub_date")]
        mentions, actors = _mention_rows(doc_id, result.events, coder, published)
        with self._transaction():
            # One writer at a time, taken before any row is written: two ingests of the same articles
            # then queue instead of deadlocking on each other's rows and blocks.
            self._lock("write")
            self._run("INSERT INTO coder_runs (run_id, version, settings_hash, settings) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (run_id) DO NOTHING",
                      (coder.run_id, coder.version, coder.settings_hash, coder.settings_json))
            exists = self._run("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,)).fetchone() is not None
            earlier_versions = self._earlier_versions(result, doc_id)
            old = [row for version in (doc_id, *earlier_versions) for row in self._delete_mentions(version)]
            for version in earlier_versions:
                self._run("DELETE FROM articles WHERE doc_id = ?", (version,))
            self._upsert_article(article)
            self._insert("mentions", MENTION_COLUMNS, mentions)
            self._insert("actors", ACTOR_COLUMNS, actors)
            touched = [(row[1], row[2], row[3]) for row in old] + [_block_span(row) for row in mentions]
            self._remerge(doc_id, touched, {row[4] for row in old if row[4]})
        return SaveOutcome(doc_id=doc_id, replaced=exists or bool(earlier_versions), mentions=len(mentions))

    def _delete_mentions(self, doc_id: str) -> list[tuple]:
        """Remove an article's mentions and actors; returns what merging needs to know of them."""
        old = self._run("SELECT mention_id, merge_block, date_lo, date_hi, event_id FROM mentions "
                        "WHERE doc_id = ?", (doc_id,)).fetchall()
        self._run("DELETE FROM actors WHERE mention_id IN (SELECT mention_id FROM mentions WHERE doc_id = ?)",
                  (doc_id,))
        self._run("DELETE FROM mentions WHERE doc_id = ?", (doc_id,))
        return old

    def _earlier_versions(self, result: DocumentResult, doc_id: str) -> list[str]:
        """Articles this one replaces under another id: when ids come from the content (files
        without an id), an edited file gets a new id, and its earlier version is the article
        read from the same file whose id also came from its content."""
        doc = result.document
        from_content = doc is not None and doc_id == content_id(doc.text or doc.original_text)
        if not from_content or result.origin.startswith("<"):  # standard input: no file to go by
            return []
        rows = self._run("SELECT doc_id, text, original_text FROM articles WHERE origin = ? AND doc_id <> ?",
                         (result.origin, doc_id)).fetchall()
        return [row[0] for row in rows if row[0] == content_id(row[1] or row[2] or "")]

    def _upsert_article(self, row: tuple) -> None:
        marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS[1:])
        self._run(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({marks}) "
                  f"ON CONFLICT (doc_id) DO UPDATE SET {updates}", row)

    # -- merging ---------------------------------------------------------------------------------

    def _remerge(self, doc_id: str, touched: list[tuple], removed_events: set[str]) -> None:
        """Re-run the greedy clustering of each block the article's old or new mentions are in,
        from the earliest changed date on, and rewrite the events whose membership changed."""
        starts: dict[str, list[dt.date]] = {}
        for block, lo, _hi in touched:
            starts.setdefault(block, [])
            if lo is not None:
                starts[block].append(_date(lo))
        clusters, current = [], {}
        for block in sorted(starts):
            changed_from = min(starts[block], default=None)
            since = shifted(changed_from, -2 * WINDOW_DAYS) if changed_from else dt.date.max
            features, event_ids = self._block_features(block, "(m.date_lo >= ? OR (m.date_lo IS NULL AND "
                                                              "m.doc_id = ?))", (since.isoformat(), doc_id))
            current.update(event_ids)
            clusters += [(block, c) for c in _recluster(features, event_ids, changed_from)]
        sizes = Counter(current.values())
        changed = [(block, cluster) for block, cluster in clusters
                   if cluster.event_id in removed_events or sizes[cluster.event_id] != len(cluster.members)
                   or any(current[m.mention_id] != cluster.event_id for m in cluster.members)]
        stale = removed_events | {current[m.mention_id] for _, c in changed for m in c.members}
        self._write_clusters(changed, stale - {None})

    def recompute_merges(self) -> int:
        with self._transaction():
            self._lock("write")
            self._run("DELETE FROM event_actors")
            self._run("DELETE FROM events")
            self._index_text(None, [])
            self._run("UPDATE mentions SET event_id = NULL")
            blocks = [row[0] for row in self._run("SELECT DISTINCT merge_block FROM mentions").fetchall()]
            clusters = [(block, cluster) for block in sorted(blocks)
                        for cluster in _recluster(self._block_features(block)[0], {}, dt.date.min)]
            return self._write_clusters(clusters, set())

    def _block_features(self, block: str, where: str = "1 = 1",
                        params: tuple = ()) -> tuple[list[MentionFeatures], dict[str, str | None]]:
        """The block's mentions (those matching `where`) as merging sees them, and their events."""
        rows = self._run(
            "SELECT m.mention_id, m.doc_id, m.event_type, m.date_lo, m.date_hi, m.location_country, m.lat, "
            "m.lon, a.pub_date, m.sentence_index, m.evidence, m.actor_sides, m.event_id FROM mentions m "
            f"JOIN articles a ON a.doc_id = m.doc_id WHERE m.merge_block = ? AND {where}",
            (block, *params)).fetchall()
        features = []
        for r in rows:
            source, target = json.loads(r[11])
            features.append(MentionFeatures(
                mention_id=r[0], doc_id=r[1], event_type=r[2], date_lo=_date(r[3]), date_hi=_date(r[4]),
                location_country=r[5], lat=r[6], lon=r[7], tokens=frozenset(r[10].split()),
                published=_date(r[8]), sentence_index=r[9], source=tuple(map(tuple, source)),
                target=tuple(map(tuple, target))))
        return features, {r[0]: r[12] for r in rows}

    def _write_clusters(self, clusters: list[tuple[str, Cluster]], stale: set[str]) -> int:
        """Replace the `stale` events by these clusters' events."""
        ids = [m.mention_id for _, cluster in clusters for m in cluster.members]
        details = {r[0]: MentionDetail(json.loads(r[1]), r[2], r[3], r[4], r[5]) for r in self._select_in(
            "SELECT m.mention_id, m.record, a.source, a.pub_date, a.url, a.title FROM mentions m "
            "JOIN articles a ON a.doc_id = m.doc_id WHERE m.mention_id IN ({})", ids)}
        records = [(merged_record(cluster, details), block) for block, cluster in clusters]
        self.write_events(records, sorted(stale))
        self._run_many("UPDATE mentions SET event_id = ? WHERE mention_id = ?",
                       [(cluster.event_id, m.mention_id) for _, cluster in clusters for m in cluster.members])
        return len(records)

    def write_events(self, records: list[tuple[dict, str]], stale: list[str] = ()) -> None:
        """Delete the `stale` events, then store merged event records (each with its merge block):
        the events table, their actors and the full-text index. Runs in the caller's transaction."""
        stale = list(stale)
        for i in range(0, len(stale), _CHUNK):
            chunk = stale[i:i + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            self._run(f"DELETE FROM event_actors WHERE event_id IN ({marks})", chunk)
            self._run(f"DELETE FROM events WHERE event_id IN ({marks})", chunk)
        rows = [event_row(record, block) for record, block in records]
        self._insert("events", EVENT_COLUMNS, rows)
        actors = [row for record, _ in records for row in actor_rows(record)]
        self._insert("event_actors", EVENT_ACTOR_COLUMNS, actors)
        evidence = EVENT_COLUMNS.index("evidence_text")
        self._index_text(stale, [(row[0], row[evidence]) for row in rows])

    def _backfill_event_details(self) -> None:
        """Schema 2: locations, actors and evidence of the events stored before it."""
        last = ""
        while True:
            batch = self._run("SELECT event_id, record FROM events WHERE event_id > ? ORDER BY event_id "
                              f"LIMIT {_CHUNK}", (last,)).fetchall()
            if not batch:
                return
            records = [json.loads(record) for _, record in batch]
            self._run_many("UPDATE events SET location_name = ?, lat = ?, lon = ?, evidence_text = ? "
                           "WHERE event_id = ?", [(*_event_details(r), r["event_id"]) for r in records])
            # The columns schema 2 has: schema 3 adds event_date, filled by its own statement.
            schema_2 = EVENT_ACTOR_COLUMNS.index("event_date")
            self._insert("event_actors", EVENT_ACTOR_COLUMNS[:schema_2],
                         [a[:schema_2] for r in records for a in actor_rows(r)])
            last = batch[-1][0]

    def _backfill_keyed_reasons(self) -> None:
        """Schema 5: the flat reason lists of stored mentions, events and alerts, keyed by field."""
        self._rewrite_records(with_keyed_reasons)

    def _backfill_historical(self) -> None:
        """Schema 6: the records stored before it say what they are, not historical (the coder
        dropped background acts then); the new columns default to 0."""
        self._rewrite_records(_with_historical_flag)

    def _rewrite_records(self, change: Callable[[dict], dict]) -> None:
        """Every stored record of mentions, events and alerts through `change`, in chunks."""
        for table, key in (("mentions", "mention_id"), ("events", "event_id"), ("alerts", "alert_id")):
            last = ""
            while True:
                batch = self._run(f"SELECT {key}, record FROM {table} WHERE {key} > ? ORDER BY {key} "
                                  f"LIMIT {_CHUNK}", (last,)).fetchall()
                if not batch:
                    break
                keyed = [change(json.loads(record)) for _, record in batch]
                self._run_many(f"UPDATE {table} SET record = ? WHERE {key} = ?",
                               [(json.dumps(record, ensure_ascii=False), ident)
                                for record, (ident, _) in zip(keyed, batch)])
                last = batch[-1][0]

    # -- reading -------------------------------------------------------------------------------

    def events(self, query: EventQuery | None = None) -> Iterator[dict]:
        for event in self.find_events(query):
            yield event.record

    def find_events(self, query: EventQuery | None = None) -> Iterator[StoredEvent]:
        """Matching events in the query's order, from after its cursor, up to its limit. Dated
        events come before undated ones in either direction; each part is read along an index."""
        query = query or EventQuery()
        key, descending = query.sort.lstrip("-"), query.sort.startswith("-")
        after_value, after_id = query.after if query.after else (None, None)
        parts = ["all"]
        if key == "date":
            parts = ["undated"] if query.after and after_value is None else ["dated", "undated"]
        where, params = self._where(query, ordered=True)
        left = query.limit
        direction, comparison = (" DESC", "<") if descending else ("", ">")
        for part in parts:
            clauses, values = list(where), list(params)
            column = None if part == "undated" else _SORT_COLUMNS[key]
            if part != "all":
                clauses.append(f"event_date IS {'NOT ' if part == 'dated' else ''}NULL")
            if query.after and column:
                clauses.append(f"({column}, event_id) {comparison} (?, ?)")
                values += [after_value, after_id]
            elif query.after and after_value is None:
                clauses.append(f"event_id {comparison} ?")
                values.append(after_id)
            order = (f"{column}{direction}, " if column else "") + f"event_id{direction}"
            limit = f" LIMIT {int(left)}" if left is not None else ""
            sql = f"SELECT {_STORED_EVENT} FROM events{_joined(clauses)} ORDER BY {order}{limit}"
            if left is not None:  # a page: sort ids only, then read the page's records
                sql = (f"SELECT {_STORED_EVENT} FROM events WHERE event_id IN (SELECT event_id FROM events"
                       f"{_joined(clauses)} ORDER BY {order}{limit}) ORDER BY {order}")
            for row in self._run(sql, values):
                yield _stored_event(row)
                if left is not None:
                    left -= 1
            if left is not None and left <= 0:
                return

    def event_page(self, query: EventQuery) -> EventPage:
        """One page of `query.limit` events (100 when unset) and where the next page starts."""
        limit = query.limit or 100
        events = list(self.find_events(replace(query, limit=limit + 1)))
        if len(events) <= limit:
            return EventPage(events, None)
        last = events[limit - 1]
        return EventPage(events[:limit], (last.sort_value(query.sort), last.event_id))

    def count_events(self, query: EventQuery | None = None) -> int:
        where, params = self._where(query or EventQuery())
        return self._run(f"SELECT COUNT(*) FROM events{_joined(where)}", params).fetchone()[0]

    def event(self, event_id: str) -> StoredEvent | None:
        row = self._run(f"SELECT {_STORED_EVENT} FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        event = _stored_event(row)
        coded = {mention_id: json.loads(record) for mention_id, record in self._run(
            "SELECT mention_id, record FROM mentions WHERE event_id = ?", (event_id,)).fetchall()}
        for mention in event.record.get("mentions") or []:
            detail = coded.get(mention["mention_id"])
            if detail is not None:
                mention["coded"] = {key: detail[key] for key in _MENTION_DETAIL if key in detail}
        return event

    def timeline(self, query: EventQuery | None = None, by: str | None = None) -> list[TimelineCount]:
        query = query or EventQuery()
        if by is None and query.countries and _only_countries_and_dates(query):
            return self._country_timeline(query)
        where, params = self._where(query)
        group = {"quad_class": ", quad_class", "event_type": ", event_type", None: ""}[by]
        rows = self._run(f"SELECT event_date{group}, COUNT(*) FROM events"
                         f"{_joined([*where, 'event_date IS NOT NULL'])} GROUP BY event_date{group}",
                         params).fetchall()
        if not by:
            return [TimelineCount(day, None, count) for day, count in rows]
        return [TimelineCount(day, key, count) for day, key, count in rows]

    def _country_timeline(self, query: EventQuery) -> list[TimelineCount]:
        """Events a day for countries, from the country index alone (an event with the country on
        both sides counts once)."""
        roles = (query.role,) if query.role else ("source", "target")
        clauses = [f"country IN ({', '.join('?' for _ in query.countries)})",
                   f"role IN ({', '.join('?' for _ in roles)})", "event_date IS NOT NULL"]
        params = [*query.countries, *roles]
        if query.historical is not None:
            clauses.append("historical = ?")
            params.append(int(query.historical))
        for clause, day in (("event_date >= ?", query.since), ("event_date <= ?", query.until)):
            if day:
                clauses.append(clause)
                params.append(day.isoformat())
        rows = self._run(f"SELECT event_date, COUNT(DISTINCT event_id) FROM event_actors{_joined(clauses)} "
                         "GROUP BY event_date", params).fetchall()
        return [TimelineCount(day, None, count) for day, count in rows]

    def dyad_totals(self, query: EventQuery | None = None, limit: int = 100) -> list[DyadTotal]:
        where, params = self._where(query or EventQuery())
        rows = self._run("SELECT source_code, target_code, quad_class, COUNT(*) FROM events"
                         f"{_joined(where)} GROUP BY source_code, target_code, quad_class", params)
        pairs: dict[tuple, dict[str, int]] = {}
        for source, target, quad, count in rows:
            pairs.setdefault((source or "-", target or "-"), {})[quad] = count
        totals = [DyadTotal(source, target, sum(counts.values()), counts)
                  for (source, target), counts in pairs.items()]
        totals.sort(key=lambda d: (-d.events, d.source, d.target))
        return totals[:limit]

    def actor_counts(self, query: EventQuery | None = None, limit: int = 100) -> list[ActorCount]:
        where, params = self._where(query or EventQuery())
        rows = self._run(
            "SELECT code, role, COUNT(DISTINCT event_id), MIN(name), MIN(country) FROM event_actors "
            "WHERE code IS NOT NULL AND event_id IN "
            f"(SELECT event_id FROM events{_joined(where)}) GROUP BY code, role", params)
        actors: dict[str, dict] = {}
        for code, role, count, name, country in rows:
            entry = actors.setdefault(code, {"name": name, "country": country, "source": 0, "target": 0})
            entry[role] = count
        found = [ActorCount(code, a["name"], a["country"], a["source"], a["target"],
                            a["source"] + a["target"]) for code, a in actors.items()]
        found.sort(key=lambda a: (-a.events, a.code))
        return found[:limit]

    def _many_actor_rows(self, query: EventQuery) -> bool:
        """Whether the query's countries are on many events (a count bounded by the threshold)."""
        if not query.countries:
            return False
        marks = ", ".join("?" for _ in query.countries)
        found = self._run(f"SELECT COUNT(*) FROM (SELECT 1 FROM event_actors WHERE country IN ({marks}) "
                          f"LIMIT {MANY_EVENTS}) AS rows", list(query.countries)).fetchone()[0]
        return found >= MANY_EVENTS

    def _where(self, query: EventQuery, ordered: bool = False) -> tuple[list[str], list]:
        """WHERE clauses and parameters of the query's filters. `ordered`: for a list read along a
        sort index, where a country found in many events is best checked event by event."""
        probe = self._no_index if ordered and self._many_actor_rows(query) else None
        clauses, params = _filters(query, probe, self._id_set)
        if query.text:
            clause, values = self._text_match(search_words(query.text), ordered)
            clauses.append(clause)
            params += values
        return clauses, params

    def dyads(self, query: EventQuery | None = None, interval: str = "month") -> list[DyadCount]:
        where, params = self._where(query or EventQuery())
        rows = self._run("SELECT event_date, source_code, target_code, quad_class, COUNT(*) FROM events"
                         f"{_joined(where)} GROUP BY event_date, source_code, target_code, quad_class",
                         params)
        totals: dict[tuple, int] = {}
        for day, source, target, quad, count in rows:
            key = (_period(day, interval), source or "-", target or "-", quad)
            totals[key] = totals.get(key, 0) + count
        return [DyadCount(*key, events=count) for key, count in sorted(totals.items())]

    def ids_starting_with(self, table: str, prefix: str, limit: int = 2) -> list[str]:
        """Up to `limit` article (table "articles") or event ("events") ids that begin with
        `prefix`: how a short id from a table is expanded."""
        column = {"articles": "doc_id", "events": "event_id"}[table]
        pattern = like_pattern(prefix)[1:]  # prefix% with the user's % and _ matched literally
        return [row[0] for row in self._run(f"SELECT {column} FROM {table} WHERE {column} LIKE ? ESCAPE '\\' "
                                            f"ORDER BY {column} LIMIT {int(limit)}", (pattern,)).fetchall()]

    def article(self, doc_id: str) -> StoredArticle | None:
        row = self._run("SELECT doc_id, status, reason, title, url, source, pub_date, text, cleaning "
                        "FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        rows = self._run("SELECT m.record, m.event_id, e.num_articles, e.num_mentions FROM mentions m "
                         "LEFT JOIN events e ON e.event_id = m.event_id WHERE m.doc_id = ? "
                         "ORDER BY m.trigger_start, m.mention_id", (doc_id,)).fetchall()
        mentions = [{**json.loads(record), "merged_event_id": event_id, "merged_num_articles": articles,
                     "merged_num_mentions": count} for record, event_id, articles, count in rows]
        return StoredArticle(*row[:8], mentions=mentions, cleaning=json.loads(row[8] or "[]"))

    def counts(self) -> dict[str, int]:
        counts = {f"articles_{status}": n for status, n in
                  self._run("SELECT status, COUNT(*) FROM articles GROUP BY status").fetchall()}
        for table in ("articles", "mentions", "actors", "events"):
            counts[table] = self._run(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        return counts


def _storable(text: str) -> str:
    """`text` without what no database takes: lone surrogates and NUL characters become escapes."""
    return text.encode("utf-8", errors="backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def _block_span(mention_row: tuple) -> tuple:
    return tuple(mention_row[MENTION_COLUMNS.index(c)] for c in ("merge_block", "date_lo", "date_hi"))


def _recluster(features: list[MentionFeatures], event_ids: dict[str, str | None],
               changed_from: dt.date | None) -> list[Cluster]:
    """Clusters of a block's mentions whose assignment may change. Dated mentions before
    `changed_from` keep their stored events, which the greedy pass resumes from (it would
    rebuild them identically); undated ones are clustered within their article."""
    dated = sorted((m for m in features if m.date_lo is not None), key=lambda m: m.order_key)
    undated: dict[str, list[MentionFeatures]] = {}
    for mention in features:
        if mention.date_lo is None:
            undated.setdefault(mention.doc_id, []).append(mention)
    clusters = [c for _, group in sorted(undated.items()) for c in cluster_mentions(group)]
    if changed_from is None:
        return clusters
    earlier: dict[str, Cluster] = {}
    later = []
    for mention in dated:
        event_id = event_ids.get(mention.mention_id)
        if mention.date_lo < changed_from and event_id:
            earlier.setdefault(event_id, Cluster([])).members.append(mention)
        else:
            later.append(mention)
    # A cluster begun more than a window before the change cannot reach it (and may be only
    # partly loaded): leave it as stored.
    reach = shifted(changed_from, -WINDOW_DAYS)
    return clusters + [c for c in cluster_mentions(later, earlier.values()) if c.members[0].date_lo >= reach]


def _article_row(doc_id: str, result: DocumentResult, coder: CoderInfo) -> tuple:
    doc = result.document
    values = {
        "doc_id": doc_id, "status": result.status, "reason": result.reason, "origin": result.origin,
        "num_mentions": len(result.events), "run_id": coder.run_id, "ingested_at": _now(),
        "content_hash": content_hash(doc) if doc else None,
    }
    if doc is not None:
        values.update({
            "title": doc.title, "url": doc.url, "source": doc.source,
            "pub_date": doc.date.isoformat() if doc.date else None, "date_source": doc.date_source,
            "dateline_place": doc.dateline_place, "text": doc.text, "original_text": doc.original_text,
            "cleaning": json.dumps(doc.cleaning, ensure_ascii=False),
        })
    return tuple(values.get(column) for column in ARTICLE_COLUMNS)


def _mention_rows(doc_id: str, events: list[Event], coder: CoderInfo,
                  published: str | None) -> tuple[list[tuple], list[tuple]]:
    mentions, actors, seen = [], [], set()
    for event in events:
        record = event.to_dict()
        mention_id = record["event_id"]
        suffix = 1
        while mention_id in seen:  # two events with one trigger and type: keep both
            suffix += 1
            mention_id = f"{record['event_id']}-{suffix}"
        seen.add(mention_id)
        record["event_id"] = mention_id
        mentions.append(_mention_row(mention_id, doc_id, record, coder, published))
        for role in ("source", "target", "reported_by"):
            for position, actor in enumerate(record.get(role) or []):
                actors.append((mention_id, role, position, actor["text"], actor["start"], actor["end"],
                               actor["name"], actor["country"], actor["sector"], actor["code"], actor["id"]))
    return mentions, actors


def _mention_row(mention_id: str, doc_id: str, record: dict, coder: CoderInfo,
                 published: str | None) -> tuple:
    date = record["date"]
    day = date["value"] or published  # an undated event happened by its publication, at the latest
    lo, hi = date_interval(_date(day), date["granularity"] if date["value"] else "day")
    location = record["location"] or {}
    source, target = actor_sides(record)
    values = {
        "mention_id": mention_id, "doc_id": doc_id, "event_type": record["event_type"],
        "quad_class": record["quad_class"], "mode": record["mode"], "cameo": record["cameo"],
        "event_date": date["value"], "date_granularity": date["granularity"],
        "date_lo": lo and lo.isoformat(), "date_hi": hi and hi.isoformat(),
        "location_country": location.get("country"), "lat": location.get("lat"), "lon": location.get("lon"),
        "sentence_index": record["sentence"]["index"], "sentence_start": record["sentence"]["start"],
        "sentence_end": record["sentence"]["end"], "sentence_text": record["sentence"]["text"],
        "trigger_text": record["trigger"]["text"], "trigger_start": record["trigger"]["start"],
        "trigger_end": record["trigger"]["end"], "negated": int(record["negated"]),
        "hypothetical": int(record["hypothetical"]), "future": int(record["future"]),
        "historical": int(record.get("historical", False)),
        "confidence": record["confidence"], "merge_block": merge_block(record),
        "evidence": " ".join(sorted(mention_evidence(record))), "actor_sides": json.dumps([source, target]),
        "run_id": coder.run_id,
        "record": json.dumps(record, ensure_ascii=False),
    }
    return tuple(values[column] for column in MENTION_COLUMNS)


def event_row(record: dict, block: str) -> tuple:
    """The events-table row of a merged event record."""
    location = record["location"] or {}

    def country(actors):
        return actors[0].get("country") if actors else None

    location_name, lat, lon, evidence = _event_details(record)
    values = {
        "event_id": record["event_id"], "event_type": record["event_type"],
        "quad_class": record["quad_class"],
        "event_date": record["date"]["value"] or record["first_reported"],
        "source_code": actor_key(record["source"]), "target_code": actor_key(record["target"]),
        "source_country": country(record["source"]), "target_country": country(record["target"]),
        "location_country": location.get("country"), "confidence": record["confidence"],
        "num_mentions": len(record["mentions"]), "num_articles": record["num_articles"],
        "num_sources": record["num_sources"], "first_reported": record["first_reported"],
        "last_reported": record["last_reported"], "merge_block": block,
        "record": json.dumps(record, ensure_ascii=False),
        "location_name": location_name, "lat": lat, "lon": lon, "evidence_text": evidence,
        "historical": int(record.get("historical", False)),
    }
    return tuple(values[column] for column in EVENT_COLUMNS)


def _event_details(record: dict) -> tuple:
    """(location name, lat, lon, evidence text) of a merged event record."""
    location = record["location"] or {}
    sentences = [record["sentence"]["text"]]
    sentences += [m["sentence"]["text"] for m in record.get("mentions") or [] if m.get("sentence")]
    return (location.get("name") or location.get("text"), location.get("lat"), location.get("lon"),
            "\n".join(dict.fromkeys(sentences)))


def actor_rows(record: dict) -> list[tuple]:
    """The event_actors rows of a merged event record: each source and target actor."""
    day = record["date"]["value"] or record["first_reported"]
    historical = int(record.get("historical", False))
    return [(record["event_id"], role, position, actor["text"], actor.get("name"), actor.get("country"),
             actor_key([actor]), day, historical)
            for role in ("source", "target") for position, actor in enumerate(record.get(role) or [])]


# What the by-id view adds to each mention from its coded record.
_MENTION_DETAIL = ("event_type", "mode", "cameo", "quad_class", "source", "target", "reported_by", "date",
                   "location", "negated", "hypothetical", "future", "historical", "confidence", "reasons")


def _with_historical_flag(record: dict) -> dict:
    """An event record stored before schema 6 with `historical: false` beside its other flags."""
    if "future" not in record or "historical" in record:
        return record
    flagged = {}
    for key, value in record.items():
        flagged[key] = value
        if key == "future":
            flagged["historical"] = False
    return flagged


def _only_countries_and_dates(query: EventQuery) -> bool:
    """True when the query filters by nothing but countries, their side and dates."""
    return replace(query, countries=(), role=None, since=None, until=None, sort=EventQuery.sort, limit=None,
                   after=None, historical=EventQuery.historical) == EventQuery()


def _stored_event(row: tuple) -> StoredEvent:
    return StoredEvent(*row)


def _joined(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _filters(query: EventQuery, probe: str | None = None,
             id_set: str = "event_id IN ({})") -> tuple[list[str], list]:
    """WHERE clauses over the events table, with bound parameters only.

    Countries are matched through event_actors: by default as the set of events that have one
    (few events: found by the country index, then sorted; `id_set` says how the engine is made to
    collect them first); with `probe` (the engine's prefix that
    keeps a column's index out of a plan) event by event along the sort index, by event id
    (many events: the first page comes after a short walk).
    """
    clauses, params = [], []
    roles = (query.role,) if query.role else ("source", "target")
    on_role = f"role IN ({', '.join('?' for _ in roles)})"

    def with_actor(condition: str, values: list) -> None:
        clauses.append(id_set.format(f"SELECT event_id FROM event_actors WHERE ({condition}) AND {on_role}"))
        params.extend([*values, *roles])

    if query.countries and probe is not None:
        clauses.append(f"EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = events.event_id AND "
                       f"{probe}a.country IN ({', '.join('?' for _ in query.countries)}) AND a.{on_role})")
        params.extend([*query.countries, *roles])
    elif query.countries:
        with_actor(f"country IN ({', '.join('?' for _ in query.countries)})", list(query.countries))
    if query.actor:
        if _looks_like_code(query.actor):
            with_actor(r"code LIKE ? ESCAPE '\'", [like_pattern(query.actor)[1:]])
        else:
            pattern = like_pattern(query.actor.lower())
            with_actor(r"LOWER(name) LIKE ? ESCAPE '\' OR LOWER(text) LIKE ? ESCAPE '\'", [pattern, pattern])
    for column, values in (("event_type", query.event_types), ("quad_class", query.quad_classes)):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params.extend(values)
    if query.since:
        clauses.append("event_date >= ?")
        params.append(query.since.isoformat())
    if query.until:
        clauses.append("event_date <= ?")
        params.append(query.until.isoformat())
    if query.historical is not None:
        clauses.append("historical = ?")
        params.append(int(query.historical))
    if query.min_confidence is not None:
        clauses.append("confidence >= ?")
        params.append(query.min_confidence)
    if query.place:
        clauses.append(r"LOWER(location_name) LIKE ? ESCAPE '\'")
        params.append(like_pattern(query.place.lower()))
    if query.dyad:
        for column, code in zip(("source_code", "target_code"), query.dyad):
            clauses.append(f"{column} IS NULL" if code == "-" else f"{column} = ?")
            params.extend([] if code == "-" else [code])
    if query.bbox:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        clauses.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        params += [min_lat, max_lat, min_lon, max_lon]
    return clauses, params


def search_words(text: str) -> list[str]:
    """The words of a search text, lower-cased: an event matches when its evidence has them all."""
    return [word.lower() for word in _WORD.findall(text)]


def like_pattern(text: str) -> str:
    """`%text%` for LIKE ... ESCAPE '\\', with the user's %, _ and \\ matched literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _looks_like_code(value: str) -> bool:
    return value.isalnum() and value.isupper() and len(value) <= 12


def _period(day: str | None, interval: str) -> str:
    if day is None:
        return "undated"
    date = dt.date.fromisoformat(day)
    if interval == "week":
        date -= dt.timedelta(days=date.weekday())
    elif interval == "month":
        date = date.replace(day=1)
    elif interval == "year":
        date = date.replace(month=1, day=1)
    return date.isoformat()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
