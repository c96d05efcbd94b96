"""Gazetteer lookups: countries, cities, alternate names, country hints, diacritics."""

import pytest

from eventwire.places.gazetteer import normalize_name, read_gazetteer


@pytest.fixture(scope="module")
def gazetteer(resources):
    return resources.gazetteer


@pytest.mark.parametrize("name, country, kind", [
    ("Syria", "SYR", "country"),
    ("Kosovo", "XKX", "country"),
    ("Palestine", "PSE", "country"),
    ("Britain", "GBR", "country"),
    ("the United States", "USA", "country"),
    ("West Bank", "PSE", "territory"),
    ("the Gaza Strip", "PSE", "territory"),
    ("Crimea", "UKR", "region"),
    ("Gjilan", "XKX", "city"),
    ("Donetsk", "UKR", "city"),
    ("Moscow", "RUS", "city"),
    ("Chechnya", "RUS", "admin1"),
])
def test_lookup_kind_and_country(gazetteer, name, country, kind):
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.country, place.kind) == (country, kind)


def test_city_has_coordinates_and_geonameid(gazetteer):
    moscow = gazetteer.lookup("Moscow")
    assert moscow.geonameid == 524901
    assert moscow.lat == pytest.approx(55.75, abs=0.1) and moscow.lon == pytest.approx(37.62, abs=0.1)


def test_alternate_names_resolve_to_the_same_place(gazetteer):
    assert gazetteer.lookup("Kiev").geonameid == gazetteer.lookup("Kyiv").geonameid
    assert gazetteer.lookup("Raqqa").country == "SYR"


def test_case_and_diacritics_do_not_matter(gazetteer):
    assert gazetteer.lookup("SAO PAULO") == gazetteer.lookup("São Paulo")
    assert gazetteer.lookup("Afrin").country == "SYR"  # GeoNames spells it ‘Afrīn
    assert normalize_name("‘Afrīn") == "afrin"
    assert normalize_name("Al-Dawr") == "al dawr"


def test_country_hint_picks_the_place_in_that_country(gazetteer):
    assert gazetteer.lookup("Georgia").country == "GEO"
    assert gazetteer.lookup("Georgia", country_hint="USA").kind == "admin1"
    assert gazetteer.lookup("Paris").country == "FRA"
    assert gazetteer.lookup("Paris", country_hint="USA").country == "USA"


def test_unknown_name_gives_none(gazetteer):
    assert gazetteer.lookup("Qwertyville Prime") is None


def test_find_in_text_finds_capitalised_place_names(gazetteer):
    text = "Netanyahu met Putin in Moscow, then flew to Tel Aviv and the West Bank."
    found = [(m.text, m.place.country) for m in gazetteer.find_in_text(text)]
    assert found == [("Moscow", "RUS"), ("Tel Aviv", "ISR"), ("West Bank", "PSE")]
    mention = gazetteer.find_in_text(text)[1]
    assert text[mention.start:mention.end] == "Tel Aviv"



def test_shipped_gazetteer_covers_the_world_s_populated_places():
    assert len(read_gazetteer()) > 50_000
