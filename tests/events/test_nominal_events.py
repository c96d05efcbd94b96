"""Issues 9 and 11: acts told in nouns and clauses, and acts whose doer is not named, on sentences
written for these tests. The rules alone are tested (the learned decisions are retrained elsewhere)."""

import datetime as dt

import pytest

from eventwire.events.coder import EventCoder
from eventwire.events.learned import RuleDecisions
from eventwire.records import Document

WEDNESDAY = dt.date(2024, 3, 13)


@pytest.fixture(scope="module")
def rules(resources) -> EventCoder:
    return EventCoder(resources, decisions=RuleDecisions())


def code(coder: EventCoder, text: str):
    return coder.code_document(Document(id="fixture", text=text, original_text=text, origin="<test>",
                                        date=WEDNESDAY))


def types(events) -> list[str]:
    return [e.event_type for e in events]


# --- passive acts with no doer named ------------------------------------------------------------

@pytest.mark.parametrize("text, event_type", [
    ("The courier was abducted outside his home in the port town last week.", "ASSAULT"),
    ("Two of the herders were shot near the river on Saturday.", "ASSAULT"),
    ("She was arrested at the airport on Friday.", "COERCE"),
    ("Several shepherds were beaten during the night.", "ASSAULT"),
])
def test_a_passive_act_on_people_with_no_doer_named_is_kept_with_an_unknown_source(rules, text, event_type):
    events = [e for e in code(rules, text) if e.event_type == event_type]
    assert events, types(code(rules, text))
    assert events[0].source == [] and events[0].target[0].text in text
    assert any("names no doer" in r and r.field == "source" for r in events[0].reasons)


@pytest.mark.parametrize("text", [
    "The novel was banned in several schools last year.",
    "Thousands of chickens are killed there every week.",
    "Her proposal was criticised on Monday.",
])
def test_a_passive_act_on_a_thing_or_a_statement_with_no_doer_is_no_event(rules, text):
    assert code(rules, text) == []


# --- a weapon or an attack named as the doer -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "A roadside bomb wounded four shepherds near the well on Tuesday.",
    "The explosion killed two guards at the border post.",
    "Mortar fire injured several traders in the market.",
])
def test_a_weapon_as_the_doer_is_an_attack_by_an_unknown_attacker(rules, text):
    events = [e for e in code(rules, text) if e.event_type == "ASSAULT"]
    assert events, types(code(rules, text))
    assert events[0].source == []
    assert any("is what struck, not who" in r for r in events[0].reasons)


def test_a_natural_disaster_as_the_doer_is_no_attack(rules):
    assert not [e for e in code(rules, "The flood destroyed dozens of farms and killed two herders.")
                if e.event_type == "ASSAULT"]
