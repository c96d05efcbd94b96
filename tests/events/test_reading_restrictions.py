"""Readings restricted to the acts they name (models/sources/verbs_extra.tsv, docs/lexicon.md "Readings that
need an act"): refusing the press, a falling quantity, hearing, lamenting, agreeing with a view, figures of
speech, receiving support, tourists, a standing opposition. Each case beside a sentence that still codes, on
sentences written for these tests, with the rules alone."""

import datetime as dt

from eventwire.records import Document

MONDAY = dt.date(2024, 3, 11)


def code(rules, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    return [(e.event_type, [a.country for a in e.source], [a.country for a in e.target])
            for e in rules.code_document(doc)]


def test_refusing_the_press_is_no_rejection(rules):
    assert code(rules, "The Chilean interior ministry declined to respond to questions about the convoy.") == []
    assert code(rules, "The Chilean police refused to answer questions about the raid.") == []
    assert code(rules, "A Chilean official, declining to be named, said the talks had stalled.") == []
    assert code(rules, "The Chilean government declined to extradite the banker to Peru.") == [
        ("REJECT", ["CHL"], ["PER"])]
    assert code(rules, "Peru refused to attend the summit in Chile.") == [("REJECT", ["PER"], ["CHL"])]


def test_a_quantity_that_declines_falls(rules):
    assert code(rules, "Chilean copper exports declined to 40,000 tonnes after the drought.") == []
    assert code(rules, "The number of migrants crossing into Chile declined by 8 percent last year.") == []


def test_hearing_is_no_meeting(rules):
    assert code(rules, "Residents heard that the Peruvian army had left the town.") == []
    assert [e[0] for e in code(rules, "Villagers said they heard explosions near the Chilean border.")] == [
        "ASSAULT"]  # the explosions, not the hearing


def test_lamenting_accuses_nobody(rules):
    assert code(rules, "The Peruvian president lamented that nothing was the same after the war.") == []


def test_agreeing_with_a_view_is_an_opinion(rules):
    assert code(rules, "She agreed with the Chilean minister's assessment that the economy is recovering.") == []
    assert code(rules, "Peru agreed with Chile to reopen the border crossing.") == [("AGREE", ["PER"], ["CHL"])]


def test_marching_in_lockstep_is_a_figure_of_speech(rules):
    assert code(rules, "Chile and Peru are not marching in lockstep on trade.") == []
    assert [e[:2] for e in code(rules, "Thousands of protesters marched in Lima against the new tax.")] == [
        ("PROTEST", ["PER"])]


def test_receiving_support_is_no_hosting(rules):
    assert code(rules, "The reform plan has received broad support in Chile's parliament.") == []
    assert code(rules, "The Chilean president received his Peruvian counterpart in Santiago.") == [
        ("CONSULT", ["CHL"], ["PER"])]


def test_tourists_do_no_political_act(rules):
    assert code(rules, "More than a million Peruvian tourists visited Chile last year.") == []
    assert code(rules, "The Peruvian foreign minister visited Chile last week.") == [("CONSULT", ["PER"], ["CHL"])]


def test_opposing_in_the_simple_present_is_a_stance(rules):
    assert code(rules, "The rebel movement opposes Chilean investment in the mines.") == []
    assert code(rules, "On Monday Peru opposed the Chilean plan for the river at the council.") == [
        ("REJECT", ["PER"], ["CHL"])]
