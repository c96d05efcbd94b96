"""Documents released, partners engaged with and suicides name no act (models/sources/verbs_extra.tsv,
events/classify.py `_passive_relative`, events/stance.py `done_to_oneself`, docs/lexicon.md "False events
(branch precision10)"): a study or an index "released" in a relative clause is published, not set free;
"engaged in" an activity or "engaged with" a partner is no fighting; "shot himself" is a suicide. Each
beside a close sentence that still codes, on sentences written for these tests, with the rules alone."""

import datetime as dt

from eventwire.records import Document

MONDAY = dt.date(2024, 3, 11)


def code(rules, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    return [(e.event_type, [a.country for a in e.source], [a.country for a in e.target])
            for e in rules.code_document(doc) if not e.historical]


def test_an_index_released_is_published(rules):
    text = "According to the Global Hunger Ranking 2024 released last month, Chad saw famine deaths rise."
    assert code(rules, text) == []


def test_a_report_that_was_released_is_published(rules):
    text = "A Peruvian report that was released on Monday counted the flood victims."
    assert code(rules, text) == []


def test_people_released_in_a_relative_clause_are_set_free(rules):
    text = "The Chilean hostages who were released by Peruvian rebels on Monday arrived in Lima."
    assert ("CONCEDE", ["PER"], ["CHL"]) in code(rules, text)


def test_engaged_with_a_partner_or_in_an_activity_is_no_fighting(rules):
    assert code(rules, "Peru was engaged with Chile in quiet talks last year.") == []
    assert code(rules, "The Peruvian farmers are engaged in growing coffee.") == []


def test_engaged_in_fighting_or_engaging_a_foe_is_fighting(rules):
    assert code(rules, "Chilean troops were engaged in fierce fighting with Peruvian rebels.") == [
        ("ASSAULT", ["CHL"], ["PER"])]
    assert code(rules, "Chilean troops engaged Peruvian rebels near the border.") == [
        ("ASSAULT", ["CHL"], ["PER"])]


def test_a_shooting_done_to_oneself_is_a_suicide(rules):
    assert code(rules, "A Chilean soldier fatally shot himself at a base near Arica on Monday.") == []
    assert code(rules, "A Chilean soldier fatally shot two Peruvian fishermen near Arica on Monday.") == [
        ("ASSAULT", ["CHL"], ["PER"])]


def test_a_bomber_who_blew_himself_up_attacked(rules):
    assert code(rules, "A Peruvian bomber blew himself up at a Chilean checkpoint.") == [
        ("ASSAULT", ["PER"], ["CHL"])]
