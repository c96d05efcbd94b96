"""Types of restrictive and diplomatic acts read as classes (branch types11): ties cut, trade penalties,
suspension from a bloc, sanctions announced, vetoes, acts named as wrongs, envoys summoned, denials of
two clauses. Sentences written for these tests."""

import pytest
from texts import countries, events_of


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Peru broke off diplomatic relations with Chile on Monday.", "PER", "CHL"),
    ("Bolivia has broken relations with Paraguay over the border dispute.", "BOL", "PRY"),
    ("Last year Ghana severed relations with Togo.", "GHA", "TGO"),
    ("Kenya suspended diplomatic ties with Somalia after the vote.", "KEN", "SOM"),
    ("Nicaragua downgraded its relations with Costa Rica on Friday.", "NIC", "CRI"),
])
def test_cutting_ties_is_a_sanction(rules, text, source, target):
    events = events_of(rules, text, "SANCTION")
    assert events and events[0].cameo == "161"
    assert countries(events[0].source) == [source] and countries(events[0].target) == [target]
    assert not events_of(rules, text, "THREATEN")


@pytest.mark.parametrize("text", [
    "Japan broke the world record in the relay on Sunday.",
    "Peru restored diplomatic relations with Chile on Monday.",
])
def test_other_breaks_and_restored_ties_are_no_sanction(rules, text):
    assert not events_of(rules, text, "SANCTION")


@pytest.mark.parametrize(("text", "target"), [
    ("Japan raised customs duties on all South Korean goods to 50 percent.", "KOR"),
    ("Two weeks later Canada hiked tariffs on Chinese steel.", "CHN"),
    ("Russia banned imports of Moldovan wine in 2013.", "MDA"),
    ("The Turkish government will double duties on American cars.", "USA"),
])
def test_trade_penalties_are_sanctions(rules, text, target):
    events = events_of(rules, text, "SANCTION")
    assert events and events[0].cameo == "163"
    assert target in countries(events[0].target)


@pytest.mark.parametrize("text", [
    "Japan cut tariffs on South Korean cars on Monday.",
    "The Chilean central bank raised interest rates on Tuesday.",
])
def test_lowered_tariffs_and_rates_are_no_sanction(rules, text):
    assert not events_of(rules, text, "SANCTION")


@pytest.mark.parametrize("text", [
    "Southern African leaders suspended Madagascar from their regional grouping on Friday.",
    "Zimbabwe was suspended from the Commonwealth in 2002.",
    "Venezuela will quit the Organization of American States, the foreign minister said.",
    "The juntas of Chad and Sudan said they were leaving the African Union with immediate effect.",
])
def test_leaving_or_suspension_from_a_bloc_reduces_relations(rules, text):
    events = events_of(rules, text, "SANCTION")
    assert events and events[0].cameo == "160"


@pytest.mark.parametrize("text", [
    "The Chilean school suspended the student for a week.",
    "The Bolivian minister left the meeting early on Monday.",
])
def test_suspensions_and_departures_elsewhere_are_no_sanction(rules, text):
    assert not events_of(rules, text, "SANCTION")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The United States will impose new sanctions on Cuba, the president said.", "USA", "CUB"),
    ("Britain said it would expel three Russian diplomats.", "GBR", "RUS"),
    ("Peru will cut ties with Venezuela next week.", "PER", "VEN"),
    ("Canada will freeze the assets of Iranian officials, the minister said on Tuesday.", "CAN", "IRN"),
])
def test_an_announced_sanction_is_the_sanction_in_the_future(rules, text, source, target):
    events = events_of(rules, text, "SANCTION")
    assert events and events[0].future
    assert countries(events[0].source) == [source] and target in countries(events[0].target)
    assert not events_of(rules, text, "THREATEN")


def test_a_sanction_on_a_condition_stays_a_threat(rules):
    text = "The European Union will impose sanctions on Belarus if it does not free the journalist."
    events = events_of(rules, text, "THREATEN")
    assert events and countries(events[0].target) == ["BLR"]
    assert not events_of(rules, text, "SANCTION")


def test_an_announced_strike_stays_a_threat(rules):
    assert events_of(rules, "Israel will strike Iranian nuclear sites, the minister said.", "THREATEN")


@pytest.mark.parametrize("text", [
    "The Kenyan president vetoed the bill on Monday.",
    "Kenyan lawmakers overrode the president's veto of the budget on Thursday.",
    "Russia used its veto to block the resolution on Syria.",
    "China cast a veto against the draft on Friday.",
])
def test_a_veto_is_a_refusal(rules, text):
    events = events_of(rules, text, "REJECT")
    assert events and events[0].cameo == "129"
    assert not events_of(rules, text, "COERCE")


def test_a_bill_passed_is_no_veto(rules):
    assert not events_of(rules, "The Kenyan parliament passed the bill on Tuesday.", "REJECT")


@pytest.mark.parametrize(("text", "source"), [
    ("The Chilean president called the incursion a clear violation of Chilean sovereignty.", "CHL"),
    ("Peru's foreign minister described the election as a farce.", "PER"),
    ("The Bolivian opposition called the vote unconstitutional.", "BOL"),
    ("Kenya branded the rebels terrorists on Monday.", "KEN"),
])
def test_naming_an_act_a_wrong_is_criticism(rules, text, source):
    events = events_of(rules, text, "ACCUSE")
    assert events and events[0].cameo == "111"
    assert countries(events[0].source)[0] == source


@pytest.mark.parametrize("text", [
    "The Chilean president called the meeting a success.",
    "The Chilean president called the Bolivian ambassador on Monday.",
    "Peru began deporting what officials described as illegal migrants in March.",
])
def test_other_namings_and_calls_are_no_criticism(rules, text):
    assert not events_of(rules, text, "ACCUSE")


@pytest.mark.parametrize("text", [
    "Chile summoned the Peruvian ambassador to protest the arrest.",
    "On Monday the Indian foreign ministry summoned Nepal's envoy.",
])
def test_a_foreign_envoy_summoned_is_a_complaint(rules, text):
    events = events_of(rules, text, "ACCUSE")
    assert events and events[0].cameo == "114"
    assert not events_of(rules, text, "CONSULT")


def test_a_cabinet_summoned_is_no_complaint(rules):
    assert not events_of(rules, "The Chilean president summoned his cabinet on Monday.", "ACCUSE")


def test_the_second_of_two_denied_clauses_is_denied(rules):
    text = "Bolivia denied that any of its helicopters were downed or that it had fired rockets at the camp."
    events = events_of(rules, text, "REJECT")
    assert events and countries(events[0].source) == ["BOL"]
    assert not events_of(rules, text, "ASSAULT")


def test_an_act_beside_a_denial_is_not_denied(rules):
    text = "Pakistan denied the charge and attacked Indian posts in Kashmir."
    events = events_of(rules, text, "ASSAULT")
    assert events and countries(events[0].target) == ["IND"]


@pytest.mark.parametrize(("text", "target"), [
    ("EU foreign ministers agreed on Tuesday to impose fresh sanctions on Belarus.", "BLR"),
    ("NATO foreign ministers agreed to expel eight Russian diplomats.", "RUS"),
    ("The Chilean congress voted to impose tariffs on Argentine wheat.", "ARG"),
    ("The ministers agreed to shut their ports to Iranian ships and to impose sanctions on Tehran.", "IRN"),
])
def test_a_sanction_agreed_is_the_sanction(rules, text, target):
    events = events_of(rules, text, "SANCTION")
    assert events and target in countries(events[0].target)
    assert not events_of(rules, text, "AGREE")


def test_lifting_sanctions_agreed_stays_an_intent(rules):
    assert events_of(rules, "The EU agreed to lift sanctions on Cuba.", "AGREE")


@pytest.mark.parametrize("text", [
    "The army seized power in Niger on Wednesday.",
    "Soldiers staged a coup in Gabon on Wednesday.",
    "Army officers seized power in Niamey on Wednesday.",
    "Mutinous officers seized power in Bamako last year.",
])
def test_power_seized_is_coercion(rules, text):
    events = events_of(rules, text, "COERCE")
    assert events and events[0].cameo == "170"
    assert not events_of(rules, text, "ASSAULT")


@pytest.mark.parametrize(("text", "source"), [
    ("Armenia captured Shusha from Azerbaijan in 1992.", "ARM"),
    ("Peru captured Arica in 1880 during the war with Chile.", "PER"),
    ("The Taliban captured Kandahar last autumn.", "AFG"),
])
def test_a_state_or_armed_group_taking_a_named_place_is_fighting(rules, text, source):
    events = events_of(rules, text, "ASSAULT")
    assert events and events[0].cameo == "192"
    assert countries(events[0].source) == [source]


@pytest.mark.parametrize(("text", "target"), [
    ("Eritrea captured Badme from Ethiopia in May 1998.", "ETH"),
    ("Serbia captured Vukovar from Croatian forces in November.", "HRV"),
])
def test_the_place_taken_is_taken_from_its_holder(rules, text, target):
    events = events_of(rules, text, "ASSAULT")
    assert events and countries(events[0].target) == [target]


def test_police_seizing_goods_stay_coercion(rules):
    text = "Peruvian police seized two tonnes of cocaine in Callao on Monday."
    assert events_of(rules, text, "COERCE") and not events_of(rules, text, "ASSAULT")


def test_an_announced_boycott_stays_a_threat(rules):
    text = "The Bolivian opposition party said it would boycott the referendum."
    events = events_of(rules, text, "THREATEN")
    assert events and events[0].future
    assert not events_of(rules, text, "SANCTION")
