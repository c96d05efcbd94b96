"""The PLOVER-gold scoring definitions, on hand-made records (no model)."""

from eventwire.evaluate.plover import (
    GoldRecord,
    PloverReport,
    event_spans,
    gold_actor_key,
    gold_sector,
    score_record,
)
from eventwire.records import Actor, Event, Sentence, Trigger

TEXT = "Israel and Jordan agreed to hold talks, officials said."


def _gold(event_type: str = "AGREE", keys=("ISR", "JOR")) -> GoldRecord:
    return GoldRecord(id="g", text=TEXT, event_type=event_type, source_keys=frozenset(keys),
                      source_sectors=frozenset(), event_spans=((18, 24),))


def _event(event_type: str, start: int, end: int, confidence: float, countries=("ISR", "JOR")) -> Event:
    return Event(doc_id="g", event_type=event_type, mode=None, cameo=None, quad_class="verbal_cooperation",
                 sentence=Sentence(0, TEXT, 0, len(TEXT)), trigger=Trigger(TEXT[start:end], start, end),
                 source=[Actor(c, 0, 6, country=c) for c in countries], confidence=confidence)


def test_gold_codes_are_normalised():
    assert gold_actor_key("ITL") == "ITA" and gold_actor_key("JAP") == "JPN"
    assert gold_actor_key("IGO") == "IGO" and gold_actor_key("IMG") is None
    assert gold_sector("CVLalb") == "CVL" and gold_sector("***") is None


def test_event_words_are_found_through_broken_nested_markup():
    text = "The army has sent 21 soldiers to investigate."
    markup = "The army (EVT: has sent} 21 (SRC: soldiers) (EVT: to investigate)."
    spans = event_spans(text, markup)
    assert [text[a:b] for a, b in spans] == ["has sent 21 soldiers", "to investigate"]


def test_the_event_on_the_gold_words_is_scored_before_a_more_confident_one():
    on_words = _event("AGREE", 18, 24, 0.4)
    elsewhere = _event("CONSULT", 33, 38, 0.9)
    scored = score_record(_gold(), [elsewhere, on_words])
    assert scored.predicted is on_words and scored.selected_by == "trigger overlaps EVT"
    assert score_record(_gold(), [elsewhere]).predicted is elsewhere
    assert score_record(_gold(), []).predicted_type == "none"


def test_report_scores_types_countries_and_calibration():
    records = [
        score_record(_gold(), [_event("AGREE", 18, 24, 0.8)]),
        score_record(_gold(), [_event("AGREE", 18, 24, 0.6, countries=("ISR",))]),
        score_record(_gold("REJECT"), [_event("AGREE", 18, 24, 0.7)]),
        score_record(_gold("REJECT"), []),
    ]
    report = PloverReport(records)
    agree = next(s for s in report.per_type if s.event_type == "AGREE")
    assert (agree.gold, agree.predicted, agree.right) == (2, 3, 2)
    assert report.source_country().right == 1 and report.source_country().total == 2
    assert (report.calibration().right, report.calibration().total) == (2, 3)
    assert "macro-F1" in report.table() and report.to_dict()["records"] == 4
