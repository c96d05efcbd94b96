"""The type of a statement from what it says (events/criticism.py, events/stance.py) and the lexicon's
statement verbs: praise (SUPPORT), accusations called false or denied (REJECT), a choice left to another
actor (THREATEN), charges and allegations (ACCUSE, the act alleged their content), crowds protesting
(PROTEST), on sentences written for these tests."""

import pytest
from texts import code_text, countries

from eventwire.events.coder import EventCoder


@pytest.fixture(scope="module")
def coder(rules_all_parsed) -> EventCoder:
    return rules_all_parsed


def types_of(events) -> list[str]:
    return [e.event_type for e in events]


def only(events, event_type: str):
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


def test_a_statement_that_calls_an_act_good_endorses_it_and_the_act_stays_an_event(coder):
    events = code_text(coder, "The Peruvian envoy said the talks between Chile and Bolivia were a positive "
                              "step.")
    support = only(events, "SUPPORT")
    assert countries(support.source) == ["PER"]
    assert "CHL" in countries(support.target)
    assert "CONSULT" in types_of(events)


def test_a_release_called_a_good_sign_is_praise(coder):
    events = code_text(coder, "The Peruvian union said the release of the Chilean journalist was a good "
                              "sign.")
    assert countries(only(events, "SUPPORT").source) == ["PER"]


def test_accusations_called_baseless_are_rejected_by_the_speaker(coder):
    events = code_text(coder, "The Chilean minister said Peru's accusations were baseless.")
    rejection = only(events, "REJECT")
    assert countries(rejection.source) == ["CHL"]
    assert countries(rejection.target) == ["PER"]
    assert "ACCUSE" not in types_of(events)


def test_a_choice_left_to_a_named_actor_is_a_veiled_threat(coder):
    events = code_text(coder, "Peru's foreign ministry said it is up to Chile what happens next.")
    threat = only(events, "THREATEN")
    assert countries(threat.source) == ["PER"]
    assert countries(threat.target) == ["CHL"]


def test_a_choice_left_to_voters_is_no_threat(coder):
    events = code_text(coder, "The Peruvian minister said it is up to voters to decide.")
    assert "THREATEN" not in types_of(events)


def test_what_a_titled_prosecutor_says_an_actor_did_is_a_charge_not_the_act(coder):
    events = code_text(coder, "Federal prosecutor Ann Smith said Peru offered to pay the gunmen.")
    assert types_of(events) == ["ACCUSE"]
    assert countries(events[0].target) == ["PER"]


def test_an_allegation_holds_the_act_it_alleges(coder):
    events = code_text(coder, "Peruvian lawyers alleged that the Chilean police had beaten the detainees.")
    assert types_of(events) == ["ACCUSE"]
    assert countries(events[0].source) == ["PER"]
    assert countries(events[0].target) == ["CHL"]


def test_a_claim_that_another_actor_killed_is_an_accusation(coder):
    events = code_text(coder, "The Chilean minister claimed that Peruvian troops had killed the farmers.")
    accusation = only(events, "ACCUSE")
    assert countries(accusation.source) == ["CHL"]
    assert countries(accusation.target) == ["PER"]
    assert "ASSAULT" not in types_of(events)


def test_a_claim_about_how_things_stand_charges_no_one(coder):
    events = code_text(coder, "The Peruvian bank claimed that 40 percent of farmers are poor.")
    assert "ACCUSE" not in types_of(events)


def test_a_statement_accusing_another_actor_speaks_for_its_issuer(coder):
    events = code_text(coder, "The Peruvian rebels issued a statement accusing the Bolivian army of shelling "
                              "the village.")
    assert types_of(events) == ["ACCUSE"]
    assert countries(events[0].source) == ["PER"]
    assert countries(events[0].target) == ["BOL"]


def test_a_crowd_protesting_a_visit_demonstrates(coder):
    events = code_text(coder, "Hundreds of demonstrators protested the Peruvian president's visit to Lima on "
                              "Friday.")
    assert types_of(events) == ["PROTEST"]


def test_a_ministry_protesting_a_visit_criticises_it(coder):
    events = code_text(coder, "The Chilean foreign ministry protested the Peruvian president's visit.")
    assert "ACCUSE" in types_of(events)
    assert "PROTEST" not in types_of(events)


def test_denying_what_is_said_of_another_actor_is_a_rejection(coder):
    events = code_text(coder, "Chilean rebel groups deny that the Peruvian militia controls the valley.")
    rejection = only(events, "REJECT")
    assert countries(rejection.source) == ["CHL"]
    assert countries(rejection.target) == ["PER"]


def test_a_charge_rejected_in_a_relative_clause_is_an_act_of_its_own(coder):
    events = code_text(coder, "Peru blamed Bolivian rebels for the attack, a charge the Bolivian spokesman "
                              "rejected on Friday.")
    assert sorted(types_of(events)) == ["ACCUSE", "REJECT"]
    assert countries(only(events, "REJECT").source) == ["BOL"]


def test_a_consequence_foretold_under_a_condition_is_no_demand(coder):
    events = code_text(coder, "The Chilean minister said Peru will have to look for other suppliers if the "
                              "jets cannot be bought.")
    assert "REQUEST" not in types_of(events)


def test_insisting_is_a_demand_only_when_something_is_insisted_on(coder):
    statement = code_text(coder, "Peru insists it is committed to peace with its neighbours.")
    assert "REQUEST" not in types_of(statement)
    request = only(code_text(coder, "Peru insisted on the withdrawal of Chilean troops."), "REQUEST")
    assert countries(request.source) == ["PER"]


@pytest.mark.parametrize("text, event_type", [
    ("The Bolivian president slammed the Chilean decision.", "ACCUSE"),
    ("Rockets slammed into the Peruvian village on Monday.", "ASSAULT"),
    ("The Bolivian president blasted the Chilean air strikes.", "ACCUSE"),
    ("The arrest of the Peruvian reporter drew international condemnation.", "ACCUSE"),
])
def test_statement_senses_of_verbs_of_force(coder, text, event_type):
    assert event_type in types_of(code_text(coder, text)), [(e.event_type, e.trigger.text)
                                                            for e in code_text(coder, text)]


@pytest.mark.parametrize("text, event_type, source, target", [
    ("Peru voiced its backing for Chile's bid to host the summit.", "SUPPORT", "PER", "CHL"),
    ("Peru declared its solidarity with the people of Chile.", "SUPPORT", "PER", "CHL"),
    ("Bolivia reaffirmed its support for the Chilean government.", "SUPPORT", "BOL", "CHL"),
    ("Peru said it is ready to accept the Chilean offer of talks.", "AGREE", "PER", "CHL"),
])
def test_support_voiced_and_offers_accepted(coder, text, event_type, source, target):
    event = only(code_text(coder, text), event_type)
    assert countries(event.source) == [source]
    assert target in countries(event.target)
