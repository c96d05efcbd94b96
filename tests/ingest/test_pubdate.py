import datetime as dt

import pytest

from eventwire.ingest import document_from_record, make_document, read_inputs
from eventwire.ingest.pubdate import (
    PartialDate,
    match_date_line,
    match_dateline,
    parse_date_text,
    parse_given_date,
)

D = dt.date


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-03", PartialDate(2024, 3, 3)), ("06/17/2018", PartialDate(2018, 6, 17)),
    ("03/04/2024", PartialDate(2024, 3, 4)), ("17.06.2018", PartialDate(2018, 6, 17)),
    ("March 11, 2024", PartialDate(2024, 3, 11)), ("11 March 2024", PartialDate(2024, 3, 11)),
    ("Nov 3", PartialDate(None, 11, 3)), ("Sept. 9th", PartialDate(None, 9, 9)),
    ("3rd of May", PartialDate(None, 5, 3)),
])
def test_explicit_dates(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["February 30, 2024", "13/13/2024", "Smarch 3"])
def test_impossible_dates(text):
    assert parse_date_text(text) is None


def test_given_dates_accept_a_day_or_an_iso_datetime():
    assert parse_given_date("2024-03-11") == D(2024, 3, 11)
    assert parse_given_date("2023-07-12T09:15:00+09:00") == D(2023, 7, 12)
    assert parse_given_date("yesterday") is None
    assert parse_given_date(20240311) is None


def test_date_line_needs_the_whole_line():
    assert match_date_line("Published July 7, 2024") == (PartialDate(2024, 7, 7), "published")
    assert match_date_line("The talks ended on July 7, 2024") is None


def test_dateline_is_only_a_capitalised_place_before_a_dash():
    assert match_dateline("MOSCOW (Reuters) - Putin met Netanyahu.").place == "MOSCOW"
    assert match_dateline("Moscow - Putin met Netanyahu.") is None
    assert match_dateline("NOTE: this is not a dateline") is None


ARTICLE = "Published July 7, 2024\nCAIRO, July 5, 2024 - Egypt's foreign minister met his Jordanian peer."


def test_given_date_beats_everything():
    doc = make_document(ARTICLE, date=D(2024, 7, 9))
    assert (doc.date, doc.date_source) == (D(2024, 7, 9), "given")


def test_date_line_beats_dateline():
    doc = make_document(ARTICLE)
    assert (doc.date, doc.date_source) == (D(2024, 7, 7), "date-line")


def test_dateline_when_no_date_line():
    doc = make_document(ARTICLE.split("\n")[1])
    assert (doc.date, doc.date_source) == (D(2024, 7, 5), "dateline")


def test_no_date_at_all():
    doc = make_document("Egypt's foreign minister met his Jordanian counterpart.")
    assert doc.date is None and doc.date_source is None


HTML = """<html><head><title>Egypt and Jordan meet</title>
<meta property="article:published_time" content="2024-07-06T08:00:00Z"></head>
<body><article><p>Published July 7, 2024</p>
<p>CAIRO, July 5, 2024 - Egypt's foreign minister met his Jordanian counterpart in Cairo on Friday to
discuss the war in Gaza and the delivery of humanitarian aid through the Rafah crossing.</p>
</article></body></html>"""


def test_html_metadata_beats_the_text_and_the_option_beats_the_metadata(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    [doc] = read_inputs([str(page)])
    assert (doc.date, doc.date_source) == (D(2024, 7, 6), "html-metadata")
    [doc] = read_inputs([str(page)], date=D(2024, 7, 8))
    assert (doc.date, doc.date_source) == (D(2024, 7, 8), "given")


def test_jsonl_date_beats_the_text_and_a_bad_one_is_noted():
    record = {"id": "a", "text": ARTICLE, "date": "2024-07-08"}
    assert document_from_record(record, origin="x:1").date == D(2024, 7, 8)
    doc = document_from_record({**record, "date": "last Tuesday"}, origin="x:1")
    assert (doc.date, doc.date_source) == (D(2024, 7, 7), "date-line")
    assert doc.cleaning[0] == "ignored the given date 'last Tuesday': not YYYY-MM-DD or an ISO datetime"
