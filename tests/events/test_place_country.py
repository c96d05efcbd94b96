"""Through the coder: an unnamed agent in a text that names no country takes the country of the event's
place (actors.located), on a sentence written for this test."""

import datetime as dt

from eventwire.events.coder import EventCoder
from eventwire.records import Document


def test_a_sentence_alone_codes_the_police_with_the_country_of_the_town(coder: EventCoder):
    text = "Police detained four students in Ciudad Obregon on Monday."
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 5, 16))
    (event,) = [e for e in coder.code_document(doc) if e.trigger.text == "detained"]
    assert [a.code for a in event.source] == ["MEXCOP"]
    assert any("event's scene" in r for r in event.reasons if r.field == "source")


def test_the_place_the_sentence_names_is_the_scene_when_no_location_is_chosen(coder: EventCoder):
    text = "Gunmen killed three farmers in a village of Zamfara State."
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 5, 16))
    (event,) = [e for e in coder.code_document(doc) if e.trigger.text == "killed"]
    assert [a.code for a in event.source] == ["NGAREB"]


def test_a_sentence_naming_places_in_two_countries_has_no_scene(resources):
    from eventwire.places.locate import SentenceLocator
    from eventwire.records import Sentence

    for text, country in (("Smugglers moved the cargo from Ciudad Obregon to Zamfara State.", None),
                          ("Smugglers moved the cargo from Ciudad Obregon to Hermosillo.", "MEX")):
        doc = Document(id="fixture", text=text, original_text=text, origin="<test>")
        scene = SentenceLocator(resources.locator, resources.nlp(text)).sole_country_place(
            Sentence(0, text, 0, len(text)), doc)
        assert (scene.country if scene else None) == country
