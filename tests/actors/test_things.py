"""Issue 9: a phrase about a thing (a visit, an office, an occupation) names the actor that does or owns
it, never the place the thing is in or goes to. Phrases and short articles written for these tests."""

import datetime as dt

import pytest

from eventwire.events.coder import EventCoder
from eventwire.nlp import split_sentences
from eventwire.records import Document


@pytest.fixture(scope="module")
def resolver(resources):
    return resources.resolver


def resolved(resolver, text):
    return [r for r in resolver.resolve_text(text, dt.date(2024, 3, 1))]


@pytest.mark.parametrize("text, country", [
    ("a visit by Vladimir Putin to Hanoi", "RUS"),
    ("the occupation of northern Cyprus by Turkey", "TUR"),
    ("the offices of Hezbollah in Sidon", "LBN"),
    ("the Malaysian embassy in Manila", "MYS"),
    ("the Kenyan consulate in Addis Ababa", "KEN"),
])
def test_the_doer_or_owner_of_a_thing_wins_over_the_place_named_in_it(resolver, text, country):
    (found,) = resolved(resolver, text)
    assert found.actor.country == country, found.reasons


@pytest.mark.parametrize("text, country", [
    ("a village near Kandahar", "AFG"),  # nothing else is named: the place stays
    ("Iraqi troops in Syria", "IRQ"),  # an agent noun says who the phrase is
    ("Syria's border with Turkey", "SYR"),
])
def test_phrases_without_a_thing_and_its_owner_are_unchanged(resolver, text, country):
    (found,) = resolved(resolver, text)
    assert found.actor.country == country, found.reasons


def test_a_protest_against_a_visit_targets_the_visitor(resources):
    text = "Hundreds of students protested on Friday against a visit by Vladimir Putin to Hanoi."
    coder = EventCoder(resources)
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 6, 7))
    sentences = split_sentences(text)
    parsed = dict(zip((s.index for s in sentences), resources.nlp.pipe(s.text for s in sentences)))
    (event,) = [e for e in coder.code(doc, sentences, parsed) if e.event_type == "PROTEST"]
    assert [a.country for a in event.target] == ["RUS"], event.reasons
