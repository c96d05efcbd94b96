"""Ingest rate of the event store: coded articles saved into each --db.

The articles are either a synthetic batch built already coded (tests/store/store_factories.py)
or a JSONL file coded once with the real coder before timing; either way the figure is the
store's own cost: one transaction per article, with merging. Coding time is printed apart.

Usage: python benchmarks/store_ingest.py --docs 1000 [--order chronological|random] \
           --db sqlite:////tmp/bench.db [--db postgresql://postgres@127.0.0.1:5432/bench]
       python benchmarks/store_ingest.py --jsonl ../shared/data/bench/news_articles.jsonl --db ...
The databases should be empty.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "store"))

from store_factories import synthetic_results  # noqa: E402

from eventwire.store import CoderInfo, open_store  # noqa: E402
from eventwire.store.ingest import IngestTally, store_results  # noqa: E402

CODER = CoderInfo.of("bench", {"synthetic": True})


def synthetic(docs: int, days: int, order: str) -> list:
    results = synthetic_results(docs, days=days)
    if order == "chronological":  # as news arrives; "random" is a backfill in no order, the worst case
        results.sort(key=lambda r: r.document.date)
    return results


def coded_file(path: str) -> list:
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import Pipeline

    started = time.perf_counter()
    results = list(Pipeline().code_documents(read_inputs([path])))
    elapsed = time.perf_counter() - started
    events = sum(len(r.events) for r in results)
    print(f"coding {path}: {len(results)} documents, {events} events in {elapsed:.1f}s "
          f"({len(results) / elapsed:.1f} documents/s, model load included)")
    return results


def measure(url: str, results: list, order: str) -> str:
    docs = len(results)
    with open_store(url) as store:
        started = time.perf_counter()
        tally = store_results(store, results, CODER, IngestTally())
        elapsed = time.perf_counter() - started
        events = store.counts()["events"]
    return (f"{url} ({order} order): {docs} documents, {tally.mentions} mentions -> {events} events "
            f"in {elapsed:.2f}s: "
            f"{docs / elapsed:.0f} documents/s, {tally.mentions / elapsed:.0f} mentions/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", required=True, help="A database URL (repeatable).")
    parser.add_argument("--docs", type=int, default=1000, help="Size of the synthetic batch.")
    parser.add_argument("--jsonl", default=None, help="Code this file first and store its results instead.")
    parser.add_argument("--days", type=int, default=60, help="Spread of the event dates.")
    parser.add_argument("--order", choices=["chronological", "random"], default="chronological",
                        help="Ingest by publication date, or in the batch's random order.")
    args = parser.parse_args(argv)
    results = coded_file(args.jsonl) if args.jsonl else synthetic(args.docs, args.days, args.order)
    for url in args.db:
        print(measure(url, results, "input" if args.jsonl else args.order))
    return 0


if __name__ == "__main__":
    sys.exit(main())
