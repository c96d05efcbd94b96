"""Issue 9: descriptive references to bodies named before, instructions and refused wishes, on short
articles written for these tests."""

import datetime as dt

import pytest
from texts import code_text

from eventwire.events.coder import EventCoder

FRIDAY = dt.date(2024, 6, 7)


def code(coder: EventCoder, text: str):
    return code_text(coder, text, FRIDAY)


def of_type(events, event_type: str):
    found = [e for e in events if e.event_type == event_type]
    assert found, [(e.event_type, e.trigger.text) for e in events]
    return found


# --- "the court", "the court's president": the body named before ----------------------------------

COURT_STORY = ("Chile has refused to attend proceedings at the United Nations' highest court, where Peru "
               "disputes their sea frontier. ")


@pytest.mark.parametrize("sentence", [
    "The court's president rejected Chile's request on Thursday.",
    "The court's president, Judge Maria Lopez, rejected Chile's request on Thursday.",
])
def test_the_court_is_the_court_named_before_not_the_articles_country(coder, sentence):
    event = of_type(code(coder, COURT_STORY + sentence), "REJECT")[-1]
    assert event.source[0].code == "IGOUNO" and event.source[0].country is None, event.reasons
    assert [a.country for a in event.target] == ["CHL"]
    assert any("describes" in reason and "highest court" in reason for reason in event.reasons)


def test_a_description_with_nothing_named_before_keeps_the_articles_country(coder):
    events = code(coder, "Chile's army closed the road to Arica. The court criticised the army on Thursday.")
    event = of_type(events, "ACCUSE")[0]
    assert event.source[0].country == "CHL"
    assert not any("'the court' describes" in reason for reason in event.reasons)
    assert any("'the army' describes" in reason for reason in event.reasons)  # "Chile's army" before


# --- "told X to (act)": a demand of X, never X's act -------------------------------------------------

@pytest.mark.parametrize("text, asked_sector", [
    ("The mayor of Lyon told police officers to remove the barricades.", "COP"),
    ("The French president instructed the mayors to draft rules to ban the sale of fireworks.", "GOV"),
])
def test_an_act_someone_is_told_to_do_is_a_request_of_them(rules, text, asked_sector):
    events = code(rules, text)
    assert [e.event_type for e in events] == ["REQUEST"], [(e.event_type, e.trigger.text) for e in events]
    event = events[0]
    assert [a.country for a in event.source] == ["FRA"] and event.source[0].sector == "GOV"
    assert [a.sector for a in event.target] == [asked_sector]
    assert any("a demand, not the act" in reason for reason in event.reasons)


def test_told_without_an_infinitive_stays_reported_speech(coder):
    events = code(coder, "The Kenyan police told reporters that soldiers attacked the camp.")
    assert "REQUEST" not in [e.event_type for e in events]


# --- "does not want to meet": a refusal --------------------------------------------------------------

def test_a_negated_wish_is_a_rejection_by_who_does_not_want_it(coder):
    events = code(coder, "Chile said it did not want to meet with Peru.")
    event = of_type(events, "REJECT")[0]
    assert [a.country for a in event.source] == ["CHL"]
    assert [a.country for a in event.target] == ["PER"]
    assert not event.negated
    assert "CONSULT" not in [e.event_type for e in events]


def test_a_plain_wish_is_still_no_event(coder):
    assert code(coder, "Chile said it wants to meet with Peru.") == []


# --- hoped, asked about, given a time limit: not the act -------------------------------------------

@pytest.mark.parametrize("text", [
    'The Chilean president said: "We had always hoped it would be possible to settle the fishing quarrel '
    'with Peru."',
    "Peru hopes Chile will withdraw its troops from the border.",
])
def test_an_act_hoped_for_clauses_away_is_no_event(coder, text):
    assert code(coder, text) == []


@pytest.mark.parametrize("text", [
    "It is unclear whether Chile will attack Peru.",
    "For the villagers it is now less a question of if the rebels will attack the soldiers than of when.",
    "To what extent the United States will defend its ally against China was not made clear.",
])
def test_an_act_asked_about_is_no_event(coder, text):
    assert code(coder, text) == []


def test_a_past_act_told_in_a_wh_clause_stays_an_event(coder):
    events = code(coder, "The minister explained how the Peruvian army attacked the village.")
    assert [e.event_type for e in events] == ["ASSAULT"]


def test_a_time_limit_given_to_someone_is_a_threat_to_them(rules):
    events = code(rules, "The spokesman said Chile gave the U.N. refugee agency 30 days to submit a plan for "
                         "shutting the shelters.")
    event = of_type(events, "THREATEN")[0]
    assert [a.country for a in event.source] == ["CHL"]
    assert event.target[0].code.startswith("IGO")
    assert "REQUEST" not in [e.event_type for e in events]


def test_the_act_under_a_time_limit_is_folded_into_the_threat(coder):
    events = code(coder, "The rebels gave the Malian army 48 hours to withdraw from the town.")
    assert [e.event_type for e in events] == ["THREATEN"]
    assert [a.country for a in events[0].target] == ["MLI"]


# --- "after a meeting with X, Y told ...": Y took part in the meeting -------------------------------

def test_a_meeting_in_a_time_phrase_has_the_clauses_subject_as_a_party(rules):
    events = code(rules, "Kenya's interior minister, after a meeting with officials from Uganda, told "
                         "police to close the camps.")
    meeting = of_type(events, "CONSULT")[0]
    assert [a.country for a in meeting.source] == ["KEN"]
    assert [a.country for a in meeting.target] == ["UGA"]
    assert of_type(events, "REQUEST")[0].target[0].sector == "COP"


# --- "the two presidents": the two sides named last ------------------------------------------------

def test_the_two_presidents_are_the_two_named_last_even_without_an_act_between_them(coder):
    text = ("Obama blocked the Turkish sale of jets. Russian President Vladimir Putin is courting Turkish "
            "President Erdogan, a step many read as a bid to weaken NATO. The two presidents have been "
            "cooperating closely in Libya.")
    event = of_type(code(coder, text), "COOPERATE")[0]
    assert [a.country for a in event.source] == ["RUS"] and [a.country for a in event.target] == ["TUR"]
    assert event.source[0].text == "The two presidents"


def test_an_act_between_two_sides_after_the_names_still_decides_who_they_are(coder):
    text = ("Russian President Vladimir Putin spoke about Turkish President Erdogan last year. Ghana's "
            "president hosted Togo's president in Accra on Monday. The two presidents agreed to open the "
            "border.")
    agree = of_type(code(coder, text), "AGREE")[0]
    assert [a.country for a in agree.source] == ["GHA"] and [a.country for a in agree.target] == ["TGO"]


# --- "from" X: the other side of what is banned, withdrawn or negotiated ----------------------------

@pytest.mark.parametrize("text, event_type, source, target", [
    ("Chile banned imports of poultry and beef from Argentina until the outbreak ends.", "SANCTION",
     "CHL", "ARG"),
    ("Russia withdrew its troops from Syria.", "RETREAT", "RUS", "SYR"),
    ("Chilean traders say they are negotiating to import wheat and maize from Brazil.", "CONSULT",
     "CHL", "BRA"),
])
def test_the_side_something_comes_from_is_the_target(coder, text, event_type, source, target):
    event = of_type(code(coder, text), event_type)[0]
    assert [a.country for a in event.source] == [source]
    assert [a.country for a in event.target] == [target]


def test_a_thing_withdrawn_from_is_never_a_target(coder):
    event = of_type(code(coder, "Peru threatened to withdraw from the treaty."), "THREATEN")[0]
    assert event.target == []


# --- feared and judged acts; the target inside "warnings demanding that X" -------------

@pytest.mark.parametrize("text", [
    "Peru fears the ongoing threat of Chilean attacks.",
    "It was a mistake to support the rebels in Peru.",
    "It is important to attack Peru.",
    "Now is not the moment for the council to think of granting Chile relief from its sanctions.",
])
def test_a_feared_or_judged_act_is_no_event(coder, text):
    assert code(coder, text) == []


def test_an_actor_ready_to_act_still_commits_itself(coder):
    events = code(coder, "Chile said it was ready to support Peru.")
    assert [e.event_type for e in events] == ["AGREE"]


def test_the_target_of_warnings_demanding_that_x_change_is_x(coder):
    event = of_type(code(coder, "Chile issued repeated warnings demanding that Peru alter its position."),
                    "THREATEN")[0]
    assert [a.country for a in event.target] == ["PER"]


# --- a sentence that goes on with the one before takes its date ------------------------------------

def test_they_in_the_next_sentence_act_when_the_sentence_before_says(coder):
    events = code(coder, "Thousands of Chileans began protesting late last year over food prices. They "
                         "demanded reforms and the president's resignation.")
    request = of_type(events, "REQUEST")[0]
    assert request.date.value == dt.date(2023, 1, 1) and request.date.granularity == "year"
    assert any("goes on with the one before" in reason for reason in request.reasons)


def test_a_sentence_that_does_not_go_on_keeps_the_publication_date(ungated):
    coder = ungated
    events = code(coder, "Thousands of Chileans began protesting late last year over food prices. The "
                         "Chilean president demanded calm.")
    assert of_type(events, "REQUEST")[0].date.value == FRIDAY


@pytest.mark.parametrize("text, source", [
    ("Chilean authorities have rejected accusations that the trial is unfair.", "CHL"),
    ("Peru rejected those claims on Thursday.", "PER"),
])
def test_rejecting_an_accusation_is_a_rejection(coder, text, source):
    event = of_type(code(coder, text), "REJECT")[0]
    assert [a.country for a in event.source] == [source]


# --- an act told in a relative clause: news when dated days ago, background otherwise ---------------

def test_a_recent_act_in_a_relative_clause_is_news_with_the_head_noun_as_victim(coder):
    events = code(coder, "Some 90 Chilean schoolgirls were set free on Thursday. The girls, who were "
                         "abducted last Friday in an overnight raid on the school, were flown home.")
    event = of_type(events, "ASSAULT")[0]
    assert event.target[0].text == "girls" and event.target[0].country == "CHL"
    assert event.date.value == dt.date(2024, 5, 31)


def test_an_old_act_in_a_relative_clause_stays_background(coder):
    events = code(coder, "The Chilean army, which attacked the town in 2015, left the region.")
    assert all(e.historical for e in events if e.event_type == "ASSAULT")


def test_they_who_must_act_is_whom_the_speaker_told(coder):
    events = code(coder, "The Chilean minister told Peruvian officials that they must withdraw the troops.")
    event = of_type(events, "REQUEST")[0]
    assert [a.country for a in event.source] == ["CHL"]
    assert [a.country for a in event.target] == ["PER"]
    assert any("is whom 'told' addresses" in reason for reason in event.reasons)
