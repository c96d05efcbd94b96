"""Demands and threats told as a statement or a quote (events/criticism.py), and an evaluation quoted word
for word: REQUEST or THREATEN from the speaker to the actor asked or warned, on sentences and short
articles written for these tests."""

import datetime as dt

import pytest
from texts import code_text, countries

from eventwire.events.coder import EventCoder


@pytest.fixture(scope="module")
def coder(rules_all_parsed) -> EventCoder:
    return rules_all_parsed


def of_type(events, event_type: str):
    return [e for e in events if e.event_type == event_type]


@pytest.mark.parametrize("text, source, target", [
    ("The Peruvian rights group said the Chilean government must end the deportations.", "PER", "CHL"),
    ('"Bolivia needs to withdraw its soldiers from the border," the Chilean minister told reporters.',
     "CHL", "BOL"),
    ("The Kenyan lawyer said Ugandan police should return the seized documents.", "KEN", "UGA"),
])
def test_an_act_a_statement_asks_of_another_actor_is_the_speakers_demand(coder, text, source, target):
    requests = of_type(code_text(coder, text), "REQUEST")
    assert len(requests) == 1, [(e.event_type, e.trigger.text) for e in code_text(coder, text)]
    assert countries(requests[0].source) == [source]
    assert countries(requests[0].target) == [target]


def test_a_demand_in_a_quote_is_made_by_the_quotes_speaker(coder):
    text = ('The Chilean foreign minister spoke in Santiago on Monday. "Bolivia must stop these '
            'provocations at the border," he said.')
    requests = of_type(code_text(coder, text), "REQUEST")
    assert len(requests) == 1
    assert countries(requests[0].source) == ["CHL"]
    assert countries(requests[0].target) == ["BOL"]


@pytest.mark.parametrize("text", [
    "The Chilean minister said his government must do more to help farmers.",  # the speaker's own side
    "The Chilean minister said Chile should have acted sooner.",  # a judgement of the past
    "The Chilean minister said the report must be read carefully.",  # no one asked: a passive
    '"We must work harder," the Chilean minister said.',  # the speaker's side
    "The Chilean government must end the deportations.",  # the writer's voice, no speaker
])
def test_no_demand_without_another_actor_asked_by_a_speaker(coder, text):
    assert of_type(code_text(coder, text), "REQUEST") == []


@pytest.mark.parametrize("text, source, target", [
    ("A Chilean diplomat added that penalties could follow if Bolivia went ahead and built the "
     "dam.", "CHL", "BOL"),
    ('"Peru will face serious consequences unless it withdraws its troops," the Chilean president said.',
     "CHL", "PER"),
    ('"We will strike back with full force if Peru attacks our ships," the Chilean defense minister said.',
     "CHL", "PER"),
])
def test_a_penalty_a_speaker_says_follows_if_an_actor_acts_threatens_that_actor(coder, text, source, target):
    threats = of_type(code_text(coder, text), "THREATEN")
    assert len(threats) == 1, [(e.event_type, e.trigger.text) for e in code_text(coder, text)]
    assert countries(threats[0].source) == [source]
    assert countries(threats[0].target) == [target]


@pytest.mark.parametrize("text", [
    "Penalties could follow if Bolivia builds the dam.",  # the writer's analysis, no speaker
    "The Chilean official said sanctions could hurt the economy.",  # no actor's act as the condition
])
def test_no_threat_without_a_speaker_and_a_condition_on_an_actor(coder, text):
    assert of_type(code_text(coder, text), "THREATEN") == []


def test_an_evaluation_quoted_word_for_word_is_the_speakers_criticism_beside_the_act(coder):
    events = code_text(coder, 'The Peruvian opposition party says the "illegal" government is confiscating '
                              'its offices.')
    assert sorted(e.event_type for e in events) == ["ACCUSE", "COERCE"]
    accusation = of_type(events, "ACCUSE")[0]
    assert countries(accusation.source) == ["PER"]
    assert countries(accusation.target) == ["PER"]


def test_an_act_told_as_if_something_happened_is_no_threat(coder):
    text = ('"The homes are flattened, as though a great storm swept the town," the Chilean fire chief '
            'told reporters.')
    assert of_type(code_text(coder, text), "THREATEN") == []


@pytest.mark.parametrize("text", [
    '"The Taliban\'s hostility toward girls grows every year," the Iranian activist said.',
    "Iranian activists say the Taliban's contempt for women is obvious.",
])
def test_a_hostile_attitude_told_of_its_owner_is_the_speakers_accusation_of_the_owner(coder, text):
    accusations = of_type(code_text(coder, text), "ACCUSE")
    assert len(accusations) == 1
    assert countries(accusations[0].source) == ["IRN"]
    assert countries(accusations[0].target) == ["AFG"]


@pytest.mark.parametrize("text, country", [
    # a body's name that ends in an agent noun of one person
    ("A senior State Department official met reporters in Lima on Tuesday. The official said Bolivia must "
     "release the detained miners.", "USA"),
    # a body's name and the agent noun after it
    ("A Kremlin spokesman spoke to reporters on Tuesday. The spokesman said Bolivia must release the "
     "detained miners.", "RUS"),
])
def test_the_official_is_the_person_of_the_body_described_before(coder, text, country):
    requests = of_type(code_text(coder, text), "REQUEST")
    assert len(requests) == 1
    assert countries(requests[0].target) == ["BOL"]
    assert [a.country for a in requests[0].source] == [country]


def test_a_speaker_who_adds_goes_on_with_the_statement_told_before_and_its_date(coder):
    events = code_text(coder, "A senior State Department official briefed reporters on Monday. The official "
                              "added that penalties could follow if Bolivia built the dam.")
    threat = of_type(events, "THREATEN")[0]
    assert threat.date.value == dt.date(2024, 3, 11)


def test_a_number_added_is_no_statement_going_on(coder):
    # dated weeks before: a sentence narrated in the simple past right after one dated in the days before
    # publication takes that date on its own account (events/dating.py), whatever its opening word
    events = code_text(coder, "Chilean troops crossed into Peru in January. Peru added 500 soldiers to the "
                              "border force.")
    assert all(e.date.value != dt.date(2024, 1, 1) for e in events if e.trigger.text != "crossed")


@pytest.mark.parametrize("text, source, target", [
    ('"The Chilean government seems far more interested in protecting mining firms than in helping '
     'farmers," a Peruvian spokesperson said.', "PER", "CHL"),
    ("Peru is more concerned with its image than with the victims, the Chilean minister said.", "CHL", "PER"),
])
def test_an_actor_said_to_care_for_the_wrong_thing_first_is_accused(coder, text, source, target):
    accusations = of_type(code_text(coder, text), "ACCUSE")
    assert len(accusations) == 1
    assert countries(accusations[0].source) == [source]
    assert countries(accusations[0].target) == [target]


@pytest.mark.parametrize("text", [
    "The Chilean minister said Peru is interested in more talks.",
    "The Chilean minister said Peru is more interested in trade than Bolivia is.",
])
def test_an_interest_told_without_a_wrong_priority_is_no_accusation(coder, text):
    assert of_type(code_text(coder, text), "ACCUSE") == []


def test_the_wrong_priority_is_read_in_a_long_comparison(coder):
    text = ('"The Peruvian Bar Association is far more concerned with the fees of its members and the '
            'comfort of its judges than with the rights of detainees," a Chilean spokesperson told '
            'reporters.')
    accusations = of_type(code_text(coder, text), "ACCUSE")
    assert len(accusations) == 1
    assert countries(accusations[0].source) == ["CHL"]


def test_the_first_of_two_sentences_run_together_in_a_quote_is_read(coder):
    text = ('“The Peruvian Bar Association is far more concerned with its fees than with the rights of '
            'detainees — it should hand back its charter,” a Chilean spokesperson told reporters.')
    accusations = of_type(code_text(coder, text), "ACCUSE")
    assert len(accusations) == 1
    assert countries(accusations[0].source) == ["CHL"]


@pytest.mark.parametrize("text, target", [
    ("At the opening of the trial on Tuesday, a Chilean prosecutor said Peru had hired two gunmen to "
     "kill a Chilean journalist.", "PER"),
    ("Chilean prosecutors said Bolivia's agents attacked the embassy.", "BOL"),
])
def test_what_a_prosecutor_tells_a_named_actor_did_is_a_charge(coder, text, target):
    accusations = of_type(code_text(coder, text), "ACCUSE")
    assert len(accusations) == 1
    assert countries(accusations[0].source) == ["CHL"]
    assert countries(accusations[0].target) == [target]


@pytest.mark.parametrize("text", [
    "The Chilean prosecutor said the trial would begin in May.",  # no act of an actor
    "Chilean prosecutors said Peru did not pay the gunmen.",  # negated
])
def test_no_charge_without_an_act_told_of_a_named_actor(coder, text):
    assert of_type(code_text(coder, text), "ACCUSE") == []


@pytest.mark.parametrize("text, source, target", [
    ("The Chilean senator shot back that the Peruvian president was out of touch with voters.", "CHL", "PER"),
    ("The Bolivian minister fired back that the Peruvian government was hiding the documents.", "BOL", "PER"),
    ("The Chilean opposition alleged that Peru was hiding the documents.", "CHL", "PER"),
])
def test_an_accusing_verb_charges_the_subject_of_its_clause(coder, text, source, target):
    events = code_text(coder, text)
    accusations = of_type(events, "ACCUSE")
    assert len(accusations) == 1, [(e.event_type, e.trigger.text) for e in events]
    assert not of_type(events, "ASSAULT")
    assert countries(accusations[0].source) == [source]
    assert countries(accusations[0].target) == [target]


def test_a_retort_in_reply_to_no_one_named_is_no_attack(coder):
    events = code_text(coder, '"We protect our farmers," the Bolivian minister fired back on Tuesday.')
    assert not of_type(events, "ASSAULT"), [(e.event_type, e.trigger.text) for e in events]


def test_fire_returned_is_still_an_attack(coder):
    attacks = of_type(code_text(coder, "Chilean soldiers shot back at the Peruvian rebels."), "ASSAULT")
    assert len(attacks) == 1
    assert countries(attacks[0].source) == ["CHL"]
    assert countries(attacks[0].target) == ["PER"]


@pytest.mark.parametrize("text, event_type, target", [
    ("The Chilean minister shot down the Peruvian proposal for joint patrols.", "REJECT", "PER"),
    ("Chilean officials on Monday shot down Peru's hopes of a quick deal.", "REJECT", "PER"),
    ("Chilean air defences shot down two Peruvian drones.", "ASSAULT", "PER"),
])
def test_shooting_down_a_proposal_rejects_it(coder, text, event_type, target):
    events = code_text(coder, text)
    assert [e.event_type for e in events] == [event_type]
    assert countries(events[0].source) == ["CHL"]
    assert countries(events[0].target) == [target]


@pytest.mark.parametrize("text, source, target", [
    ("The Bolivian minister pushed Chile to reopen the border crossing.", "BOL", "CHL"),
    ("Peru pressured Chile to expel the diplomats.", "PER", "CHL"),
    ("The Bolivian minister encouraged Chile to release the fishermen.", "BOL", "CHL"),
    ("Bolivian farmers are pleading with Chilean authorities to lift the import ban.", "BOL", "CHL"),
])
def test_an_act_an_actor_is_pushed_or_pleaded_with_to_do_is_asked_of_it(coder, text, source, target):
    events = code_text(coder, text)
    assert [e.event_type for e in events] == ["REQUEST"], [(e.event_type, e.trigger.text) for e in events]
    assert countries(events[0].source) == [source]
    assert countries(events[0].target) == [target]
