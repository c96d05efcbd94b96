import datetime as dt
import io
import itertools
import json
import sys

from eventwire.ingest import document_from_record, make_document, read_inputs
from eventwire.ingest.readers import _read_jsonl_stream, content_id
from eventwire.records import Document, Rejected


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_txt_first_line_is_the_title(tmp_path):
    path = _write(tmp_path / "a.txt", "Police disperse protest\n\nPolice fired tear gas at protesters.\n")
    [doc] = read_inputs([str(path)])
    assert doc.title == "Police disperse protest"
    assert doc.text == "Police fired tear gas at protesters."
    assert doc.origin == str(path)
    assert doc.original_text.startswith("Police disperse protest\n")


def test_txt_of_one_line_has_no_title(tmp_path):
    [doc] = read_inputs([str(_write(tmp_path / "a.txt", "Police fired tear gas at protesters."))])
    assert doc.title is None and doc.text == "Police fired tear gas at protesters."


def test_html_reader(examples_dir):
    [doc] = read_inputs([str(examples_dir / "tbilisi_protest.html")])
    assert doc.title == "Police disperse Tbilisi protest with water cannon"
    assert doc.source == "Caucasus Daily Monitor"
    assert doc.date == dt.date(2024, 12, 1) and doc.date_source == "html-metadata"
    assert doc.url.endswith("/politics/tbilisi-protest-dispersed")
    assert doc.text.startswith("Thousands of protesters rallied outside the parliament building in Tbilisi")
    assert "Most read" not in doc.text and "All rights reserved" not in doc.text


def test_jsonl_reader(tmp_path):
    lines = [
        {"id": "d1", "text": "Iran rejected the sanctions.", "title": "Iran", "date": "2024-10-14",
         "url": "https://x.example/1", "source": "Wire"},
        {"id": 7, "text": "Police arrested two men.", "date": "2024-10-15T08:00:00Z"},
        {"text": "The army withdrew."},
    ]
    path = _write(tmp_path / "docs.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\n")
    docs = list(read_inputs([str(path)]))
    assert [d.id for d in docs] == ["d1", "7", content_id("The army withdrew.")]
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    first = docs[0]
    assert (first.title, first.date, first.date_source, first.url, first.source) == (
        "Iran", dt.date(2024, 10, 14), "given", "https://x.example/1", "Wire")
    assert docs[1].date == dt.date(2024, 10, 15)
    assert docs[2].date is None


def test_jsonl_text_without_debris_is_kept_exactly():
    text = "Sudan's army and the RSF agreed to a ceasefire on Saturday. The UN called on both sides to talk."
    doc = document_from_record({"id": "x", "text": text}, origin="t:1")
    assert doc.text == text and doc.cleaning == []


def test_feed_reader(examples_dir):
    docs = list(read_inputs([str(examples_dir / "wire_feed.rss")]))
    assert [d.id for d in docs] == ["wire-2024-01-23-turkey-sweden", "wire-2024-02-10-kyiv-drones"]
    assert docs[0].origin.endswith("wire_feed.rss#1")
    assert docs[0].title == "Turkish parliament backs Sweden's NATO bid"
    assert docs[0].date == dt.date(2024, 1, 23) and docs[0].date_source == "feed-metadata"
    assert docs[0].text.startswith("Turkey's parliament approved Sweden's application")
    assert "<p>" not in docs[0].text and docs[0].source == "Example Wire Feed"


def test_directory_is_read_recursively_in_sorted_order_without_hidden_files(tmp_path):
    _write(tmp_path / "b.txt", "Title B\nThe army attacked.")
    _write(tmp_path / "a" / "z.txt", "Title Z\nPolice arrested two men.")
    _write(tmp_path / "a" / "c.txt", "Title C\nRebels seized the town.")
    _write(tmp_path / ".hidden.txt", "Title H\nHidden.")
    _write(tmp_path / ".git" / "x.txt", "Title X\nHidden too.")
    _write(tmp_path / "notes.md", "# not an article")
    items = list(read_inputs([str(tmp_path)]))
    assert [item.origin for item in items] == [
        str(tmp_path / "a" / "c.txt"), str(tmp_path / "a" / "z.txt"), str(tmp_path / "b.txt"),
        str(tmp_path / "notes.md")]
    skipped = items[-1]
    assert isinstance(skipped, Rejected) and skipped.status == "skipped"
    assert skipped.reason.startswith("unsupported file type '.md'")


def test_txt_starting_with_a_paragraph_has_no_title(tmp_path):
    text = "Police fired tear gas at protesters.\nThe army withdrew."
    [doc] = read_inputs([str(_write(tmp_path / "a.txt", text))])
    assert doc.title is None and doc.text == text


def test_explicit_file_with_another_suffix_is_read_as_text(tmp_path):
    [doc] = read_inputs([str(_write(tmp_path / "article", "Title\nThe army attacked."))])
    assert isinstance(doc, Document) and doc.text == "The army attacked."


def test_stdin_is_jsonl(monkeypatch):
    data = b'{"id": "s1", "text": "Iran threatened Israel."}\n{"id": "s2", "text": "Israel struck Iran."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    docs = list(read_inputs(["-"]))
    assert [(d.id, d.origin) for d in docs] == [("s1", "<stdin>:1"), ("s2", "<stdin>:2")]


def test_reading_streams():
    endless = itertools.repeat(b'{"text": "Rebels attacked the base."}\n')
    first_three = list(itertools.islice(_read_jsonl_stream(endless, "<endless>", 1000, None), 3))
    assert [d.origin for d in first_three] == ["<endless>:1", "<endless>:2", "<endless>:3"]


def test_ids_are_stable_and_follow_the_content(tmp_path):
    one = make_document("The army attacked the town.")
    assert one.id == make_document("The army attacked the town.").id == content_id(one.text)
    assert one.id != make_document("The army withdrew from the town.").id
    assert make_document("  The army attacked the town.\n").id == one.id  # same cleaned text
    assert make_document("The army attacked.", doc_id="given-7").id == "given-7"
    path = _write(tmp_path / "a.txt", "Title\nThe army attacked the town.")
    assert next(read_inputs([str(path)])).id == next(read_inputs([str(path)])).id


def test_option_date_overrides_every_document(tmp_path):
    _write(tmp_path / "a.txt", "Title\nPublished July 7, 2024\nThe army attacked.")
    _write(tmp_path / "b.jsonl", json.dumps({"id": "b", "text": "Police fired.", "date": "2020-01-01"}))
    docs = list(read_inputs([str(tmp_path)], date=dt.date(2024, 1, 2)))
    assert [(d.date, d.date_source) for d in docs] == [(dt.date(2024, 1, 2), "given")] * 2
