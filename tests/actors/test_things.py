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


# --- short forms the article defines: "the Northern Front (NF)" -> later "NF" is that actor ----------

def code_article(resources, text):
    coder = EventCoder(resources)
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 6, 7))
    sentences = split_sentences(text)
    parsed = dict(zip((s.index for s in sentences), resources.nlp.pipe(s.text for s in sentences)))
    return coder.code(doc, sentences, parsed)


@pytest.mark.parametrize("definition", [
    "The Baloch Liberation Army, or BLA, said on Monday that it had bombed a rail line in Pakistan.",
    "The Baloch Liberation Army (BLA) said on Monday that it had bombed a rail line in Pakistan.",
])
@pytest.mark.parametrize("later", [
    "On Thursday the BLA demanded the release of prisoners held by the government.",
    "On Thursday BLA fighters attacked a police post near Quetta.",
])
def test_a_short_form_defined_in_the_article_is_the_actor_it_was_defined_for(resources, definition, later):
    events = code_article(resources, definition + " " + later)
    last = [e for e in events if e.sentence.index == 1]
    assert last, [(e.event_type, e.trigger.text) for e in events]
    assert last[0].source[0].country == "PAK", last[0].reasons
    assert any("short form" in reason for reason in last[0].reasons)


def test_a_short_form_nobody_defined_stays_unknown(resources):
    events = code_article(resources, "Pakistan's army said on Monday that it had closed the border. "
                                     "On Thursday the BLA demanded the release of prisoners.")
    assert events, "the army's act is coded"
    assert not any("short form" in reason for event in events for reason in event.reasons)



def test_only_capitals_in_brackets_or_after_or_define_a_short_form(resources):
    text = "The Baloch Liberation Army (BLA) met officials of Pakistan (in the north) and Iran (Tehran)."
    context = resources.resolver.start_document(
        Document(id="fixture", text=text, original_text=text, origin="<test>"), split_sentences(text))
    assert {key: mention.actor.country for key, mention in context.short_forms.items()} == {"bla": "PAK"}
