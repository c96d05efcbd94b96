"""Ingest rate of the event store: a synthetic batch of coded articles saved into each --db.

Coding is left out (the batch is built already coded, tests/store/store_factories.py), so
the figure is the store's own cost: one transaction per article, with merging.

Usage: python benchmarks/store_ingest.py --docs 1000 [--order chronological|random] \
           --db sqlite:////tmp/bench.db [--db postgresql://postgres@127.0.0.1:5432/bench]
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


def measure(url: str, docs: int, days: int, order: str) -> str:
    results = synthetic_results(docs, days=days)
    if order == "chronological":  # as news arrives; "random" is a backfill in no order, the worst case
        results.sort(key=lambda r: r.document.date)
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
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--days", type=int, default=60, help="Spread of the event dates.")
    parser.add_argument("--order", choices=["chronological", "random"], default="chronological",
                        help="Ingest by publication date, or in the batch's random order.")
    args = parser.parse_args(argv)
    for url in args.db:
        print(measure(url, args.docs, args.days, args.order))
    return 0


if __name__ == "__main__":
    sys.exit(main())
