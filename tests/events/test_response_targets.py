"""Whom a response is toward when its own words name no actor (events/responses.py): the doer of the
act a denial or a welcome answers, the holder of a meeting a refusal keeps away from, the holder of a
person whose release is asked for, the host of a gathering. Short articles written for these tests;
the rules alone are tested."""

import pytest
from texts import code_text

from eventwire.events.coder import EventCoder


def the_event(coder: EventCoder, text: str, event_type: str, trigger: str):
    events = [e for e in code_text(coder, text) if e.event_type == event_type and e.trigger.text == trigger]
    assert events, [(e.event_type, e.trigger.text) for e in code_text(coder, text)]
    return events[0]


def countries(actors) -> list[str | None]:
    return [a.country or a.code for a in actors]


def target_reasons(event) -> str:
    return " | ".join(r for r in event.reasons if r.field == "target")


@pytest.mark.parametrize("text, event_type, trigger, source, target, told", [
    ("Argentina has accused Chile of spying on its navy. Chile dismissed the accusations on Tuesday.",
     "REJECT", "dismissed", "CHL", "ARG", "of sentence 1"),
    ("Germany asked Poland on Monday to return the paintings. Poland rejected the request.",
     "REJECT", "rejected", "POL", "DEU", "of sentence 1"),
    ("Egyptian authorities released the blogger on Monday. Amnesty International praised the release.",
     "SUPPORT", "praised", "NGOHRIAMN", "EGY", "of sentence 1"),
])
def test_a_response_to_an_act_told_before_is_toward_its_doer(rules, text, event_type, trigger, source, target,
                                                              told):
    event = the_event(rules, text, event_type, trigger)
    assert countries(event.source) == [source]
    assert countries(event.target) == [target]
    assert told in target_reasons(event)


def test_an_act_told_again_with_no_doer_is_the_one_told_before_with_its_doer(rules):
    text = ("Egyptian authorities released the blogger Alaa Nour on Monday. Nour was released after two "
            "years in prison. Amnesty International praised the release.")
    event = the_event(rules, text, "SUPPORT", "praised")
    assert countries(event.target) == ["EGY"]
    assert "of sentence 1" in target_reasons(event)


def test_an_act_the_responder_did_not_suffer_gives_no_target(rules):
    # the accusation was aimed at Bolivia, not at Chile: Chile's denial answers something else
    text = "Argentina has accused Bolivia of spying on its navy. Chile dismissed the accusations on Tuesday."
    event = the_event(rules, text, "REJECT", "dismissed")
    assert event.target == []


def test_an_act_whose_doer_is_unknown_gives_no_target(rules):
    text = "The blogger was released on Monday. Amnesty International praised the release."
    event = the_event(rules, text, "SUPPORT", "praised")
    assert countries(event.target) in ([], [None])


@pytest.mark.parametrize("text, event_type, trigger, source, target", [
    ("Georgia accused Armenia of shelling the border post, a charge that Yerevan rejected.",
     "REJECT", "rejected", "ARM", "GEO"),
    ("Iran freed two French nationals on Friday, a move that Paris welcomed.", "SUPPORT", "welcomed", "FRA",
     "IRN"),
])
def test_a_response_to_the_act_it_sums_up_is_toward_its_doer(rules, text, event_type, trigger, source,
                                                              target):
    event = the_event(rules, text, event_type, trigger)
    assert countries(event.source) == [source]
    assert countries(event.target) == [target]
    assert "summed up as" in target_reasons(event)


def test_a_noun_inside_the_trigger_is_no_answered_act(rules):
    # "struck a deal" is the agreement itself, not a response to an earlier deal
    text = ("Egyptian authorities released the blogger on Monday. Peru and Chile struck a deal on fishing "
            "rights on Tuesday.")
    events = [e for e in code_text(rules, text) if e.event_type == "AGREE"]
    assert all("EGY" not in countries(e.target) for e in events)


@pytest.mark.parametrize("text, target", [
    ("Tanzania refused to attend the summit hosted by the African Union.", "IGOAFU"),
    ("Peru declined to take part in the talks with Chile.", "CHL"),
    ("A panel of the International Criminal Court heard the complaint on Tuesday, but Chile refused to "
     "attend the session.", "IGOJUDICC"),
])
def test_a_refusal_to_attend_is_toward_who_holds_the_meeting(rules, text, target):
    event = [e for e in code_text(rules, text) if e.event_type == "REJECT"][0]
    assert countries(event.target) == [target]


@pytest.mark.parametrize("text", [
    "Iran refused to attend the talks, Reuters reported.",
    "According to the Associated Press, Iran refused to attend the talks.",
])
def test_who_reports_a_refusal_to_attend_is_not_its_target(rules, text):
    events = [e for e in code_text(rules, text) if e.event_type == "REJECT"]
    assert events and all(e.target == [] for e in events)


def test_a_refusal_to_attend_with_two_other_sides_named_has_no_target(rules):
    text = "Brazil and Argentina met on Monday, though Chile refused to attend the meeting."
    events = [e for e in code_text(rules, text) if e.event_type == "REJECT"]
    assert all(e.target == [] for e in events)


@pytest.mark.parametrize("text, target", [
    ("The United States called for the release of the Australian writer detained in China.", "CHN"),
    ("Britain demanded the release of the sailors held by Iran.", "IRN"),
    ("The blogger was arrested by Vietnamese police in May. The European Union calls for his immediate "
     "release.", "VNM"),
])
def test_a_call_for_a_release_is_toward_who_holds_the_person(rules, text, target):
    event = [e for e in code_text(rules, text) if e.event_type == "REQUEST"][0]
    assert countries(event.target) == [target]
    assert "holds" in target_reasons(event)


def test_a_call_for_a_release_with_no_holder_named_has_no_target_country(rules):
    """The person asked to be released may stand as the target ("calls for the journalist's release", as
    "demanded the journalist's release"), but no country holds them: none is named."""
    event = [e for e in code_text(rules, "The European Union calls for the journalist's immediate release.")
             if e.event_type == "REQUEST"][0]
    assert [a.country for a in event.target] in ([], [None])


def test_the_host_of_a_gathering_is_its_target(rules):
    text = ("Delegates of the Group of Twenty assembled in Osaka on Saturday, and host nation Japan opened "
            "the session.")
    event = the_event(rules, text, "CONSULT", "assembled")
    assert countries(event.target) == ["JPN"]
    assert "named as the host" in target_reasons(event)


@pytest.mark.parametrize("text, event_type, target, rule", [
    ("The Red Cross condemned the shelling of the hospital by Ethiopian forces.", "ACCUSE", "ETH",
     "by 'forces'"),
    ("Thousands of students protested on Monday against the French president's visit to Peru.", "PROTEST",
     "FRA", "its owner 'president'"),
])
def test_a_reaction_to_an_act_is_toward_the_doer_named_on_it(rules, text, event_type, target, rule):
    event = [e for e in code_text(rules, text) if e.event_type == event_type][0]
    assert countries(event.target) == [target]
    assert rule in target_reasons(event)


def test_the_owner_of_an_actor_noun_is_no_doer(rules):
    # "the U.N.'s highest court" is the court itself, not an act the U.N. did
    event = [e for e in code_text(rules, "Peru criticised the United Nations' highest court on Monday.")
             if e.event_type == "ACCUSE"][0]
    assert [a.text for a in event.target] == ["United Nations' highest court"]


def test_a_protest_against_told_after_its_place_is_toward_what_it_is_against(rules):
    text = "Fishermen rallied on Tuesday at several ports against Chile's new quota rules."
    event = the_event(rules, text, "PROTEST", "rallied")
    assert countries(event.target) == ["CHL"]
    assert "its owner 'Chile'" in target_reasons(event)


def test_a_protest_noun_after_in_tells_what_the_protest_is_against(rules):
    text = ("Several hundred teachers marched in Quito on Friday in protest at cuts ordered by Ecuador's "
            "government.")
    event = the_event(rules, text, "PROTEST", "marched")
    assert countries(event.target) == ["ECU"]
    assert "the doer of 'cuts'" in target_reasons(event)


def test_a_refusal_to_join_what_an_organisation_named_by_acronym_holds_is_toward_it(rules):
    text = "Hungary declined to take part in the NATO training programme for pilots."
    event = [e for e in code_text(rules, text) if e.event_type == "REJECT"][0]
    assert countries(event.target) == ["IGOWSTNAT"]


def test_a_government_answering_its_own_countrys_opposition_is_toward_the_opposition(rules):
    text = ("Zambia's opposition accused the government of rigging the vote. "
            "The Zambian government rejected the allegations on Tuesday.")
    event = the_event(rules, text, "REJECT", "rejected")
    assert [a.sector for a in event.source] == ["GOV"]
    assert [(a.country, a.sector) for a in event.target] == [("ZMB", "OPP")]
    assert "of sentence 1" in target_reasons(event)


def test_a_denial_of_its_own_sides_act_answers_no_one(rules):
    text = ("Zambian police detained dozens of miners on Monday. "
            "The Zambian government denied the arrests on Tuesday.")
    events = [e for e in code_text(rules, text) if e.trigger.text == "denied"]
    assert not any(a.country == "ZMB" for e in events for a in e.target)
