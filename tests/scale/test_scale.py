"""The local process pool and the Dask runner give the in-process results, in order, and report failures."""

from __future__ import annotations

import datetime as dt
import gc
import os
import threading
from concurrent.futures import Future

import pyarrow.parquet as pq
import pytest

from eventwire.events.coder import EventCoder
from eventwire.events.learned import RuleDecisions
from eventwire.formats import parquet_row, with_article
from eventwire.parallel import ProcessPool, chunked_evenly, collections_paused, start_method
from eventwire.pipeline import Pipeline, StageTimes
from eventwire.records import Document, DocumentResult, Rejected
from eventwire.resources import RULES, Settings
from eventwire.scale import code_distributed, write_parquet

ARTICLES = [
    "Israeli troops shot dead two Palestinians in Nablus on Monday, the Palestinian health ministry said. "
    "Hundreds of protesters marched in the city later.",
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.",
    "Police in Nairobi arrested 30 opposition supporters on Saturday. Kenya accused Somalia of "
    "harbouring militants.",
    "The weather was mild across the region and markets were calm.",
    "Rebels attacked an army base in northern Mali, killing four soldiers, the military said.",
    "",
]


def _documents() -> list[Document | Rejected]:
    docs: list[Document | Rejected] = [
        Document(id=f"doc-{i}", text=text, original_text=text, origin=f"test:{i}", date=dt.date(2024, 3, 11))
        for i, text in enumerate(ARTICLES)]
    docs.insert(3, Rejected(origin="test:rejected", status="skipped", reason="not an article"))
    return docs


@pytest.mark.parametrize("count", [0, 1, 7, 32, 33, 100, 101])
def test_the_last_items_go_in_small_chunks_and_none_is_lost(count):
    chunks = list(chunked_evenly(range(count), size=16, workers=2))
    assert [item for chunk in chunks for item in chunk] == list(range(count))
    full = -(-max(0, count - 32) // 16)  # chunks of 16 until at most 32 items are left
    assert [len(chunk) for chunk in chunks[:full]] == [16] * full
    assert all(len(chunk) <= 4 for chunk in chunks[full:])


class _RecordingPool(ProcessPool):
    """A pool that runs nothing: it records how many chunks were submitted when each is collected."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.submitted: list[list] = []
        self.in_flight_at_collect: list[int] = []

    def _submit(self, chunk):
        self.submitted.append(chunk)
        future = Future()
        future.set_result(([DocumentResult(origin="test", status="coded") for _ in chunk], StageTimes()))
        return future, None

    def _collect(self, chunk, future, executor):
        self.in_flight_at_collect.append(len(self.submitted) - len(self.in_flight_at_collect))
        return future.result()[0]


def test_the_pool_queues_the_small_tail_chunks_while_it_waits_for_a_full_one():
    """In-order collection waits for the oldest chunk: with two workers, one may code a full chunk
    while the other codes four of the tail's quarter chunks, so six chunks are in flight."""
    pool = _RecordingPool(workers=2, chunk_size=16)
    results = list(pool.code_documents(range(100)))
    assert len(results) == 100 and sum(map(len, pool.submitted)) == 100
    assert pool.in_flight_at_collect[0] == 6 and max(pool.in_flight_at_collect) == 6


def test_no_collection_runs_while_a_worker_loads_even_if_the_collector_is_enabled():
    collections: list[int] = []

    def count(phase, info):
        if phase == "stop":
            collections.append(info["generation"])

    before = gc.get_threshold()
    gc.callbacks.append(count)
    try:
        with collections_paused():
            gc.enable()  # as srsly's msgpack reader does inside spaCy's loading
            kept = [[index] for index in range(100_000)]
            assert collections == []
        assert gc.get_threshold() == before
    finally:
        gc.callbacks.remove(count)
    assert len(kept) == 100_000


def test_workers_are_spawned_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert start_method() == "spawn"  # forking a process with threads can deadlock the child
    finally:
        stop.set()
        thread.join()


def _outcome(results) -> list[tuple]:
    """Everything a run produced, in order: ids, statuses, and every event field."""
    return [(r.origin, r.doc_id, r.status, [e.to_dict() for e in r.events]) for r in results]


@pytest.fixture(scope="module")
def in_process(resources) -> list:
    return list(Pipeline(workers=1, resources=resources).code_documents(_documents()))


class WorkerKiller(Document):
    """A document whose arrival kills the worker process that unpickles it."""

    def __reduce__(self):
        return os._exit, (3,)


class PartitionBreaker(Document):
    """Reaches a worker as a plain string, which makes the partition's task raise there every time."""

    def __reduce__(self):
        return str, ("not a document",)


def test_the_in_process_run_codes_events(in_process):
    assert sum(len(r.events) for r in in_process) >= 4
    assert [r.status for r in in_process] == ["coded"] * 3 + ["skipped", "coded", "coded", "skipped"]


def test_local_pool_gives_the_in_process_results_in_order(in_process):
    documents = _documents()
    results = list(ProcessPool(workers=2, chunk_size=2).code_documents(documents))
    assert _outcome(results) == _outcome(in_process)
    assert all(r.document is d for r, d in zip(results, documents) if isinstance(d, Document))


def test_a_crashed_worker_is_reported_and_the_other_documents_survive(in_process):
    killer = WorkerKiller(id="killer", text="Police arrested him.", original_text="", origin="test:killer")
    documents = _documents()
    documents.insert(2, killer)
    pool = ProcessPool(workers=2, chunk_size=2)
    results = list(pool.code_documents(documents))
    crashed = results.pop(2)
    assert (crashed.origin, crashed.status) == ("test:killer", "failed")
    assert "worker process died" in crashed.reason
    assert _outcome(results) == _outcome(in_process)


class CountingStream:
    """An endless stream of small articles that counts how many have been taken from it."""

    def __init__(self):
        self.taken = 0

    def __iter__(self):
        while True:
            self.taken += 1
            text = f"Police arrested {self.taken} protesters in Nairobi on Monday."
            yield Document(id=f"stream-{self.taken}", text=text, original_text=text, origin="test:stream")


@pytest.mark.parametrize("runner", ["in process", "local pool", "dask"])
def test_an_endless_stream_is_read_only_a_bounded_way_ahead(runner, request):
    stream = CountingStream()
    if runner == "in process":
        pipeline = Pipeline(workers=1, batch_size=8, resources=request.getfixturevalue("resources"))
        results, bound = pipeline.code_documents(stream), 8
    elif runner == "local pool":  # read-ahead of the even tail (2 x 3) plus at most 6 chunks of 2 in flight
        results, bound = ProcessPool(workers=2, chunk_size=2).code_documents(stream), 6 + 6 * 2
    else:  # read-ahead of the even tail (4 x 3) plus at most 2 partitions of 4 in flight
        address = request.getfixturevalue("cluster").scheduler_address
        results = code_distributed(stream, scheduler=address, partition_size=4, max_in_flight=2)
        bound = 12 + 2 * 4
    for count, result in enumerate(results, start=1):
        assert result.status == "coded" and stream.taken <= count + bound
        if count == 40:
            break
    results.close()


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_dask_workers_give_the_same_event_ids(cluster, in_process):
    results = list(code_distributed(_documents(), scheduler=cluster.scheduler_address, partition_size=2))
    assert _outcome(results) == _outcome(in_process)
    event_ids = [e.event_id for r in results for e in r.events]
    assert event_ids == [e.event_id for r in in_process for e in r.events]


def test_dask_workers_code_with_the_run_settings(cluster, resources):
    rules = Settings(decisions=RULES)
    expected = list(Pipeline(workers=1, coder=EventCoder(resources, decisions=RuleDecisions()))
                    .code_documents(_documents()))
    results = list(code_distributed(_documents(), scheduler=cluster.scheduler_address, partition_size=2,
                                    settings=rules))
    assert _outcome(results) == _outcome(expected)
    reasons = [reason for result in results for event in result.events for reason in event.reasons]
    assert reasons and not any(reason.startswith("learned confidence") for reason in reasons)


def test_a_failing_dask_partition_is_retried_then_reported(cluster, in_process):
    breaker = PartitionBreaker(id="breaker", text="x", original_text="x", origin="test:breaker")
    documents = _documents()
    documents.insert(1, breaker)
    results = list(code_distributed(documents, scheduler=cluster.scheduler_address, partition_size=1,
                                    retries=1))
    broken = results.pop(1)
    assert (broken.origin, broken.doc_id, broken.status) == ("test:breaker", "breaker", "failed")
    assert "partition 1 failed after 1 retries" in broken.reason
    assert _outcome(results) == _outcome(in_process)
    log = cluster.scheduler.transition_log
    erred = {t.key for t in log if t.finish == "erred"}
    assert len(erred) == 1
    assert len([t for t in log if t.key in erred and t.finish == "processing"]) == 2  # a try and a retry


def test_parquet_partitions_hold_the_event_records(tmp_path, in_process):
    passed = list(write_parquet(in_process, tmp_path, documents_per_file=3))
    assert passed == in_process
    files = sorted(tmp_path.glob("part-*.parquet"))
    assert [f.name for f in files] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    rows = [row for f in files for row in pq.read_table(f).to_pylist()]
    assert rows == [parquet_row(with_article(e.to_dict(), r.document)) for r in in_process for e in r.events]


def test_the_cli_codes_on_dask_into_parquet_with_the_same_event_ids(cluster, tmp_path):
    import json

    from click.testing import CliRunner

    from eventwire.cli import main

    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"id": f"doc-{i}", "text": text, "date": "2024-03-11"}) + "\n"
                              for i, text in enumerate(ARTICLES) if text), encoding="utf-8")
    local = CliRunner().invoke(main, ["code", str(source)])
    distributed = CliRunner().invoke(main, ["code", str(source), "--scheduler", cluster.scheduler_address,
                                            "--output-dir", str(tmp_path / "events")])
    assert local.exit_code == 0 and distributed.exit_code == 0, distributed.output
    local_ids = [json.loads(line)["event_id"] for line in local.stdout.splitlines() if line.startswith("{")]
    table = pq.read_table(tmp_path / "events" / "part-00000.parquet")
    assert local_ids and table.column("event_id").to_pylist() == local_ids


def test_the_cli_refuses_workers_and_scheduler_together(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, ["code", "-", "--workers", "2", "--scheduler", "tcp://localhost:1"])
    assert result.exit_code == 2 and "pick one" in result.output


def test_a_document_that_breaks_its_batch_fails_alone(in_process, resources):
    broken = Document(id="broken", text=None, original_text="", origin="test:broken")  # type: ignore[arg-type]
    documents = _documents()
    documents.insert(1, broken)
    results = list(Pipeline(workers=1, resources=resources).code_in_process(documents))
    failed = results.pop(1)
    assert (failed.doc_id, failed.status) == ("broken", "failed")
    assert "AttributeError" in failed.reason
    assert _outcome(results) == _outcome(in_process)


def test_ingest_on_dask_stores_what_a_local_ingest_stores(cluster, tmp_path):
    import json

    from click.testing import CliRunner

    from eventwire.cli import main

    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"id": f"doc-{i}", "text": text, "date": "2024-03-11"}) + "\n"
                              for i, text in enumerate(ARTICLES) if text), encoding="utf-8")
    stored = {}
    for name, extra in (("local", []), ("dask", ["--scheduler", cluster.scheduler_address])):
        db = f"sqlite:///{tmp_path / name}.db"
        result = CliRunner().invoke(main, ["ingest", str(source), "--db", db, *extra])
        assert result.exit_code == 0, result.output
        listing = CliRunner().invoke(main, ["events", "--db", db, "--format", "jsonl"])
        stored[name] = sorted((e["event_type"], e["mentions"][0]["doc_id"], e["trigger"]["start"])
                              for e in map(json.loads, listing.stdout.splitlines()))
    assert stored["local"] and stored["dask"] == stored["local"]
