"""Historical events in the store (both backends): the schema 6 columns, the default that leaves them
out of lists and counts, the filter that asks for them, merging that keeps them apart from the news,
and stores written before schema 6."""

from __future__ import annotations

import json

from store_factories import coded, document, event, undo_schema_6

from eventwire.formats import CSV_COLUMNS, flat_row
from eventwire.query import parse_query
from eventwire.store import CoderInfo, EventQuery, open_store
from eventwire.store.schema import LATEST_VERSION

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})
PERU, ECUADOR = ("Peru", "PER", None), ("Ecuador", "ECU", None)
TEXT = ("Peru shelled Ecuador at the border on Monday. The army of Peru, which shelled Ecuador long ago, "
        "said nothing")
ANY = EventQuery(historical=None)


def _article(doc_id="h1", text=TEXT, date="2025-03-12"):
    """A current attack and, told as background, an attack of the same sides on the same day."""
    doc = document(doc_id, text, date=date)
    return coded(doc,
                 event(doc, 0, "shelled", "ASSAULT", [PERU], [ECUADOR], date="2025-03-10"),
                 event(doc, 1, "shelled", "ASSAULT", [PERU], [ECUADOR], date="2025-03-10", confidence=0.1,
                       historical=True))


def _types(events) -> list[tuple[str, bool]]:
    return sorted((e["trigger"]["text"], e["historical"]) for e in events)


def test_a_historical_mention_is_stored_flagged_and_never_merged_with_the_news(store):
    store.save(_article(), CODER)
    mentions = store._run("SELECT sentence_index, historical FROM mentions ORDER BY sentence_index")
    assert mentions.fetchall() == [(0, 0), (1, 1)]
    events = list(store.events(ANY))
    assert len(events) == 2  # same type, sides and day, but history is not the news
    assert sorted(e["historical"] for e in events) == [False, True]
    flags = store._run("SELECT historical FROM events ORDER BY historical").fetchall()
    assert flags == [(0,), (1,)]
    assert sorted(store._run("SELECT DISTINCT historical FROM event_actors").fetchall()) == [(0,), (1,)]


def test_lists_and_counts_leave_historical_events_out_unless_asked(store):
    store.save(_article(), CODER)
    assert [e["historical"] for e in store.events()] == [False]
    assert store.count_events() == 1
    assert store.count_events(parse_query(historical="true")) == 1
    assert [e["historical"] for e in store.events(parse_query(historical="true"))] == [True]
    assert store.count_events(parse_query(historical="any")) == 2
    assert store.count_events(parse_query(historical="false")) == 1
    # the country timeline, read from the country index, leaves them out too
    assert [c.events for c in store.timeline(parse_query(country="PER"))] == [1]
    assert [c.events for c in store.timeline(parse_query(country="PER", historical="any"))] == [2]
    assert [c.events for c in store.timeline(parse_query(country="ECU", historical="true"))] == [1]
    assert sum(d.events for d in store.dyad_totals(EventQuery())) == 1
    assert sum(a.events for a in store.actor_counts(ANY)) == 4  # two events, two sides each


def test_two_reports_of_one_historical_act_merge_with_each_other(store):
    store.save(_article("h1"), CODER)
    store.save(_article("h2", text=TEXT.replace("Monday", "Monday night")), CODER)
    [old] = store.events(parse_query(historical="true"))
    [news] = store.events()
    assert old["num_articles"] == news["num_articles"] == 2


def test_exports_carry_the_flag(store):
    store.save(_article(), CODER)
    rows = [flat_row(record) for record in store.events(ANY)]
    assert "historical" in CSV_COLUMNS
    assert sorted(row["historical"] for row in rows) == [False, True]


def test_a_store_written_before_schema_6_reads_as_not_historical(db_url):
    with open_store(db_url) as store:
        doc = document("old", TEXT, date="2025-03-12")
        store.save(coded(doc, event(doc, 0, "shelled", "ASSAULT", [PERU], [ECUADOR])), CODER)
        with store._transaction():
            undo_schema_6(store)
        [record] = [json.loads(r[0]) for r in store._run("SELECT record FROM events").fetchall()]
        assert "historical" not in record and store.schema_version() == 5
    with open_store(db_url) as store:
        assert store.schema_version() == LATEST_VERSION
        [record] = store.events()
        assert record["historical"] is False
        assert list(record)[list(record).index("future") + 1] == "historical"
        [mention] = [json.loads(r[0]) for r in store._run("SELECT record FROM mentions").fetchall()]
        assert mention["historical"] is False
        assert store._run("SELECT historical FROM mentions").fetchall() == [(0,)]
        assert store.count_events(parse_query(country="PER")) == 1
        assert [c.events for c in store.timeline(parse_query(country="PER"))] == [1]
        # new articles after the upgrade are stored with the flag
        store.save(_article("new"), CODER)
        assert store.count_events(parse_query(historical="true")) == 1


def test_the_events_command_takes_the_historical_option(db_url):
    from click.testing import CliRunner

    from eventwire.cli import main

    with open_store(db_url) as store:
        store.save(_article(), CODER)

    def listed(*options) -> list[bool]:
        result = CliRunner().invoke(main, ["events", "--db", db_url, "--format", "jsonl", *options])
        assert result.exit_code == 0, result.output
        return sorted(json.loads(line)["historical"] for line in result.stdout.splitlines())

    assert listed() == [False]
    assert listed("--historical", "true") == [True]
    assert listed("--historical", "any") == [False, True]
    table = CliRunner(env={"COLUMNS": "160"}).invoke(main, ["events", "--db", db_url, "--historical", "true"])
    assert "historical" in table.stdout and "ASSAULT*" in table.stdout
    refused = CliRunner().invoke(main, ["events", "--db", db_url, "--historical", "maybe"])
    assert refused.exit_code != 0 and "maybe" in refused.output


def test_an_alert_rule_may_ask_for_historical_events():
    from eventwire.watch.alerts import rule_queries

    assert [q.historical for q in rule_queries({"country": "PER"})] == [False]
    assert [q.historical for q in rule_queries({"country": "PER", "historical": True})] == [True]
    assert [q.historical for q in rule_queries({"historical": "any"})] == [None]
