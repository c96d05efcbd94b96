"""Codes documents on every local core: a pool of worker processes, one Pipeline each.

Documents travel to the workers in chunks with a bounded number of chunks in flight, so
memory stays flat whatever the input size, and results come back in input order. Each
worker loads its models once (forked on Linux when this process runs no other thread, else
spawned). A worker that dies is reported, never skipped: the chunks it took down
are coded again one document at a time in a fresh pool, and a document that kills a
worker on its own becomes a failed result.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from typing import TypeVar

from eventwire.pipeline import DEFAULT_TIME_BUDGET, Pipeline, StageTimes
from eventwire.records import Document, DocumentResult, Rejected
from eventwire.resources import Resources, Settings

Item = Document | Rejected
T = TypeVar("T")


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def chunked_evenly(items: Iterable[T], size: int, workers: int) -> Iterator[list[T]]:
    """Chunks of `size`, except that the last `size * workers` items (or fewer) are dealt in chunks
    a quarter of `size`, so that the workers finish at about the same time instead of one
    coding a whole last chunk while the others wait. Reads at most `size * (workers + 1)` ahead."""
    iterator = iter(items)
    tail = size * workers
    buffer = list(islice(iterator, tail + size))
    while len(buffer) > tail:
        yield buffer[:size]
        buffer = buffer[size:] + list(islice(iterator, size))
    small = max(1, -(-size // 4))
    for start in range(0, len(buffer), small):
        yield buffer[start:start + small]


def start_method() -> str:
    """How worker processes start. A forked worker inherits this process's imports (and models, if
    any are loaded) instead of importing spaCy again, which saves each worker most of a second; fork
    is safe only without other threads, and Linux is where it is the norm. Elsewhere: spawn."""
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


# Chunks submitted and not yet collected, per worker. Results are collected in input order, so while
# the parent waits for a full chunk, the other workers can only take chunks already submitted; at the
# tail, chunks are a quarter of the size, so with two workers one codes a full chunk while the other
# needs four small ones queued (1 + 4 + its current one = 6 = 3 x 2). With two per worker it starved
# between chunks for 0.3-0.6 s of a 12-16 s run over the VOA articles (docs/performance.md).
IN_FLIGHT_PER_WORKER = 3

_PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h)


def start_worker(batch_size: int, parent_pid: int, settings: Settings) -> None:
    """A local pool worker's start: it ends with its parent, then loads its models."""
    die_with_parent(parent_pid)
    worker_pipeline(batch_size, settings)


def die_with_parent(parent_pid: int) -> None:
    """End this process when its parent dies, even by kill -9, instead of holding its models' memory
    as an orphan. Linux sends the signal when the thread that started the worker ends, and the pool
    starts its workers from the thread that codes. Elsewhere a watching thread polls the parent."""
    if sys.platform == "linux":
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        def watch() -> None:
            while os.getppid() == parent_pid:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, daemon=True, name="eventwire-parent-watch").start()
    if os.getppid() != parent_pid:  # the parent died before the signal was asked for
        os._exit(1)


@lru_cache(maxsize=1)
def worker_pipeline(batch_size: int, settings: Settings) -> Pipeline:
    """The Pipeline of this worker process, its own Resources built from `settings` and loaded: built
    once, kept for every chunk (a chunk with other settings replaces it). What is loaded then lives
    as long as the process, so it is moved out of the cyclic collector's sight."""
    with collections_paused():
        pipeline = Pipeline(batch_size=batch_size, workers=1, resources=Resources(settings))
        pipeline.warm_up()
        gc.freeze()
    return pipeline


@contextmanager
def collections_paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block, whoever enables the collector meanwhile.

    A worker's load makes about 200,000 container objects that live as long as it does; the collector
    would walk them (and, in a forked worker, the parent's objects, copying their pages) some thirty
    times and free nothing: about 0.1 of a worker's 0.7 CPU seconds of start. `jsondata.long_lived`
    disables the collector around its own loads, but spaCy's loading enables it again (srsly's
    msgpack reader), so the collection threshold is set to zero instead, and restored after."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def code_chunk(chunk: list[Item], batch_size: int, time_budget: float | None = DEFAULT_TIME_BUDGET,
               settings: Settings | None = None) -> tuple[list[DocumentResult], StageTimes]:
    """Runs in a worker (local or Dask): results without their Documents, which the caller holds."""
    pipeline = worker_pipeline(batch_size, settings or Settings())
    pipeline.stats, pipeline.time_budget = StageTimes(), time_budget
    results = list(pipeline.code_in_process(chunk))
    for result in results:
        result.document = None
    return results, pipeline.stats


def with_documents(results: list[DocumentResult], chunk: list[Item]) -> list[DocumentResult]:
    """Put back the Documents that `code_chunk` did not send back."""
    for result, item in zip(results, chunk, strict=True):
        if isinstance(item, Document):
            result.document = item
    return results


def failed(item: Item, reason: str) -> DocumentResult:
    doc_id = item.doc_id if isinstance(item, Rejected) else item.id
    document = item if isinstance(item, Document) else None
    return DocumentResult(origin=item.origin, status="failed", doc_id=doc_id, document=document,
                          reason=reason)


class ProcessPool:
    """Codes a stream of documents in `workers` processes, each with its own Resources of `settings`;
    adds stage times to `stats`."""

    def __init__(self, workers: int, batch_size: int = 32, chunk_size: int = 16,
                 max_in_flight: int | None = None, stats: StageTimes | None = None,
                 time_budget: float | None = DEFAULT_TIME_BUDGET, settings: Settings | None = None):
        self.time_budget = time_budget
        self.settings = settings or Settings()
        self.workers = workers
        self.batch_size = batch_size
        self.chunk_size = chunk_size
        self.max_in_flight = max_in_flight or IN_FLIGHT_PER_WORKER * workers
        self.stats = stats if stats is not None else StageTimes()
        self._executor: ProcessPoolExecutor | None = None

    def code_documents(self, items: Iterable[Item]) -> Iterator[DocumentResult]:
        """One result per input, in input order."""
        pending: deque[tuple[list[Item], Future, ProcessPoolExecutor]] = deque()
        try:
            for chunk in chunked_evenly(items, self.chunk_size, self.workers):
                pending.append((chunk, *self._submit(chunk)))
                if len(pending) >= self.max_in_flight:
                    yield from self._collect(*pending.popleft())
            while pending:
                yield from self._collect(*pending.popleft())
        finally:
            self._shutdown()

    def _submit(self, chunk: list[Item]) -> tuple[Future, ProcessPoolExecutor]:
        if self._executor is None:
            context = multiprocessing.get_context(start_method())
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context,
                                                 initializer=start_worker,
                                                 initargs=(self.batch_size, os.getpid(), self.settings))
        try:
            future = self._executor.submit(code_chunk, chunk, self.batch_size, self.time_budget,
                                           self.settings)
            return future, self._executor
        except BrokenProcessPool:
            self._shutdown()
            return self._submit(chunk)

    def _collect(self, chunk: list[Item], future: Future,
                 executor: ProcessPoolExecutor) -> list[DocumentResult]:
        try:
            results, stats = future.result()
        except Exception as exc:  # noqa: BLE001 - find the document at fault, keep the others
            if isinstance(exc, BrokenProcessPool) and executor is self._executor:
                self._shutdown()
            return [self._code_alone(item) for item in chunk]
        self.stats.add(stats)
        return with_documents(results, chunk)

    def _code_alone(self, item: Item) -> DocumentResult:
        """A chunk holding `item` failed or took a worker down: code `item` by itself."""
        future, executor = self._submit([item])
        try:
            results, stats = future.result()
        except BrokenProcessPool:
            if executor is self._executor:
                self._shutdown()
            return failed(item, "a worker process died while coding this document")
        except Exception as exc:  # noqa: BLE001 - reported on the document, never dropped
            return failed(item, f"worker failed: {type(exc).__name__}: {exc}")
        self.stats.add(stats)
        return with_documents(results, [item])[0]

    def _shutdown(self) -> None:
        """Stop the workers without waiting for them to tear their models down: no result is pending."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
