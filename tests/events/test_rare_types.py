"""Readings of the rare types (AID, RETREAT, SUPPORT, PROTEST in support); sentences written for
these tests."""

import pytest
from texts import countries, events_of


@pytest.mark.parametrize("text", [
    "Nepalese peacekeepers patrolled the buffer zone near the border with Eritrea on Friday.",
    "Hundreds of Nepalese peacekeepers were patrolling the streets of the Eritrean capital on Friday.",
])
def test_peacekeepers_on_patrol_provide_protection(rules, text):
    events = events_of(rules, text, "AID")
    assert events and events[0].cameo == "074"
    assert countries(events[0].source) == ["NPL"]
    assert not events_of(rules, text, "MOBILIZE")


def test_troops_on_patrol_stay_a_show_of_force(rules):
    assert events_of(rules, "Zambian troops patrolled the streets of Lusaka on Friday.", "MOBILIZE")


def test_armed_men_evacuating_a_town_retreat(rules):
    text = "Ethiopian forces evacuated Humera on Monday after a week of shelling."
    events = events_of(rules, text, "RETREAT")
    assert events and countries(events[0].source) == ["ETH"]
    assert not events_of(rules, text, "AID")


def test_evacuating_civilians_is_humanitarian_aid(rules):
    text = "Greek soldiers evacuated 300 villagers from the burning island on Monday."
    events = events_of(rules, text, "AID")
    assert events and events[0].cameo == "073"
    assert countries(events[0].source) == ["GRC"]
    assert not events_of(rules, text, "RETREAT")


def test_backing_an_armed_side_is_military_aid(rules):
    events = events_of(rules, "Libya is backing the Chadian rebels with weapons and money.", "AID")
    assert events and events[0].cameo == "072"
    assert countries(events[0].source) == ["LBY"]
    assert countries(events[0].target) == ["TCD"]


def test_backing_a_plan_keeps_its_reading(rules):
    assert not events_of(rules, "Libya is backing the Chadian peace plan.", "AID")


def test_halting_an_offensive_de_escalates(rules):
    events = events_of(rules, "The Azerbaijani army halted its offensive on Tuesday.", "RETREAT")
    assert events and countries(events[0].source) == ["AZE"]


def test_a_demand_to_halt_attacks_stays_a_request(rules):
    text = "The Irish foreign minister urged the Azerbaijani army to halt its offensive."
    assert events_of(rules, text, "REQUEST")
    assert not events_of(rules, text, "RETREAT")


def test_calling_off_a_labour_strike_is_no_retreat(rules):
    assert not events_of(rules, "The Kenyan doctors' union called off its strike on Monday.", "RETREAT")


@pytest.mark.parametrize("text", [
    "Kazakhstan destroyed its last missile silos under the treaty in 1995.",
    "Albania destroyed its chemical weapons stockpile in 2007.",
])
def test_destroying_strategic_arms_is_disarmament(rules, text):
    events = events_of(rules, text, "RETREAT")
    assert events and events[0].cameo == "0873"
    assert not events_of(rules, text, "ASSAULT") and not events_of(rules, text, "COERCE")


def test_destroying_enemy_weapons_stays_coercion(rules):
    assert not events_of(rules, "Kurdish fighters destroyed two army missiles near Qamishli.", "RETREAT")


def test_making_an_apology_is_support(rules):
    events = events_of(rules, "The Danish minister made an apology to Greenland on Monday.", "SUPPORT")
    assert events and events[0].cameo == "055"
    assert countries(events[0].source) == ["DNK"]


def test_demonstrating_in_support_is_a_protest(rules):
    text = "Thousands of students demonstrated in Dhaka in support of the jailed editor on Saturday."
    assert events_of(rules, text, "PROTEST")
    assert not events_of(rules, text, "SUPPORT")


def test_a_counted_object_brings_its_counted_noun(rules):
    events = events_of(rules, "Kazakhstan has destroyed 90 of its 110 missile silos.", "RETREAT")
    assert events and events[0].cameo == "0873"
    assert countries(events[0].source) == ["KAZ"]


def test_a_unit_of_peacekeepers_is_counted(rules):
    events = events_of(rules, "A platoon of Nepalese peacekeepers arrived in Goma on Monday.", "AID")
    assert events and events[0].cameo == "074"
    assert countries(events[0].source) == ["NPL"]


def test_planning_an_attack_is_no_threat(rules):
    text = "Kenyan police arrested three men suspected of planning attacks in Mombasa."
    assert not events_of(rules, text, "THREATEN")
    assert events_of(rules, text, "COERCE")


def test_intensifying_attacks_is_the_assault(rules):
    text = "Sudanese army jets intensified their attacks on El Fasher on Monday."
    events = events_of(rules, text, "ASSAULT")
    assert events and countries(events[0].source) == ["SDN"]
    assert not events_of(rules, text, "THREATEN")


def test_announcing_the_start_of_an_offensive_is_the_assault(rules):
    text = "The Malian army announced the start of an offensive against the rebels on Sunday."
    events = events_of(rules, text, "ASSAULT")
    assert events and countries(events[0].source) == ["MLI"]
    assert not events_of(rules, text, "THREATEN")


@pytest.mark.parametrize(("text", "event_type"), [
    ("Three Chadian soldiers took part in the raid on the village.", "ASSAULT"),
    ("Sudanese rebels took part in the talks in Geneva on Monday.", "CONSULT"),
    ("Thousands of Bangladeshi students participated in the protest on Friday.", "PROTEST"),
])
def test_taking_part_is_the_act_taken_part_in(rules, text, event_type):
    assert events_of(rules, text, event_type)
    assert not events_of(rules, text, "AGREE")


def test_troops_guarding_show_force_and_peacekeepers_protect(rules):
    assert events_of(rules, "Hungarian troops guarded the border crossing on Monday.", "MOBILIZE")
    events = events_of(rules, "Ukrainian peacekeepers guarded the airport in Goma on Monday.", "AID")
    assert events and events[0].cameo == "074"
    assert countries(events[0].source) == ["UKR"]
