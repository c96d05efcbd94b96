"""When each worker of the local pool codes which chunk, and how long workers wait between chunks.

    python benchmarks/pool_timeline.py [--corpus FILE] [--workers N] [--in-flight N]

Codes the corpus (default: the VOA articles) with the default local pool and prints, for every chunk,
the worker, its size, when it started and ended (seconds from the start, after imports) and its CPU
seconds; then, per worker, the time it spent waiting between two chunks and idle at the end. Worker
startup is the time before a worker's first chunk. Linux only: the workers are forked, so they run the
timed wrapper this script puts in place of `eventwire.parallel.code_chunk`.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from concurrent.futures import Future
from pathlib import Path

from run import REAL_CORPUS

import eventwire.parallel as parallel
from eventwire.ingest import read_inputs

_START = time.perf_counter()
_untimed_code_chunk = parallel.code_chunk
_untimed_collect = parallel.ProcessPool._collect


def _timed_code_chunk(chunk, *args, **kwargs):
    started, cpu = time.perf_counter(), time.process_time()
    results, stats = _untimed_code_chunk(chunk, *args, **kwargs)
    ended = time.perf_counter()
    span = (os.getpid(), len(chunk), started - _START, ended - _START, time.process_time() - cpu)
    return results, (stats, span)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path("..") / "shared" / REAL_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--in-flight", type=int, default=None,
                        help="chunks in flight (default: the pool's own)")
    args = parser.parse_args()
    spans = []

    def collect(pool, chunk, future, executor):
        results, (stats, span) = future.result()
        spans.append(span)
        unwrapped = Future()
        unwrapped.set_result((results, stats))
        return _untimed_collect(pool, chunk, unwrapped, executor)

    parallel.code_chunk = _timed_code_chunk
    parallel.ProcessPool._collect = collect
    documents = list(read_inputs([str(args.corpus)]))
    pool = parallel.ProcessPool(workers=args.workers, max_in_flight=args.in_flight)
    events = sum(len(result.events) for result in pool.code_documents(documents))
    end = time.perf_counter() - _START
    for pid, size, started, ended, cpu in sorted(spans, key=lambda span: span[2]):
        print(f"worker {pid}: {size:2d} documents, {started:6.2f} -> {ended:6.2f} s, {cpu:.2f} CPU s")
    by_worker = defaultdict(list)
    for pid, _, started, ended, _ in spans:
        by_worker[pid].append((started, ended))
    last = max(ended for _, _, _, ended, _ in spans)
    for pid, runs in sorted(by_worker.items()):
        runs.sort()
        waiting = sum(later[0] - earlier[1] for earlier, later in zip(runs, runs[1:]))
        print(f"worker {pid}: first chunk at {runs[0][0]:.2f} s, waited {waiting:.2f} s between chunks, "
              f"idle {last - runs[-1][1]:.2f} s at the end")
    print(f"{len(documents)} documents, {events} events, {end:.2f} s; load average "
          f"{os.getloadavg()[0]:.1f}; {pool.max_in_flight} chunks in flight")


if __name__ == "__main__":
    main()
