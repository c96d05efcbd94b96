"""Readings of capture, shoot, detonate and demonstrate that name no act between actors
(models/sources/verbs_extra.tsv, docs/lexicon.md "False events (branch precision8)"): scores, prizes, seats
and images captured, films shot, a rise to fame, found bombs destroyed by police, something demonstrated
(shown); and a nuclear device detonated, a weapons test. Each beside a close sentence that still codes, on
sentences written for these tests, with the rules alone."""

import datetime as dt

from eventwire.records import Document

MONDAY = dt.date(2024, 3, 11)


def code(rules, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    return [(e.event_type, [a.country for a in e.source], [a.country for a in e.target])
            for e in rules.code_document(doc) if not e.historical]


def test_a_score_or_a_prize_captured_is_sport(rules):
    assert code(rules, "Brevik captured four wickets as Norway bowled out Denmark for 140.") == []
    assert code(rules, "The Danish sprinter captured the lead on the final lap in Oslo.") == []
    assert code(rules, "Malian troops captured four Burkinabe soldiers near the border on Monday.") == [
        ("ASSAULT", ["MLI"], ["BFA"])]


def test_seats_captured_are_an_election(rules):
    assert code(rules, "The Liberal party captured 40 of the 60 seats in the Ghanaian council.") == []
    assert code(rules, "Malian rebels captured the town of Kidal on Monday.") == [
        ("ASSAULT", ["MLI"], ["MLI"])]


def test_an_image_captured_is_no_capture(rules):
    assert code(rules, "The Bolivian minister was captured on video leaving the hotel.") == []
    assert code(rules, "Television cameras captured the Bolivian president greeting supporters.") == []
    assert code(rules, "The Bolivian police captured the fugitive banker in La Paz on Monday.") == [
        ("COERCE", ["BOL"], ["BOL"])]


def test_a_film_shot_or_a_rise_to_fame_is_no_shooting(rules):
    assert code(rules, "The documentary was shot on location in northern Bolivia.") == []
    assert code(rules, "The Bolivian singer shot to fame after the contest.") == []
    assert code(rules, "Bolivian soldiers shot two protesters in La Paz on Friday.") == [
        ("ASSAULT", ["BOL"], ["BOL"])]


def test_a_found_bomb_destroyed_by_police_is_no_attack(rules):
    assert code(rules, "Georgian police detonated a suspicious package found in Tbilisi.") == []
    assert code(rules, "The device was detonated by a bomb disposal unit of the Georgian police.") == []
    assert code(rules, "Militants detonated a roadside bomb near a Georgian police convoy on Monday.") == [
        ("ASSAULT", ["GEO"], ["GEO"])]


def test_demonstrating_something_is_showing_it(rules):
    assert code(rules, "The Peruvian trials demonstrated that the new vaccine works.") == []
    assert code(rules, "The Chilean minister demonstrated the value of the pact to Peruvian farmers.") == []
    protest = "Hundreds of Chileans demonstrated outside the Peruvian embassy in Santiago on Monday."
    assert code(rules, protest) == [("PROTEST", ["CHL"], ["PER"])]


def test_a_nuclear_device_detonated_is_a_weapons_test(rules):
    assert code(rules, "Iran detonated two underground nuclear devices in the desert on Monday.") == [
        ("MOBILIZE", ["IRN"], [])]
    assert code(rules, "Militants detonated a car bomb outside the Iranian embassy on Monday.") == [
        ("ASSAULT", ["IRN"], ["IRN"])]
