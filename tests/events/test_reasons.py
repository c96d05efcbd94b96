"""Reasons keyed by the field they explain, from the coder to the output record."""

import datetime as dt
import pickle

import pytest

from eventwire.events.coder import EventCoder
from eventwire.pipeline import Pipeline
from eventwire.records import REASON_FIELDS, Reason, keyed_reasons
from eventwire.store.reasons import keyed_from_list

TEXT = ("Kenyan police arrested twelve opposition activists in Nairobi on Tuesday, the interior ministry "
        "said. The ministry said officers would release them soon.")


def test_a_reason_is_its_text_tagged_with_a_field():
    reason = Reason("date", "date 'on Tuesday' = 2024-03-12")
    assert reason == "date 'on Tuesday' = 2024-03-12" and reason.startswith("date") and reason.field == "date"
    copied = pickle.loads(pickle.dumps(reason))
    assert copied.field == "date" and copied == reason
    with pytest.raises(ValueError, match="unknown reason field"):
        Reason("colour", "red")


def test_keyed_reasons_follow_the_field_order_and_keep_each_fields_order():
    reasons = [Reason("confidence", "c"), Reason("type", "t1"), "a plain sentence", Reason("type", "t2")]
    keyed = keyed_reasons(reasons)
    assert keyed == {"type": ["t1", "t2"], "confidence": ["c"], "other": ["a plain sentence"]}
    assert list(keyed) == [f for f in REASON_FIELDS if f in keyed]


def test_every_reason_of_a_coded_event_names_its_field(resources):
    pipeline = Pipeline(workers=1, coder=EventCoder(resources))
    [result] = pipeline.code_documents([{"id": "k", "date": "2024-03-13", "text": TEXT}])
    arrest = next(e for e in result.events if e.trigger.text == "arrested")
    assert all(isinstance(r, Reason) for r in arrest.reasons)
    record = arrest.to_dict()["reasons"]
    assert {"type", "source", "date", "location", "confidence"} <= set(record)
    assert record["type"][0].startswith("trigger 'arrested'")
    assert record["source"][0].startswith("source 'Kenyan police'")
    assert any("Tuesday" in r for r in record["date"])
    assert any("Nairobi" in r for r in record["location"])
    assert record["confidence"][-2].startswith("learned confidence")
    assert record["confidence"][-1].startswith("article gate")
    assert arrest.date.value == dt.date(2024, 3, 12)


def test_flat_reasons_of_an_old_record_are_keyed_by_what_they_start_with():
    keyed = keyed_from_list(["merge: mention m2 joined", "trigger 'met' -> CONSULT",
                             "source 'Lavrov' (subject)", "'Lavrov' -> RUSGOV: dictionary role",
                             "negated: 'not' modifies 'met'", "something new"])
    assert keyed == {"type": ["trigger 'met' -> CONSULT"],
                     "modality": ["negated: 'not' modifies 'met'"],
                     "source": ["source 'Lavrov' (subject)", "'Lavrov' -> RUSGOV: dictionary role"],
                     "merge": ["merge: mention m2 joined"], "other": ["something new"]}
