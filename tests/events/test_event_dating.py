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


# --- an act told after an interval ("two days after ...") lies that interval from the sentence's date --

def _date_of(coder, text, trigger):
    return _events(coder, text)[trigger].date.value


def test_an_act_after_an_interval_is_dated_back_from_the_main_act(rules_all_parsed):
    events = _events(rules_all_parsed, "Bolivia recalled its ambassador from Chile on Monday, two days after "
                                       "Chilean troops shelled a border post.")
    assert events["recalled"].date.value == dt.date(2024, 3, 11)
    assert events["shelled"].date.value == dt.date(2024, 3, 9)
    assert any("2 day(s) before the sentence's own date" in r for r in events["shelled"].reasons)


def test_an_interval_counts_from_the_publication_date_when_the_main_act_has_none(rules_all_parsed):
    text = ("Protesters stormed the Peruvian embassy in La Paz, a day after Peru expelled three Bolivian "
            "diplomats.")
    assert _date_of(rules_all_parsed, text, "expelled") == dt.date(2024, 3, 12)


def test_an_interval_before_the_main_clause_dates_the_act_it_introduces(rules_all_parsed):
    events = _events(rules_all_parsed, "A week after Chilean troops shelled the border town of Arica, "
                                       "Bolivia recalled its ambassador on Tuesday.")
    assert events["shelled"].date.value == dt.date(2024, 3, 5)
    assert events["recalled"].date.value == dt.date(2024, 3, 12)


def test_an_interval_of_hours_keeps_the_day_of_the_main_act(rules_all_parsed):
    text = "Ghana sent troops to the border on Sunday, hours after Togolese troops attacked a Ghanaian unit."
    assert _date_of(rules_all_parsed, text, "attacked") == dt.date(2024, 3, 10)


def test_after_without_an_interval_shifts_nothing(rules_all_parsed):
    text = "Bolivia recalled its ambassador on Monday after Chilean troops shelled a border post."
    event = _events(rules_all_parsed, text)["shelled"]
    assert not any("before the sentence's own date" in r for r in event.reasons)


def test_a_date_of_its_own_in_the_clause_after_the_interval_wins(rules_all_parsed):
    text = "Peru expelled a Chilean envoy on Tuesday, a week after Chile arrested a Peruvian aide on Friday."
    assert _date_of(rules_all_parsed, text, "arrested") == dt.date(2024, 3, 8)


# --- the story's clock: a paragraph goes on where the story stands -------------------------------------

def test_a_paragraph_without_a_date_goes_on_at_the_day_the_lead_tells(rules):
    event = _events(rules, "Chilean troops seized the border town of Visviri on Monday.\n"
                           "The Bolivian government accused Chile of invading its territory.")["accused"]
    assert event.date.value == dt.date(2024, 3, 11)


def test_an_act_some_sentences_after_a_dated_one_of_its_paragraph_takes_its_date(rules):
    event = _events(rules, "Rebels ambushed a Malian army convoy on Sunday. The convoy was carrying fuel. "
                           "The rebels then seized two trucks.\nNo one was hurt.")["seized"]
    assert event.date.value == dt.date(2024, 3, 10)


def test_a_new_paragraph_goes_on_at_the_latest_day_the_story_reached(rules):
    event = _events(rules, "Kenyan police arrested an opposition leader on Sunday.\n"
                           "His party condemned the arrest on Monday.\n"
                           "The United States urged Kenya to free him.")["urged"]
    assert event.date.value == dt.date(2024, 3, 11)


def test_a_date_counted_from_the_day_told_before_in_an_article(rules):
    events = _events(rules, "Togo closed its border with Ghana on Saturday.\n"
                            "Two days later, Ghana recalled its ambassador from Lome.")
    assert events["recalled"].date.value == dt.date(2024, 3, 11)


def test_a_present_tense_act_in_a_new_paragraph_keeps_the_publication_date(rules):
    event = _events(rules, "Chilean troops seized the border town of Visviri on Monday.\n"
                           "Bolivia accuses Chile of invading its territory.")["accuses"]
    assert (event.date.value, event.date.text) == (WEDNESDAY, None)


def test_in_a_text_without_paragraphs_only_the_sentence_right_before_dates_an_act(rules):
    event = _events(rules, "Rebels ambushed a Malian army convoy on Sunday. The convoy was carrying fuel. "
                           "The Malian army accused the rebels of banditry.")["accused"]
    assert (event.date.value, event.date.text) == (WEDNESDAY, None)
