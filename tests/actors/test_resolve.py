"""Agents, countries, compounds and resolution within an article."""

import datetime as dt

import pytest

from eventwire.nlp import split_sentences
from eventwire.records import Document


@pytest.fixture(scope="module")
def resolver(resources):
    return resources.resolver


def actors(resolver, text, day="2024-03-01"):
    return [r.actor for r in resolver.resolve_text(text, dt.date.fromisoformat(day))]


@pytest.mark.parametrize("text, country, sector", [
    ("Iraqi troops", "IRQ", "MIL"), ("a Swiss court", "CHE", "JUD"), ("Jordan's top diplomat", "JOR", "GOV"),
    ("police", None, "COP"), ("rebels", None, "REB"), ("Kosovar police", "XKX", "COP"),
    ("Emirati officials", "ARE", "GOV"), ("a Foreign Ministry spokesman", None, "GOV"),
    ("Israeli military officials", "ISR", "MIL"),
])
def test_agents_with_country(resolver, text, country, sector):
    (actor,) = actors(resolver, text)
    assert (actor.country, actor.sector) == (country, sector)


def test_bare_countries_have_no_sector_and_split(resolver):
    found = actors(resolver, "Israel and Russia")
    assert [(a.country, a.sector, a.text) for a in found] == [
        ("ISR", None, "Israel"), ("RUS", None, "Russia")]
    assert found[1].start == len("Israel and ")


def test_coordinated_adjectives_share_the_agent(resolver):
    found = actors(resolver, "Senior Polish and Czech officials")
    assert [(a.country, a.sector) for a in found] == [("POL", "GOV"), ("CZE", "GOV")]


def test_unknown_person_takes_country_and_sector_from_context(resolver):
    (found,) = resolver.resolve_text("the Nigerien foreign minister Bakary Yaou Sangare", dt.date(2024, 1, 1))
    assert (found.actor.country, found.actor.sector) == ("NER", "GOV")
    assert found.actor.name == "Bakary Yaou Sangare"
    assert any("unknown person" in reason for reason in found.reasons)


def test_place_gives_the_country(resolver):
    (actor,) = actors(resolver, "protesters in Gjilan")
    assert actor.sector == "OPP"
    pytest.importorskip("eventwire.places.gazetteer")
    assert actor.country == "XKX"


def test_nothing_political_gives_nothing(resolver):
    assert actors(resolver, "the weather") == []


ARTICLE = (
    "Israeli Prime Minister Benjamin Netanyahu met Russian President Vladimir Putin in Moscow on Monday. "
    "Netanyahu said he wanted a joint team. The prime minister later flew home. "
    "Iranian Foreign Minister Hossein Kazemi warned Israel. Kazemi said the two leaders would fail."
)


@pytest.fixture(scope="module")
def article(resolver, nlp):
    doc = Document(id="a1", text=ARTICLE, original_text=ARTICLE, origin="test", date=dt.date(2018, 5, 9))
    sentences = split_sentences(doc.text)
    return doc, sentences, resolver.start_document(doc, sentences), nlp


def resolve_in(resolver, article, sentence_index, phrase):
    doc, sentences, context, nlp = article
    sentence = sentences[sentence_index]
    parsed = nlp(sentence.text)
    start = sentence.text.index(phrase)
    span = parsed.char_span(start, start + len(phrase))
    return resolver.resolve(span, sentence, doc.date, context)


def test_pronoun_resolves_to_latest_person(resolver, article):
    (found,) = resolve_in(resolver, article, 1, "he")
    assert found.actor.code == "ISRGOV" and found.actor.name == "Benjamin Netanyahu"
    assert found.actor.text == "he" and ARTICLE[found.actor.start:found.actor.end] == "he"
    assert "Netanyahu" in found.reasons[0]


def test_title_resolves_to_the_named_office_holder(resolver, article):
    (found,) = resolve_in(resolver, article, 2, "The prime minister")
    assert found.actor.name == "Benjamin Netanyahu" and found.actor.country == "ISR"
    assert "prime minister" in found.actor.text.lower()


def test_short_name_of_unknown_person_resolves_to_full_mention(resolver, article):
    (found,) = resolve_in(resolver, article, 4, "Kazemi")
    assert (found.actor.country, found.actor.sector, found.actor.name) == ("IRN", "GOV", "Hossein Kazemi")
    assert "Kazemi" in found.reasons[0]


def test_title_without_antecedent_uses_office_holder_of_main_country(resolver, nlp):
    text = "Israel struck targets in Gaza. The defence minister said more would follow."
    doc = Document(id="a2", text=text, original_text=text, origin="test", date=dt.date(2023, 11, 1))
    sentences = split_sentences(text)
    context = resolver.start_document(doc, sentences)
    parsed = nlp(sentences[1].text)
    found = resolver.resolve(parsed[0:3], sentences[1], doc.date, context)
    assert found[0].actor.name == "Yoav Gallant" and found[0].actor.code == "ISRGOV"


@pytest.mark.parametrize("text, code", [
    ("Tanzanian President Samia Suluhu Hassan", "TZAGOV"),
    ("Somalia's president Hassan Sheikh Mohamud", "SOMGOV"),
    ("President Hassan of Tanzania", "TZAGOV"),
])
def test_a_one_word_alias_of_a_family_yields_to_the_country_the_phrase_states(resolver, text, code):
    """'Hassan' alone is a Jordanian family in the dictionary; a title's country says who this one is."""
    (found,) = resolver.resolve_text(text, dt.date(2024, 5, 16))
    assert found.actor.code == code


@pytest.mark.parametrize("text, code", [
    ("the Chilean embassy in Lima", "CHLGOV"),
    ("Norway's embassy in Nairobi", "NORGOV"),
    ("Brazil's ambassador to Portugal", "BRAGOV"),
    ("the German consulate in Ankara", "DEUGOV"),
])
def test_an_embassy_is_its_countrys_not_the_host_citys(resolver, text, code):
    """An agent closing on its preposition ("embassy in", "ambassador to") ends the phrase's head there:
    the place after it is where the agent serves, not the country it belongs to."""
    (actor,) = actors(resolver, text)
    assert actor.code == code


def test_an_embassy_named_by_its_city_alone_takes_the_citys_country(resolver):
    (actor,) = actors(resolver, "the embassy in Lima")
    assert (actor.country, actor.sector) == ("PER", "GOV")


@pytest.mark.parametrize("text", [
    "Chile's ambassador to Peru, Jorge Rivas Soto",
    "the ambassador of Chile, Jorge Rivas Soto",
])
def test_a_name_in_apposition_after_the_modifiers_is_the_person_described(resolver, text):
    """The name after a comma that closes the phrase is whom the whole description is of: later pronouns
    refer to him, with the description's country."""
    (actor,) = actors(resolver, text)
    assert (actor.name, actor.code) == ("Jorge Rivas Soto", "CHLGOV")
