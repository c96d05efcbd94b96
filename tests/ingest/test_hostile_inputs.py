"""Inputs found by fuzzing: each becomes a document or a per-file status, never a stopped batch."""

from __future__ import annotations

import os

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.html import extract_html
from eventwire.ingest.readers import display_path
from eventwire.records import Document, Rejected

GOOD = "Police detained four students in the harbour town on Tuesday, a spokesman said.\n"


def _by_origin(folder) -> dict[str, Document | Rejected]:
    return {item.origin: item for item in read_inputs([str(folder)])}


def test_a_link_loop_in_the_folder_is_skipped_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "loop").mkdir()
    os.symlink("../loop", tmp_path / "loop" / "again")
    os.symlink("self.txt", tmp_path / "self.txt")  # a file link that points at itself
    items = _by_origin(tmp_path)
    assert isinstance(items[f"{tmp_path}/good.txt"], Document)
    assert items[f"{tmp_path}/loop/again"].reason == "link to a folder: not followed"
    looped = items[f"{tmp_path}/self.txt"]
    assert looped.status == "skipped" and looped.reason.startswith("link that cannot be followed")


def test_a_link_out_of_the_folder_is_not_followed(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    os.symlink(outside, folder / "passwd.txt")
    os.symlink("good.txt", folder / "alias.txt")  # inside the folder: read
    items = _by_origin(folder)
    assert items[f"{folder}/passwd.txt"] == Rejected(
        f"{folder}/passwd.txt", "skipped", "link to a file outside the folder being read: not followed")
    assert items[f"{folder}/alias.txt"].text == items[f"{folder}/good.txt"].text
    assert not any("root:x" in (item.text if isinstance(item, Document) else "") for item in items.values())


def test_file_names_that_are_not_utf8_or_hold_a_newline_become_one_printable_line(tmp_path):
    os.makedirs(tmp_path, exist_ok=True)
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "w") as out:
        out.write(GOOD)
    (tmp_path / "two\nlines.txt").write_text(GOOD)
    origins = sorted(item.origin for item in read_inputs([str(tmp_path)]))
    assert origins == [f"{tmp_path}/caf\\xe9.txt", f"{tmp_path}/two\\nlines.txt"]
    for origin in origins:
        origin.encode("utf-8")  # storable and printable: no lone surrogate
        assert "\n" not in origin
    assert display_path(b"/a/b\x00c") == "/a/b\\x00c"


def test_nul_characters_become_replacement_characters_at_the_same_offsets(tmp_path):
    (tmp_path / "nul.txt").write_text("Rebels\x00 attacked a police post in the north on Monday.\n")
    (tmp_path / "nul.jsonl").write_text('{"id": "n1", "title": "a\\u0000b", "text": "Troops\\u0000 left."}\n')
    items = _by_origin(tmp_path)
    text_doc = items[f"{tmp_path}/nul.txt"]
    assert "\x00" not in text_doc.text and "\x00" not in text_doc.original_text
    assert text_doc.text.startswith("Rebels\ufffd attacked")
    assert "replaced 1 NUL character(s) by U+FFFD" in text_doc.cleaning
    record = items[f"{tmp_path}/nul.jsonl:1"]
    assert (record.title, record.text) == ("ab", "Troops\ufffd left.")


def test_utf16_without_a_byte_order_mark_is_text():
    english = "Police arrested three men in the port on Sunday, officials said.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(english.encode(encoding)) == (english, encoding)
    greek = "Η αστυνομία συνέλαβε τρεις άνδρες.\n"
    assert decode_bytes(greek.encode("utf-16-le"))[0] == greek


def test_binary_data_with_nul_bytes_is_still_refused():
    from eventwire.ingest.decode import NotText

    with pytest.raises(NotText):
        decode_bytes(bytes(range(256)) * 8)


def test_a_file_mixing_utf8_and_latin1_lines_is_decoded_line_by_line():
    data = ("Talks opened in Zürich on Monday.\n".encode()
            + "Le ministre a rencontré la délégation à Genève.\n".encode("latin-1")
            + "The café owners protested, officials said.\n".encode())
    text, encoding = decode_bytes(data)
    assert text == ("Talks opened in Zürich on Monday.\nLe ministre a rencontré la délégation à Genève.\n"
                    "The café owners protested, officials said.\n")
    assert encoding == "utf-8 and cp1252, line by line"
    assert decode_bytes("Le ministre à Genève.\n".encode("latin-1"))[0] == "Le ministre à Genève.\n"


@pytest.mark.parametrize("depth", [254, 300, 3000])
def test_text_nested_deeper_than_libxml2_allows_is_extracted(depth):
    page = ("<html><head><title>Clashes</title></head><body>" + "<div>" * depth
            + "<p>Soldiers fired on marchers near the stadium on Monday, witnesses said.</p>"
            + "<p>The army said it had been attacked first.</p>" + "</div>" * depth + "</body></html>")
    article = extract_html(page)
    assert article is not None
    assert article.text.startswith("Soldiers fired on marchers near the stadium on Monday")
    assert "The army said it had been attacked first." in article.text
