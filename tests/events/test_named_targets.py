"""Issue 9 part 4: a target named in no dictionary, by a proper name (a private person, a hamlet) or a
count with no noun ("six", "dozens of others"), when no other candidate resolves, is of the country the
article is about. Sentences written for these tests; the rules alone are tested."""

import pytest
from texts import code_text

from eventwire.nlp import is_time_token


@pytest.mark.parametrize("text, target", [
    ("Kenyan police shot Jane Doe on Monday.", "Jane Doe"),
    ("Kenyan police detained Peter Mwangi on Monday.", "Peter Mwangi"),
    ("Peter Mwangi was shot dead on Monday, Kenyan police said.", "Peter Mwangi"),
    ("Five Kenyan soldiers were killed on Monday, and dozens of others were arrested.", "dozens of others"),
])
def test_an_unknown_name_takes_the_country_of_the_article(rules, text, target):
    event = next(e for e in code_text(rules, text) if e.target and e.target[0].text == target)
    assert [a.country for a in event.target] == ["KEN"]
    assert any("named in no dictionary" in r for r in event.reasons if r.field == "target")


def test_a_resolved_place_after_the_name_is_kept(rules):
    event = next(e for e in code_text(rules, "Kenyan police shot Jane Doe in Kampala.") if e.target)
    assert [a.country for a in event.target] == ["UGA"]


def test_an_unknown_name_with_no_country_in_the_article_stays_unresolved(rules):
    events = [e for e in code_text(rules, "Peter Mwangi was captured on Monday.") if e.target]
    assert all(a.country is None for e in events for a in e.target)


def test_a_pronoun_is_left_to_the_resolver(rules):
    events = [e for e in code_text(rules, "Kenyan police said they shot him on Monday.") if e.target]
    assert all(a.country is None for e in events for a in e.target if a.text == "him")


def test_an_abbreviated_month_is_a_date(resources):
    parsed = resources.nlp("They met on Sept. 11 and again on Aug. 24.")
    assert is_time_token(next(t for t in parsed if t.text == "Sept."))
    assert is_time_token(next(t for t in parsed if t.text == "Aug."))
