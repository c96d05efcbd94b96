"""`eventwire ingest` with the real coder: idempotent, replaces changed articles (both backends)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import open_store

pytestmark = pytest.mark.slow


def _ingest(*args):
    result = CliRunner().invoke(main, ["ingest", *map(str, args)], catch_exceptions=False)
    summary = re.search(r"(\d+) added, (\d+) replaced, (\d+) unchanged", result.output)
    assert summary, result.output
    return tuple(map(int, summary.groups()))


def test_ingest_examples_twice_then_a_changed_article(db_url, examples_dir, tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(examples_dir, inputs)
    added, replaced, unchanged = _ingest(inputs, "--db", db_url)
    assert added >= 8 and (replaced, unchanged) == (0, 0)
    with open_store(db_url) as store:
        first = store.counts()
    assert first["articles"] == added
    assert _ingest(inputs, "--db", db_url) == (0, 0, added)
    with open_store(db_url) as store:
        assert store.counts() == first
    story = inputs / "moscow_talks.txt"
    story.write_text(story.read_text(encoding="utf-8") + "\nThe talks will resume next month.\n",
                     encoding="utf-8")
    assert _ingest(inputs, "--db", db_url) == (0, 1, added - 1)
    with open_store(db_url) as store:
        assert store.counts()["articles"] == added
    out = CliRunner().invoke(main, ["events", "--db", db_url, "--format", "jsonl"]).stdout
    records = [json.loads(line) for line in out.splitlines()]
    with open_store(db_url) as store:
        assert len(records) == store.counts()["events"]
    assert all(r["mentions"] and r["num_articles"] >= 1 for r in records)
