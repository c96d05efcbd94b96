"""A run-on sentence (thousands of words, no punctuation) costs about linear time, and a document
past its time budget fails with that reason while the rest of the batch is coded."""

from __future__ import annotations

import random

import pytest

import eventwire.events.coder as coder_module
import eventwire.places.candidates as candidates_module
from eventwire import Pipeline
from eventwire.ingest import make_document
from eventwire.places.locate import MAX_CANDIDATES

# Our own word soup: event verbs, actors and place names in no order, without a full stop.
_WORDS = ("police", "detained", "marchers", "in", "the", "port", "soldiers", "shelled", "rebels", "near",
          "Kabul", "and", "the", "envoy", "met", "officials", "from", "Egypt", "while", "troops",
          "raided", "camps", "in", "Sudan")


def run_on(words: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(words))


@pytest.fixture(scope="module")
def pipeline(resources):
    return Pipeline(workers=1, resources=resources)


def _work(pipeline, monkeypatch, words: int) -> dict[str, int]:
    """Calls of the two steps that used to grow with the square of the sentence: hosting checks
    between triggers, and candidates scored per trigger."""
    counts = {"hosts": 0, "scored": 0}
    hosts, features = coder_module._hosts, candidates_module._features

    def counting_hosts(*args):
        counts["hosts"] += 1
        return hosts(*args)

    def counting_features(*args):
        counts["scored"] += 1
        return features(*args)

    monkeypatch.setattr(coder_module, "_hosts", counting_hosts)
    monkeypatch.setattr(candidates_module, "_features", counting_features)
    result = pipeline.code_document(make_document(run_on(words)))
    assert result.status == "coded" and result.events
    counts["events"] = len(result.events)
    return counts


def test_work_grows_linearly_with_a_run_on_sentence(pipeline, monkeypatch):
    small, large = _work(pipeline, monkeypatch, 400), _work(pipeline, monkeypatch, 1600)
    growth = 1600 / 400
    for step in ("hosts", "scored"):
        assert large[step] <= 1.6 * growth * max(small[step], 1), (step, small, large)
    assert large["scored"] <= MAX_CANDIDATES * large["events"] * 3


def test_a_document_past_its_time_budget_fails_and_the_batch_goes_on(pipeline):
    budgeted = Pipeline(workers=1, time_budget=0.2, resources=pipeline.resources)
    budgeted._coder = pipeline.coder  # models already loaded
    short = make_document("Police detained four marchers in the port on Monday, officials said.")
    results = list(budgeted.code_documents([short, make_document(run_on(12000)), short]))
    assert [r.status for r in results] == ["coded", "failed", "coded"]
    assert results[1].reason == "took longer than 0.2 s to code (a run-on or garbled text?)"
    assert results[0].events and results[2].events
