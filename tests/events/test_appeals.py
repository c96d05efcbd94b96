"""Appeals ("call for an end to ...", "call on X to ...", "urge X to ..."): a REQUEST of the addressee, or
of the party whose act is asked for; never a SUPPORT. A rejection of what another put forward targets that
other. On sentences written for these tests."""

import pytest
from texts import code_text


@pytest.mark.parametrize("text", [
    "Ethiopia called for an end to the blockade of its ports by Eritrea.",
    "Kenya is calling for an end to the shelling of border towns by Somalia.",
])
def test_a_call_for_an_end_to_an_act_is_a_request_never_a_support(rules, text):
    assert [e.event_type for e in code_text(rules, text)] == ["REQUEST"]


@pytest.mark.parametrize("text, source, target", [
    ("Peru's foreign minister urged Bolivia to release the detained fishermen.", "PER", "BOL"),
    ("Amnesty International appealed to Egypt to free the jailed bloggers.", None, "EGY"),
    ("The United States called on Egypt for the release of the jailed journalists.", "USA", "EGY"),
])
def test_an_appeal_is_a_request_of_the_party_asked(rules, text, source, target):
    events = code_text(rules, text)
    assert [e.event_type for e in events] == ["REQUEST"], [(e.event_type, e.trigger.text) for e in events]
    assert events[0].source[0].country == source
    assert [a.country for a in events[0].target] == [target]


@pytest.mark.parametrize("text, source, target", [
    ("India rejected the allegations made by Pakistan.", "IND", "PAK"),
    ("Kenya rejected the proposal put forward by Somalia on Monday.", "KEN", "SOM"),
])
def test_a_rejection_of_what_another_put_forward_targets_that_other(rules, text, source, target):
    events = code_text(rules, text)
    assert [e.event_type for e in events] == ["REJECT"], [(e.event_type, e.trigger.text) for e in events]
    assert [a.country for a in events[0].source] == [source]
    assert [a.country for a in events[0].target] == [target]
