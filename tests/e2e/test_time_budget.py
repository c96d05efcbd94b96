"""`--time-budget SECONDS` on `code` and `ingest`: a document past it fails with that reason, one line,
and the rest of the batch is coded (and stored)."""

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

EVENTWIRE = Path(sys.executable).with_name("eventwire")
# Our own word soup, without a full stop: a run-on "sentence" that takes seconds to code.
_WORDS = ("police", "detained", "marchers", "in", "the", "port", "soldiers", "shelled", "rebels", "near",
          "Kabul", "and", "envoy", "met", "officials", "from", "Egypt", "while", "troops", "raided")


@pytest.fixture
def inputs(tmp_path):
    rng = random.Random(5)
    lines = [{"id": "short", "date": "2024-03-11",
              "text": "Police detained four marchers in the port of Aden on Monday, officials said."},
             {"id": "run-on", "date": "2024-03-11",
              "text": " ".join(rng.choice(_WORDS) for _ in range(12000))}]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_the_option_is_documented_in_help():
    for command in ("code", "ingest"):
        shown = subprocess.run([EVENTWIRE, command, "--help"], capture_output=True, text=True,
                               check=True).stdout
        assert "--time-budget SECONDS" in shown
        assert "[default: 60.0; x>0]" in " ".join(shown.split())


def test_a_budget_that_is_not_a_positive_number_is_a_usage_error(inputs):
    done = subprocess.run([EVENTWIRE, "code", "--time-budget", "0", str(inputs)],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "--time-budget" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_code_fails_the_document_past_the_budget_and_codes_the_rest(inputs):
    done = subprocess.run([EVENTWIRE, "code", "--time-budget", "0.5", str(inputs)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    problems = [line for line in done.stderr.splitlines() if line.startswith("failed:")]
    assert problems == [f"failed: {inputs}:2: took longer than 0.5 s to code (a run-on or garbled text?)"]
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events and {e["doc_id"] for e in events} == {"short"}


@pytest.mark.slow
def test_ingest_stores_the_rest(inputs, tmp_path):
    db = tmp_path / "events.db"
    done = subprocess.run([EVENTWIRE, "ingest", "--db", str(db), "--time-budget", "0.5", str(inputs)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "took longer than 0.5 s" in done.stderr and "Traceback" not in done.stderr
    with sqlite3.connect(db) as connection:
        stored = {row[0] for row in connection.execute("SELECT doc_id FROM mentions")}
    assert stored == {"short"}
