"""Two writers at once, readers during a write, read-only folders, stores that are not there."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from store_factories import synthetic_results

from eventwire.store import CoderInfo, StoreError, open_store

WORKER = Path(__file__).with_name("ingest_worker.py")
CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})
COUNT = 120  # enough for the two writers to interleave (40 did not deadlock the old PostgreSQL order)


def _ingest(url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKER), url, str(COUNT), "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_ingests_of_the_same_articles_both_finish_without_duplicates(new_db_url, database_content):
    clean_url, shared_url = new_db_url(), new_db_url()
    subprocess.run([sys.executable, str(WORKER), clean_url, str(COUNT), "0"], check=True, capture_output=True)
    open_store(shared_url).close()
    first, second = _ingest(shared_url), _ingest(shared_url)
    outcomes = [process.communicate(timeout=180) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], [err for _, err in outcomes]
    with open_store(clean_url) as clean, open_store(shared_url) as shared:
        assert shared.counts()["articles"] == COUNT
        assert database_content(shared) == database_content(clean)


def test_a_reader_opens_and_reads_while_a_write_transaction_is_held(db_url):
    results = synthetic_results(3)
    with open_store(db_url) as writer:
        writer.save(results[0], CODER)
        with writer._transaction():
            writer._lock("write")
            writer._run("DELETE FROM events")
            started = time.monotonic()
            with open_store(db_url, read_only=True) as reader:  # opening runs no migration, takes no lock
                assert reader.counts()["events"] > 0
                assert list(reader.events())
            assert time.monotonic() - started < 2


def test_a_read_only_store_refuses_to_write(db_url):
    open_store(db_url).close()
    with open_store(db_url, read_only=True) as reader, pytest.raises(StoreError, match="read-only"):
        reader.save(synthetic_results(1)[0], CODER)


def test_a_second_sqlite_writer_waits_with_a_message(tmp_path, monkeypatch):
    import eventwire.store.sqlite

    monkeypatch.setattr(eventwire.store.sqlite, "_LOCK_POLL_MS", 300)
    url = f"sqlite:///{tmp_path}/wait.db"
    results = synthetic_results(2)
    messages: list[str] = []
    saved = threading.Event()

    def save_second():
        with open_store(url, on_wait=messages.append) as waiter:
            waiter.save(results[1], CODER)
        saved.set()

    with open_store(url) as holder:
        with holder._transaction():  # the holder keeps the write lock while the other asks for it
            thread = threading.Thread(target=save_second)
            thread.start()
            time.sleep(1.5)  # several lock requests
            assert not saved.is_set()
        thread.join(timeout=30)
        assert saved.is_set()
        assert holder.counts()["articles"] == 1
    assert messages == [f"waiting for another writer to finish with {tmp_path}/wait.db ..."]


@pytest.mark.parametrize("command", [["events"], ["dyads"], ["article", "x"], ["export", "--format", "csv",
                                                                               "--out", "x.csv"]])
def test_reading_a_store_that_does_not_exist_names_it_and_creates_nothing(command, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from eventwire.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*command, "--db", "missing.db"])
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: no event store at missing.db: run `eventwire ingest` first, "
                                     "or pass --db")
    assert not (tmp_path / "missing.db").exists()


def test_a_store_in_a_read_only_folder_can_be_read(read_only_folder):
    assert not os.access(read_only_folder, os.W_OK)
    with open_store(str(read_only_folder / "events.db"), read_only=True) as reader:
        assert reader.counts()["articles"] == 4
        assert len(list(reader.events())) > 0
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["events.db"]
