"""Issue 9: the article-level mechanisms of the coder, on sentences and short articles written for
these tests (both parties, quotations and their speakers, asked or denied acts, inherited targets)."""

import datetime as dt

import pytest

from eventwire.events.coder import EventCoder
from eventwire.nlp import load_spacy, split_sentences
from eventwire.records import Document

WEDNESDAY = dt.date(2024, 3, 13)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    load_spacy()
    return EventCoder()


def code(coder: EventCoder, text: str, date: dt.date | None = WEDNESDAY):
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=date)
    sentences = split_sentences(text)
    candidates = [s for s in sentences if coder.is_candidate(s)]
    parsed = dict(zip((s.index for s in candidates), load_spacy().pipe(s.text for s in candidates)))
    return coder.code(doc, sentences, parsed)


def of_type(events, event_type: str):
    found = [e for e in events if e.event_type == event_type]
    assert found, [(e.event_type, e.trigger.text) for e in events]
    return found


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]


# --- both parties of symmetric events --------------------------------------------------------

@pytest.mark.parametrize("text, source, target", [
    ("Egypt and Jordan held talks in Amman on Monday.", "EGY", "JOR"),
    ("Chile and Peru agreed to reopen their border crossings.", "CHL", "PER"),
    ("The talks between Japan and South Korea ended on Tuesday.", "JPN", "KOR"),
    ("Norway's prime minister met with the Polish president in Oslo.", "NOR", "POL"),
])
def test_the_first_named_party_is_the_source_and_the_other_the_target(coder, text, source, target):
    event = of_type(code(coder, text), "AGREE" if "agreed" in text else "CONSULT")[0]
    assert countries(event.source) == [source]
    assert countries(event.target) == [target]


def test_a_symmetric_act_never_keeps_both_parties_in_the_source_with_an_empty_target(coder):
    events = code(coder, "Ghana and Togo held security talks on Friday. Kenya and Uganda agreed on a "
                         "trade corridor.")
    for event in events:
        assert len(set(countries(event.source))) == 1 and event.target, event.reasons
    assert "symmetric act" in " ".join(of_type(events, "CONSULT")[0].reasons)


def test_two_officials_of_one_country_are_one_party(coder):
    event = of_type(code(coder, "The president and the prime minister met on Monday."), "CONSULT")[0]
    assert len(event.source) == 2 and not event.target
