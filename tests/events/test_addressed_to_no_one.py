"""A demand or a threat made of no one named is a statement to the world at large, no event
(events/coder.py ADDRESSED_TYPES, docs/lexicon.md "False events (branch precision10)"). Each beside a close
sentence that names whom it is made of, on sentences written for these tests, with the rules alone."""

import datetime as dt

from eventwire.records import Document

MONDAY = dt.date(2024, 3, 11)


def code(rules, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    return [(e.event_type, [a.country for a in e.source], [a.country for a in e.target])
            for e in rules.code_document(doc) if not e.historical]


def test_a_call_made_of_no_one_is_no_request(rules):
    assert code(rules, "The Chilean foreign minister called for calm after the floods.") == []


def test_a_call_made_of_someone_is_a_request(rules):
    assert code(rules, "The Chilean foreign minister called on Peru to reopen the border.") == [
        ("REQUEST", ["CHL"], ["PER"])]


def test_a_warning_to_someone_is_a_threat(rules):
    assert code(rules, "Chile warned Peru that it would close the border.") == [
        ("THREATEN", ["CHL"], ["PER"])]


def test_a_threat_made_of_no_one_is_no_threat(rules):
    assert code(rules, "Chile threatened to close the border.") == []
