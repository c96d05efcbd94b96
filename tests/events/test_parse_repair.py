"""The parse repairs (parse_repair.py), on sentences written for these tests."""

import pytest
from texts import code_text


@pytest.mark.parametrize("text", [
    "Last week, Macron hosted Lula in Paris for a state dinner.",
    "Last week, Macron hosted Lula in Paris for what aides described as a \"frank exchange.\"",
])
def test_name_verbed_name_gets_its_verb_back(nlp, rules, text):
    parsed = nlp(text)
    hosted = next(t for t in parsed if t.lower_ == "hosted")
    assert hosted.dep_ == "ROOT"
    assert [c.text for c in hosted.children if c.dep_ == "nsubj"] == ["Macron"]
    assert [c.text for c in hosted.children if c.dep_ == "dobj"] == ["Lula"]
    events = [e for e in code_text(rules, text) if e.event_type == "CONSULT"]
    assert events, code_text(rules, text)
    assert [a.country for a in events[0].source] == ["FRA"]
    assert [a.country for a in events[0].target] == ["BRA"]


@pytest.mark.parametrize("text, modifier", [
    ("The Kremlin-backed forces shelled the town.", "backed"),
    ("The ousted president fled to Dubai.", "ousted"),
])
def test_modifiers_that_are_modifiers_stay(nlp, text, modifier):
    word = next(t for t in nlp(text) if t.lower_ == modifier)
    assert word.dep_ != "ROOT"


@pytest.mark.parametrize("text", [
    "The Chilean president threatened to reimpose sanctions on Peru and called on the generals to resign.",
    "Bolivia refused to extradite the former minister and accused Peru of meddling.",
])
def test_a_past_tense_verb_after_an_infinitive_joins_the_verb_above(nlp, text):
    parsed = nlp(text)
    first = next(t for t in parsed if t.lower_ in ("threatened", "refused"))
    second = next(t for t in parsed if t.lower_ in ("called", "accused"))
    assert second.head == first


def test_a_demand_after_a_threat_is_a_request_of_its_own(rules):
    text = ("The Chilean president threatened to reimpose sanctions on Peru and called on the generals "
            "to resign.")
    types = {e.event_type for e in code_text(rules, text)}
    assert {"THREATEN", "REQUEST"} <= types


def test_two_infinitives_stay_coordinated(nlp):
    parsed = nlp("The rebels vowed to fight on and to seize the capital.")
    seize = next(t for t in parsed if t.lower_ == "seize")
    assert seize.head.lower_ != "vowed" or seize.dep_ != "conj"
