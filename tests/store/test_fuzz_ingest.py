"""`eventwire ingest` of a folder of every bad input found by fuzzing, beside good files: each bad
input gets its one-line status, the good ones are coded and stored (both backends)."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import open_store

pytestmark = pytest.mark.slow

GOOD = "Police arrested twenty protesters in Nairobi on Monday, officials said.\n"


def _fuzz_folder(root):
    folder = root / "inputs"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "loop").mkdir()
    os.symlink("../loop", folder / "loop" / "again")
    os.symlink("self.txt", folder / "self.txt")
    (root / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    os.symlink(root / "secret.txt", folder / "passwd.txt")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as out:
        out.write("Troops shelled the town of Idlib on Tuesday, witnesses said.\n")
    (folder / "two\nlines.txt").write_text("Protesters marched in Paris on Friday, organisers said.\n")
    (folder / "nul.txt").write_text("Rebels\x00 attacked a base in Mali on Monday, officials said.\n")
    (folder / "utf16.txt").write_bytes("Police detained three men in Lagos on Sunday, officials said.\n"
                                       .encode("utf-16-le"))
    paragraph = "<p>Soldiers attacked marchers in Khartoum on Monday, witnesses said.</p>"
    (folder / "deep.html").write_text(f"<html><body>{'<div>' * 300}{paragraph}{'</div>' * 300}</body></html>")
    records = [{"id": "first-day", "date": "0001-01-01", "text": "Soldiers attacked a village near Kabul "
                "yesterday, officials said. Rebels attacked a base in Mali last week."},
               {"id": "last-day", "date": "9999-12-30", "text": "Rebels attacked a convoy near Mosul "
                "yesterday, officials said. Police arrested two men in Lagos next week."},
               {"id": "nul-record", "title": "a\x00b",
                "text": "Rebels\x00 attacked a base in Mali on Monday."}]
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    return folder


def test_a_folder_of_bad_inputs_beside_good_ones(db_url, tmp_path):
    folder = _fuzz_folder(tmp_path)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", db_url])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = result.output.splitlines()
    assert f"skipped: {folder}/loop/again: link to a folder: not followed" in lines
    assert f"skipped: {folder}/passwd.txt: link to a file outside the folder being read: not followed" \
        in lines
    assert any(line.startswith(f"skipped: {folder}/self.txt: link that cannot be followed") for line in lines)
    assert "12 added, 0 replaced, 0 unchanged articles;" in lines[-1]
    assert "(9 coded, 3 skipped, 0 failed)" in lines[-1]
    assert result.exit_code == 0
    with open_store(db_url, read_only=True) as store:
        assert store.counts()["articles_coded"] == 9
        assert store.article("first-day").pub_date == "0001-01-01"
        assert store.article("last-day").pub_date == "9999-12-30"
        assert store.article("nul-record").text.startswith("Rebels\ufffd attacked")
        origins = {row[0] for row in store._run("SELECT origin FROM articles").fetchall()}
        assert {f"{folder}/caf\\xe9.txt", f"{folder}/two\\nlines.txt", f"{folder}/utf16.txt",
                f"{folder}/deep.html"} <= origins
        events = list(store.events())
        assert not any("root:x" in (e["sentence"]["text"]) for e in events)
        assert len(events) >= 8
