"""The right target actor: who a demand, a protest or an arrest is aimed at when the plain object of the
verb names no one. On sentences written for these tests."""

import pytest
from texts import code_text


def _events(coder, text, event_type):
    events = [e for e in code_text(coder, text) if e.event_type == event_type]
    assert events, [(e.event_type, e.trigger.text) for e in code_text(coder, text)]
    return events


@pytest.mark.parametrize("text, target", [
    ("The Chilean government called for the release of the Peruvian journalist.", "PER"),
    ("The Chilean government called for the Peruvian journalist's immediate release.", "PER"),
    ("The Chilean envoy is calling for an end to the violence in Peru.", "PER"),
    ("Uruguay appealed for a ceasefire in Bolivia on Sunday.", "BOL"),
])
def test_what_a_call_asks_for_names_its_target(rules, text, target):
    """ "called for X" asks for X as "demanded X" does: the actor or the place inside the act asked for."""
    events = _events(rules, text, "REQUEST")
    assert target in [a.country for a in events[0].target]
    assert any("asks for" in r or "the doer of 'release'" in r for r in events[0].reasons)


@pytest.mark.parametrize("text, target", [
    ("At least 12 Islamic State fighters were killed in clashes near Mosul on Sunday.", "IRQ"),
    ("Kurdish forces killed nine Islamic State militants in Raqqa.", "SYR"),
    ("Police in Lima arrested three members of the Islamic State.", "PER"),
])
def test_the_fighters_of_a_group_of_no_country_are_its_local_branch_at_the_scene(rules, text, target):
    event = code_text(rules, text)[0]
    assert [a.country for a in event.target] == [target]
    assert event.target[0].code.startswith("IMG")  # the group's own entry is kept
    assert any("its local branch" in r for r in event.reasons)


def test_a_group_of_no_country_named_with_no_scene_keeps_no_country(rules):
    event = _events(rules, "Soldiers killed nine Islamic State militants.", "ASSAULT")[0]
    assert [a.country for a in event.target] == [None]


@pytest.mark.parametrize("text", [
    "Hundreds of Peruvian farmers held a sit-in in Lima on Monday to protest the new import restrictions.",
    "Thousands of Peruvian teachers marched in Lima against the new education law.",
])
def test_a_protest_against_a_measure_is_toward_the_protesters_own_authorities(rules, text):
    event = _events(rules, text, "PROTEST")[0]
    assert [(a.country, a.sector) for a in event.target] == [("PER", "GOV")]
    assert any("a measure of those who govern" in r for r in event.reasons)


def test_a_protest_against_what_is_no_measure_gets_no_authorities(rules):
    text = "Hundreds of Peruvian farmers marched in Lima against the heavy rains."
    event = _events(rules, text, "PROTEST")[0]
    assert not any("a measure of those who govern" in r for r in event.reasons)


def test_a_protest_in_front_of_an_embassy_is_toward_its_country(rules):
    event = _events(rules, "Hundreds of Chileans protested in front of the Peruvian embassy in Santiago.",
                    "PROTEST")[0]
    assert [a.country for a in event.target] == ["PER"]


@pytest.mark.parametrize("text", [
    "Peruvian authorities deported 40 migrants on Tuesday.",
    "Peruvian police detained dozens of asylum seekers near the border.",
])
def test_migrants_are_not_of_the_articles_main_country(rules, text):
    event = _events(rules, text, "COERCE")[0]
    assert [a.country for a in event.target] == [None]
    assert any("as foreigners" in r for r in event.reasons)


def test_migrants_named_with_a_country_keep_it(rules):
    text = "Peruvian police detained dozens of Bolivian migrants near the border."
    event = _events(rules, text, "COERCE")[0]
    assert [a.country for a in event.target] == ["BOL"]


@pytest.mark.parametrize("text, sector", [
    ("Dozens of protesters were arrested in Lima, and many more were injured.", "OPP"),
    ("Three soldiers were killed and more were wounded in the attack in Lima.", "MIL"),
])
def test_an_elliptic_count_suffers_as_those_counted_before(rules, text, sector):
    """ "and more were wounded": more of the people the coordinated passive told, not the attack."""
    wounded = [e for e in code_text(rules, text) if e.trigger.text in ("injured", "wounded")]
    assert [e.event_type for e in wounded] == ["ASSAULT"]
    assert [(a.country, a.sector) for a in wounded[0].target] == [("PER", sector)]
    assert any("counts more of those" in r for r in wounded[0].reasons)


_BOLIVIAN_BACKGROUND = ("Bolivia has long accused militants of hiding in the border region. "
                        "Bolivian officials say the threat is growing. ")


def test_those_a_countrys_own_agency_arrests_are_local_not_of_the_articles_country(rules):
    text = _BOLIVIAN_BACKGROUND + "On Monday, the Peruvian anti-terror agency broke up a terrorist cell."
    event = _events(rules, text, "COERCE")[0]
    assert [a.country for a in event.target] == ["PER"]
    assert any("local to PER" in r for r in event.reasons)


def test_those_foreign_troops_capture_keep_the_articles_country(rules):
    text = _BOLIVIAN_BACKGROUND + "Peruvian troops captured four of his nephews."
    event = _events(rules, text, "COERCE")[0]
    assert [a.country for a in event.target] == ["BOL"]


def test_a_place_read_inside_a_known_actors_name_is_no_scene(rules):
    """ "Union" in "the European Union" is no place whose country the journalist would take."""
    event = _events(rules, "The European Union demanded the journalist's immediate release.", "REQUEST")[0]
    assert [a.country for a in event.target] == [None]


_CHILEAN_STORY = "Chile closed its border with Bolivia on Monday, citing a surge in smuggling. "


@pytest.mark.parametrize("text, country", [
    ("In La Paz, police detained 12 students outside the Chilean consulate.", "BOL"),
    ("Police in La Paz detained 12 students outside the Chilean consulate.", "BOL"),
])
def test_police_at_a_scene_abroad_are_of_the_scene_not_of_the_articles_country(rules, text, country):
    event = next(e for e in _events(rules, _CHILEAN_STORY + text, "COERCE") if e.trigger.text == "detained")
    assert [a.country for a in event.source] == [country]
    assert [a.country for a in event.target] == [country]
