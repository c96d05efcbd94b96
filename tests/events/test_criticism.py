"""Criticism told as a statement or a quote (events/criticism.py): ACCUSE from the speaker to the actor
criticised, on sentences and short articles written for these tests."""

import pytest
from texts import code_text, countries

from eventwire.events.coder import EventCoder


@pytest.fixture(scope="module")
def coder(rules_all_parsed) -> EventCoder:
    return rules_all_parsed


@pytest.mark.parametrize("text, source, target", [
    # a negative evaluation of an actor's policy or institution
    ("Chile's foreign minister says the sanctions policy of Peru is not working.", "CHL", "PER"),
    ("The Indian government said Pakistan's decision to close the border was unacceptable.", "IND", "PAK"),
    ('"The African Union\'s monitoring mission has become a farce," the Kenyan minister said.', "KEN", "IGO"),
    # an act told as a wrong, or its doer judged
    ("The opposition party says the government is illegally seizing its offices.", "OPP", "GOV"),
    ("Amnesty International said the long trial and unjust detention of the activist show how Iran silences "
     "its critics.", "NGO", "IRN"),
    ("Turkish officials say Greece is not doing enough to stop migrants.", "TUR", "GRC"),
    ("A Turkish spokesman said the Syrian army's shelling of hospitals amounts to a war crime.",
     "TUR", "SYR"),
    # a worry voiced about what an actor does
    ("Amnesty International expressed concern that Egypt's police are abusing detainees.", "NGO", "EGY"),
    ("Human Rights Watch voiced alarm over Iran's crackdown on protesters.", "NGO", "IRN"),
])
def test_a_statement_that_finds_fault_with_an_actor_is_its_speakers_accusation(coder, text, source, target):
    accusations = [e for e in code_text(coder, text) if e.event_type == "ACCUSE"]
    assert len(accusations) == 1, [(e.event_type, e.trigger.text) for e in code_text(coder, text)]
    assert countries(accusations[0].source) == [source]
    assert target in countries(accusations[0].target)
    assert not accusations[0].negated


def test_the_act_told_as_a_wrong_stays_an_event_beside_the_accusation(coder):
    events = code_text(coder, "The opposition party says the government is illegally seizing its offices.")
    assert sorted(e.event_type for e in events) == ["ACCUSE", "COERCE"]


def test_a_quotes_own_clause_is_the_speakers_criticism(coder):
    text = ('The French minister spoke in Paris on Monday. "The European Union\'s migration policy has '
            'failed," she told reporters.')
    accusation = next(e for e in code_text(coder, text) if e.event_type == "ACCUSE")
    assert countries(accusation.source) == ["FRA"]
    assert countries(accusation.target) == ["IGO"]


@pytest.mark.parametrize("text", [
    "Analysts say the Venezuelan economy is not working.",  # an analyst's judgement
    "Experts say the Japanese plan could fail.",  # a forecast
    "The Kenyan minister said the Somali claim was not illegal.",  # a negated evaluation
    "Brazil's president said the talks with Argentina were very productive.",  # praise
    "The Spanish minister said the economy has failed to grow this year.",  # no actor criticised
    "Chile and Peru failed to reach agreement on the border, officials on both sides said.",  # a failed act
    '"It was a mistake to support the rebels," the Chilean minister said.',  # a judgement of an act
    "The Peruvian government's migration policy has failed.",  # the writer's own voice, no speaker
])
def test_no_criticism_without_a_speaker_finding_fault_with_an_actor(coder, text):
    assert [e for e in code_text(coder, text) if e.event_type == "ACCUSE"] == []


def test_an_attack_reported_without_judgement_stays_an_attack(coder):
    events = code_text(coder, "Police said gunmen attacked a convoy in northern Mali, killing five soldiers.")
    assert [e.event_type for e in events] == ["ASSAULT"]


def test_acts_under_a_statement_that_is_no_criticism_stay_events_of_their_own(coder):
    events = code_text(coder, "Witnesses said the unlawful militia attacked the village of the farmers.")
    assert "ASSAULT" in [e.event_type for e in events]
