"""Scale-out on Dask: code a stream of documents on a local or remote dask.distributed cluster.

The input is cut into partitions that are submitted as they are read, with a bounded number
in flight; results come back in input order. Each Dask worker keeps one Pipeline with Resources
built from the run's Settings (`parallel.worker_pipeline`), so models load once per worker. A
partition that fails is retried by Dask and then reported: each of its documents becomes a failed result.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.formats import parquet_table, with_article
from eventwire.parallel import (
    Item,
    chunked,
    chunked_evenly,
    code_chunk,
    default_workers,
    failed,
    with_documents,
)
from eventwire.pipeline import DEFAULT_TIME_BUDGET, Pipeline, StageTimes
from eventwire.records import DocumentResult
from eventwire.resources import Resources, Settings


def code_documents(items: Iterable[Item], *, workers: int | None = None, scheduler: str | None = None,
                   stats: StageTimes | None = None,
                   time_budget: float | None = DEFAULT_TIME_BUDGET,
                   settings: Settings | None = None) -> Iterator[DocumentResult]:
    """The runner behind the CLI: Dask when `workers` or `scheduler` is given, else every local core.
    A document coded for longer than `time_budget` seconds (None: no limit) fails with that reason."""
    if workers or scheduler:
        return code_distributed(items, workers=workers, scheduler=scheduler, stats=stats,
                                time_budget=time_budget, settings=settings)
    pipeline = Pipeline(time_budget=time_budget, resources=Resources(settings))
    if stats is not None:
        pipeline.stats = stats
    return pipeline.code_documents(items)


def code_distributed(items: Iterable[Item], *, workers: int | None = None, scheduler: str | None = None,
                     partition_size: int = 32, max_in_flight: int | None = None, retries: int = 2,
                     batch_size: int = 32, stats: StageTimes | None = None,
                     time_budget: float | None = DEFAULT_TIME_BUDGET,
                     settings: Settings | None = None) -> Iterator[DocumentResult]:
    """One result per input, in input order, coded on Dask, each worker with Resources of `settings`.

    `scheduler` is the address of a running cluster ("tcp://host:8786"); without it a
    LocalCluster of `workers` processes (default: one per core, one thread each) is started
    and closed. At most `max_in_flight` partitions (default: twice the cluster's threads)
    are submitted and not yet collected.
    """
    stats = stats if stats is not None else StageTimes()
    with _client(workers, scheduler) as client:
        threads = max(1, sum(client.nthreads().values()))
        in_flight = max_in_flight or 2 * threads
        run = uuid.uuid4().hex[:8]
        pending: deque = deque()
        for index, partition in enumerate(chunked_evenly(items, partition_size, threads)):
            future = client.submit(code_chunk, partition, batch_size, time_budget, settings or Settings(),
                                   key=f"eventwire-{run}-{index}", retries=retries)
            pending.append((index, partition, future))
            if len(pending) >= in_flight:
                yield from _collect(*pending.popleft(), retries=retries, stats=stats)
        while pending:
            yield from _collect(*pending.popleft(), retries=retries, stats=stats)


@contextmanager
def _client(workers: int | None, scheduler: str | None):
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # Dask's statistical profiler samples every worker thread and costs ~10% CPU on this GIL-bound work.
    # Its nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, so the allocator hands memory back to
    # the system after every parse batch and faults it in again: 15% slower parsing here. glibc's own
    # adaptive threshold is left in place instead.
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}), \
            LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                         dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def _collect(index: int, partition: list[Item], future, *, retries: int,
             stats: StageTimes) -> list[DocumentResult]:
    try:
        results, partition_stats = future.result()
    except Exception as exc:  # noqa: BLE001 - a lost partition is reported on each of its documents
        reason = f"partition {index} failed after {retries} retries: {type(exc).__name__}: {exc}"
        return [failed(item, reason) for item in partition]
    finally:
        future.release()
    stats.add(partition_stats)
    return with_documents(results, partition)


def write_parquet(results: Iterable[DocumentResult], output_dir: str | Path,
                  documents_per_file: int = 1000) -> Iterator[DocumentResult]:
    """Write the events of every `documents_per_file` results to `part-NNNNN.parquet`, in the schema
    `eventwire export --format parquet` writes too (formats.parquet_schema).

    Passes the results through, so the caller can still count and report them.
    """
    import pyarrow.parquet as pq

    directory = Path(output_dir)
    directory.mkdir(parents=True, exist_ok=True)
    for part, chunk in enumerate(chunked(results, documents_per_file)):
        records = [with_article(event.to_dict(), result.document)
                   for result in chunk for event in result.events]
        pq.write_table(parquet_table(records), directory / f"part-{part:05d}.parquet")
        yield from chunk
