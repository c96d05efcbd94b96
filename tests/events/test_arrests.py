"""Arrests and detentions of protesters, demonstrators and journalists are arrests (COERCE, CAMEO 173),
as the annotation guideline codes them, not violent repression (ASSAULT); sentences written for these
tests."""

import pytest
from texts import code_text


@pytest.mark.parametrize("text", [
    "Georgian police arrested three journalists in Tbilisi on Monday.",
    "Serbian security forces arrested dozens of protesters outside the parliament in Belgrade.",
    "Armenian police detained two demonstrators near the government building in Yerevan.",
    "Moldovan police arrested six men during the demonstration in Chisinau on Sunday.",
])
def test_arrest_of_protesters_or_journalists_is_coerce(rules, text):
    events = code_text(rules, text)
    assert [(e.event_type, e.cameo) for e in events][:1] == [("COERCE", "173")], \
        [(e.event_type, e.cameo, e.trigger.text) for e in events]
    assert events[0].source and events[0].target


def test_beating_protesters_stays_violent(rules):
    events = code_text(rules, "Belarusian riot police beat protesters with batons in Minsk.")
    assert events and events[0].event_type == "ASSAULT"
