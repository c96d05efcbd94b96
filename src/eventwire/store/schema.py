"""The store's schema as ordered, versioned migrations shared by SQLite and PostgreSQL.

Each migration is a list of SQL statements that both engines accept (TEXT dates in ISO
form, INTEGER flags, DOUBLE PRECISION numbers, JSON as TEXT), so the two backends hold
the same content; then, if it has one, a backfill step (a store method that fills new
columns from the stored records); then the statements of one engine only (its full-text
index). A migration is applied once, in order, inside one transaction, and recorded in
`schema_version`. Never edit a released migration: append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    backfill: str | None = None  # name of the store method that fills what the statements added
    sqlite: tuple[str, ...] = ()
    postgresql: tuple[str, ...] = ()


SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, coder runs, mentions, actors, merged events", (
        """CREATE TABLE coder_runs (
            run_id TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            settings_hash TEXT NOT NULL,
            settings TEXT NOT NULL
        )""",
        """CREATE TABLE articles (
            doc_id TEXT PRIMARY KEY,
            content_hash TEXT,
            status TEXT NOT NULL,
            reason TEXT,
            origin TEXT,
            title TEXT,
            url TEXT,
            source TEXT,
            pub_date TEXT,
            date_source TEXT,
            dateline_place TEXT,
            text TEXT,
            original_text TEXT,
            cleaning TEXT,
            num_mentions INTEGER NOT NULL,
            run_id TEXT REFERENCES coder_runs (run_id),
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_pub_date ON articles (pub_date)",
        "CREATE INDEX articles_status ON articles (status)",
        "CREATE INDEX articles_origin ON articles (origin)",
        # One row per event the coder found: a mention of a (possibly merged) event.
        """CREATE TABLE mentions (
            mention_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES articles (doc_id),
            event_id TEXT,
            event_type TEXT NOT NULL,
            quad_class TEXT NOT NULL,
            mode TEXT,
            cameo TEXT,
            event_date TEXT,
            date_granularity TEXT,
            date_lo TEXT,
            date_hi TEXT,
            location_country TEXT,
            lat DOUBLE PRECISION,
            lon DOUBLE PRECISION,
            sentence_index INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            sentence_text TEXT NOT NULL,
            trigger_text TEXT NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            negated INTEGER NOT NULL,
            hypothetical INTEGER NOT NULL,
            future INTEGER NOT NULL,
            confidence DOUBLE PRECISION NOT NULL,
            merge_block TEXT NOT NULL,
            evidence TEXT NOT NULL,
            actor_sides TEXT NOT NULL,
            run_id TEXT REFERENCES coder_runs (run_id),
            record TEXT NOT NULL
        )""",
        "CREATE INDEX mentions_doc ON mentions (doc_id)",
        "CREATE INDEX mentions_event ON mentions (event_id)",
        "CREATE INDEX mentions_block ON mentions (merge_block, date_lo)",
        """CREATE TABLE actors (
            mention_id TEXT NOT NULL REFERENCES mentions (mention_id),
            role TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            name TEXT,
            country TEXT,
            sector TEXT,
            code TEXT,
            actor_id TEXT,
            PRIMARY KEY (mention_id, role, position)
        )""",
        "CREATE INDEX actors_code ON actors (code)",
        "CREATE INDEX actors_country ON actors (country)",
        "CREATE INDEX actors_name ON actors (name)",
        # One row per real-world event: a cluster of mentions (see merge.py).
        """CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            event_type TEXT NOT NULL,
            quad_class TEXT NOT NULL,
            event_date TEXT,
            source_code TEXT,
            target_code TEXT,
            source_country TEXT,
            target_country TEXT,
            location_country TEXT,
            confidence DOUBLE PRECISION NOT NULL,
            num_mentions INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            first_reported TEXT,
            last_reported TEXT,
            merge_block TEXT NOT NULL,
            record TEXT NOT NULL
        )""",
        "CREATE INDEX events_type ON events (event_type)",
        "CREATE INDEX events_date ON events (event_date)",
        "CREATE INDEX events_source_code ON events (source_code)",
        "CREATE INDEX events_target_code ON events (target_code)",
        "CREATE INDEX events_source_country ON events (source_country)",
        "CREATE INDEX events_target_country ON events (target_country)",
        "CREATE INDEX events_confidence ON events (confidence)",
    )),
    Migration(2, "event locations, actors and evidence for the API: filters, keyset order, full text", (
        "ALTER TABLE events ADD COLUMN location_name TEXT",
        "ALTER TABLE events ADD COLUMN lat DOUBLE PRECISION",
        "ALTER TABLE events ADD COLUMN lon DOUBLE PRECISION",
        # The sentences of every mention: what full-text search looks in.
        "ALTER TABLE events ADD COLUMN evidence_text TEXT",
        # Every source and target actor of a merged event: country, actor and dyad filters.
        """CREATE TABLE event_actors (
            event_id TEXT NOT NULL,
            role TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            name TEXT,
            country TEXT,
            code TEXT,
            PRIMARY KEY (event_id, role, position)
        )""",
        "CREATE INDEX event_actors_country ON event_actors (country, role)",
        "CREATE INDEX event_actors_code ON event_actors (code, role)",
        # Keyset pages: (sort key, event id) in index order, both directions.
        "CREATE INDEX events_date_id ON events (event_date, event_id)",
        "CREATE INDEX events_confidence_id ON events (confidence, event_id)",
        "CREATE INDEX events_articles_id ON events (num_articles, event_id)",
        "CREATE INDEX events_quad_date ON events (quad_class, event_date)",
        "CREATE INDEX events_type_date ON events (event_type, event_date)",
        "CREATE INDEX events_location ON events (lat, lon)",
    ), backfill="_backfill_event_details", sqlite=(
        # rowid: a stable number from the event id (see SqliteEventStore._fts_rowid).
        "CREATE VIRTUAL TABLE events_fts USING fts5(event_id UNINDEXED, evidence_text, "
        "tokenize = 'porter unicode61')",
        "INSERT INTO events_fts (rowid, event_id, evidence_text) SELECT eventwire_fts_rowid(event_id), "
        "event_id, evidence_text FROM events",
    ), postgresql=(
        "ALTER TABLE events ADD COLUMN evidence_search tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', COALESCE(evidence_text, ''))) STORED",
        "CREATE INDEX events_evidence_search ON events USING GIN (evidence_search)",
    )),
    Migration(3, "watch: followed sources, seen items, fired alerts", (
        # One row per feed URL or folder `eventwire watch` follows: what a conditional GET needs, and
        # how the last polls went.
        """CREATE TABLE watch_sources (
            source TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_polled TEXT,
            last_success TEXT,
            last_error TEXT,
            last_error_at TEXT,
            failures INTEGER NOT NULL
        )""",
        # One row per feed item or file seen: its fingerprint says whether it changed since.
        """CREATE TABLE watch_items (
            source TEXT NOT NULL,
            item_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            doc_id TEXT,
            url TEXT,
            status TEXT NOT NULL,
            reason TEXT,
            attempts INTEGER NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source, item_key)
        )""",
        # One row per (rule, event, size) that fired; pending_actions lists the actions not yet done.
        """CREATE TABLE alerts (
            alert_id TEXT PRIMARY KEY,
            rule TEXT NOT NULL,
            event_id TEXT NOT NULL,
            num_articles INTEGER NOT NULL,
            fired_at TEXT NOT NULL,
            pending_actions TEXT NOT NULL,
            last_error TEXT,
            record TEXT NOT NULL
        )""",
        "CREATE INDEX alerts_rule_event ON alerts (rule, event_id)",
        "CREATE INDEX alerts_fired_at ON alerts (fired_at)",
    )),
    Migration(4, "event dates beside event actors: a country's timeline from one index", (
        "ALTER TABLE event_actors ADD COLUMN event_date TEXT",
        "UPDATE event_actors SET event_date = "
        "(SELECT event_date FROM events WHERE events.event_id = event_actors.event_id)",
        "DROP INDEX event_actors_country",
        "CREATE INDEX event_actors_country ON event_actors (country, role, event_date, event_id)",
    )),
    Migration(5, "reasons keyed by the field they explain (type, source, target, date, location, ...)", (),
              backfill="_backfill_keyed_reasons"),
    Migration(6, "historical events: background acts flagged apart from the news (false for older rows)", (
        "ALTER TABLE mentions ADD COLUMN historical INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE events ADD COLUMN historical INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX events_historical_date ON events (historical, event_date)",
        # A country's timeline of current (or historical) events from the one index still.
        "ALTER TABLE event_actors ADD COLUMN historical INTEGER NOT NULL DEFAULT 0",
        "DROP INDEX event_actors_country",
        "CREATE INDEX event_actors_country ON event_actors (country, role, historical, event_date, event_id)",
    ), backfill="_backfill_historical"),
)

LATEST_VERSION = MIGRATIONS[-1].version
