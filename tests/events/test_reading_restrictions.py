"""Readings restricted to the acts they name (models/sources/verbs_extra.tsv, docs/lexicon.md "Readings that
need an act"): refusing the press, a falling quantity, hearing, lamenting, agreeing with a view, figures of
speech, receiving support, tourists, a finding, a criminal inquiry, standing stances and provisions. Each
case beside a sentence that still codes, on sentences written for these tests, with the rules alone."""

import datetime as dt

from eventwire.records import Document

MONDAY = dt.date(2024, 3, 11)


def code(rules, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    return [(e.event_type, [a.country for a in e.source], [a.country for a in e.target])
            for e in rules.code_document(doc)]


def test_refusing_the_press_is_no_rejection(rules):
    assert code(rules, "The Chilean ministry declined to comment on the convoy to reporters.") == []
    assert code(rules, "The Chilean police refused to answer questions about the raid.") == []
    assert code(rules, "A Chilean official, declining to be named, said the talks had stalled.") == []
    assert code(rules, "The Chilean government declined to extradite the banker to Peru.") == [
        ("REJECT", ["CHL"], ["PER"])]
    assert code(rules, "Peru refused to attend the summit in Chile.") == [("REJECT", ["PER"], ["CHL"])]


def test_a_quantity_that_declines_falls(rules):
    assert code(rules, "Chilean copper exports declined to 40,000 tonnes after the drought.") == []
    assert code(rules, "The number of migrants crossing into Chile declined by 8 percent last year.") == []
    # a "from" the parser hangs on the verb is no fall: the refusal still codes
    refusal = "Hungary declined to join the plan for refugees, mostly from Syria and Iraq, on Tuesday."
    events = code(rules, refusal)
    assert [event[:2] for event in events] == [("REJECT", ["HUN"])]


def test_hearing_is_no_meeting(rules):
    assert code(rules, "Residents heard that the Peruvian army had left the town.") == []
    events = code(rules, "Villagers said they heard explosions near the Chilean border.")
    assert [event[0] for event in events] == ["ASSAULT"]  # the explosions, not the hearing


def test_lamenting_accuses_nobody(rules):
    assert code(rules, "The Peruvian president lamented that nothing was the same after the war.") == []


def test_agreeing_with_a_view_is_an_opinion(rules):
    assert code(rules, "She agreed with the Chilean minister's assessment that the economy recovers.") == []
    assert code(rules, "Peru agreed with Chile to reopen the border crossing.") == [
        ("AGREE", ["PER"], ["CHL"])]


def test_marching_in_lockstep_is_a_figure_of_speech(rules):
    assert code(rules, "Chile and Peru are not marching in lockstep on trade.") == []
    events = code(rules, "Thousands of protesters marched in Lima against the new tax.")
    assert [event[:2] for event in events] == [("PROTEST", ["PER"])]


def test_receiving_support_is_no_hosting(rules):
    assert code(rules, "The reform plan has received broad support in Chile's parliament.") == []
    assert code(rules, "The Chilean president received his Peruvian counterpart in Santiago.") == [
        ("CONSULT", ["CHL"], ["PER"])]


def test_tourists_do_no_political_act(rules):
    assert code(rules, "More than a million Peruvian tourists visited Chile last year.") == []
    assert code(rules, "The Peruvian foreign minister visited Chile last week.") == [
        ("CONSULT", ["PER"], ["CHL"])]


def test_opposing_in_the_simple_present_is_a_stance(rules):
    assert code(rules, "The rebel movement opposes Chilean investment in the mines.") == []
    assert code(rules, "On Monday Peru opposed the Chilean plan for the river at the council.") == [
        ("REJECT", ["PER"], ["CHL"])]


def test_a_finding_is_no_intent(rules):
    assert code(rules, "Analysts at the institute determined that the Peruvian ship kept its course.") == []


def test_cooperating_with_an_inquiry_is_no_political_cooperation(rules):
    assert code(rules, "The accused banker is cooperating with investigators after admitting fraud.") == []
    assert code(rules, "Chilean firms cooperate with the Peruvian ministry on mining permits.") == []
    assert code(rules, "Chile agreed to cooperate with Peru against drug smuggling.") == [
        ("AGREE", ["CHL"], ["PER"])]


def test_a_standing_permission_shelter_or_praise_is_no_act(rules):
    assert code(rules, "The ruling party allows these reporters to go only where it wants.") == []
    assert code(rules, "The two camps in northern Chile shelter more than 40,000 Peruvian refugees.") == []
    assert code(rules, "Bloggers who praise the Chilean government gain many followers.") == []
    assert code(rules, "On Monday Chile allowed Peruvian aid convoys to cross the border.") == [
        ("CONCEDE", ["CHL"], [])]
    assert code(rules, "The Peruvian president praised Chile for its help after the flood.") == [
        ("SUPPORT", ["PER"], ["CHL"])]


def test_a_compromised_system_is_no_concession(rules):
    analyst = "Because the defences of Chile have been compromised, smugglers move freely, an analyst said."
    assert code(rules, analyst) == []
    assert code(rules, "Chile compromised with Peru on the fishing quotas on Monday.") == [
        ("CONCEDE", ["CHL"], ["PER"])]
