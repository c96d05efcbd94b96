"""Bad input never raises, never disappears: each becomes a Rejected with a status and reason."""

import json
import os

import pytest

from eventwire.ingest import read_inputs
from eventwire.records import Document, Rejected

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


def _only(path, **options):
    [item] = list(read_inputs([str(path)], **options))
    return item


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert _only(tmp_path / "empty.txt") == Rejected(str(tmp_path / "empty.txt"), "skipped", "empty file")


def test_whitespace_only_file(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\n \t\n")
    item = _only(tmp_path / "blank.txt")
    assert (item.status, item.reason) == ("skipped", "empty file (only whitespace)")


def test_empty_jsonl_file(tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    assert _only(tmp_path / "empty.jsonl").reason == "empty file"
    (tmp_path / "blank.jsonl").write_text("\n\n")
    assert _only(tmp_path / "blank.jsonl").reason == "empty file (only blank lines)"


@pytest.mark.parametrize("name", ["photo.txt", "photo.html", "photo.jsonl"])
def test_binary_file(tmp_path, name):
    (tmp_path / name).write_bytes(PNG_HEADER + bytes(range(256)) * 4)
    item = _only(tmp_path / name)
    assert item == Rejected(str(tmp_path / name), "skipped", "binary file, not text")


def test_latin1_text_is_decoded(tmp_path):
    text = ("Président Emmanuel Macron a reçu à Paris le ministre, déclara José Núñez.\n"
            "La police arrêta dix manifestants.")
    (tmp_path / "latin1.txt").write_bytes(("Titre\n" + text).encode("latin-1"))
    doc = _only(tmp_path / "latin1.txt")
    assert isinstance(doc, Document) and doc.text == text


def test_latin1_html_is_decoded(tmp_path):
    body = "<p>Le président a rencontré le ministre à Zürich pour discuter des sanctions.</p>" * 3
    page = f"<html><body><article>{body}</article></body></html>"
    (tmp_path / "page.html").write_bytes(page.encode("latin-1"))
    assert "président a rencontré le ministre à Zürich" in _only(tmp_path / "page.html").text


def test_file_over_the_size_cap(tmp_path):
    (tmp_path / "big.txt").write_text("Title\n" + "The army attacked. " * 100)
    item = _only(tmp_path / "big.txt", max_bytes=1000)
    assert item.status == "skipped"
    assert item.reason == "file of 1,906 bytes is over the size cap of 1,000 bytes"


def test_jsonl_line_over_the_size_cap(tmp_path):
    lines = [json.dumps({"id": "big", "text": "x " * 600}), json.dumps({"id": "ok", "text": "Police fired."})]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines) + "\n")
    big, ok = read_inputs([str(tmp_path / "docs.jsonl")], max_bytes=1000)
    assert big.status == "skipped" and big.reason.startswith("line of 1,2")
    assert big.reason.endswith("is over the size cap of 1,000 bytes") and big.origin.endswith("docs.jsonl:1")
    assert ok.id == "ok"


def test_malformed_jsonl_line_is_named_and_the_others_go_on(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "Iran threatened Israel."}\n{"id": "b", "text": \n'
                    '[1, 2]\n{"id": "d", "text": 5}\n{"id": "e"}\n{"id": "f", "text": "  "}\n'
                    '{"id": "g", "text": "Israel struck Iran."}\n')
    items = list(read_inputs([str(path)]))
    ids = [getattr(item, "id", None) or item.doc_id for item in items]
    assert ids == ["a", None, None, "d", "e", "f", "g"]
    malformed = items[1]
    assert (malformed.origin, malformed.status) == (f"{path}:2", "failed")
    assert malformed.reason.startswith("malformed JSON: Expecting value (column")
    assert (items[2].status, items[2].reason) == ("failed", "not a JSON object but list")
    assert (items[3].status, items[3].reason) == ("failed", "text is not a string but int")
    assert (items[4].status, items[4].reason) == ("skipped", "no text")
    assert (items[5].status, items[5].reason) == ("skipped", "no text")


def test_missing_path(tmp_path):
    assert _only(tmp_path / "nope.txt") == Rejected(str(tmp_path / "nope.txt"), "failed", "no such file")
    assert _only(tmp_path / "nope.jsonl").reason == "no such file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Title\nThe army attacked.")
    path.chmod(0)
    try:
        assert _only(path) == Rejected(str(path), "failed", "permission denied")
    finally:
        path.chmod(0o600)


def test_html_without_article_text(tmp_path):
    page = "<html><body><nav><a href='/'>Home</a></nav><div>Subscribe now</div></body></html>"
    (tmp_path / "nav.html").write_text(page)
    item = _only(tmp_path / "nav.html")
    assert (item.status, item.reason) == ("skipped", "no article text found in the HTML")


def test_xml_that_is_not_a_feed(tmp_path):
    (tmp_path / "config.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>")
    item = _only(tmp_path / "config.xml")
    assert (item.status, item.reason) == ("skipped", "not an RSS or Atom feed (no items found)")


def test_a_batch_goes_on_after_bad_inputs(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(PNG_HEADER * 10)
    (tmp_path / "c_good.txt").write_text("Title\nThe army attacked the town.")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing")]))
    assert [type(item).__name__ for item in items] == ["Rejected", "Rejected", "Document", "Rejected"]
