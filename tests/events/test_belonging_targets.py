"""A belonging acted on ("raided her office", "bombed their positions") stands for its owner, whom the
possessive pronoun refers to; an act or plan of the source ("continued their offensive") does not.
Sentences written for these tests; the rules alone are tested."""

import pytest
from texts import code_text


@pytest.mark.parametrize("text, event_type, source, target", [
    ("Ukrainian journalist Olena Petrenko said police had seized her laptop on Monday.", "COERCE",
     "UKRCOP", "UKRJRN"),
    ("Kenyan activist Wanjiru Kamau returned home on Sunday. Police raided her office on Monday.", "COERCE",
     "KENCOP", "KENOPP"),
])
def test_a_belonging_acted_on_stands_for_its_owner(rules, text, event_type, source, target):
    event = next(e for e in code_text(rules, text) if e.event_type == event_type)
    assert [a.code for a in event.source] == [source]
    assert [a.code for a in event.target] == [target]
    assert any("its owner" in r for r in event.reasons if r.field == "target")


def test_an_act_of_the_source_is_not_its_owners_stand_in(rules):
    events = code_text(rules, "Syrian troops continued their offensive near Hama on Monday.")
    assert not any("its owner" in r for e in events for r in e.reasons)
