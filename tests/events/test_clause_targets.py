"""Issue 9 part 4: the target of an attack told with a light verb sits in the clause that says how or
what for it was done, or on the counted event noun; the owner of what is struck is the target, not the
thing. Sentences written for these tests; the rules alone are tested."""

import pytest
from texts import code_text

from eventwire.events.coder import EventCoder


def assaults(coder: EventCoder, text: str):
    events = [e for e in code_text(coder, text) if e.event_type == "ASSAULT"]
    assert events, [e.event_type for e in code_text(coder, text)]
    return events


@pytest.mark.parametrize("text, country, target", [
    ("The rebels began the offensive by storming the Ugandan army's barracks near the lake.", "UGA",
     "Ugandan army"),
    ("Government troops started their attack by shelling the Kurdish fighters' trenches.", None,
     "Kurdish fighters"),
    ("Militants launched an assault on Monday to seize the dam from the Iraqi army.", "IRQ", "Iraqi army"),
])
def test_an_attack_takes_its_target_from_the_clause_of_how_or_what_for(rules, text, country, target):
    event = assaults(rules, text)[0]
    assert [a.text for a in event.target] == [target]
    if country is not None:
        assert event.target[0].country == country
    assert any("inherited from the clause" in r for r in event.reasons if r.field == "target")


@pytest.mark.parametrize("text, country", [
    ("Turkish troops carried out dozens of raids against Kurdish villages on Monday.", None),
    ("Israeli jets conducted a series of strikes on Hamas positions overnight.", "PSE"),
])
def test_a_counted_event_noun_in_a_light_verb_keeps_its_target(rules, text, country):
    event = assaults(rules, text)[0]
    assert event.target, event.reasons
    assert any("after 'raids'" in r or "after 'strikes'" in r for r in event.reasons if r.field == "target")
    if country is not None:
        assert event.target[0].country == country


def test_a_statement_takes_no_target_from_a_clause_of_purpose(rules):
    """What a demand is said for is not whom it is made of: the addressee stays the target."""
    text = "The Pope called on Israel on Sunday to protect the Gaza hospitals."
    events = [e for e in code_text(rules, text) if e.event_type == "REQUEST"]
    assert events and events[0].target[0].country == "ISR"


# --- the doer of a passive act named on the attack it was told in (issue 9 part 5) ---------------

@pytest.mark.parametrize("text, country", [
    ("Seven villagers were wounded in a raid carried out by Malian soldiers.", "MLI"),
    ("Two farmers were killed overnight in airstrikes launched by Turkish jets.", "TUR"),
    ("Five traders were shot dead during an ambush by Ethiopian troops on the road.", "ETH"),
    ("Nine civilians were killed on Friday in a Nigerian airstrike near the border.", "NGA"),
    ("Three villagers were wounded in Chad's raid on the island.", "TCD"),
])
def test_a_passive_act_takes_the_doer_of_the_attack_it_was_told_in(rules, text, country):
    event = assaults(rules, text)[0]
    assert [a.country for a in event.source] == [country]
    assert event.target, event.reasons  # the victims stay the target
    assert any("(in which" in r for r in event.reasons if r.field == "source")


def test_a_place_or_a_kind_of_attack_names_no_doer(rules):
    for text in ("Four civilians were killed in the Kidal airstrike on Monday.",
                 "Two civilians were wounded in an artillery attack on the convoy."):
        events = [e for e in code_text(rules, text) if e.event_type == "ASSAULT"]
        assert events and all(not e.source for e in events), text


def test_a_place_held_by_someone_names_no_doer(rules):
    """Only an attack names who struck: "killed in a town held by the rebels" keeps an unknown source."""
    events = [e for e in code_text(rules, "Three shepherds were killed in a town held by Malian rebels.")
              if e.event_type == "ASSAULT"]
    assert all(not e.source for e in events)


def test_an_agent_of_its_own_comes_before_the_attack_it_was_told_in(rules):
    text = "Four guards were killed by Malian soldiers in an ambush by Ethiopian troops."
    event = assaults(rules, text)[0]
    assert [a.country for a in event.source] == ["MLI"]
