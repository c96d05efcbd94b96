"""CPU seconds of a default run (local process pool): the parent's and its workers', from the kernel.

    python benchmarks/pool_cpu.py CORPUS.jsonl [--workers 2] [--runs 3]

Each run is a fresh process that imports eventwire, then codes the corpus with `Pipeline(workers=N)`
as `benchmarks/measure.py pipeline` does; it prints the wall seconds of the coding, the user and
system CPU seconds of the parent (after its imports) and of its workers (their whole lives: start,
model loads, coding), and the workers' minor page faults. On a machine shared with other work, the
workers' CPU seconds move far less than wall time: compare two checkouts with each one's src first on
PYTHONPATH, alternately.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

_CHILD = """
import json, resource, sys, time
from eventwire.ingest import read_inputs
from eventwire.pipeline import Pipeline

def usage(who):
    r = resource.getrusage(who)
    return r.ru_utime, r.ru_stime, r.ru_minflt

before = usage(resource.RUSAGE_SELF)
pipeline = Pipeline(workers=int(sys.argv[2]))
start = time.perf_counter()
events = sum(len(result.events) for result in pipeline.code_documents(read_inputs([sys.argv[1]])))
wall = time.perf_counter() - start
time.sleep(0.5)  # the workers end after the last result; their times count once they are reaped
parent, workers = usage(resource.RUSAGE_SELF), usage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "events": events,
                  "parent_user": parent[0] - before[0], "parent_system": parent[1] - before[1],
                  "workers_user": workers[0], "workers_system": workers[1], "workers_faults": workers[2]}))
"""


def one_run(corpus: Path, workers: int) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(corpus), str(workers)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for _ in range(args.runs):
        load = f"{os.getloadavg()[0]:.2f}"
        started = time.time()
        run = one_run(args.corpus, args.workers)
        print(f"load {load}: {run['wall']:.2f} s wall, {run['events']} events; parent CPU "
              f"{run['parent_user'] + run['parent_system']:.2f} s; workers CPU "
              f"{run['workers_user'] + run['workers_system']:.2f} s (user {run['workers_user']:.2f}, "
              f"system {run['workers_system']:.2f}), {run['workers_faults']} page faults "
              f"[{time.time() - started:.0f} s with start]")


if __name__ == "__main__":
    main()
