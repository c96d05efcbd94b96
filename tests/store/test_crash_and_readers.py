"""kill -9 in the middle of an ingest loses nothing committed; readers work during writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import ingest_worker
from store_factories import synthetic_results

from eventwire.store import CoderInfo, EventQuery, open_store

WORKER = Path(__file__).with_name("ingest_worker.py")
COUNT = 60
CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})


def _worker(url: str, delay: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKER), url, str(COUNT), str(delay)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _articles(url: str) -> int:
    with open_store(url) as store:
        return store.counts()["articles"]


def test_kill_9_then_rerun_gives_the_clean_content(new_db_url, database_content):
    clean_url, crashed_url = new_db_url(), new_db_url()
    ingest_worker.main(clean_url, COUNT, 0.0)
    open_store(crashed_url).close()  # schema in place before the worker starts
    worker = _worker(crashed_url, delay=0.05)
    seen, deadline = [], time.monotonic() + 60
    with open_store(crashed_url) as reader:  # reads while the worker writes
        while time.monotonic() < deadline:
            seen.append(reader.counts()["articles"])
            list(reader.events(EventQuery(min_confidence=0.0)))
            if seen[-1] >= 15:
                break
            time.sleep(0.02)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    assert seen == sorted(seen) and seen[-1] >= 15
    interrupted = _articles(crashed_url)
    assert interrupted < COUNT, "the worker finished before it was killed"
    tally = ingest_worker.main(crashed_url, COUNT, 0.0)  # the same ingest, run again
    assert (tally.unchanged, tally.added) == (interrupted, COUNT - interrupted)
    with open_store(clean_url) as clean, open_store(crashed_url) as resumed:
        assert database_content(resumed) == database_content(clean)


def test_a_reader_does_not_wait_for_an_open_write_transaction(db_url):
    results = synthetic_results(3)
    with open_store(db_url) as writer, open_store(db_url) as reader:
        writer.save(results[0], CODER)
        with writer._transaction():  # a writer in the middle of an article
            writer._run("DELETE FROM events")
            started = time.monotonic()
            assert reader.counts()["events"] > 0  # the committed state, at once
            assert time.monotonic() - started < 2
        writer.save(results[1], CODER)
        assert reader.counts()["articles"] == 2
