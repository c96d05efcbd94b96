"""Where a date belongs (events/dating.py): a date told in a clause of another act does not date the
event; a weekday told with a past-tense verb is a day gone by. Short articles written for these tests,
published on Wednesday 13 March 2024."""

import datetime as dt

from texts import WEDNESDAY, code_text


def _events(coder, text):
    return {e.trigger.text: e for e in code_text(coder, text)}


def test_a_date_in_a_relative_clause_on_another_noun_dates_only_that_clause(rules):
    events = _events(rules, "Chile repeated its charge that Peru armed the rebels, an accusation Peruvian "
                            "officials rejected on Monday.")
    charge, rejection = events["repeated"], events["rejected"]
    assert (charge.date.value, charge.date.text) == (WEDNESDAY, None)
    assert any("'on Monday' dates the clause on 'accusation'" in r for r in charge.reasons)
    assert rejection.date.value == dt.date(2024, 3, 11)


def test_a_date_in_a_relative_clause_on_the_object_does_not_date_what_was_done_to_it(rules):
    events = _events(rules, "Chilean troops shelled the village, which rebels had seized on Monday.")
    assert events["shelled"].date.value == WEDNESDAY
    assert events["seized"].date.value == dt.date(2024, 3, 11)


def test_a_since_clause_bounds_a_period_and_does_not_date_the_event(rules):
    event = _events(rules, "Since leaving the Peruvian Senate in January, the senator has accused Chile of "
                           "spying on farmers.")["accused"]
    assert (event.date.value, event.date.text) == (WEDNESDAY, None)
    assert any("the 'since' clause, the bound of a period" in r for r in event.reasons)


def test_a_present_tense_statement_is_not_dated_by_background_about_its_speaker(rules):
    event = _events(rules, "The Bolivian minister, who is weighing a run in next year's race, accuses Chile "
                           "of stealing its water.")["accuses"]
    assert (event.date.value, event.date.text) == (WEDNESDAY, None)


def test_a_weekday_said_in_the_past_is_the_day_gone_by_though_the_act_is_to_come(rules):
    event = _events(rules, "Peru said Saturday it will recall its ambassador from Chile.")["recall"]
    assert event.date.value == dt.date(2024, 3, 9)
    assert any("told with the past-tense 'said'" in r for r in event.reasons)


# --- an undated act narrated in the simple past, right after a sentence dated days before -----------

STATEMENT = "The refugee agency put out a statement last week on the closure. "


def test_an_act_told_in_the_simple_past_after_a_dated_sentence_takes_its_date(rules):
    event = _events(rules, STATEMENT + "The UNHCR offered to help the Chilean government.")["offered"]
    assert (event.date.value, event.date.granularity) == (dt.date(2024, 3, 4), "week")
    assert any("follows, in the simple past, one dated days before" in r for r in event.reasons)


def test_an_act_told_in_the_present_keeps_the_publication_date(rules):
    event = _events(rules, STATEMENT + "The UNHCR offers to help the Chilean government.")["offers"]
    assert (event.date.value, event.date.text) == (WEDNESDAY, None)


def test_a_sentence_dated_long_before_is_background_not_the_days_of_the_story(rules):
    events = _events(rules, "Rebels seized the town of Arica in 2019. The rebel commander demanded the "
                            "release of prisoners held by Chile.")
    assert events["demanded"].date.value == WEDNESDAY


# --- a statement in the present is the publication day's ---------------------------------------------

def test_a_date_in_what_a_present_tense_statement_reports_does_not_date_the_statement(rules):
    event = _events(rules, "Peru accuses Chile of shelling the border post last week.")["accuses"]
    assert (event.date.value, event.date.text) == (WEDNESDAY, None)
    assert any("'last week' dates what the present-tense 'accuses' reports" in r for r in event.reasons)


def test_a_date_on_the_present_tense_statement_itself_still_dates_it(rules):
    event = _events(rules, "Peru accuses Chile on Monday of shelling the border post.")["accuses"]
    assert event.date.value == dt.date(2024, 3, 11)
