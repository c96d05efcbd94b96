"""Issue 11 part 2a, issue 9 part 6: a habit ("usually patrol", "every day") or a state that has gone
on for years ("have patrolled the zone since 1974", "for a decade") is not an act that took place;
a span from a recent day ("since Friday") is the news. Sentences written for these tests."""

import datetime as dt

import pytest
from texts import code_text

from eventwire.events.coder import EventCoder

PUBLISHED = dt.date(2025, 3, 12)


def code(coder: EventCoder, text: str):
    return code_text(coder, text, PUBLISHED)


def triggered(events, word: str):
    return [e for e in events if word in e.trigger.text]


@pytest.mark.parametrize("text, word", [
    ("Indian soldiers usually patrol the border with Pakistan.", "patrol"),
    ("Kenyan police patrol the Eastleigh market every day.", "patrol"),
    ("Turkish troops have patrolled the buffer zone in Cyprus since 1974.", "patrolled"),
    ("French jets have been patrolling the airspace of Mali for years.", "patrolling"),
    ("More than 9,000 people have been killed in Yemen since the war began in 2015.", "killed"),
    ("Rebels in the north often ambush Chadian army convoys.", "ambush"),
])
def test_a_habit_or_a_state_lasting_years_is_no_event(coder, text, word):
    events = code(coder, text)
    assert not triggered(events, word), [(e.event_type, e.trigger.text) for e in events]


@pytest.mark.parametrize("text, word, event_type", [
    ("Nigerian troops have been shelling the rebel-held town of Dikwa since Friday.", "shelling", "ASSAULT"),
    ("Kenyan police patrolled the Eastleigh market on Tuesday.", "patrolled", "MOBILIZE"),
    ("Ethiopian troops have killed 40 rebels in Tigray since Sunday.", "killed", "ASSAULT"),
])
def test_an_act_told_from_a_recent_day_or_once_stays_an_event(coder, text, word, event_type):
    events = triggered(code(coder, text), word)
    assert [e.event_type for e in events] == [event_type], [(e.event_type, e.trigger.text) for e in events]


@pytest.mark.parametrize("text", [
    "Over 300,000 people have been killed during the Sudanese civil war.",
    "The conflict in South Sudan has killed tens of thousands of people.",
    "Some 5,000 Nigerian troops have died or been killed since the uprising began in 2009.",
    "Thousands of civilians were killed throughout the crisis in the Sahel.",
])
def test_the_running_toll_of_a_war_is_no_attack(coder, text):
    events = code(coder, text)
    assert not [e for e in events if e.event_type == "ASSAULT"], \
        [(e.event_type, e.trigger.text) for e in events]


@pytest.mark.parametrize("text", [
    "Three Malian soldiers were killed in the war against jihadists on Monday.",
    "Sudanese paramilitaries have killed 40 villagers in an attack on El Fasher.",
])
def test_a_death_told_as_an_act_stays_an_attack(coder, text):
    events = code(coder, text)
    assert [e.event_type for e in events if "kill" in e.trigger.text] == ["ASSAULT"], \
        [(e.event_type, e.trigger.text) for e in events]
