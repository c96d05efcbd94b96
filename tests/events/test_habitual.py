"""Issue 9: what someone usually does, or has long been doing, is a state, not an event. Sentences written
for these tests."""

import datetime as dt

import pytest

from eventwire.events.coder import EventCoder
from eventwire.nlp import split_sentences
from eventwire.records import Document


@pytest.fixture(scope="module")
def coder(resources) -> EventCoder:
    return EventCoder(resources)


def code(coder: EventCoder, text: str):
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 6, 7))
    sentences = split_sentences(text)
    parsed = dict(zip((s.index for s in sentences), coder.resources.nlp.pipe(s.text for s in sentences)))
    return coder.code(doc, sentences, parsed)


@pytest.mark.parametrize("text", [
    "Peacekeepers usually patrol the border near Goma.",
    "The police patrol the market every day.",
    "UN troops have patrolled southern Lebanon since 1978.",
    "Israeli troops have patrolled the zone for years.",
    "The militia frequently conducts bombings in the north of Mali.",
])
def test_a_habit_or_a_long_standing_state_is_no_event(coder, text):
    assert code(coder, text) == []


@pytest.mark.parametrize("text, event_type", [
    ("Kenyan police patrolled the border on Monday.", "MOBILIZE"),
    ("The government of Kenya has repeatedly denied the allegations.", "REJECT"),
    ("Rebels have attacked the town of Goma since Monday.", "ASSAULT"),
])
def test_acts_done_at_a_time_are_still_events(coder, text, event_type):
    assert [e.event_type for e in code(coder, text)] == [event_type]


@pytest.mark.parametrize("text", [
    "More than 3,000 people have been killed since the unrest broke out in southern Chad in 2012.",
    "Some 40,000 soldiers have been killed since the start of the uprising in Libya in 2011.",
    "Over the past three years, the Kenyan army has arrested 4,000 suspects.",
])
def test_a_running_total_over_years_is_no_event(coder, text):
    assert code(coder, text) == []


@pytest.mark.parametrize("text, event_type", [
    ("Kenyan police have arrested 40 suspects in Mombasa since Monday.", "COERCE"),
    ("About 900 rebels have been killed by the Chadian army in the offensive so far.", "ASSAULT"),
])
def test_a_total_of_a_running_operation_is_still_an_event(coder, text, event_type):
    assert [e.event_type for e in code(coder, text)] == [event_type]
