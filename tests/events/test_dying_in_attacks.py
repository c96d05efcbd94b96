"""Issue 9 item 6 (acts with no named doer): whoever "died in" an attack suffered it, as the subject of a
passive does; the doer is the one named on the attack, else no one (an empty source, with a reason).
Casualties of accidents, disasters and illness, and deaths only feared, stay out. Sentences written for
these tests; the rules alone (the learned decisions are retrained elsewhere)."""

import pytest
from texts import code_text


@pytest.mark.parametrize("text, victim, country", [
    ("Four Malian soldiers died in an ambush near Gao on Friday.", "Four Malian soldiers", "MLI"),
    ("Two nurses died in the shelling of Kharkiv on Sunday.", "nurses", "UKR"),
    ("Seven people died in a bombing at a church in Jos on Tuesday.", "Seven people", "NGA"),
])
def test_dying_in_an_attack_is_an_assault_on_the_dead_by_no_one_named(rules, text, victim, country):
    events = [e for e in code_text(rules, text) if e.event_type == "ASSAULT"]
    assert len(events) == 1, [(e.event_type, e.trigger.text) for e in code_text(rules, text)]
    event = events[0]
    assert event.source == []
    assert victim in event.target[0].text and event.target[0].country == country
    assert any(r.field == "source" and "name no doer" in r for r in event.reasons)


def test_the_doer_named_on_the_attack_is_the_source_and_the_dead_the_target(rules):
    events = code_text(rules, "Two Afghan guards died in a Taliban ambush in Kunduz.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert [a.text for a in events[0].source] == ["Taliban"]
    assert "guards" in events[0].target[0].text and events[0].target[0].country == "AFG"


def test_the_dead_are_never_the_doer_of_airstrikes(rules):
    events = code_text(rules, "Eleven civilians died in airstrikes on the town of Saada.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].source == []
    assert events[0].target[0].text == "Eleven civilians" and events[0].target[0].country == "YEM"


@pytest.mark.parametrize("text", [
    "Two firefighters died in a blaze in Lyon.",                  # a fire
    "A nurse died of cholera in Harare.",                         # an illness
    "Nine pilgrims died in a stampede in Mecca.",                 # an accident
    "The governor died in a helicopter crash near Mombasa.",      # an accident
    "Four miners died in an explosion at a coal mine in Quetta.",  # a mine accident
    "Officials fear that more villagers could die in attacks near Gao.",  # feared, not done
])
def test_deaths_in_accidents_disasters_or_only_feared_are_no_attack(rules, text):
    assert not [e for e in code_text(rules, text) if e.event_type in ("ASSAULT", "COERCE")]


# --- a weapon that went off by itself, near whom it struck ------------------------------------------

def test_a_mine_that_detonated_beside_a_patrol_is_an_attack_on_the_patrol_by_no_one_named(rules):
    events = code_text(rules, "A landmine detonated beside a Colombian army patrol in Cauca on Thursday.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].source == []
    assert "army patrol" in events[0].target[0].text and events[0].target[0].country == "COL"


def test_a_weapon_that_struck_someone_named_is_no_place_of_its_own(rules):
    """The subject counts as the weapon set off only when the verb has no object: "a bomb killed two
    guards" keeps the guards as its target."""
    events = code_text(rules, "A bomb killed two Somali guards near the port of Kismayo.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert "guards" in events[0].target[0].text


def test_an_attack_that_claimed_lives_took_place_with_no_doer_named(rules):
    events = code_text(rules, "Three suicide bomb explosions outside a mosque in Kano claimed 15 lives.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].source == []
    assert any(r.field == "source" and "by no one named" in r for r in events[0].reasons)


# --- the attack named again: one act with one doer, not a second by no one ---------------------------

@pytest.mark.parametrize("second", [
    "Four soldiers died in the ambush.",
    "Four soldiers were killed in the ambush.",
])
def test_an_act_suffered_in_an_attack_told_before_takes_that_attacks_doer(rules, second):
    text = f"Jihadist fighters ambushed a Malian army convoy near Gao on Friday. {second}"
    events = [e for e in code_text(rules, text) if e.sentence.index == 1]
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert [a.text for a in events[0].source] == ["Jihadist fighters"]
    assert "soldiers" in events[0].target[0].text


def test_an_attack_told_first_keeps_no_doer_even_after_another_attack(rules):
    text = ("Jihadist fighters ambushed a Malian army convoy near Gao on Friday. "
            "Two nurses died in an ambush near Timbuktu on Sunday.")
    events = [e for e in code_text(rules, text) if e.sentence.index == 1]
    assert [e.event_type for e in events] == ["ASSAULT"] and events[0].source == []
