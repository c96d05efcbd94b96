"""The bundled examples (used by `make demo`) read cleanly, each with a publication date."""

import datetime as dt

from eventwire.ingest import read_inputs
from eventwire.records import Document


def test_every_example_reads_into_documents_with_dates(examples_dir):
    docs = list(read_inputs([str(examples_dir)]))
    assert all(isinstance(doc, Document) for doc in docs), [d for d in docs if not isinstance(d, Document)]
    assert len(docs) == 10
    assert all(doc.date and doc.text for doc in docs)
    sources = {doc.date_source for doc in docs}
    assert sources == {"given", "html-metadata", "feed-metadata", "date-line", "dateline"}
    assert len({doc.id for doc in docs}) == len(docs)


def test_the_debris_example_is_cleaned(examples_dir):
    [doc] = read_inputs([str(examples_dir / "moscow_talks.txt")])
    assert doc.text.startswith("Israeli Prime Minister Benjamin Netanyahu met Russian President")
    assert doc.text.endswith("accused Israel of violating Syrian sovereignty.")
    assert ".jpg" not in doc.text and "[fvplayer" not in doc.text and "“" not in doc.text
    assert (doc.date, doc.date_source, doc.source, doc.dateline_place) == (
        dt.date(2018, 7, 12), "date-line", "Reuters", "MOSCOW")


def test_dateline_example_borrows_the_year_of_the_date_line(examples_dir):
    [doc] = read_inputs([str(examples_dir / "gaza_strike.txt")])
    assert (doc.date, doc.date_source, doc.source, doc.dateline_place) == (
        dt.date(2023, 11, 3), "dateline", "AFP", "GAZA CITY")
