"""Standing in solidarity with someone is support; sentences written for these tests."""

import datetime as dt

import pytest

from eventwire.records import Document


def code(coder, text: str):
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 3, 13))
    return coder.code_document(doc)


def test_standing_in_solidarity_is_support(rules):
    events = [e for e in code(rules, "Canada stands in solidarity with Ukraine, the Canadian prime minister "
                                     "said in Ottawa.") if e.event_type == "SUPPORT"]
    assert events
    assert [a.country for a in events[0].source] == ["CAN"]
    assert [a.country for a in events[0].target] == ["UKR"]


@pytest.mark.parametrize("text", [
    "The statue stands with its back to the sea.",
    "The Kenyan guard stood with a rifle at the gate of the ministry.",
])
def test_standing_with_a_thing_is_no_event(rules, text):
    assert not [e for e in code(rules, text) if e.event_type == "SUPPORT"]
