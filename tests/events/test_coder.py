"""The event coder end to end on small fixture sentences: types, actors, modality, dates, places."""

import datetime as dt

import pytest
from texts import code_text

from eventwire.events.coder import EventCoder
from eventwire.events.learned import RuleDecisions
from eventwire.records import Sentence

MONDAY = dt.date(2024, 3, 11)


@pytest.fixture(scope="module")
def coder(resources) -> EventCoder:
    """The rules alone: the learned decisions over them are tested in test_learned.py."""
    return EventCoder(resources, decisions=RuleDecisions())


def code(coder: EventCoder, text: str, date: dt.date | None = MONDAY, dateline: str | None = None):
    return code_text(coder, text, date, dateline)


def only(events, event_type: str):
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


def countries(actors) -> set[str | None]:
    return {a.country for a in actors}


def test_two_events_in_one_sentence(coder):
    events = code(coder, "Netanyahu met Putin in Moscow and they agreed to set up a joint team.")
    consult = only(events, "CONSULT")
    agree = only(events, "AGREE")
    assert consult.trigger.text == "met" and agree.trigger.text == "agreed"
    assert countries(consult.source) == {"ISR"} and countries(consult.target) == {"RUS"}
    assert consult.location is not None and consult.location.country == "RUS"
    assert events == sorted(events, key=lambda e: e.trigger.start)


def test_compound_subject_gives_both_parties(coder):
    agree = only(code(coder, "Israel and Russia agreed to cooperate on Syria."), "AGREE")
    assert countries(agree.source) == {"ISR"}  # symmetric act: the first-named party is the source
    assert countries(agree.target) == {"RUS"}


def test_reported_speech_codes_the_reported_act(coder):
    events = code(coder, "Iraqi officials said Turkish troops attacked Kurdish rebels near the border.")
    assault = only(events, "ASSAULT")
    assert assault.trigger.text == "attacked"
    assert [(a.country, a.sector) for a in assault.source] == [("TUR", "MIL")]
    assert assault.reported_by is not None and countries(assault.reported_by) == {"IRQ"}


def test_condemning_is_an_event_of_its_own(coder):
    events = code(coder, "The United States condemned the attack on the embassy in Kabul.")
    accuse = only(events, "ACCUSE")
    assert countries(accuse.source) == {"USA"}
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_negated_future(coder):
    event = code(coder, "The government will not negotiate with the rebels, the minister said.")[0]
    assert event.negated and event.future
    assert any(r.startswith("negated") for r in event.reasons)


def test_hypothetical(coder):
    # issue 9: what only may happen, or happens only if, is not an event
    events = code(coder, "If Iran attacks Israel, the United States will respond.")
    assert not [e for e in events if e.trigger.text == "attacks"]


def test_future_intent_is_a_threat(coder):
    event = only(code(coder, "We will take action against the rebels, the Israeli defence minister said."),
                 "THREATEN")
    assert event.future


def test_demand_under_a_reporting_verb_is_a_request_by_the_speaker(coder):
    events = code(coder, "The French president said Iraq must withdraw its troops from Kuwait.")
    event = only(events, "REQUEST")
    assert countries(event.source) == {"FRA"} and countries(event.target) == {"IRQ"}


def test_dated_role(coder):
    text = "Benjamin Netanyahu met Emmanuel Macron in Paris."
    in_2005 = only(code(coder, text, date=dt.date(2005, 6, 1)), "CONSULT")
    in_2019 = only(code(coder, text, date=dt.date(2019, 6, 1)), "CONSULT")
    assert in_2005.source[0].code == "ISRELI" and in_2019.source[0].code == "ISRGOV"
    assert in_2005.target[0].code == "FRAELI" and in_2019.target[0].code == "FRAGOV"


def test_relative_date(coder):
    event = only(code(coder, "Turkish troops attacked Kurdish rebels on Friday."), "ASSAULT")
    assert event.date.value == dt.date(2024, 3, 8) and event.date.granularity == "day"


def test_publication_date_without_a_date_in_the_sentence(coder):
    event = only(code(coder, "Turkish troops attacked Kurdish rebels."), "ASSAULT")
    assert event.date.value == MONDAY and event.date.text is None


def test_dateline_gives_the_location(coder):
    text = "CAIRO - Egyptian police arrested twenty protesters."
    event = code(coder, text, dateline="CAIRO")[0]
    assert event.location is not None and event.location.country == "EGY"


def test_no_event_in_commentary(coder):
    assert code(coder, "Analysts say the economy could improve next year.") == []


def test_evidence_offsets_point_into_the_document(coder):
    text = "Fighting resumed. Protesters in Gjilan demonstrated against the government on Sunday."
    event = only(code(coder, text), "PROTEST")
    assert text[event.trigger.start:event.trigger.end] == event.trigger.text == "demonstrated"
    assert text[event.sentence.start:event.sentence.end] == event.sentence.text
    for actor in event.source + event.target:
        assert text[actor.start:actor.end] == actor.text
    assert event.source[0].country == "XKX"
    assert 0 < event.confidence <= 1 and any(r.startswith("confidence") for r in event.reasons)


def test_event_ids_are_stable(coder):
    text = "Turkish troops attacked Kurdish rebels."
    assert [e.event_id for e in code(coder, text)] == [e.event_id for e in code(coder, text)]


def test_negated_agreement_is_a_rejection(coder):
    event = code(coder, "Syria will not agree to the American peace plan, the foreign minister said.")[0]
    assert event.event_type == "REJECT" and event.negated
    assert any("recoded as REJECT" in r for r in event.reasons)


def test_pronoun_in_reported_speech_falls_back_to_the_speaker(coder):
    event = code(coder, "The Awami party said it will boycott the referendum.")[0]
    assert event.event_type == "THREATEN" and event.future
    assert [a.text for a in event.source] == ["The Awami party"]


@pytest.mark.parametrize("text", [
    '"We will find out in the coming weeks," the French foreign minister said.',
    '"We need serious talks," the French foreign minister told reporters.',
    'The Egyptian president said: "We will talk it over."',
    '"We are not fighting for ourselves alone," the Egyptian minister said.',
])
def test_a_speakers_own_words_toward_no_one_are_no_event(coder, text):
    assert code(coder, text) == []


@pytest.mark.parametrize("text, event_type, target", [
    ('"We will impose sanctions on Iran," the French president said.', "SANCTION", "IRN"),  # announced
    ('"We will retaliate against Iran," the Israeli defence minister said.', "THREATEN", "IRN"),
    ('"We will send aid to Ukraine," the German chancellor said.', "AGREE", "UKR"),
])
def test_a_speakers_commitment_toward_another_actor_stays_an_event(coder, text, event_type, target):
    event = only(code(coder, text), event_type)
    assert event.future and countries(event.target) == {target}


def test_a_person_the_speaker_acts_on_is_a_counterpart(coder):
    events = code(coder, '"We will free him," the Egyptian president said.')
    assert [e.future for e in events] == [True]


def test_a_force_of_the_speakers_side_acts_without_a_named_target(coder):
    events = code(coder, '"Our forces captured the border town yesterday," the Syrian army chief said.')
    assert [e.event_type for e in events] == ["ASSAULT"]


def test_a_protest_keeps_its_demand_inside(coder):
    events = code(coder, "Thousands of Syrian Kurds rallied in Qamishli, calling for autonomy.")
    assert [e.event_type for e in events] == ["PROTEST"]
    assert countries(events[0].source) == {"SYR"}


def test_the_object_is_the_victim_but_troops_sent_are_not_the_target(coder):
    assault = only(code(coder, "Israeli troops killed three Palestinian gunmen in Gaza."), "ASSAULT")
    assert countries(assault.target) == {"PSE"}
    mobilize = only(code(coder, "Egypt sent troops to Libya."), "MOBILIZE")
    assert countries(mobilize.target) == {"LBY"}


def test_an_analysts_forecast_is_no_event(coder):
    assert code(coder, "Analysts expect Iran to retaliate against Israel.") == []
    assert code(coder, "Iran is likely to retaliate against Israel, experts said.") == []


def test_a_forecast_without_an_analyst_is_no_event_either(coder):
    # issue 9: expectations are not events, whoever holds them
    events = code(coder, "Iran is expected to send troops to Syria.")
    assert not [e for e in events if e.event_type == "MOBILIZE"]


def test_a_credit_line_is_never_parsed(resources):
    coder = EventCoder(resources)
    credit = "Reporters in the capital contributed to this report."
    assert not coder.is_candidate(Sentence(0, credit, 0, len(credit)))
    attack = "Rebels attacked a convoy in the capital."
    assert coder.is_candidate(Sentence(0, attack, 0, len(attack)))
