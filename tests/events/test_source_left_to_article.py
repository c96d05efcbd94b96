"""A statement whose sentence names no one known behind it is left to the article's roles (issue 9): kept
when they give it a source, dropped when they give none, and dropped at once in a one-sentence document.
On short articles written for these tests."""

import dataclasses

import pytest
from texts import code_text

from eventwire.events.article_gate import KeepEvery
from eventwire.events.article_roles import SOURCE_LEFT_TO_ARTICLE, AsCoded, RulesRoles
from eventwire.events.coder import EventCoder
from eventwire.events.learned import RuleDecisions
from eventwire.records import Actor, Reason

ARTICLE = ("Chile's foreign ministry protested on Tuesday against the seizure of two fishing boats by Peru's "
           "navy. The statement also condemned the arrest of their crews.")


class GiveChile:
    """Article roles that give every event whose source has no country Chile's foreign ministry."""

    def assign(self, events):
        ministry = Actor("Chile's foreign ministry", 0, 24, name="Chile", country="CHL", sector="GOV")
        return [e if any(a.country for a in e.source) else dataclasses.replace(
            e, source=[ministry], reasons=[*e.reasons, Reason("source", "source from the test's roles")])
            for e in events]


def _coder(resources, roles):
    return EventCoder(resources, decisions=RuleDecisions(), article_gate=KeepEvery(), article_roles=roles)


def _condemned(events):
    return [e for e in events if e.trigger.text == "condemned"]


def test_a_statement_by_no_one_named_takes_the_source_the_article_roles_give(resources):
    (event,) = _condemned(code_text(_coder(resources, GiveChile()), ARTICLE))
    assert event.event_type == "ACCUSE" and [a.country for a in event.source] == ["CHL"]
    assert any(r.field == "source" and r.startswith(SOURCE_LEFT_TO_ARTICLE) for r in event.reasons)


def test_it_is_dropped_when_the_roles_give_it_no_source(resources):
    assert not _condemned(code_text(_coder(resources, RulesRoles()), ARTICLE))


@pytest.mark.parametrize("text", ["The statement also condemned the arrest of the crews."])
def test_a_sentence_alone_drops_it_at_once(resources, text):
    assert not _condemned(code_text(_coder(resources, GiveChile()), text))


def test_trained_on_as_coded_with_no_source(resources):
    """The article models learn from the events as the sentences left them (models/train_article.py)."""
    (event,) = _condemned(code_text(_coder(resources, AsCoded()), ARTICLE))
    assert not any(a.country for a in event.source)
