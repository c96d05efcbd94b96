"""Issues 9 and 11 (missed events): a hostile act whose doer is named by a phrase that resolves to no
actor ("they", "he") on a victim that does resolve is kept, with that doer as an unresolved source; a
statement or a cooperative act by such a doer is not. Sentences written for these tests; the rules
alone (the learned decisions are retrained elsewhere)."""

import datetime as dt

import pytest
from texts import code_text

WEDNESDAY = dt.date(2024, 3, 13)


@pytest.mark.parametrize("text, doer, victim, country", [
    ("They shot two Kenyan police officers near the border on Tuesday.", "They", "police officers", "KEN"),
    ("He stabbed a Turkish diplomat in the lobby.", "He", "diplomat", "TUR"),
])
def test_a_hostile_act_by_an_unresolved_doer_on_a_known_victim_is_kept(rules, text, doer, victim, country):
    events = [e for e in code_text(rules, text) if e.event_type == "ASSAULT"]
    assert events, [e.event_type for e in code_text(rules, text)]
    event = events[0]
    assert [a.text for a in event.source] == [doer] and event.source[0].country is None
    assert victim in event.target[0].text and event.target[0].country == country
    assert any("resolves to no country" in r and r.field == "source" for r in event.reasons)


@pytest.mark.parametrize("text", [
    "They praised the Nigerian army on Monday.",          # a statement by no one known
    "They said the Kenyan police officers were brave.",  # a statement about the victims, no act on them
    "They shot at targets on the range.",                # no actor on either side
])
def test_an_unresolved_doer_alone_makes_no_event(rules, text):
    assert code_text(rules, text) == []


# --- a vehicle or a place named with a deliberate act is no accident ------------------------------

@pytest.mark.parametrize("text", [
    "A police officer was shot in his car outside the station.",
    "Two guards were stabbed on a train near the capital on Sunday.",
])
def test_a_deliberate_act_told_with_a_vehicle_is_an_attack(rules, text):
    assert [e.event_type for e in code_text(rules, text)] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Four passengers were injured when their train derailed near the capital.",
    "Three soldiers were killed when their truck overturned on a mountain road.",
])
def test_casualties_of_a_vehicle_accident_are_still_no_attack(rules, text):
    assert not [e for e in code_text(rules, text) if e.event_type in ("ASSAULT", "COERCE")]


# --- a weapon used, passively, by no one named -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The roadside bomb was detonated as the convoy passed.",
    "Two rockets were fired at the airbase near the capital on Monday.",
])
def test_a_weapon_used_by_no_one_named_is_an_attack_with_an_unknown_source(rules, text):
    events = [e for e in code_text(rules, text) if e.event_type == "ASSAULT"]
    assert events and events[0].source == []
    assert any("used by no one named" in r and r.field == "source" for r in events[0].reasons)


def test_a_weapon_acted_on_is_no_attack(rules):
    events = code_text(rules, "The explosives were seized at the port.")
    assert not [e for e in events if e.event_type == "ASSAULT"]
    assert not [e for e in events if any("used by no one named" in r for r in e.reasons)]
