"""Fixtures of the event tests."""

import json
import sys
from pathlib import Path

import pytest

from eventwire.events.article_gate import KeepEvery
from eventwire.events.article_roles import RulesRoles
from eventwire.events.coder import EventCoder
from eventwire.events.learned import RuleDecisions
from eventwire.resources import RULES, Resources, Settings

sys.path.insert(0, str(Path(__file__).parent))  # texts: coding a short article written for a test


@pytest.fixture(scope="session")
def coder(resources) -> EventCoder:
    """The shipped coder (rules and learned decisions) on the session's Resources."""
    return EventCoder(resources)


@pytest.fixture(scope="session")
def ungated(resources) -> EventCoder:
    """The shipped sentence decisions without the article-level ones (every event kept, roles as the
    sentence gives them): for a mechanism's test on a short article, whose event the article models
    (learned from whole coded articles) may drop or give other parties."""
    return EventCoder(resources, article_gate=KeepEvery(), article_roles=RulesRoles())


@pytest.fixture(scope="session")
def rules(resources) -> EventCoder:
    """The rules alone: for tests of a rule, whose sentence the learned sentence gate, or whose event
    the article models (all retrained whenever the rules change, and measured in aggregate), may keep,
    drop or change."""
    return EventCoder(resources, decisions=RuleDecisions(), article_gate=KeepEvery(),
                      article_roles=RulesRoles())


@pytest.fixture(scope="session")
def rules_all_parsed() -> EventCoder:
    """The rules alone with every candidate sentence parsed (no pre-parse model): for tests of a rule
    whose sentence the pre-parse model might also skip."""
    return EventCoder(Resources(Settings(preparse=RULES)), decisions=RuleDecisions(),
                      article_gate=KeepEvery(), article_roles=RulesRoles())


@pytest.fixture
def shared_with_article(tmp_path):
    """A shared folder holding one VOA article (id a1, published 2024-03-13) with the given title."""

    def make(title: str):
        shared = tmp_path / "shared"
        (shared / "data" / "voa").mkdir(parents=True)
        article = {"id": "a1", "title": title, "date": "2024-03-13",
                   "text": "Freedonia's president met Sylvania's president on Monday in the capital.\n\n"
                           "Analysts expect little from the meeting."}
        (shared / "data" / "voa" / "news_articles.jsonl").write_text(json.dumps(article) + "\n")
        return shared

    return make
