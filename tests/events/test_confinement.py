"""A detention told as the state of its subject ("has been in pretrial detention since May", "remains
under house arrest"): a COERCE whose target is the one held; sentences written for these tests."""

import pytest
from texts import code_text


@pytest.mark.parametrize("text, target", [
    ("Kenyan blogger Otieno Waweru has been in pretrial detention in Nairobi since June 2.", "KEN"),
    ("The Venezuelan opposition leader remains under house arrest in Caracas.", "VEN"),
    ("The Zimbabwean opposition leader remains in police custody in Harare.", "ZWE"),
])
def test_held_in_detention_is_coerce_of_the_held(rules, text, target):
    events = [e for e in code_text(rules, text) if e.event_type == "COERCE"]
    assert events, [(e.event_type, e.trigger.text) for e in code_text(rules, text)]
    assert [a.country for a in events[0].target] == [target]
    assert events[0].source == []


def test_held_in_custody_by_named_captors(rules):
    events = [e for e in code_text(rules, "Two Ethiopian reporters were held in jail for a month by the "
                                     "Ethiopian police.") if e.event_type == "COERCE"]
    assert events
    assert [a.country for a in events[0].target] == ["ETH"]
    assert [a.country for a in events[0].source] == ["ETH"]


@pytest.mark.parametrize("text", [
    "Talks between the two sides remain in limbo.",
    "The two governments are in talks over the border.",
])
def test_other_states_are_no_detention(rules, text):
    assert not [e for e in code_text(rules, text) if e.event_type == "COERCE"]
