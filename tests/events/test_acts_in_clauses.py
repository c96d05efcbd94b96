"""Acts told in clauses that are not the main verb, and more than one act per sentence (issue 9 item 5):
reduced relative clauses, time and cause clauses, complements of non-reporting verbs, coordinated acts,
and the guards that keep unasserted acts out. Sentences written for these tests."""

import pytest
from texts import code_text, countries


def of_type(events, event_type: str, current: bool = True):
    found = [e for e in events if e.event_type == event_type and (not current or not e.historical)]
    assert found, [(e.event_type, e.trigger.text, e.historical) for e in events]
    return found[0]


# ---------------------------------------------------------------- reduced relative clauses

def test_reduced_relative_with_a_doer_and_a_recent_date_is_an_act(rules):
    events = code_text(rules, "Protesters detained by Kenyan police on Monday were released on bail.")
    detention = of_type(events, "COERCE")
    assert detention.trigger.text == "detained"
    assert countries(detention.source) == ["KEN"]
    assert detention.target[0].text == "Protesters"


def test_reduced_relative_set_off_by_commas(rules):
    events = code_text(rules, "The Dutch ambassador, expelled by Venezuela last week, returned to The Hague.")
    expulsion = of_type(events, "SANCTION")
    assert countries(expulsion.source) == ["VEN"]
    assert countries(expulsion.target) == ["NLD"]


def test_reduced_relative_dated_years_ago_is_background(rules):
    events = code_text(rules, "The Dutch ambassador, expelled by Venezuela in 2019, returned to Caracas "
                              "on Monday.")
    expulsion = [e for e in events if e.trigger.text == "expelled"]
    assert expulsion and all(e.historical for e in expulsion)
    assert any("reduced relative" in r for r in expulsion[0].reasons)


def test_a_participle_used_as_an_adjective_is_no_act(rules):
    events = code_text(rules, "The detained Kenyan protesters thanked their lawyers on Monday.")
    assert not [e for e in events if e.trigger.text == "detained"]


def test_a_misparsed_main_verb_stays_the_news(rules):
    events = code_text(rules, "Some 200 Kenyan teachers protested in Nairobi on Tuesday.")
    protest = of_type(events, "PROTEST")
    assert countries(protest.source) == ["KEN"]


def test_a_supporter_named_in_a_reduced_relative_is_no_act(rules):
    events = code_text(rules, "Rebels backed by Rwanda attacked a Congolese army base on Monday.")
    assert not [e for e in events if e.trigger.text == "backed"]
    assert of_type(events, "ASSAULT").trigger.text == "attacked"


def test_a_thing_described_by_a_reduced_relative_is_no_act(rules):
    events = code_text(rules, "Exporters in Chile complained about tariffs imposed by Argentina.")
    assert not [e for e in events if e.trigger.text == "imposed"]


def test_people_harmed_in_a_reduced_relative_are_an_act(rules):
    events = code_text(rules, "Two Palestinian farmers wounded by Israeli soldiers outside Jenin "
                               "on Sunday were taken to hospital.")
    shooting = of_type(events, "ASSAULT")
    assert countries(shooting.source) == ["ISR"]
    assert countries(shooting.target) == ["PSE"]


# ---------------------------------------------------------------- clauses of time and cause

def test_the_doers_of_a_time_clause_are_not_the_victims_of_the_main_act(rules):
    events = code_text(rules, "When Somali militants stormed the Kenyan base, they killed two guards.")
    attack = of_type(events, "ASSAULT")
    assert "SOM" not in countries(attack.target)
    assert countries(attack.target) == ["KEN"]


def test_an_act_in_an_as_clause_is_an_event_of_its_own(rules):
    events = code_text(rules, "Ugandan troops shelled the town as Congolese rebels retreated.")
    assert countries(of_type(events, "ASSAULT").source) == ["UGA"]
    assert countries(of_type(events, "RETREAT").source) == ["COD"]


@pytest.mark.parametrize("text, main, subordinate", [
    ("Zambian police arrested two students after they protested outside parliament.", "COERCE", "PROTEST"),
    ("Congolese troops patrolled the city to prevent a rally by opposition supporters.", "MOBILIZE",
     "COERCE"),
    ("Two Malian soldiers were killed as jihadists seized a police station.", "ASSAULT", "COERCE"),
])
def test_an_act_of_a_subordinate_clause_never_outranks_the_main_act(rules, text, main, subordinate):
    events = [e for e in code_text(rules, text) if not e.historical]
    assert max(events, key=lambda e: e.confidence).event_type == main
    told_beside = [e for e in events if e.event_type == subordinate]
    assert told_beside and all(any("subordinate" in r for r in e.reasons) for e in told_beside)


# ---------------------------------------------------------------- complements and coordination

def test_confirmed_act_is_coded_with_its_own_doer(rules):
    events = code_text(rules, "Indian officials confirmed that Pakistani soldiers had arrested three "
                              "fishermen.")
    arrest = of_type(events, "COERCE")
    assert countries(arrest.source) == ["PAK"]
    assert [a.country for a in arrest.reported_by] == ["IND"]


def test_an_accusation_codes_the_accusation_not_the_act_alleged(rules):
    events = code_text(rules, "Armenia accused Azerbaijan of shelling border villages.")
    accusation = of_type(events, "ACCUSE")
    assert countries(accusation.source) == ["ARM"]
    assert countries(accusation.target) == ["AZE"]
    assert not [e for e in events if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("text, first, second, source", [
    ("Sudanese troops stormed the town and detained dozens of residents.", "ASSAULT", "COERCE", "SDN"),
    ("The French president met the Nigerian president and signed a trade deal.", "CONSULT", "AGREE", "FRA"),
])
def test_coordinated_acts_share_their_subject(rules, text, first, second, source):
    events = code_text(rules, text)
    assert countries(of_type(events, first).source) == [source]
    assert countries(of_type(events, second).source) == [source]


@pytest.mark.parametrize("text, partner", [
    ("The French president met the Nigerian president and signed a trade deal.", "NGA"),
    ("The Kenyan president visited Uganda and signed an energy agreement.", "UGA"),
])
def test_an_agreement_coordinated_with_a_meeting_is_with_the_same_partner(rules, text, partner):
    agreement = of_type(code_text(rules, text), "AGREE")
    assert countries(agreement.target) == [partner]


def test_a_hostile_act_takes_no_partner_from_the_act_before_it(rules):
    events = code_text(rules, "Sudanese troops stormed the Chadian village and detained dozens of residents.")
    assert not any("partner of" in r for r in of_type(events, "COERCE").reasons)


# ---------------------------------------------------------------- precision guards

@pytest.mark.parametrize("text", [
    "If Ugandan troops shell the town, Congolese rebels will retreat.",
    "Ugandan troops could shell the town as Congolese rebels regroup.",
])
def test_conditional_or_possible_acts_in_clauses_are_no_events(rules, text):
    assert not [e for e in code_text(rules, text) if e.event_type == "ASSAULT" and not e.future]


def test_a_past_relative_clause_never_outranks_the_main_act(rules):
    events = code_text(rules, "The Turkish opposition leader, who was arrested in 2019, accused the "
                              "government of fraud.")
    arrest = [e for e in events if e.event_type == "COERCE"]
    assert arrest and all(e.historical for e in arrest)
    main = max(events, key=lambda e: e.confidence)
    assert main.event_type == "ACCUSE"
