"""Settings and Resources: what a Pipeline, its EventCoder and its worker processes code with."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from dataclasses import FrozenInstanceError, replace

import pytest

from eventwire.events.coder import EventCoder
from eventwire.events.learned import LearnedDecisions, RuleDecisions
from eventwire.events.lexicon import candidate_words
from eventwire.parallel import ProcessPool
from eventwire.pipeline import Pipeline
from eventwire.records import Document
from eventwire.resources import RULES, Resources, Settings

ARREST = "Police arrested dozens of students in Lagos on Friday."
ATTACK = "Gunmen stormed a village in the north and attacked a police post on Friday."
FRIDAY = dt.date(2024, 5, 17)


def _fixture_lexicon() -> dict:
    """A lexicon of one verb ("arrest", CAMEO 173) and nothing else, in the compiled format."""
    raw = {
        "about": "test fixture: one verb", "word_sets": {}, "blocks": {}, "nouns": {},
        "verbs": {"arrest": {"code": "173", "blocks": [], "forms": []}},
        "light_verbs": [], "light_keep_default": [], "intent": {}, "target_preps": {}, "modals": {},
        "conflict_modals": [], "commissives": [], "inanimate_subjects": [], "nonpolitical_objects": [],
        "nonagent_subjects": [], "occurrence_verbs": [],
    }
    raw["candidate_words"] = candidate_words(raw)
    return raw


@pytest.fixture(scope="module")
def small_settings(tmp_path_factory) -> Settings:
    path = tmp_path_factory.mktemp("lexicon") / "lexicon.json"
    path.write_text(json.dumps(_fixture_lexicon()), encoding="utf-8")
    return Settings(lexicon=path, decisions=RULES)


@pytest.fixture(scope="module")
def small_resources(small_settings) -> Resources:
    return Resources(small_settings)


def _documents(count: int) -> list[Document]:
    texts = [f"{ARREST} {ATTACK}", ATTACK, ARREST, "The weather was mild and markets were calm."]
    return [Document(id=f"d{i}", text=texts[i % len(texts)], original_text=texts[i % len(texts)],
                     origin=f"test:{i}", date=FRIDAY) for i in range(count)]


def _outcome(results) -> list[tuple]:
    return [(r.doc_id, r.status, [e.to_dict() for e in r.events]) for r in results]


def test_settings_are_frozen_hashable_and_picklable(small_settings):
    assert pickle.loads(pickle.dumps(small_settings)) == small_settings
    assert hash(small_settings) == hash(Settings(lexicon=small_settings.lexicon, decisions=RULES))
    with pytest.raises(FrozenInstanceError):
        small_settings.decisions = "learned"  # type: ignore[misc]
    with pytest.raises(ValueError, match="decisions must be"):
        Settings(decisions="no-such-model")
    assert Settings(lexicon=str(small_settings.lexicon)) == replace(small_settings, decisions="learned")


def test_resources_are_read_only_and_load_nothing_before_use():
    resources = Resources(Settings(decisions=RULES))
    with pytest.raises(AttributeError, match="read-only"):
        resources.lexicon = None  # type: ignore[misc]
    assert "lexicon" not in vars(resources) and "nlp" not in vars(resources)
    assert isinstance(resources.decisions, RuleDecisions)
    assert "lexicon" not in vars(resources)  # the decisions loaded alone


def test_two_resources_in_one_process_share_no_state(resources):
    other = Resources()
    for name in ("lexicon", "dictionary", "gazetteer", "resolver", "locator", "decisions", "stance_words",
                 "magnitude_words"):
        assert getattr(other, name) is not getattr(resources, name), name
    assert other.lexicon.data is not resources.lexicon.data
    assert other.resolver.places.gazetteer is other.gazetteer
    assert other.locator.gazetteer is other.gazetteer and other.locator.admin1 is other.admin1
    # the resolver's per-instance cache fills in one Resources only
    resources.resolver._read_once.cache_clear()
    other.resolver._read_once.cache_clear()
    resources.resolver._read_alone("Kenyan police", FRIDAY)
    assert resources.resolver._read_once.cache_info().currsize == 1
    assert other.resolver._read_once.cache_info().currsize == 0


def test_a_pipeline_codes_with_the_lexicon_its_settings_name(resources, small_resources):
    document = _documents(1)[0]
    default = Pipeline(workers=1, resources=resources).code_document(document)
    assert {"COERCE", "ASSAULT"} <= {e.event_type for e in default.events}
    small = Pipeline(workers=1, resources=small_resources).code_document(document)
    assert [(e.event_type, e.cameo, e.trigger.text) for e in small.events] == [("COERCE", "173", "arrested")]
    assert small_resources.lexicon.data.verbs.keys() == {"arrest"}


def test_the_coder_takes_its_components_and_decisions_from_its_resources(resources, small_resources):
    coder = Pipeline(workers=1, resources=small_resources).coder
    assert coder.resources is small_resources
    assert coder.lexicon is small_resources.lexicon and coder.resolver is small_resources.resolver
    assert isinstance(coder.decisions, RuleDecisions)
    assert isinstance(EventCoder(resources).decisions, LearnedDecisions)
    override = RuleDecisions()
    assert EventCoder(resources, decisions=override).decisions is override
    with pytest.raises(ValueError, match="coder or resources"):
        Pipeline(coder=EventCoder(resources), resources=small_resources)


def test_rules_only_settings_keep_the_rules_confidence(resources):
    rules = Resources(Settings(decisions=RULES))
    document = _documents(1)[0]
    learned = Pipeline(workers=1, resources=resources).code_document(document).events
    coder = EventCoder(resources, decisions=rules.decisions)
    by_rules = Pipeline(workers=1, coder=coder).code_document(document).events
    assert learned and by_rules
    assert all(any(r.startswith("learned confidence") for r in e.reasons) for e in learned)
    assert not any(r.startswith("learned confidence") for e in by_rules for r in e.reasons)


def test_pool_workers_code_with_the_configured_settings(small_settings, small_resources):
    documents = _documents(12)
    in_process = list(Pipeline(workers=1, resources=small_resources).code_documents(documents))
    pooled = list(Pipeline(workers=2, batch_size=4, resources=small_resources).code_documents(documents))
    assert _outcome(pooled) == _outcome(in_process)
    assert {e.event_type for r in pooled for e in r.events} == {"COERCE"}
    direct = list(ProcessPool(workers=2, chunk_size=3, settings=small_settings).code_documents(documents))
    assert _outcome(direct) == _outcome(in_process)


def test_a_coder_with_decisions_of_its_own_codes_in_this_process(resources):
    class Dropping:
        """Decisions no worker can rebuild from settings: every candidate dropped."""

        def decide(self, sentence, parsed, events, alone):
            return []

    pipeline = Pipeline(workers=2, batch_size=2, coder=EventCoder(resources, decisions=Dropping()))
    results = list(pipeline.code_documents(_documents(6)))
    assert [r.status for r in results] == ["coded"] * 6
    assert not any(r.events for r in results)
