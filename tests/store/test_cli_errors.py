"""Errors a user sees: one line starting with "Error:", no traceback, no password."""

from __future__ import annotations

import json
import subprocess
import uuid

import pytest
from click.testing import CliRunner

from eventwire.cli import main

STORY = {"id": "story-1", "date": "2024-03-11",
         "text": "Police arrested twenty protesters in Nairobi on Monday, officials said."}


def _run(*args, input: str | None = None):
    result = CliRunner().invoke(main, [*map(str, args)], input=input)
    return result.exit_code, result.output


def _one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, output
    assert "Traceback" not in output
    return lines[0]


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps(STORY) + "\n")
    return path


def test_an_out_file_in_a_missing_folder(stories, tmp_path):
    code, output = _run("code", stories, "--out", tmp_path / "no" / "such" / "events.jsonl")
    assert code == 1
    assert _one_error_line(output) == f"Error: {tmp_path}/no/such/events.jsonl: No such file or directory"


def test_an_export_out_file_that_cannot_be_written(tmp_path):
    db = tmp_path / "events.db"
    _run("ingest", "-", "--db", db, input=json.dumps(STORY) + "\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    for fmt in ("csv", "parquet"):
        code, output = _run("export", "--db", db, "--format", fmt, "--out", blocker / "events")
        assert code == 1
        assert _one_error_line(output).startswith("Error: ")
        assert "Not a directory" in output or "not a directory" in output.lower()


@pytest.mark.parametrize("url", ["mysql://ann:s3cret@db.example.org/events", "mongodb+srv://ann:s3cret@x/y"])
def test_an_unsupported_database_url(url):
    code, output = _run("events", "--db", url)
    assert code == 1
    assert _one_error_line(output).startswith("Error: unsupported database URL")
    assert "s3cret" not in output and "ann:***@" in output


def test_a_server_that_refuses_the_connection():
    code, output = _run("events", "--db", "postgresql://ann:s3cret@127.0.0.1:1/events")
    assert code == 1
    line = _one_error_line(output)
    assert line.startswith("Error: cannot connect to postgresql://ann:***@127.0.0.1:1/events: ")
    assert "s3cret" not in output


def test_a_missing_database_and_a_password_in_the_summary(postgres_server, stories):
    host = postgres_server.removeprefix("postgresql://postgres@")
    missing = f"postgresql://postgres:s3cret@{host}/no_such_{uuid.uuid4().hex[:6]}"
    code, output = _run("events", "--db", missing)
    assert code == 1
    assert "does not exist" in _one_error_line(output) and "s3cret" not in output

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        url = f"postgresql://postgres:s3cret@{host}/{name}"  # the test server trusts, and ignores it
        code, output = _run("ingest", stories, "--db", url)
        assert code == 0, output
        assert "s3cret" not in output and f"into postgresql://postgres:***@{host}/{name}" in output
        code, output = _run("events", "--db", url, "--format", "jsonl")
        assert code == 0 and "s3cret" not in output
    finally:
        with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_writing_to_a_store_in_a_read_only_folder(read_only_folder, stories):
    code, output = _run("ingest", stories, "--db", read_only_folder / "events.db")
    assert code == 1
    assert _one_error_line(output).endswith(f"(the folder {read_only_folder} cannot be written; reading "
                                            "commands such as `eventwire events` can still open the store)")


@pytest.fixture
def full_disk(tmp_path):
    """An 8 MB tmpfs, filled up."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount an 8 MB tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def _fill(folder):
    with open(folder / "filler", "wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass


def test_a_full_disk(full_disk, stories):
    db = full_disk / "events.db"
    code, output = _run("ingest", stories, "--db", db)
    assert code == 0, output
    _fill(full_disk)
    more = full_disk.parent / "more.jsonl"
    more.write_text("".join(json.dumps({**STORY, "id": f"s{i}", "text": STORY["text"] + " x" * 2000}) + "\n"
                            for i in range(20)))
    code, output = _run("ingest", more, "--db", db)
    assert code == 1
    assert "full" in _one_error_line(output)
    code, output = _run("code", stories, "--out", full_disk / "events.jsonl")
    assert code == 1
    assert _one_error_line(output) == f"Error: {full_disk}/events.jsonl: No space left on device"
