"""Standing with someone is support; sentences written for these tests."""

import datetime as dt

from eventwire.records import Document


def code(coder, text: str):
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 3, 13))
    return coder.code_document(doc)


def test_standing_with_a_country_is_support(rules):
    events = [e for e in code(rules, '"Canada stands with Ukraine," Trudeau told reporters in Ottawa.')
              if e.event_type == "SUPPORT"]
    assert events
    assert [a.country for a in events[0].source] == ["CAN"]
    assert [a.country for a in events[0].target] == ["UKR"]


def test_a_thing_standing_is_no_event(rules):
    assert not code(rules, "The statue stands with its back to the sea.")
