"""A belonging acted on ("raided her office", "bombed their positions") stands for its owner, whom the
possessive pronoun refers to; an act or plan of the source ("continued their offensive") does not.
Sentences written for these tests; the rules alone are tested."""

import datetime as dt

import pytest

from eventwire.events.coder import EventCoder
from eventwire.records import Document


def events_of(coder: EventCoder, text: str):
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 3, 13))
    return coder.code_document(doc)


@pytest.mark.parametrize("text, event_type, source, target", [
    ("Ukrainian journalist Olena Petrenko said police had seized her laptop on Monday.", "COERCE",
     "UKRCOP", "UKRJRN"),
    ("Kenyan activist Wanjiru Kamau returned home on Sunday. Police raided her office on Monday.", "COERCE",
     "KENCOP", "KENOPP"),
])
def test_a_belonging_acted_on_stands_for_its_owner(rules, text, event_type, source, target):
    event = next(e for e in events_of(rules, text) if e.event_type == event_type)
    assert [a.code for a in event.source] == [source]
    assert [a.code for a in event.target] == [target]
    assert any("its owner" in r for r in event.reasons if r.field == "target")


def test_an_act_of_the_source_is_not_its_owners_stand_in(rules):
    events = events_of(rules, "Syrian troops continued their offensive near Hama on Monday.")
    assert not any("its owner" in r for e in events for r in e.reasons)
