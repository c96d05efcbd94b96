"""Issue 9 item 5: background acts told as history ("the army, which intervened in 2015, ...") are
kept, flagged historical with a modality reason, and never outrank the reported event of their
sentence. Sentences and short articles written for these tests."""

import datetime as dt

import pytest
from texts import code_text

from eventwire.events.coder import EventCoder
from eventwire.events.confidence import HISTORICAL_CEILING, historical_confidence

PUBLISHED = dt.date(2025, 3, 12)


def code(coder: EventCoder, text: str, date: dt.date = PUBLISHED):
    return code_text(coder, text, date)


def historical(events):
    found = [e for e in events if e.historical]
    assert found, [(e.event_type, e.trigger.text, e.historical) for e in events]
    return found


def main_event(events, sentence_index: int):
    return max((e for e in events if e.sentence.index == sentence_index), key=lambda e: e.confidence)


@pytest.mark.parametrize("text, trigger, source, target", [
    ("Chile's president welcomed the Peruvian ambassador on Tuesday. The ambassador represents Peru, "
     "which attacked Ecuador in 1995.", "attacked", "PER", "ECU"),
    ("Ghana's president thanked Nigeria on Monday. The envoy came from Nigeria, which sent troops to "
     "Liberia in 1990.", "sent troops", "NGA", "LBR"),
])
def test_an_old_act_in_a_relative_clause_is_kept_and_flagged_historical(coder, text, trigger, source, target):
    [event] = historical(code(coder, text))
    assert event.trigger.text == trigger
    assert [a.country for a in event.source] == [source] and [a.country for a in event.target] == [target]
    assert not (event.negated or event.hypothetical or event.future)
    modality = [r for r in event.reasons if r.field == "modality"]
    assert any(r.startswith("historical:") and f"which {trigger}" in r for r in modality), modality
    assert event.to_dict()["historical"] is True
    assert event.to_dict()["reasons"]["modality"] == [str(r) for r in modality]


def test_a_historical_act_never_outranks_the_reported_event_of_its_sentence(coder):
    text = ("Kenyan and Ugandan ministers met in Nairobi on Monday. They were joined by a Sudanese envoy, "
            "who signed a ceasefire with the rebels in 2005.")
    events = code(coder, text)
    [old] = historical(events)
    assert old.confidence <= HISTORICAL_CEILING
    assert any(r.field == "confidence" and "historical" in r for r in old.reasons)
    current = [e for e in events if not e.historical]
    assert current and all(old.confidence < e.confidence for e in current if e.sentence == old.sentence)
    assert not main_event(events, 0).historical


def test_the_reported_act_of_a_sentence_stays_its_main_event_beside_a_historical_one(coder):
    text = ("Brazil accused Paraguay of smuggling on Monday, and Paraguay, which invaded Brazil in 1864, "
            "denied it.")
    events = code(coder, text)
    assert [e.event_type for e in historical(events)] == ["ASSAULT"]
    assert not main_event(events, 0).historical
    assert main_event(events, 0).event_type == "ACCUSE"


def test_an_act_in_a_relative_clause_dated_days_ago_is_news_not_history(coder):
    events = code(coder, "The Ghanaian soldiers, who were attacked by gunmen last Saturday, left the border "
                         "town on Tuesday.")
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert attacks and not any(e.historical for e in attacks)


def test_what_is_not_an_act_is_still_dropped_in_a_background_clause(coder):
    events = code(coder, "The Malian army, which could attack the rebels at any time, left the town on "
                         "Monday.")
    assert not any(e.trigger.text == "attack" for e in events)


def test_a_historical_act_dates_no_later_event(coder):
    # an undated attack told later takes the date of an earlier attack between the same sides, never
    # that of an attack told as history
    text = ("Ecuador protested to Peru on Monday. The note named Peru, which attacked Ecuador in 1995. "
            "Peruvian troops attacked an Ecuadorian border post, officials said.")
    events = code(coder, text)
    [old] = historical(events)
    assert old.date.value.year == 1995
    later = [e for e in events if e.event_type == "ASSAULT" and not e.historical]
    assert later and all(e.date.value.year == 2025 for e in later), [e.reasons for e in later]


def test_historical_confidence_is_capped_and_below_every_current_event():
    score, reason = historical_confidence(0.74, [0.9, 0.3])
    assert score == pytest.approx(0.15) and "historical" in reason
    assert historical_confidence(0.74, [])[0] == HISTORICAL_CEILING
    assert historical_confidence(0.1, [0.9])[0] == pytest.approx(0.1)
    low, _ = historical_confidence(0.9, [0.04])
    assert low < 0.04
