"""The written development article sets (data/articles_written_dev with its second, blind coding
articles_second.jsonl, and data/articles_written_dev2), the second and third written test sets
(data/articles_written_test2 and data/articles_written_test3, read by the lead only) and the written
training articles (data/articles_written_train): well-formed label files.

Checks only the files themselves, never the coder's output on them: the scorer's loader reads every
record with its own article, every evidence and quiet sentence is an exact substring of the article's
body, and the types, countries, dates, mechanism tags and ids are valid.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pycountry
import pytest

from eventwire.evaluate.articles import load_written
from eventwire.query import EXTRA_COUNTRIES
from eventwire.records import EVENT_TYPES

DATA = Path(__file__).resolve().parent.parent / "data"
# Each coding's file and the prefix of its ids (wd10-01 .. wd10-16, coded twice; wd11-01 .. wd11-16;
# wt12t-01 .. wt12t-16; wt13t-01 .. wt13t-16; the training batches wt12a-01 .. wt12a-12, wt12b, wt12c,
# wt13d, wt13e, wt13f).
TRAIN_DIR = DATA / "articles_written_train"
FIRST = DATA / "articles_written_dev" / "articles.jsonl"
SECOND = DATA / "articles_written_dev" / "articles_second.jsonl"
CODINGS = {FIRST: "wd10", SECOND: "wd10", DATA / "articles_written_dev2" / "articles.jsonl": "wd11",
           DATA / "articles_written_test2" / "articles.jsonl": "wt12t",
           DATA / "articles_written_test3" / "articles.jsonl": "wt13t",
           **{TRAIN_DIR / f"batch_{b}.jsonl": f"wt12{b}" for b in "abc"},
           **{path: f"wt13{path.stem[-1]}" for path in sorted(TRAIN_DIR.glob("batch_*.jsonl"))
              if path.stem[-1] not in "abc"}}
# batches of 12 articles with at least 4 quiet sentences each
TRAINING = ("wt12a", "wt12b", "wt12c", *(f"wt13{letter}" for letter in "defghi"))
# batches written longer, closer to long real news (words of body)
LONG = ("wt13g", "wt13h", "wt13i")


def _size(prefix: str) -> tuple[int, int]:
    """How many articles a coding's file holds, and the fewest quiet sentences an article has."""
    return (12, 4) if prefix in TRAINING else (16, 5)
BODIES = ("IGO", "NGO", "MNC")
MECHANISMS = {"date", "reference", "request-denial", "nominal", "target-clause", "quote", "symmetric",
              "plain", "headline"}
EVENT_FIELDS = {"type", "source_country", "target_country", "date_from", "date_to", "source_text",
                "target_text", "evidence", "note"}
BODY_WORDS = (380, 480)
LONG_BODY_WORDS = (380, 660)


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


RECORDS = [record for path in CODINGS for record in _records(path)]


def _record_id(record: dict) -> str:
    """The article, and which coding: the two files of the first set code the same ids."""
    second = record.get("labeller") == "second coder, blind"
    return f"{record['id']}-second" if second else record["id"]


def _body(record: dict) -> str:
    """The article below its headline (the headline, a blank line, then the body)."""
    headline, body = record["text"].split("\n\n", 1)
    assert headline == record["title"]
    return body


def _events(record: dict) -> list[tuple[str, dict]]:
    return [(kind, event) for kind in ("must", "acceptable") for event in record[kind]]


def _valid_country(code: str | None) -> bool:
    # ISO 3166 has no code for Kosovo: the coder uses XKX, as its actor dictionaries do
    return (code is None or code in BODIES or code in EXTRA_COUNTRIES
            or pycountry.countries.get(alpha_3=code) is not None)


@pytest.mark.parametrize("path", CODINGS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_scorer_s_loader_reads_every_record_with_its_own_article(path):
    labels, docs = load_written(path)
    count, quiet = _size(CODINGS[path])
    assert [label.doc_id for label in labels] == [f"{CODINGS[path]}-{n:02d}" for n in range(1, count + 1)]
    assert set(docs) == {label.doc_id for label in labels}
    for label in labels:
        assert label.must and len(label.quiet) >= quiet
        assert all(event.mechanisms for event in label.must)


@pytest.mark.parametrize("path", CODINGS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_ids_are_unique(path):
    ids = [record["id"] for record in _records(path)]
    assert len(ids) == len(set(ids)) == _size(CODINGS[path])[0]


def test_the_sets_share_no_id():
    id_sets = [{r["id"] for r in _records(path)} for path in CODINGS if path != SECOND]
    assert sum(map(len, id_sets)) == len(set().union(*id_sets))


def test_the_second_coding_codes_the_same_articles_in_the_same_words():
    first, second = _records(FIRST), _records(SECOND)
    assert [(r["id"], r["date"], r["title"], r["text"]) for r in first] == [
        (r["id"], r["date"], r["title"], r["text"]) for r in second]


@pytest.mark.parametrize("record", RECORDS, ids=_record_id)
def test_each_body_is_wire_length_and_dated(record):
    low, high = LONG_BODY_WORDS if record["id"][:5] in LONG else BODY_WORDS
    assert low <= len(_body(record).split()) <= high
    assert dt.date.fromisoformat(record["date"]).year in range(2009, 2026)


@pytest.mark.parametrize("record", RECORDS, ids=_record_id)
def test_evidence_actor_spans_and_quiet_sentences_are_substrings_of_the_body(record):
    body = _body(record)
    for kind, event in _events(record):
        assert event["evidence"] in body, (kind, event["evidence"])
        for span in (event["source_text"], event["target_text"]):
            assert span is None or span in body, (kind, span)
    for sentence in record["quiet"]:
        assert sentence in body, sentence
        assert re.search(r"[.?!]\"?$", sentence), f"a quiet item is a whole sentence: {sentence}"


@pytest.mark.parametrize("record", RECORDS, ids=_record_id)
def test_types_countries_dates_and_mechanisms_are_valid(record):
    published = dt.date.fromisoformat(record["date"])
    for kind, event in _events(record):
        assert set(event) >= EVENT_FIELDS, (kind, event)
        assert event["type"] in EVENT_TYPES
        assert _valid_country(event["source_country"]) and _valid_country(event["target_country"]), event
        first, last = dt.date.fromisoformat(event["date_from"]), dt.date.fromisoformat(event["date_to"])
        assert first <= last
        if kind == "must":
            assert last <= published, "a must event has happened by the publication date"
            assert event["mechanisms"] and set(event["mechanisms"]) <= MECHANISMS, event["mechanisms"]


@pytest.mark.parametrize("record", RECORDS, ids=_record_id)
def test_no_quiet_sentence_holds_a_labelled_event(record):
    evidence = [event["evidence"] for _, event in _events(record)]
    for sentence in record["quiet"]:
        assert not any(text in sentence for text in evidence), sentence
