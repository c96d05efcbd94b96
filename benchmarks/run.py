"""Throughput benchmark: `make bench`, or `python benchmarks/run.py --shared ../shared`.

Codes the bench corpus (shared/data/bench/news_articles.jsonl) with the default settings and
measures, each in a fresh process whose whole process tree is sampled for memory: cold start
to the first event, spaCy en_core_web_sm alone on the same texts with the same number of
processes (the floor), the eventwire pipeline (default local pool, then one process), Dask
LocalClusters of 1 and N workers, and a sampled profile of where coding time goes. Then the same
floor and default pipeline on real articles (shared/data/voa/news_articles.jsonl), whose many
sentences that report nothing test the candidate filter. Prints a table and writes it into
docs/performance.md between the generated-table markers. `--real-only` measures the real articles
alone (print only); `--src` measures another checkout's source (by default this checkout's, whatever
the virtualenv has installed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
from report import Measurement, machine_description, render, render_real, write_into

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = Path("data/bench/news_articles.jsonl")
REAL_CORPUS = Path("data/voa/news_articles.jsonl")


class TreeMemory:
    """Peak of the summed resident memory of a process and all its descendants."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_bytes

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            try:
                for process in [self.root, *self.root.children(recursive=True)]:
                    total += process.memory_info().rss
            except psutil.Error:
                pass  # a process ended between listing and reading: the next sample counts again
            self.peak_bytes = max(self.peak_bytes, total)
            time.sleep(self.interval)


def measure(kind: str, corpus: Path, workers: int, limit: int | None,
            src: Path = REPO / "src") -> Measurement:
    """Run benchmarks/measure.py KIND in a fresh process; wall time counts from the process start.

    The process imports eventwire from `src` (by default this checkout's), not whichever checkout the
    virtualenv has installed."""
    command = [sys.executable, str(HERE / "measure.py"), kind, "--corpus", str(corpus),
               "--workers", str(workers)] + (["--limit", str(limit)] if limit else [])
    environment = {**os.environ, "PYTHONPATH": str(src.resolve())}
    cpu_before = _children_cpu_seconds()
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                             env=environment)
    memory = TreeMemory(child.pid)
    stdout, stderr = child.communicate()
    wall = time.perf_counter() - start
    peak = memory.stop()
    cpu = _children_cpu_seconds() - cpu_before
    if child.returncode != 0:
        last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit status {child.returncode}"
        print(f"  {kind} (workers={workers}) failed: {last}", file=sys.stderr)
        return Measurement(kind, workers, wall, peak, cpu, {}, error=last)
    return Measurement(kind, workers, wall, peak, cpu, json.loads(stdout.strip().splitlines()[-1]))


def _children_cpu_seconds() -> float:
    """CPU time of every finished descendant (their workers are counted when they are reaped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold_start(corpus: Path, src: Path, runs: int = 3) -> Measurement:
    """Median of a few fresh processes (interpreter start + import + model load + first event)."""
    results = [measure("cold", corpus, 1, None, src) for _ in range(runs)]
    ok = [m for m in results if not m.error] or results
    return sorted(ok, key=lambda m: m.wall)[len(ok) // 2]


def measure_real(corpus: Path, workers: int, src: Path) -> str:
    """The floor and the default pipeline on real articles, as a Markdown section."""
    if not corpus.is_file():
        return f"\nReal articles: not measured ({corpus.name} not found under the shared folder).\n"
    with corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    size = {"articles": len(texts), "words": sum(len(text.split()) for text in texts)}
    runs = []
    for kind in ("floor", "pipeline"):
        print(f"  measuring {kind} on real articles (workers={workers}) ...", file=sys.stderr)
        runs.append(measure(kind, corpus, workers, None, src))
    return render_real(runs, size, workers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared data folder (default: ../shared)")
    parser.add_argument("--workers", type=int, default=psutil.cpu_count(logical=True),
                        help="processes for the default runs (default: every core)")
    parser.add_argument("--limit", type=int, default=None, help="code only the first N articles")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask runs")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    parser.add_argument("--real-only", action="store_true",
                        help="only the floor and the default pipeline on the real articles; print only")
    parser.add_argument("--src", type=Path, default=REPO / "src",
                        help="the eventwire source folder to measure (default: this checkout's)")
    args = parser.parse_args()
    if args.real_only:
        print(measure_real(args.shared / REAL_CORPUS, args.workers, args.src))
        return

    corpus = args.shared / CORPUS
    if not corpus.is_file():
        print(f"bench corpus not found at {corpus}: nothing measured (pass --shared DIR)")
        return
    with corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines][: args.limit]
    size = {"articles": len(texts), "words": sum(len(text.split()) for text in texts)}
    machine = machine_description()
    print(f"{size['articles']} articles, {size['words']} words; {args.workers} workers")

    runs = [("cold", 1), ("floor", args.workers), ("pipeline", args.workers), ("pipeline", 1)]
    if not args.no_dask:
        runs += [("dask", 1), ("dask", args.workers)]
    measurements = []
    for kind, workers in runs:
        print(f"  measuring {kind} (workers={workers}) ...", file=sys.stderr)
        measurement = (cold_start(corpus, args.src) if kind == "cold"
                       else measure(kind, corpus, workers, args.limit, args.src))
        measurements.append(measurement)
    print("  measuring profile ...", file=sys.stderr)
    profile = measure("profile", corpus, 1, min(args.limit or 60, 60), args.src)

    command = "python benchmarks/run.py --shared " + str(args.shared) + (
        f" --limit {args.limit}" if args.limit else "")
    table = render(measurements, profile, size, args.workers, machine, command)
    table += measure_real(args.shared / REAL_CORPUS, args.workers, args.src)
    print(table)
    if not args.no_write:
        write_into(REPO / "docs" / "performance.md", table)
        print("written into docs/performance.md")


if __name__ == "__main__":
    main()
