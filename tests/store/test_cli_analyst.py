"""The CLI as analysts use it: a table that fits the terminal, short ids, --limit/--sort/--fields,
filters with several values, ISO2 codes and years, and merges explained (both backends)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from store_factories import coded, document, event

from eventwire.cli import main
from eventwire.formats import SHORT_ID
from eventwire.store import CoderInfo, open_store

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})
LAVROV, WANG = ("Lavrov", "RUS", "GOV", "Sergei Lavrov"), ("Wang", "CHN", "GOV", "Wang Yi")


@pytest.fixture
def filled(db_url):
    """Two reports of one meeting, a protest, and a denied attack."""
    with open_store(db_url) as store:
        for doc_id, outlet, day in (("meet-a", "Wire A", "2024-03-12"), ("meet-b", "Wire B", "2024-03-13")):
            text = f"Lavrov met Wang in Beijing to discuss the long war and the many talks ({doc_id}). More"
            doc = document(doc_id, text, date=day, outlet=outlet)
            store.save(coded(doc, event(doc, 0, "met", "CONSULT", [LAVROV], [WANG], place="Beijing",
                                        date="2024-03-12", confidence=0.9)), CODER)
        doc = document("protest-c", "Protesters marched against the French embassy in Paris. Police watched",
                       date="2023-04-02", outlet="Wire C")
        store.save(coded(doc, event(doc, 0, "marched", "PROTEST", [("Protesters", "FRA", "CVL")],
                                    [("French embassy", "FRA", "GOV")], place="Paris", confidence=0.4)),
                   CODER)
        doc = document("denial-d", "The Russian army denied it shelled the Indian convoy near Delhi. Later",
                       date="2024-05-01", outlet="Wire D")
        store.save(coded(doc, event(doc, 0, "shelled", "ASSAULT", [("Russian army", "RUS", "MIL")],
                                    [("Indian convoy", "IND", "MIL")], place="Delhi", negated=True,
                                    confidence=0.5)), CODER)
    return db_url


def _run(*args, env=None):
    """Exit code, and standard output (or the error output when the command failed)."""
    result = CliRunner(env=env).invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout if result.exit_code == 0 else result.output


def _types(db, *options):
    code, output = _run("events", "--db", db, "--format", "jsonl", *options)
    assert code == 0, output
    return [json.loads(line)["event_type"] for line in output.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("columns", [80, 120])
def test_the_table_fits_the_terminal_and_explains_the_star(filled, columns):
    code, output = _run("events", "--db", filled, env={"COLUMNS": str(columns)})
    assert code == 0
    lines = output.splitlines()
    assert lines[0].split() == ["ID", "TYPE", "SOURCE", "TARGET", "DATE", "PLACE", "EVIDENCE"]
    assert max(len(line) for line in lines) <= columns
    assert "ASSAULT*" in output and "(negated)" in output
    assert any(line.startswith("*: negated, hypothetical, future or historical") for line in lines)
    evidence = " ".join(line[lines[0].index("EVIDENCE"):].strip() for line in lines[2:])
    assert "Lavrov [met] Wang in Beijing to discuss the long war and the many talks (meet-a)" in evidence


def test_a_short_id_from_the_table_opens_the_event_and_its_articles(filled):
    _, output = _run("events", "--db", filled, "--type", "CONSULT")
    short = output.splitlines()[2].split()[0]
    assert len(short) == SHORT_ID
    code, shown = _run("event", short, "--db", filled)
    assert code == 0, shown
    assert shown.startswith(f"event {short}")
    assert "article meet-a" in shown and "article meet-b" in shown
    assert "why merged:" in shown and "joined: same type CONSULT" in shown
    code, article = _run("article", "meet-", "--db", filled)
    assert code == 1 and "begins several article ids (meet-a, meet-b" in article
    code, article = _run("article", "meet-b", "--db", filled)
    assert code == 0 and article.startswith("meet-b  Title meet-b")
    code, missing = _run("event", "zzzz", "--db", filled)
    assert code == 1 and "no event 'zzzz'" in missing


def test_limit_sort_and_fields(filled):
    assert _types(filled) == ["PROTEST", "CONSULT", "ASSAULT"]
    assert _types(filled, "--sort", "-date") == ["ASSAULT", "CONSULT", "PROTEST"]
    assert _types(filled, "--sort", "-confidence", "--limit", "2") == ["CONSULT", "ASSAULT"]
    code, output = _run("events", "--db", filled, "--format", "csv", "--fields", "event_type,cameo,date")
    rows = list(csv.DictReader(io.StringIO(output.split("\n", 0)[0])))
    assert code == 0 and list(rows[0]) == ["event_type", "cameo", "date"]
    code, output = _run("events", "--db", filled, "--fields", "type,date", env={"COLUMNS": "80"})
    assert code == 0 and output.splitlines()[0].split() == ["TYPE", "DATE"]
    code, output = _run("events", "--db", filled, "--fields", "type,colour")
    assert code == 2 and "--fields: colour not among" in output


def test_filters_take_several_values_iso2_and_years(filled):
    assert _types(filled, "--type", "ASSAULT,PROTEST") == ["PROTEST", "ASSAULT"]
    assert _types(filled, "--type", "ASSAULT", "--type", "protest") == ["PROTEST", "ASSAULT"]
    assert _types(filled, "--country", "FR") == ["PROTEST"]
    assert _types(filled, "--country", "IN,FRA") == ["PROTEST", "ASSAULT"]
    assert _types(filled, "--since", "2024") == ["CONSULT", "ASSAULT"]
    assert _types(filled, "--until", "2024-03") == ["PROTEST", "CONSULT"]
    assert _types(filled, "--actor", "%") == []  # % matches itself, not everything


@pytest.mark.parametrize(("options", "message"), [
    (["--type", "ASSAULT,PICNIC"], "--type: 'PICNIC' is not one of"),
    (["--country", "XYZ"], "--country: 'XYZ' is not an ISO 3166 country code"),
    (["--min-confidence", "nan"], "--min-confidence: must be a number from 0 to 1"),
    (["--since", "2024-13"], "--since: '2024-13' is not a real date"),
    (["--actor", "x" * 500], "--actor: at most 200 characters"),
])
def test_filters_refuse_bad_values_in_one_line(filled, options, message):
    code, output = _run("events", "--db", filled, *options)
    assert code == 2
    assert message in output and "Traceback" not in output


def test_merge_explains_which_articles_were_merged_and_why(filled):
    code, output = _run("merge", "--db", filled)
    assert code == 0
    assert output.splitlines()[0] == "4 mentions in 3 events from 4 articles"
    assert "2 mention(s) in 2 article(s) from 2 outlet(s):" in output
    assert "article meet-a" in output and "article meet-b" in output
    assert "PROTEST" not in output  # events of one report are not merges
    assert "joined: same type CONSULT, matching actors" in " ".join(output.split())
