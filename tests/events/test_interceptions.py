"""Shooting down, intercepting or downing an enemy's weapons is a defence: its target is whoever sent
them (named on them, their launcher, the attacker told before), never the article's main country by
default. Sentences written for these tests."""

import pytest
from texts import code_text, countries


def _interceptions(events, trigger: str):
    found = [e for e in events if e.trigger.text.startswith(trigger)]
    assert found, [(e.event_type, e.trigger.text) for e in events]
    return found


def test_the_attacker_told_before_owns_the_drones(rules):
    text = ("Belarusian forces attacked Vilnius with drones on Sunday, Lithuanian officials said. "
            "Air defence units shot down most of the drones, the air force said.")
    event = _interceptions(code_text(rules, text), "shot")[0]
    assert countries(event.target) == ["BLR"]
    assert event.target[0].sector == "MIL"
    assert "whose weapons were intercepted" in " ".join(r for r in event.reasons if r.field == "target")


def test_no_attacker_known_leaves_the_target_unknown(rules):
    text = ("Sirens sounded across Lithuania on Sunday. "
            "Lithuania's army shot down four drones near Vilnius, the defence ministry said.")
    events = _interceptions(code_text(rules, text), "shot")
    assert countries(events[0].source) == ["LTU"]
    assert events[0].target == []
    assert "not the article's country" in " ".join(r for r in events[0].reasons if r.field == "target")


def test_an_earlier_interception_is_no_attacker(rules):
    text = ("Belarusian forces attacked Vilnius with drones on Sunday. "
            "Lithuania's army shot down four drones. "
            "Six more drones were shot down near Kaunas, officials said.")
    events = _interceptions(code_text(rules, text), "shot")
    assert all(countries(e.target) in (["BLR"], []) for e in events), \
        [(e.trigger.text, countries(e.target)) for e in events]
    assert "LTU" not in [c for e in events for c in countries(e.target)]


def test_a_downed_aircraft_is_not_the_earlier_attackers(rules):
    text = ("Belarusian forces attacked Vilnius with drones on Sunday. "
            "Gunmen shot down a helicopter near Kaunas on Monday.")
    event = _interceptions(code_text(rules, text), "shot")[0]
    assert event.target == []


@pytest.mark.parametrize("text, codes", [
    # the owner named on the weapons: the whole phrase's reading
    ("Lithuania's army shot down four Belarusian drones near Vilnius on Sunday.", ["BLRMIL"]),
    ("Lithuania's army shot down a Belarusian helicopter near Kaunas on Monday.", ["BLRMIL"]),
    # an agent word before the aircraft names its owner
    ("Lithuanian rebels shot down a police helicopter near Kaunas on Monday.", ["LTUCOP"]),
    # the launcher named on them
    ("Lithuania's army shot down four drones launched by Belarus near Vilnius on Sunday.", ["BLR"]),
    # no weapon shot down: the target as it stands
    ("Belarusian soldiers shot two Lithuanian border guards near Vilnius on Sunday.", ["LTUMIL"]),
])
def test_the_sentence_names_the_target(rules, text, codes):
    event = _interceptions(code_text(rules, text), "shot")[0]
    assert [a.code for a in event.target] == codes


def test_intercepted_missiles_are_the_attackers(rules):
    text = ("Belarusian forces attacked Vilnius with missiles on Sunday. "
            "Lithuanian air defences intercepted three missiles, the army said.")
    event = _interceptions(code_text(rules, text), "intercepted")[0]
    assert countries(event.target) == ["BLR"]


def test_a_downing_with_neither_side_named_is_kept_with_no_actor(rules):
    text = "A transport plane was shot down near Kaunas on Monday, killing its crew."
    events = _interceptions(code_text(rules, text), "shot")
    assert events[0].event_type == "ASSAULT"
    assert events[0].source == [] and events[0].target == []
