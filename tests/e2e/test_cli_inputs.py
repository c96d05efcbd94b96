"""`eventwire code` on a folder mixing good and bad inputs: one line per problem, exit 1, no traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

EVENTWIRE = Path(sys.executable).with_name("eventwire")
GOOD_JSONL = {"id": "good-jsonl", "date": "2024-03-11",
              "text": "Riot police fired tear gas at protesters in Tbilisi on Friday. "
                      "Iran's foreign ministry condemned the sanctions."}
LATIN1_ARTICLE = ("Police detain protesters in Zürich\n"
                  "Swiss police detained 20 protesters outside the café on Saturday, "
                  "the spokesman José Núñez said.\n")
TXT_ARTICLE = ("Netanyahu meets Putin in Moscow\n"
               "Published July 12, 2018\n"
               "image (2).jpg\n"
               "MOSCOW (Reuters) - Israeli Prime Minister Benjamin Netanyahu met Russian President "
               "Vladimir Putin in Moscow on Wednesday and the two agreed to set up a joint team.\n"
               "(Reuters)\n")


@pytest.fixture
def mixed_dir(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "article.txt").write_text(TXT_ARTICLE, encoding="utf-8")
    (folder / "latin1.txt").write_bytes(LATIN1_ARTICLE.encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "huge.txt").write_text("Huge\n" + "The army attacked the town. " * 200, encoding="utf-8")
    (folder / "docs.jsonl").write_text(json.dumps(GOOD_JSONL) + "\n" + '{"id": "broken", "text": \n',
                                       encoding="utf-8")
    return folder


@pytest.mark.slow
def test_code_reports_every_bad_input_and_codes_the_rest(mixed_dir, tmp_path):
    missing = tmp_path / "missing.txt"
    run = subprocess.run(
        [str(EVENTWIRE), "code", str(mixed_dir), str(missing), "--format", "jsonl", "--max-bytes", "4000"],
        capture_output=True, text=True, timeout=600,
    )
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 1
    problems = [line for line in run.stderr.splitlines() if line.startswith(("skipped: ", "failed: "))]
    assert sorted(problems) == sorted([
        f"skipped: {mixed_dir / 'empty.txt'}: empty file",
        f"skipped: {mixed_dir / 'photo.txt'}: binary file, not text",
        f"skipped: {mixed_dir / 'huge.txt'}: file of 5,605 bytes is over the size cap of 4,000 bytes",
        f"failed: {mixed_dir / 'docs.jsonl'}:2: malformed JSON: Expecting value (column 26)",
        f"failed: {missing}: no such file",
    ]), run.stderr
    assert "from 3 coded, 3 skipped, 2 failed documents" in run.stderr.splitlines()[-1]

    events = [json.loads(line) for line in run.stdout.splitlines()]
    from_jsonl = [e for e in events if e["doc_id"] == "good-jsonl"]
    assert from_jsonl, "the JSONL document should give events"
    for event in from_jsonl:  # offsets refer to the given text, which had no debris
        trigger = event["trigger"]
        assert GOOD_JSONL["text"][trigger["start"]:trigger["end"]] == trigger["text"]
        sentence = event["sentence"]
        assert GOOD_JSONL["text"][sentence["start"]:sentence["end"]] == sentence["text"]


@pytest.mark.slow
def test_code_exits_0_when_nothing_failed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "a.jsonl").write_text(json.dumps(GOOD_JSONL) + "\n", encoding="utf-8")
    run = subprocess.run([str(EVENTWIRE), "code", str(tmp_path), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert f"skipped: {tmp_path / 'empty.txt'}: empty file" in run.stderr


@pytest.mark.slow
def test_code_reads_jsonl_on_standard_input():
    run = subprocess.run([str(EVENTWIRE), "code", "-", "--format", "jsonl"],
                         input=json.dumps(GOOD_JSONL) + "\nnot json\n", capture_output=True, text=True,
                         timeout=600)
    assert "Traceback" not in run.stderr
    assert run.returncode == 1
    assert "failed: <stdin>:2: malformed JSON: Expecting value (column 1)" in run.stderr
    assert any(json.loads(line)["doc_id"] == "good-jsonl" for line in run.stdout.splitlines())
