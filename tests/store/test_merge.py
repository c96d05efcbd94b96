"""One record per real-world event: merging mentions across and within articles (both backends)."""

from __future__ import annotations

import datetime as dt

from store_factories import coded, document, event, synthetic_results

from eventwire.store import CoderInfo, open_store
from eventwire.store.merge import date_interval, evidence_tokens, merge_block, similarity

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})
LAVROV, WANG = ("Lavrov", "RUS", "GOV"), ("Wang", "CHN", "GOV")


def _meeting(doc_id, text, date, outlet, place="Beijing", source=LAVROV, target=WANG, kind="CONSULT",
             trigger="met", event_date=None):
    doc = document(doc_id, text, date=date, outlet=outlet)
    return coded(doc, event(doc, 0, trigger, kind, source=[source], target=[target], place=place,
                            date=event_date))


def _events(store):
    return list(store.events())


def test_two_reports_of_one_meeting_become_one_event(store):
    store.save(_meeting("a", "Lavrov met Wang in Beijing on Tuesday to discuss the war in Ukraine. More",
                        "2024-03-12", "Wire A"), CODER)
    store.save(_meeting("b", "Wang met Lavrov in Beijing, the ministers discussing Ukraine and trade. More",
                        "2024-03-13", "Wire B", source=WANG, target=LAVROV), CODER)
    [record] = _events(store)
    assert record["num_articles"] == 2 and record["num_sources"] == 2
    assert {m["doc_id"] for m in record["mentions"]} == {"a", "b"}
    assert (record["first_reported"], record["last_reported"]) == ("2024-03-12", "2024-03-13")
    merges = record["reasons"]["merge"]
    assert any(r.startswith("merge: mention") and "same type CONSULT" in r for r in merges)


def test_the_same_ministers_a_week_later_elsewhere_are_a_second_event(store):
    store.save(_meeting("a", "Lavrov met Wang in Beijing on Tuesday to discuss the war in Ukraine. More",
                        "2024-03-12", "Wire A"), CODER)
    store.save(_meeting("b", "Lavrov met Wang in Moscow on Tuesday to discuss the war in Ukraine. More",
                        "2024-03-19", "Wire A", place="Moscow"), CODER)
    assert len(_events(store)) == 2


def test_a_different_place_within_the_window_is_a_different_event(store):
    store.save(_meeting("a", "Lavrov met Wang in Beijing to discuss Ukraine. More", "2024-03-12", "Wire A"),
               CODER)
    store.save(_meeting("b", "Lavrov met Wang in Delhi to discuss Ukraine. More", "2024-03-13", "Wire B",
                        place="Delhi"), CODER)
    assert len(_events(store)) == 2


def test_different_actors_are_different_events(store):
    store.save(_meeting("a", "Lavrov met Wang in Beijing to discuss Ukraine. More", "2024-03-12", "Wire A"),
               CODER)
    store.save(_meeting("b", "Lavrov met Jaishankar in Beijing to discuss Ukraine. More", "2024-03-12",
                        "Wire B", target=("Jaishankar", "IND", "GOV")), CODER)
    assert len(_events(store)) == 2


def test_an_unknown_country_or_sector_matches_a_known_one(store):
    store.save(_meeting("a", "Lavrov accused Wang of spying in Beijing during the summit. More", "2024-03-12",
                        "Wire A", kind="ACCUSE", trigger="accused", target=("Wang", "CHN", None)), CODER)
    store.save(_meeting("b", "Lavrov accused Wang of spying at the Beijing summit. More", "2024-03-12",
                        "Wire B", kind="ACCUSE", trigger="accused", target=("Wang", None, "GOV")), CODER)
    store.save(_meeting("c", "Lavrov accused Wang of spying at the Beijing summit too. More", "2024-03-12",
                        "Wire C", kind="ACCUSE", trigger="accused", target=("Wang", "IND", "GOV")), CODER)
    merged, other = sorted(_events(store), key=lambda r: -r["num_articles"])
    assert merged["num_articles"] == 2 and other["doc_id"] == "c"


def test_unrelated_wording_keeps_events_apart(store):
    store.save(_meeting("a", "Lavrov met Wang in Beijing to discuss Ukraine. More", "2024-03-12", "Wire A"),
               CODER)
    store.save(_meeting("b", "Lavrov met Wang over dinner where pandas, football and music dominated. More",
                        "2024-03-14", "Wire B", place=None), CODER)
    assert len(_events(store)) == 2


def test_related_types_merge_across_articles_but_not_within_one(store):
    store.save(_meeting("a", "Lavrov met Wang in Beijing and signed a trade deal. More", "2024-03-12",
                        "Wire A"), CODER)
    store.save(_meeting("b", "Lavrov agreed with Wang in Beijing on a trade deal. More", "2024-03-12",
                        "Wire B", kind="AGREE", trigger="agreed"), CODER)
    [merged] = _events(store)
    assert any("related types CONSULT/AGREE" in r for r in merged["reasons"]["merge"])
    doc = document("c", "Lavrov met Wang in Paris on a trade deal. Lavrov agreed with Wang in Paris on it",
                   date="2024-05-01")
    store.save(coded(doc, event(doc, 0, "met", "CONSULT", [LAVROV], [WANG], place="Paris"),
                     event(doc, 1, "agreed", "AGREE", [LAVROV], [WANG], place="Paris")), CODER)
    assert len(_events(store)) == 3


def test_a_happening_repeated_in_one_article_is_one_event(store):
    text = ("Lavrov met Wang in Beijing to discuss the war in Ukraine. "
            "The meeting in Beijing, where Lavrov met Wang, focused on the war in Ukraine")
    doc = document("a", text, date="2024-03-12")
    store.save(coded(doc, event(doc, 0, "met", "CONSULT", [LAVROV], [WANG], place="Beijing"),
                     event(doc, 1, "met", "CONSULT", [LAVROV], [WANG], place="Beijing", confidence=0.9)),
               CODER)
    [record] = _events(store)
    assert record["num_articles"] == 1 and len(record["mentions"]) == 2
    assert record["confidence"] == 0.9 and record["sentence"]["index"] == 1  # the most confident mention
    assert any("repeated in article" in r for r in record["reasons"]["merge"])


def test_negated_mentions_do_not_merge_with_affirmed_ones(store):
    doc = document("a", "Lavrov met Wang in Beijing on Ukraine. Lavrov did not meet Wang in Beijing on it",
                   date="2024-03-12")
    store.save(coded(doc, event(doc, 0, "met", "CONSULT", [LAVROV], [WANG], place="Beijing"),
                     event(doc, 1, "meet", "CONSULT", [LAVROV], [WANG], place="Beijing", negated=True)),
               CODER)
    assert len(_events(store)) == 2


def test_replacing_an_article_re_merges_its_neighbours(store):
    store.save(_meeting("a", "Lavrov met Wang in Beijing to discuss Ukraine. More", "2024-03-12", "Wire A"),
               CODER)
    store.save(_meeting("b", "Lavrov met Wang in Beijing discussing Ukraine. More", "2024-03-13", "Wire B"),
               CODER)
    assert len(_events(store)) == 1
    store.save(_meeting("a", "Lavrov met Wang in Beijing to discuss Ukraine. More", "2024-03-01", "Wire A",
                        event_date="2024-03-01"), CODER)
    records = _events(store)
    assert len(records) == 2 and all(r["num_articles"] == 1 for r in records)
    assert store.counts()["events"] == 2


def test_merging_is_the_same_in_any_order_and_when_recomputed(new_db_url, database_content):
    results = synthetic_results(150, days=20)  # dense enough to chain clusters across windows
    with open_store(new_db_url()) as forward, open_store(new_db_url()) as backward:
        for result in results:
            forward.save(result, CODER)
        for result in reversed(results):
            backward.save(result, CODER)
        merged = database_content(forward)
        assert len(merged["events"]) < len(merged["mentions"])  # the batch has repeats
        assert _without_article_order(database_content(backward)) == _without_article_order(merged)
        forward.recompute_merges()
        assert database_content(forward) == merged


def _without_article_order(content):
    return {table: rows for table, rows in content.items() if table != "coder_runs"}


def test_date_intervals_and_blocks():
    day = dt.date(2024, 3, 12)
    assert date_interval(day, "day") == (day, day)
    assert date_interval(day, "month") == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    assert date_interval(day, "year") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert date_interval(None, "day") == (None, None)
    forward = {"event_type": "CONSULT", "quad_class": "verbal_cooperation",
               "source": [{"country": "RUS", "sector": "GOV"}],
               "target": [{"country": "CHN", "sector": "GOV"}]}
    backward = {**forward, "source": forward["target"], "target": forward["source"]}
    assert merge_block(forward) == merge_block(backward)
    assault = {**forward, "event_type": "ASSAULT", "quad_class": "material_conflict"}
    assert merge_block(assault) != merge_block({**assault, "source": forward["target"],
                                                "target": forward["source"]})


def test_evidence_similarity_ignores_function_words():
    a = evidence_tokens("Lavrov met Wang in Beijing to discuss the war in Ukraine")
    b = evidence_tokens("The ministers discussed Ukraine and the war")
    assert "the" not in a and evidence_tokens("discussed") == evidence_tokens("discuss") == {"discuss"}
    assert similarity(a, b) > 0.3 and similarity(a, frozenset()) == 0.0


def test_incremental_merging_after_changes_equals_a_fresh_ingest(new_db_url, database_content):
    import random

    results = synthetic_results(60, seed=11, days=20)
    changed = synthetic_results(60, seed=12, days=20)[:15]  # new versions of the first 15 articles
    final = changed + results[15:]
    with open_store(new_db_url()) as updated, open_store(new_db_url()) as fresh:
        for result in results + changed:
            updated.save(result, CODER)
        shuffled = list(final)
        random.Random(3).shuffle(shuffled)
        for result in shuffled:
            fresh.save(result, CODER)
        assert _without_article_order(database_content(updated)) == _without_article_order(
            database_content(fresh))
