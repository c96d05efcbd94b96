"""Coding time of one run-on sentence (no punctuation) as it grows: it should grow about linearly.

Usage: python benchmarks/run_on_sentence.py [--words 1250 2500 5000 10000]
Prints, per length, the seconds spent parsing and coding (one process, models loaded first).
"""

from __future__ import annotations

import argparse
import random
import time

from eventwire import Pipeline
from eventwire.ingest import make_document

# Our own word soup: event verbs, actors and place names in no order.
WORDS = ("police", "detained", "marchers", "in", "the", "port", "soldiers", "shelled", "rebels", "near",
         "Kabul", "and", "the", "envoy", "met", "officials", "from", "Egypt", "while", "troops",
         "raided", "camps", "in", "Sudan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[1250, 2500, 5000, 10000])
    args = parser.parse_args()
    pipeline = Pipeline(workers=1, time_budget=None)
    pipeline.warm_up()
    rng = random.Random(1)
    print(f"{'words':>6}  {'parse s':>8}  {'code s':>7}  {'total s':>8}  {'events':>6}")
    for words in args.words:
        doc = make_document(" ".join(rng.choice(WORDS) for _ in range(words)))
        before = (pipeline.stats.parse_seconds, pipeline.stats.code_seconds)
        started = time.perf_counter()
        result = pipeline.code_document(doc)
        total = time.perf_counter() - started
        parse, code = (pipeline.stats.parse_seconds - before[0], pipeline.stats.code_seconds - before[1])
        print(f"{words:>6}  {parse:>8.2f}  {code:>7.2f}  {total:>8.2f}  {len(result.events):>6}")


if __name__ == "__main__":
    main()
