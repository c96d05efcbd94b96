"""Casualties a mishap caused (stance.accident_of, docs/lexicon.md "Precision, eleventh session"): a
casualty verb that goes on from an accident verb ("a military helicopter crashed ..., killing five")
is no attack, whatever the country of the vehicle its subject names; an attack told as the cause, a
vehicle driven into people and an attack itself stay. Sentences written for these tests."""

import datetime as dt

import pytest

from eventwire.records import Document

MONDAY = dt.date(2024, 3, 11)


def code(rules, text: str) -> list[tuple[str, str]]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    return [(e.event_type, e.trigger.text) for e in rules.code_document(doc) if not e.historical]


@pytest.mark.parametrize("text", [
    "A Kenyan military helicopter crashed near Garissa on Monday, killing all five soldiers on board.",
    "A bus carrying Nepali pilgrims plunged into a river in India on Sunday, killing 14 people.",
    "A Russian cargo plane crashed in South Sudan on Tuesday, killing 20 people.",
    "An Indonesian ferry capsized off Sulawesi, killing at least 30 passengers.",
    "Hours after the strikes, a Ghanaian cargo plane crashed shortly after takeoff from Accra, killing all "
    "12 people on board.",
])
def test_casualties_of_a_crash_are_no_attack(rules, text):
    assert code(rules, text) == []


@pytest.mark.parametrize("text, told", [
    ("A Syrian airliner crashed after a missile hit it over the sea, killing 60 people.", "hit"),
    ("Soldiers crashed their truck into the crowd in Khartoum and killed four protesters.", "killed"),
    ("A Russian warplane struck the market in Idlib on Monday, killing 20 people.", "struck"),
])
def test_an_attack_beside_a_crash_stays(rules, text, told):
    assert [e for e in code(rules, text) if e[1] == told]
