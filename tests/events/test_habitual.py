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
