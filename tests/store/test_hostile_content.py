"""Content a database may refuse or a calendar cannot hold: stored, or stored as failed, and the
batch goes on (both backends)."""

from __future__ import annotations

import dataclasses

import pytest
from store_factories import coded, document, event

from eventwire.store import CoderInfo, EventQuery
from eventwire.store.ingest import IngestTally, store_results

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})
TEXT = "The Russian government accused the Chinese government of spying in Geneva. It said so again"


@pytest.mark.parametrize("day", ["0001-01-01", "0001-01-03", "9999-12-30", "9999-12-31"])
@pytest.mark.parametrize("granularity", ["day", "week", "month", "year"])
def test_dates_at_the_calendars_edges_are_stored_and_merged(store, day, granularity):
    for doc in (document("edge", TEXT, date=day), document("edge-again", TEXT, date=day)):
        result = coded(doc, event(doc, 0, "accused", "ACCUSE", source=[("Russian", "RUS", "GOV")],
                                  target=[("Chinese", "CHN", "GOV")], date=day, granularity=granularity,
                                  place="Geneva"))
        assert store.save(result, CODER).error is None
    merged = list(store.events(EventQuery()))
    assert sum(record["num_articles"] for record in merged) == 2
    assert store.recompute_merges() == len(merged)


def test_a_document_the_database_refuses_is_stored_as_failed_and_the_batch_goes_on(store):
    good = document("good", TEXT)
    refused = dataclasses.replace(document("refused", TEXT), title="bad\x00title", origin="dir/caf\udce9.txt")
    results = [coded(refused, event(refused, 0, "accused", "ACCUSE")), coded(good, event(good, 0, "accused",
                                                                                           "ACCUSE"))]
    errors: list[str] = []
    tally = store_results(store, results, CODER, IngestTally(), on_error=errors.append)
    assert store.article("good").status == "coded"
    stored = store.article("refused")
    if errors:  # PostgreSQL refuses NUL characters, SQLite a file name that is not UTF-8
        assert tally.failed == 1 and stored.status == "failed"
        assert stored.reason.startswith("could not be stored: ")
        assert errors == [f"failed: dir/caf\udce9.txt: {stored.reason}"]
    else:
        assert stored.status == "coded"
    assert tally.added == 2
