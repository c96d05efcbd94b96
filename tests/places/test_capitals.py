"""Capitals named without their name ("the Egyptian capital", "Kenya's capital", "the capital"), on
sentences and a short article written for these tests; and the table's reproducible build."""

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.places.candidates import find_candidates
from eventwire.records import Document, Sentence

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def locator(resources):
    return resources.locator


def _locate(nlp, locator, text: str, trigger: str, dateline: str | None = None):
    doc = Document(id="d1", text=text, original_text=text, origin="test", dateline_place=dateline)
    parsed = nlp(text)
    trigger_index = next(t.i for t in parsed if t.text == trigger)
    return locator.locate(parsed, trigger_index, Sentence(0, text, 0, len(text)), doc)


def test_a_country_adjective_before_capital_is_the_capital_city(nlp, locator):
    text = "Envoys of the two rivals met in the Egyptian capital on Monday."
    location, reason = _locate(nlp, locator, text, "met")
    assert (location.text, location.name, location.country, location.geonameid) == (
        "Egyptian capital", "Cairo", "EGY", 360630)
    assert location.precision == "city" and location.lat == pytest.approx(30.06, abs=0.1)
    assert "the capital of EGY, from the adjective 'Egyptian'" in reason


def test_the_capital_as_the_object_of_an_attack(nlp, locator):
    location, _ = _locate(nlp, locator, "Missiles struck the Ukrainian capital before dawn.", "struck")
    assert (location.name, location.country) == ("Kyiv", "UKR")


def test_a_two_word_adjective(nlp, locator):
    text = "Thousands rallied in the South Korean capital on Saturday."
    location, _ = _locate(nlp, locator, text, "rallied")
    assert (location.name, location.country) == ("Seoul", "KOR")


def test_a_country_possessive_and_capital_of_a_country(nlp, locator):
    text = "Students protested in Kenya's capital on Thursday."
    location, reason = _locate(nlp, locator, text, "protested")
    assert (location.text, location.name, location.country) == ("Kenya's capital", "Nairobi", "KEN")
    assert "from the country 'Kenya'" in reason
    location, _ = _locate(nlp, locator, "Clashes erupted in the capital of Sudan overnight.", "erupted")
    assert (location.name, location.country) == ("Khartoum", "SDN")


def test_the_capital_alone_takes_the_sentence_country_or_else_the_dateline(nlp, locator):
    location, reason = _locate(nlp, locator, "Police in Peru detained dozens of marchers in the capital.",
                               "detained")
    assert (location.name, location.country) == ("Lima", "PER")
    assert "the sentence's country" in reason
    location, reason = _locate(nlp, locator, "Police detained dozens of marchers in the capital.", "detained",
                               dateline="NAIROBI")
    assert (location.name, location.country) == ("Nairobi", "KEN")
    assert "the article's country" in reason


def test_the_capital_alone_without_a_country_is_no_place(nlp, locator):
    location, _ = _locate(nlp, locator, "Police detained dozens of marchers in the capital.", "detained")
    assert location is None


def test_a_named_capital_keeps_its_own_name(nlp, locator):
    text = "Gunmen attacked a hotel in the Somali capital, Mogadishu, on Friday."
    location, _ = _locate(nlp, locator, text, "attacked")
    assert (location.text, location.name) == ("Mogadishu", "Mogadishu")


def test_money_is_not_a_place(nlp, resources):
    parsed = nlp("Foreign investors pulled capital out of Egyptian capital markets last year.")
    found = find_candidates(parsed, resources.gazetteer, resources.place_words, resources.locator.capitals,
                            "EGY")
    assert not [c for c in found if c.capital_of]


def test_a_shared_demonym_goes_to_the_dominant_country(resources):
    capitals = resources.locator.capitals
    assert capitals.country_of_adjective("French") == "FRA"
    assert capitals.country_of_adjective("Congolese") == "COD"
    assert capitals.capital_of("KWT").name == "Kuwait City"  # the city, not the country of that name


def test_an_article_event_in_the_capital_and_its_actor(resources):
    from eventwire.events.coder import EventCoder

    text = ("Chadian and Sudanese ministers held talks in the Ethiopian capital on Tuesday. "
            "Drones later struck the Sudanese capital, the army said.")
    doc = Document(id="capital", text=text, original_text=text, origin="<test>", date=dt.date(2024, 5, 8))
    events = EventCoder(resources).code_document(doc)
    located = {(e.trigger.text, e.location.name) for e in events if e.location}
    assert located == {("held talks", "Addis Ababa"), ("struck", "Khartoum")}
    strike = next(e for e in events if e.trigger.text == "struck")
    assert [a.country for a in strike.target] == ["SDN"]


def test_the_shipped_table_is_what_the_build_makes(models_script):
    shipped = json.loads((REPO / "src" / "eventwire" / "data" / "places" / "capitals.json").read_text())
    assert models_script("build_capitals").build() == shipped
    assert shipped["capitals"]["EGY"] == "Cairo" and shipped["adjectives"]["egyptian"] == "EGY"


def test_the_capital_alone_in_an_article_set_in_one_country(resources):
    from eventwire.events.coder import EventCoder

    text = ("Kenyan police fired tear gas at marchers on Tuesday. Officers later detained dozens of "
            "students in the capital.")
    doc = Document(id="kenya", text=text, original_text=text, origin="<test>", date=dt.date(2024, 5, 8))
    detained = next(e for e in EventCoder(resources).code_document(doc) if e.trigger.text == "detained")
    assert (detained.location.name, detained.location.country) == ("Nairobi", "KEN")


def test_an_article_naming_two_countries_equally_has_no_country_for_the_capital(resources):
    locator = resources.locator
    text = "Peru and Chile signed a deal. Crowds celebrated in the capital."
    doc = Document(id="two", text=text, original_text=text, origin="<test>")
    assert locator.article_country(doc) is None
    doc = Document(id="dateline", text=text, original_text=text, origin="<test>", dateline_place="LIMA")
    assert locator.article_country(doc) == "PER"


def test_the_capital_as_an_actor_is_the_article_country_not_an_earlier_phrase(resources):
    from eventwire.events.coder import EventCoder

    text = ("Kenyan police fired tear gas at marchers in the city centre on Tuesday. "
            "Rockets hit the capital overnight, the army said.")
    doc = Document(id="kenya-actor", text=text, original_text=text, origin="<test>", date=dt.date(2024, 5, 8))
    hit = next(e for e in EventCoder(resources).code_document(doc) if e.trigger.text == "hit")
    assert [(a.country, a.sector) for a in hit.target] == [("KEN", None)]
    assert any("capital of the article's main country KEN" in r for r in hit.reasons)
    assert hit.location.name == "Nairobi"
