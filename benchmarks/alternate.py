"""Before/after on a busy machine: the floor, another checkout's pipeline and this one's, alternately.

    python benchmarks/alternate.py --base-src ../other-checkout/src [--corpus FILE] [--runs N]

Each round measures, in fresh processes started back to back, spaCy alone (the floor), the default
pipeline of the code under --base-src (put first on PYTHONPATH) and the default pipeline of this
checkout, on the same corpus (default: the VOA articles) with the same processes, and prints each
one's wall time and CPU seconds against the floor of its round. Comparing within a round cancels most of
what other work on the machine does to all three. Each run imports eventwire from its own src folder
(`run.measure`), whatever the virtualenv has installed and whatever PYTHONPATH says.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from run import REAL_CORPUS, REPO, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-src", type=Path, required=True,
                        help="the src folder of the code to compare with")
    parser.add_argument("--corpus", type=Path, default=Path("..") / "shared" / REAL_CORPUS)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    for _ in range(args.runs):
        floor = measure("floor", corpus, args.workers, None)
        base = measure("pipeline", corpus, args.workers, None, src=args.base_src)
        this = measure("pipeline", corpus, args.workers, None, src=REPO / "src")
        parts = [f"load {os.getloadavg()[0]:.1f}",
                 f"floor {floor.seconds:.1f} s, {floor.cpu_seconds:.1f} CPU s"]
        for name, run in (("base", base), ("this", this)):
            parts.append(f"{name} {run.seconds:.1f} s ({run.seconds / floor.seconds:.2f}x), "
                         f"{run.cpu_seconds:.1f} CPU s ({run.cpu_seconds / floor.cpu_seconds:.2f}x), "
                         f"{run.figures.get('parsed_sentences')} sentences parsed")
        print(" | ".join(parts), flush=True)


if __name__ == "__main__":
    main()
