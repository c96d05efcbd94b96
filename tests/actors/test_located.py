"""An unnamed agent takes the country of its event's scene when the article names no country (issue 9,
item 7), on records and short texts written for these tests."""

import datetime as dt

from eventwire.actors.context import ArticleContext
from eventwire.actors.located import at_the_scene, with_place_country
from eventwire.records import Actor, Location

TOWN = Location(text="Ciudad Obregon", start=30, end=44, name="Ciudad Obregon", country="MEX",
                precision="city")


def _context(main_country=None) -> ArticleContext:
    return ArticleContext("d", dt.date(2024, 5, 16), main_country=main_country)


def test_an_unnamed_agent_takes_the_country_of_the_place():
    (police,), reasons = with_place_country([Actor("Police", 0, 6, sector="COP", code="COP")], TOWN,
                                            _context())
    assert (police.country, police.code) == ("MEX", "MEXCOP")
    assert "the country MEX of the event's scene 'Ciudad Obregon'" in reasons[0]


def test_named_actors_bodies_and_actors_with_a_country_keep_theirs():
    group = Actor("Islamic State", 0, 13, name="Islamic State", code="IMGMUSISI", id="a1")
    monitors = Actor("UN monitors", 0, 11, sector="IGO", code="IGO")
    kenyan = Actor("Kenyan police", 0, 13, country="KEN", sector="COP", code="KENCOP")
    place_alone = Actor("the town", 0, 8)
    actors = [group, monitors, kenyan, place_alone]
    assert with_place_country(actors, TOWN, _context()) == (actors, [])


def test_no_country_from_a_dateline_or_when_the_article_names_a_country():
    police = [Actor("Police", 0, 6, sector="COP", code="COP")]
    dateline = Location(text="ACAPULCO", start=None, end=None, country="MEX", precision="dateline")
    assert with_place_country(police, dateline, _context()) == (police, [])
    assert with_place_country(police, TOWN, _context("GTM")) == (police, [])
    assert with_place_country(police, None, _context()) == (police, [])


LIMA = Location(text="Lima", start=3, end=7, name="Lima", country="PER", precision="city")


def test_local_agents_guessed_of_the_articles_country_are_of_the_scene_named():
    police = Actor("police", 9, 15, country="CHL", sector="COP", code="CHLCOP")
    students = Actor("students", 25, 33, country="CHL", sector="EDU", code="CHLEDU")
    (police, students), reasons = at_the_scene([police, students], frozenset({9, 25}), LIMA)
    assert (police.country, police.code, students.country) == ("PER", "PERCOP", "PER")
    assert "of PER, where the act took place ('Lima'), not the article's main country CHL" in reasons[0]


def test_troops_governments_and_named_countries_keep_theirs_at_a_scene_abroad():
    troops = Actor("troops", 9, 15, country="CHL", sector="MIL", code="CHLMIL")
    ministry = Actor("the ministry", 20, 32, country="CHL", sector="GOV", code="CHLGOV")
    named = Actor("Chilean police", 40, 54, country="CHL", sector="COP", code="CHLCOP")
    actors = [troops, ministry, named]
    assert at_the_scene(actors, frozenset({9, 20}), LIMA) == (actors, [])
    assert at_the_scene(actors, frozenset({9, 20, 40}), None) == (actors, [])
