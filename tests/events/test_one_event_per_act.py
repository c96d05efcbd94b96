"""One event per act (events/acts.py, docs/lexicon.md "False events (branch precision10)"): two triggers of
one act in a sentence ("shot and killed", "went off, killing ... and wounding ...") give one event, the one
with the most sides named; acts between other parties stay apart. Sentences written for these tests."""

import datetime as dt

from eventwire.records import Document

MONDAY = dt.date(2024, 3, 11)


def code(rules, text: str) -> list[tuple[str, str, list[str | None], list[str | None]]]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    return [(e.event_type, e.trigger.text, [a.country for a in e.source], [a.country for a in e.target])
            for e in rules.code_document(doc) if not e.historical]


def test_shot_and_killed_is_one_attack(rules):
    events = code(rules, "Gunmen in Mali shot and killed a Malian judge in Gao on Monday.")
    assert [e[0] for e in events] == ["ASSAULT"]
    assert events[0][3] == ["MLI"]


def test_an_ambush_that_killed_is_one_attack(rules):
    events = code(rules, "Bolivian rebels ambushed a police truck near Sucre and killed six officers.")
    assert [e[0] for e in events] == ["ASSAULT"]


def test_acts_between_other_parties_stay_apart(rules):
    text = "Malian soldiers shot two Burkinabe smugglers, and Nigerien troops shot three Chadian fighters."
    assert [(t, s, g) for t, _, s, g in code(rules, text)] == [
        ("ASSAULT", ["MLI"], ["BFA"]), ("ASSAULT", ["NER"], ["TCD"])]


def test_the_kept_event_says_what_it_folded(rules):
    doc = Document(id="fixture", text="Gunmen in Mali shot and killed a Malian judge in Gao on Monday.",
                   original_text="", origin="<test>", date=MONDAY)
    [event] = [e for e in rules.code_document(doc) if not e.historical]
    assert any("tells the same act as" in r for r in event.reasons)
