"""Issue 9 part 4: a bomb, mine or explosives set off is what struck, never whom. The target of the
act is what the weapon was set off near, at or under, whoever was passing when it went off, or whom
the act went on to kill. Sentences written for these tests; the rules alone are tested."""

import datetime as dt

import pytest

from eventwire.events.coder import EventCoder
from eventwire.records import Document


def assaults(coder: EventCoder, text: str):
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 3, 13))
    events = [e for e in coder.code_document(doc) if e.event_type == "ASSAULT"]
    assert events, [e.event_type for e in coder.code_document(doc)]
    return events


@pytest.mark.parametrize("text, country", [
    ("A militant detonated a car bomb near a Ugandan army base on Monday.", "UGA"),
    ("Insurgents detonated a mine under a Kenyan police truck overnight.", "KEN"),
    ("The roadside bomb was detonated when a Nigerian army convoy drove past the market.", "NGA"),
])
def test_a_weapon_set_off_is_not_the_target(rules, text, country):
    event = assaults(rules, text)[0]
    assert event.target, event.reasons
    assert event.target[0].country == country
    assert not any(w in event.target[0].text for w in ("bomb", "mine")), event.target[0].text
    assert any("set off" in r or "went off" in r for r in event.reasons if r.field == "target")


def test_a_person_shot_near_a_place_stays_the_target(rules):
    """Only a weapon gives way: people acted on stay the target, whatever place follows."""
    event = assaults(rules, "Ugandan soldiers killed three Kenyan smugglers near the border on Monday.")[0]
    assert "smugglers" in event.target[0].text
