"""The Python API and standard input take what a user naturally has: texts, dicts, datetimes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import eventwire
from eventwire import Pipeline

EVENTWIRE = Path(sys.executable).with_name("eventwire")
ARREST = "Kenyan police detained four opposition marchers in Nairobi on Monday, officials said."


def test_pipeline_code_documents_takes_what_the_module_function_takes(resources):
    items = [ARREST, {"id": "d1", "date": "2024-03-11", "text": ARREST}, {"id": "no-text"}, 42]
    results = list(Pipeline(workers=1, resources=resources).code_documents(items))
    assert [(r.status, r.origin) for r in results] == [
        ("coded", "<text 1>"), ("coded", "d1"), ("skipped", "no-text"), ("failed", "<item 4>")]
    assert results[1].events[0].date.value == dt.date(2024, 3, 11)
    assert results[3].reason == "not a Document, text or dict but int"
    module = [(r.status, r.doc_id) for r in eventwire.code_documents(items[:2])]
    assert module == [(r.status, r.doc_id) for r in results[:2]]


def test_code_text_with_a_datetime_gives_iso_dates(nlp):
    at_noon = dt.datetime(2024, 3, 13, 12, 30, tzinfo=dt.UTC)
    [event] = eventwire.code_text(ARREST, date=at_noon)
    assert event.to_dict()["date"]["value"] == "2024-03-11"  # the Monday before the 13th
    assert json.loads(json.dumps(event.to_dict()))["date"]["value"] == "2024-03-11"
    from_string = eventwire.code_text(ARREST, date="2024-03-13T12:30:00Z")
    assert [e.to_dict() for e in from_string] == [event.to_dict()]


def test_plain_text_on_standard_input():
    run = subprocess.run([str(EVENTWIRE), "code", "-", "--stdin-format", "text", "--date", "2024-03-13"],
                         input=ARREST + "\n\nThe ministry condemned the arrests.\n", capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert len({r["doc_id"] for r in records}) == 1  # one article, not one per line
    arrest = next(r for r in records if r["trigger"]["text"] == "detained")
    assert arrest["date"]["value"] == "2024-03-11"
    assert run.stderr.strip().endswith(f"{len(records)} events from 1 coded, 0 skipped, 0 failed documents")
