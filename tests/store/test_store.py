"""Storing articles and mentions: schema, content, idempotence, replacement (both backends)."""

from __future__ import annotations

import json

from store_factories import coded, document, event, undo_schema_6

from eventwire.records import DocumentResult, Rejected
from eventwire.store import CoderInfo, EventQuery, open_store
from eventwire.store.schema import LATEST_VERSION

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})
TEXT = ("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday. "
        "They discussed trade and the war in Ukraine")


def _meeting(doc_id="a1", text=TEXT, outlet="Wire A", date="2024-03-12"):
    doc = document(doc_id, text, date=date, outlet=outlet)
    return coded(doc, event(doc, 0, "met", "CONSULT", source=[("Sergei Lavrov", "RUS", "GOV")],
                            target=[("Wang Yi", "CHN", "GOV")], place="Beijing"))


def test_migrations_are_recorded_once(db_url):
    with open_store(db_url) as store:
        assert store.schema_version() == LATEST_VERSION
    with open_store(db_url) as store:  # reopening applies nothing twice
        rows = store._run("SELECT version FROM schema_version").fetchall()
        assert [r[0] for r in rows] == list(range(1, LATEST_VERSION + 1))


def test_article_mentions_actors_and_coder_are_stored(store):
    result = _meeting()
    outcome = store.save(result, CODER)
    assert (outcome.doc_id, outcome.replaced, outcome.mentions) == ("a1", False, 1)
    article = store.article("a1")
    assert (article.status, article.title, article.source) == ("coded", "Title a1", "Wire A")
    assert article.pub_date == "2024-03-12"
    assert article.text == TEXT
    original, content_hash, run_id = store._run(
        "SELECT original_text, content_hash, run_id FROM articles WHERE doc_id = ?", ("a1",)).fetchone()
    assert original == f"<p>{TEXT}</p>" and len(content_hash) == 64 and run_id == CODER.run_id
    version, settings = store._run("SELECT version, settings FROM coder_runs").fetchone()
    assert version == "9.9.9" and '"spacy_model":"test"' in settings
    actors = store._run("SELECT role, text, country, sector, code FROM actors ORDER BY role").fetchall()
    assert actors == [("source", "Sergei Lavrov", "RUS", "GOV", "RUSGOV"),
                      ("target", "Wang Yi", "CHN", "GOV", "CHNGOV")]
    mention = store._run("SELECT sentence_index, trigger_text, event_type, event_date FROM mentions")
    mention = mention.fetchone()
    assert mention == (0, "met", "CONSULT", "2024-03-12")


def test_event_record_has_the_contract_and_the_store_fields(store):
    result = _meeting()
    store.save(result, CODER)
    [record] = store.events()
    contract = result.events[0].to_dict()
    for key, value in contract.items():
        if key != "reasons":
            assert record[key] == value, key
    coded = {field: texts for field, texts in record["reasons"].items() if field != "merge"}
    assert coded == contract["reasons"]
    assert record["num_articles"] == 1 and record["num_sources"] == 1
    assert record["first_reported"] == record["last_reported"] == "2024-03-12"
    [mention] = record["mentions"]
    assert mention["doc_id"] == "a1" and mention["trigger"]["text"] == "met"
    assert mention["sentence"]["text"].startswith("Russian Foreign Minister")


def test_same_article_twice_adds_nothing(store, database_content):
    result = _meeting()
    assert not store.is_current(result.document, CODER)
    store.save(result, CODER)
    assert store.is_current(result.document, CODER)
    before = database_content(store)
    store.save(_meeting(), CODER)
    assert database_content(store) == before


def test_new_coder_version_makes_an_article_stale(store):
    result = _meeting()
    store.save(result, CODER)
    newer = CoderInfo.of("9.9.10", {"spacy_model": "test", "resources": "abc"})
    assert not store.is_current(result.document, newer)


def test_changed_article_replaces_its_mentions(store):
    store.save(_meeting(), CODER)
    changed_text = "Lavrov accused the Chinese government of spying in Moscow. Nothing else happened"
    doc = document("a1", changed_text, date="2024-03-12")
    assert not store.is_current(doc, CODER)
    changed = coded(doc, event(doc, 0, "accused", "ACCUSE", source=[("Lavrov", "RUS", "GOV")],
                               target=[("Chinese government", "CHN", "GOV")], place="Moscow"))
    outcome = store.save(changed, CODER)
    assert outcome.replaced
    assert [r["event_type"] for r in store.events()] == ["ACCUSE"]
    assert store.counts()["mentions"] == 1 and store.counts()["actors"] == 2
    assert store.article("a1").text == changed_text


def test_failed_and_rejected_documents_keep_status_and_reason(store):
    store.save(DocumentResult.from_rejected(Rejected(origin="bad.bin", status="skipped",
                                                      reason="binary file")), CODER)
    doc = document("f1", "Some text that broke the coder")
    store.save(DocumentResult(origin=doc.origin, status="failed", doc_id="f1", document=doc,
                              reason="coding failed: ValueError: boom"), CODER)
    assert store.article("origin:bad.bin").reason == "binary file"
    assert store.article("f1").status == "failed"
    counts = store.counts()
    assert counts["articles_skipped"] == 1 and counts["articles_failed"] == 1 and counts["events"] == 0


def test_filters_select_events(store):
    store.save(_meeting(), CODER)
    doc = document("b1", "Protesters marched against the French embassy in Paris. Police watched",
                   date="2024-04-02", outlet="Wire B")
    store.save(coded(doc, event(doc, 0, "marched", "PROTEST", source=[("Protesters", "FRA", "CVL")],
                                target=[("French embassy", "FRA", "GOV")], place="Paris", confidence=0.4)),
               CODER)

    def types(**filters):
        return [r["event_type"] for r in store.events(EventQuery(**filters))]

    assert types() == ["CONSULT", "PROTEST"]
    assert types(actor="RUSGOV") == ["CONSULT"]
    assert types(actor="RUS") == ["CONSULT"]
    assert types(actor="lavrov") == ["CONSULT"]
    assert types(countries=("FRA",)) == ["PROTEST"]
    assert types(countries=("CHN",)) == ["CONSULT"]
    assert types(event_types=("PROTEST",)) == ["PROTEST"]
    assert types(since=_d("2024-04-01")) == ["PROTEST"]
    assert types(until=_d("2024-04-01")) == ["CONSULT"]
    assert types(min_confidence=0.5) == ["CONSULT"]


def test_dyads_count_by_pair_quad_class_and_period(store):
    for i, date in enumerate(["2024-03-11", "2024-03-13", "2024-03-27"]):
        text = f"Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing {i}"
        store.save(_meeting(f"m{i}", text=text + ". Talks", date=date, outlet=f"Wire {i}"), CODER)
    weekly = store.dyads(interval="week")
    assert [(d.period, d.source, d.target, d.quad_class, d.events) for d in weekly] == [
        ("2024-03-11", "RUSGOV", "CHNGOV", "verbal_cooperation", 1),
        ("2024-03-25", "RUSGOV", "CHNGOV", "verbal_cooperation", 1),
    ]
    assert [(d.period, d.events) for d in store.dyads(interval="month")] == [("2024-03-01", 2)]
    assert [d.period for d in store.dyads(interval="day")] == ["2024-03-11", "2024-03-27"]


def _d(value):
    import datetime as dt

    return dt.date.fromisoformat(value)


def test_a_store_whose_reasons_are_flat_lists_is_migrated_to_keyed_reasons(db_url):
    flat = ["trigger 'met' -> CONSULT: verb 'meet' pattern 'meet | *' -> CAMEO 040 -> CONSULT",
            "date 'on Tuesday' = 2024-03-12 (day)",
            "source 'Sergei Lavrov' (subject of 'met')", "'Sergei Lavrov' -> RUSGOV: dictionary role",
            "target 'Wang Yi' (object of 'met')", "'Wang Yi' -> CHNGOV: dictionary role",
            "'Beijing' is the object of 'in' attached to the trigger 'met' (location score 0.70)",
            "confidence 0.62: pattern specificity 0.30", "learned confidence 0.48 (rules 0.62)"]
    with open_store(db_url) as store:
        store.save(_meeting(), CODER)
        with store._transaction():  # what a store written before schema 5 holds
            for table, key in (("mentions", "mention_id"), ("events", "event_id")):
                for ident, record in store._run(f"SELECT {key}, record FROM {table}").fetchall():
                    old = {**json.loads(record), "reasons": flat}
                    store._run(f"UPDATE {table} SET record = ? WHERE {key} = ?", (json.dumps(old), ident))
            undo_schema_6(store)
            store._run("DELETE FROM schema_version WHERE version = 5")
    with open_store(db_url) as store:
        assert store.schema_version() == LATEST_VERSION
        [record] = store.events()
        [coded_mention] = [json.loads(r[0]) for r in store._run("SELECT record FROM mentions").fetchall()]
    expected = {"type": flat[:1], "source": flat[2:4], "target": flat[4:6], "date": flat[1:2],
                "location": flat[6:7], "confidence": flat[7:]}
    assert record["reasons"] == coded_mention["reasons"] == expected
    assert list(record["reasons"]) == ["type", "source", "target", "date", "location", "confidence"]
