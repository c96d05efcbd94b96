"""Exports as analysts' tools read them: one Parquet schema from `code` and from the store, dates as
dates, CAMEO codes as text, the article's url, outlet and title, Goldstein weights (both backends)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from store_factories import coded, document, event

from eventwire.cli import main
from eventwire.export import goldstein_table
from eventwire.scale import write_parquet
from eventwire.store import CoderInfo, open_store

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})
LAVROV, WANG = ("Lavrov", "RUS", "GOV", "Sergei Lavrov"), ("Wang", "CHN", "GOV", "Wang Yi")


def _results():
    doc = document("talks", "Lavrov met Wang in Beijing to discuss trade and the border. Later",
                   date="2024-03-12", outlet="Wire A", title="Talks in Beijing")
    met = event(doc, 0, "met", "CONSULT", [LAVROV], [WANG], place="Beijing", date="2024-03-12")
    met.cameo = "040"
    return [coded(doc, met)]


@pytest.fixture
def stored(db_url):
    with open_store(db_url) as store:
        for result in _results():
            store.save(result, CODER)
    return db_url


def _run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_and_code_write_one_parquet_schema_with_dates_as_dates(stored, tmp_path):
    exported = tmp_path / "export.parquet"
    _run("export", "--db", stored, "--format", "parquet", "--out", exported)
    list(write_parquet(_results(), tmp_path / "coded"))
    from_store, from_code = pq.read_table(exported), pq.read_table(tmp_path / "coded" / "part-00000.parquet")
    assert from_store.schema == from_code.schema
    for name in ("date", "published", "first_reported", "last_reported"):
        assert from_store.schema.field(name).type == pa.date32()
    assert from_store.schema.field("cameo").type == pa.string()
    [row] = from_store.to_pylist()
    [coded_row] = from_code.to_pylist()
    assert row["date"] == dt.date(2024, 3, 12) and row["cameo"] == "040"
    assert (row["url"], row["outlet"], row["title"]) == ("https://example.org/talks", "Wire A",
                                                         "Talks in Beijing")
    assert {k: v for k, v in coded_row.items() if k != "mentions"} == {k: v for k, v in row.items()
                                                                       if k != "mentions"}


def test_csv_keeps_cameo_codes_as_text_and_names_the_article(stored):
    [row] = list(csv.DictReader(io.StringIO(_run("export", "--db", stored, "--format", "csv", "--out", "-"))))
    assert row["cameo"] == "040"
    assert (row["url"], row["outlet"], row["title"], row["published"]) == (
        "https://example.org/talks", "Wire A", "Talks in Beijing", "2024-03-12")


def test_the_phoenix_tsv_has_goldstein_weights(stored):
    lines = _run("export", "--db", stored, "--format", "cameo", "--out", "-").splitlines()
    header = lines[0].split("\t")
    [row] = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert "GoldsteinScore" in header
    assert (row["EventCode"], row["GoldsteinScore"]) == ("040", "1.0")


def test_the_goldstein_table_covers_every_root_code_in_range():
    table = goldstein_table()
    assert {f"{root:02d}" for root in range(1, 21)} <= set(table)
    assert all(-10.0 <= float(weight) <= 10.0 for weight in table.values())
    assert (table["190"], table["0874"], table["051"]) == ("-10.0", "10.0", "3.4")


def _clash_results():
    """A clash with counts (an open-ended death toll, a vague crowd) in a city whose province is known."""
    from eventwire.records import Location, Magnitude

    doc = document("clash", "Troops clashed with marchers in Aleppo and killed at least 12. Later",
                   date="2024-05-02", outlet="Wire B", title="Clash in Aleppo")
    clash = event(doc, 0, "clashed", "ASSAULT", [("Troops", "SYR", "MIL")], [("marchers", None, "CVL")],
                  date="2024-05-02")
    at = doc.text.index("Aleppo")
    clash.location = Location("Aleppo", at, at + 6, name="Aleppo", country="SYR", lat=36.2, lon=37.16,
                              geonameid=170063, admin1_code="SY.09", precision="city")
    clash.magnitudes = [Magnitude("dead", 12, None, "at least 12", 0, 11),
                        Magnitude("size", 24, 99, "dozens", 0, 6)]
    return [coded(doc, clash)]


def test_exports_carry_counts_admin1_and_precision_as_typed_columns(db_url, tmp_path):
    with open_store(db_url) as store:
        for result in _clash_results():
            store.save(result, CODER)
    [row] = list(csv.DictReader(io.StringIO(_run("export", "--db", db_url, "--format", "csv", "--out", "-"))))
    assert (row["dead"], row["dead_max"], row["crowd_size"], row["crowd_size_max"]) == ("12", "", "24", "99")
    assert (row["injured"], row["arrested"]) == ("", "")
    assert (row["location_admin1"], row["location_admin1_code"], row["location_precision"]) == (
        "", "SY.09", "city")
    exported = tmp_path / "export.parquet"
    _run("export", "--db", db_url, "--format", "parquet", "--out", exported)
    list(write_parquet(_clash_results(), tmp_path / "coded"))
    for path in (exported, tmp_path / "coded" / "part-00000.parquet"):
        table = pq.read_table(path)
        assert table.schema.field("dead").type == pa.int64()
        [parquet_row] = table.to_pylist()
        assert (parquet_row["dead"], parquet_row["dead_max"], parquet_row["injured"]) == (12, None, None)
        assert (parquet_row["crowd_size"], parquet_row["crowd_size_max"]) == (24, 99)
        assert (parquet_row["location_admin1_code"], parquet_row["location_precision"]) == ("SY.09", "city")
