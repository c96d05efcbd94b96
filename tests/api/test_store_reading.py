"""What the API needs from the store, on both databases: time limits and the schema 2 upgrade."""

from __future__ import annotations

import time

import pytest
from api_fixtures import CODER, articles, fill
from store_factories import undo_schema_6

from eventwire.query import parse_query
from eventwire.store import open_store
from eventwire.store.base import QueryTimeout
from eventwire.store.schema import LATEST_VERSION


def test_a_reader_cancels_a_statement_past_its_time_limit(filled_url):
    with open_store(filled_url) as store, store.reader(time_limit=0.2) as reader:
        slow = ("SELECT pg_sleep(5)" if reader.dialect == "postgresql" else
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n")
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            reader._run(slow).fetchall()
        assert time.monotonic() - started < 4
        assert reader.count_events() == 4  # the connection is still usable


def test_readers_see_what_the_writer_commits(db_url):
    with open_store(db_url) as store, store.reader() as reader:
        assert reader.count_events() == 0
        store.save(articles()[0], CODER)
        assert reader.count_events() == 1


def _downgrade_to_schema_1(store) -> None:
    """What a database written before schema 2 looks like."""
    undo_schema_6(store)
    if store.dialect == "sqlite":
        store._run("DROP TABLE events_fts")
    else:
        store._run("ALTER TABLE events DROP COLUMN evidence_search")
    store._run("DROP TABLE event_actors")
    for index in ("events_date_id", "events_confidence_id", "events_articles_id", "events_quad_date",
                  "events_type_date", "events_location"):
        store._run(f"DROP INDEX {index}")
    for column in ("location_name", "lat", "lon", "evidence_text"):
        store._run(f"ALTER TABLE events DROP COLUMN {column}")
    for table in ("watch_sources", "watch_items", "alerts"):  # and before the watch tables (schema 3)
        store._run(f"DROP TABLE {table}")
    store._run("DELETE FROM schema_version WHERE version >= 2")


def test_an_existing_database_is_upgraded_with_its_events_indexed(db_url):
    fill(db_url)
    with open_store(db_url) as store:
        before = list(store.events())
        _downgrade_to_schema_1(store)
    with open_store(db_url) as store:
        assert store.schema_version() == LATEST_VERSION
        assert list(store.events()) == before
        assert [e.event_type for e in store.find_events(parse_query(country="IND"))] == ["THREATEN"]
        assert [e.event_type for e in store.find_events(parse_query(q="refugee"))] == ["ASSAULT"]
        assert [e.event_type for e in store.find_events(parse_query(bbox="30,25,40,35"))] == ["ASSAULT"]


@pytest.fixture
def filled_url(db_url) -> str:
    fill(db_url)
    return db_url


@pytest.mark.parametrize("params", [{"country": "RUS"}, {"country": "IND", "role": "target"},
                                    {"country": "RUS,FRA", "sort": "confidence"},
                                    {"country": "CHN", "q": "met"}, {"q": "camp"},
                                    {"q": "minister", "sort": "date"}])
def test_frequent_countries_and_words_are_checked_event_by_event_alike(filled_url, monkeypatch, params):
    with open_store(filled_url) as store:
        expected = [e.event_id for e in store.find_events(parse_query(**params))]
        monkeypatch.setattr("eventwire.store.sql.MANY_EVENTS", 1)  # every country counts as frequent
        monkeypatch.setattr("eventwire.store.sqlite.MANY_MATCHES", 1)  # every word too
        assert [e.event_id for e in store.find_events(parse_query(**params))] == expected
        assert expected


@pytest.mark.parametrize("params", [{"country": "RUS"}, {"country": "RUS,IND", "role": "source"},
                                    {"country": "FRA", "since": "2024-04", "until": "2024-04"}])
def test_a_country_timeline_from_the_country_index_counts_as_the_general_one(filled_url, params):
    with open_store(filled_url) as store:
        fast = store.timeline(parse_query(**params))
        general = store.timeline(parse_query(**params, min_confidence="0"))  # any other filter: events table
    assert sorted(fast, key=lambda c: c.period) == sorted(general, key=lambda c: c.period)
    assert fast
