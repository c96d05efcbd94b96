"""The store's commands (events, dyads, article, export, merge) and export formats, on both backends."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from store_factories import coded, document, event

from eventwire.cli import main
from eventwire.export import PHOENIX_COLUMNS
from eventwire.store import CoderInfo, open_store

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})
LAVROV, WANG = ("Lavrov", "RUS", "GOV", "Sergei Lavrov"), ("Wang", "CHN", "GOV", "Wang Yi")


@pytest.fixture
def filled(db_url):
    """Two reports of one meeting, and a protest."""
    with open_store(db_url) as store:
        for doc_id, outlet, day in (("a", "Wire A", "2024-03-12"), ("b", "Wire B", "2024-03-13")):
            text = f"Lavrov met Wang in Beijing to discuss the war in Ukraine ({doc_id}). More"
            doc = document(doc_id, text, date=day, outlet=outlet)
            store.save(coded(doc, event(doc, 0, "met", "CONSULT", [LAVROV], [WANG], place="Beijing",
                                        date="2024-03-12")), CODER)
        doc = document("c", "Protesters marched against the French embassy in Paris. Police watched",
                       date="2024-04-02", outlet="Wire C")
        store.save(coded(doc, event(doc, 0, "marched", "PROTEST", [("Protesters", "FRA", "CVL")],
                                    [("French embassy", "FRA", "GOV")], place="Paris", confidence=0.4)),
                   CODER)
    return db_url


def _run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_events_jsonl_has_the_store_fields(filled):
    lines = _run("events", "--db", filled, "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["event_type"] for r in records] == ["CONSULT", "PROTEST"]
    meeting = records[0]
    assert meeting["num_articles"] == 2 and meeting["num_sources"] == 2
    assert [(m["doc_id"], m["trigger"]["text"]) for m in meeting["mentions"]] == [("a", "met"), ("b", "met")]
    assert all(m["sentence"]["text"].startswith("Lavrov met Wang") for m in meeting["mentions"])
    assert (meeting["first_reported"], meeting["last_reported"]) == ("2024-03-12", "2024-03-13")


def test_events_filters_on_the_command_line(filled):
    def types(*options):
        lines = _run("events", "--db", filled, "--format", "jsonl", *options).stdout.splitlines()
        return [json.loads(line)["event_type"] for line in lines]

    assert types("--actor", "Lavrov") == ["CONSULT"]
    assert types("--actor", "FRACVL") == ["PROTEST"]
    assert types("--country", "CHN") == ["CONSULT"]
    assert types("--type", "PROTEST") == ["PROTEST"]
    assert types("--since", "2024-04-01") == ["PROTEST"]
    assert types("--until", "2024-03-31") == ["CONSULT"]
    assert types("--min-confidence", "0.5") == ["CONSULT"]


def test_events_table_csv_and_parquet(filled, tmp_path):
    table = _run("events", "--db", filled).stdout
    assert "CONSULT" in table and "[met]" in table
    rows = list(csv.DictReader(io.StringIO(_run("events", "--db", filled, "--format", "csv").stdout)))
    assert rows[0]["num_articles"] == "2" and rows[0]["source_code"] == "RUSGOV"
    path = tmp_path / "events.parquet"
    _run("events", "--db", filled, "--format", "parquet", "--out", path)
    parquet = pq.read_table(path).to_pylist()
    assert [r["event_type"] for r in parquet] == ["CONSULT", "PROTEST"]
    assert parquet[0]["num_articles"] == 2 and len(json.loads(parquet[0]["mentions"])) == 2
    assert parquet[1]["confidence"] == pytest.approx(0.4)


def test_parquet_needs_a_file(filled):
    result = CliRunner().invoke(main, ["events", "--db", filled, "--format", "parquet"])
    assert result.exit_code == 2 and "--out" in result.output


def test_dyads(filled):
    out = _run("dyads", "--db", filled, "--interval", "month", "--format", "jsonl").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == [
        {"period": "2024-03-01", "source": "RUSGOV", "target": "CHNGOV", "quad_class": "verbal_cooperation",
         "events": 1},
        {"period": "2024-04-01", "source": "FRACVL", "target": "FRAGOV", "quad_class": "material_conflict",
         "events": 1},
    ]
    assert "RUSGOV" in _run("dyads", "--db", filled).stdout


def test_article_marks_its_events(filled):
    out = _run("article", "b", "--db", filled).stdout
    assert "Lavrov [met]{1 CONSULT} Wang" in out
    assert "(2 mention(s) in 2 article(s))" in out
    missing = CliRunner().invoke(main, ["article", "nope", "--db", filled])
    assert missing.exit_code == 1 and "no article 'nope'" in missing.output


def test_export_formats(filled, tmp_path):
    for fmt in ("csv", "jsonl", "parquet", "plover", "cameo"):
        _run("export", "--db", filled, "--format", fmt, "--out", tmp_path / f"events.{fmt}")
    plover = [json.loads(line) for line in (tmp_path / "events.plover").read_text().splitlines()]
    assert plover[0]["event"] == "CONSULT" and plover[0]["doc_ids"] == ["a", "b"]
    assert plover[0]["source"][0] == {"text": "Lavrov", "code": "RUS", "sector": "GOV",
                                      "name": "Sergei Lavrov"}
    assert plover[0]["event_loc"] == "Beijing" and plover[0]["date"] == "2024-03-12"
    with open(tmp_path / "events.cameo", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    assert list(rows[0]) == PHOENIX_COLUMNS
    meeting, protest = rows
    assert (meeting["Date"], meeting["Year"], meeting["SourceActorFull"], meeting["SourceActorEntity"],
            meeting["SourceActorRole"], meeting["TargetActorFull"]) == ("20240312", "2024", "RUSGOV", "RUS",
                                                                        "GOV", "CHNGOV")
    assert meeting["EventRootCode"] == meeting["EventCode"][:2] and meeting["PentaClass"] == "1"
    assert meeting["NewsSources"] == "Wire A;Wire B" and meeting["CountryCode"] == "CHN"
    assert meeting["URLs"] == "https://example.org/a;https://example.org/b"
    assert protest["PentaClass"] == "4"
    jsonl = (tmp_path / "events.jsonl").read_text().splitlines()
    assert len(jsonl) == 2 and json.loads(jsonl[0])["num_sources"] == 2


def test_merge_recompute_keeps_the_events(filled):
    before = _run("events", "--db", filled, "--format", "jsonl").stdout
    assert "3 mentions in 2 events from 3 articles (recomputed)" in _run("merge", "--db", filled,
                                                                         "--recompute").stdout
    assert _run("events", "--db", filled, "--format", "jsonl").stdout == before
