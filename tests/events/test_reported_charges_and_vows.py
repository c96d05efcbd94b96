"""What a speaker says another actor did or will suffer, told in reported speech or in a quote: a rule
broken is a charge (ACCUSE), a vow to make an actor pay is a threat (THREATEN), a refusal to join an
act is a rejection (REJECT) toward who does it, a warning is to the actor of its condition, and "its"
on a reported doer is the speaker's side. Sentences and short articles written for these tests."""

import pytest
from texts import code_text, countries

from eventwire.events.coder import EventCoder


@pytest.fixture(scope="module")
def coder(rules_all_parsed) -> EventCoder:
    return rules_all_parsed


def of_type(events, event_type: str):
    return [e for e in events if e.event_type == event_type]


def described(events):
    return [(e.event_type, countries(e.source), countries(e.target), e.trigger.text) for e in events]


@pytest.mark.parametrize("text, source, target", [
    ("The Chilean ministry said Bolivia had violated the water treaty.", "CHL", "BOL"),
    ("The Peruvian president said Chile had abused the immunity of its consulate in Lima.", "PER", "CHL"),
    ('"Bolivia broke the border agreement last winter," the Chilean minister told reporters.', "CHL", "BOL"),
])
def test_a_rule_another_actor_broke_is_the_speakers_charge(coder, text, source, target):
    events = code_text(coder, text)
    accusations = of_type(events, "ACCUSE")
    assert len(accusations) == 1, described(events)
    assert countries(accusations[0].source) == [source]
    assert countries(accusations[0].target) == [target]


@pytest.mark.parametrize("text, absent", [
    ("The Chilean ministry said Bolivia had violated the water treaty.", "AGREE"),  # no agreement made
    ("The Peruvian president said Chile had abused the immunity of its consulate in Lima.", "ASSAULT"),
])
def test_the_rule_broken_is_neither_an_agreement_nor_an_attack(coder, text, absent):
    assert of_type(code_text(coder, text), absent) == []


def test_a_rule_said_to_be_kept_is_no_charge(coder):
    text = "The Chilean minister said Bolivia had not violated the water treaty."
    assert of_type(code_text(coder, text), "ACCUSE") == []


@pytest.mark.parametrize("text, trigger", [
    ("The Chilean defense minister vowed on Tuesday that Chile would make Bolivia pay.", "vowed"),
    ('"We will make Bolivia pay for this," the Chilean president said on Tuesday.', "said"),
])
def test_a_vow_to_make_an_actor_pay_threatens_it(coder, text, trigger):
    events = code_text(coder, text)
    threats = of_type(events, "THREATEN")
    assert len(threats) == 1, described(events)
    assert countries(threats[0].source) == ["CHL"]
    assert countries(threats[0].target) == ["BOL"]
    assert threats[0].trigger.text == trigger


def test_being_made_to_pay_is_no_threat_by_the_speaker(coder):
    text = '"They will make us pay for this," the Chilean president said on Tuesday.'
    assert of_type(code_text(coder, text), "THREATEN") == []


@pytest.mark.parametrize("text", [
    "Peru said on Monday that it would not take part in a Chilean offensive against the rebels.",
    "The Peruvian foreign ministry said Peru would not participate in any Chilean offensive.",
])
def test_a_refusal_to_join_an_act_rejects_its_doer(coder, text):
    events = code_text(coder, text)
    rejections = of_type(events, "REJECT")
    assert len(rejections) == 1, described(events)
    assert countries(rejections[0].source) == ["PER"]
    assert countries(rejections[0].target) == ["CHL"]
    assert of_type(events, "THREATEN") == []


def test_joining_an_offensive_announced_is_no_refusal(coder):
    text = "Peru said on Monday that it would take part in a Chilean offensive against the rebels."
    assert of_type(code_text(coder, text), "REJECT") == []


@pytest.mark.parametrize("text, target", [
    ("The Chilean minister warned that Chile would respond with force if Peru attacked its ships.", "PER"),
    ("The Chilean minister warned Peru that Chile would respond if the rebels crossed the border.", "PER"),
])
def test_a_warning_is_to_the_actor_of_its_condition_unless_it_names_its_own(coder, text, target):
    events = code_text(coder, text)
    threats = of_type(events, "THREATEN")
    assert len(threats) == 1, described(events)
    assert countries(threats[0].source) == ["CHL"]
    assert countries(threats[0].target) == [target]


def test_its_on_a_reported_doer_is_the_speakers_side(coder):
    text = ("Bolivia accused Chile on Monday of sending aircraft over the Bolivian border. Bolivian "
            "officials said two of their helicopters were missing.\n\n"
            "A Chilean navy statement said two of its patrol jets shot down a Bolivian helicopter.")
    events = code_text(coder, text)
    downings = [e for e in of_type(events, "ASSAULT") if e.trigger.text == "shot down"]
    assert len(downings) == 1, described(events)
    assert countries(downings[0].source) == ["CHL"]
    assert countries(downings[0].target) == ["BOL"]


def test_him_in_a_quote_is_not_its_speaker(coder):
    text = ("Peruvian troops captured a Chilean pilot, Jorge Valdivieso Sotomayor, on Monday. Peru's "
            "president spoke to lawmakers on Tuesday. \"We are releasing him as a gesture of goodwill,\" "
            "he said.")
    releases = [e for e in code_text(coder, text) if e.trigger.text == "releasing"]
    assert len(releases) == 1
    assert countries(releases[0].source) == ["PER"]
    assert "PER" not in countries(releases[0].target)
