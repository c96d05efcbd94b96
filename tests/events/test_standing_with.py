"""Standing in solidarity with someone is support; sentences written for these tests."""

import pytest
from texts import code_text


def test_standing_in_solidarity_is_support(rules):
    text = "Canada stands in solidarity with Ukraine, the Canadian prime minister said in Ottawa."
    events = [e for e in code_text(rules, text) if e.event_type == "SUPPORT"]
    assert events
    assert [a.country for a in events[0].source] == ["CAN"]
    assert [a.country for a in events[0].target] == ["UKR"]


@pytest.mark.parametrize("text", [
    "The statue stands with its back to the sea.",
    "The Kenyan guard stood with a rifle at the gate of the ministry.",
])
def test_standing_with_a_thing_is_no_event(rules, text):
    assert not [e for e in code_text(rules, text) if e.event_type == "SUPPORT"]
