"""CPU time of coding (events, actors, dates, places) by eventwire module, the parse left out.

    python benchmarks/profile_coding.py CORPUS.jsonl [--limit N] [--top 30] [--repeat 2]
        [--sample] [--no-profile] [--save FILE]

One process, models loaded (warmed up and frozen as a worker's): the corpus is split, filtered and parsed
first, untimed; then every document is coded `--repeat` times by a fresh coder without a profiler
(CPU seconds of this process, user + system, per run; with `--sample`, shared among modules by a
CPU-time sampler), and once more under cProfile with a CPU-time
clock. The resources' caches (gazetteer, actor readings) persist between runs: the first run is cold,
as in a fresh worker, the others warm. The profile charges a library function's own time to the
eventwire module that called it (through other library functions, shared in proportion to the calls'
time), as benchmarks/sampler.py does for wall time. The profiler's overhead weighs most on small
functions called often: compare CPU seconds of the unprofiled runs before and after a change.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import pstats
import signal
import time
from collections import Counter
from itertools import islice
from pathlib import Path


def module_of(filename: str, package: str) -> str | None:
    """The eventwire module of a source file, else None; `package` is eventwire's folder, with "/"."""
    if not filename.startswith(package):
        return None
    return filename[len(package):].removesuffix(".py").removesuffix("/__init__")


class CpuSampler:
    """Counts, every `interval` seconds of this process's CPU time (SIGPROF), the innermost eventwire
    module on the main thread's stack (a library call counts for the eventwire module that made it).
    Cheap enough to leave the shares as they are; a long C call (a parse) is one sample, not many."""

    def __init__(self, package: str, interval: float = 0.001):
        self.package = package
        self.interval = interval
        self.samples: Counter[str] = Counter()

    def _sample(self, _signum, frame) -> None:
        while frame is not None:
            module = module_of(frame.f_code.co_filename, self.package)
            if module is not None:
                self.samples[module] += 1
                return
            frame = frame.f_back
        self.samples["(outside eventwire)"] += 1

    def __enter__(self) -> CpuSampler:
        self._previous = signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *exc) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, self._previous)


def module_shares(stats: pstats.Stats, package: str) -> Counter[str]:
    """Seconds of own time per eventwire module, library time charged to its eventwire caller."""
    table = stats.stats  # func -> (cc, nc, tt, ct, callers{func: (cc, nc, tt, ct)})
    owners: dict[tuple, Counter[str]] = {}  # func -> the modules its time is charged to, as fractions

    def owner(func) -> Counter[str]:
        if func in owners:
            return owners[func]
        module = module_of(func[0], package)
        if module is not None:
            owners[func] = Counter({module: 1.0})
            return owners[func]
        owners[func] = Counter({"(outside eventwire)": 1.0})  # a recursion's cycle stops here
        callers = table[func][4] if func in table else {}
        total = sum(entry[3] for entry in callers.values())
        if total:
            shares: Counter[str] = Counter()
            for caller, entry in callers.items():
                for name, fraction in owner(caller).items():
                    shares[name] += fraction * entry[3] / total
            owners[func] = shares
        return owners[func]

    seconds: Counter[str] = Counter()
    for func, (_cc, _nc, own, _ct, _callers) in table.items():
        for name, fraction in owner(func).items():
            seconds[name] += own * fraction
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--top", type=int, default=30, help="functions to list by own time")
    parser.add_argument("--repeat", type=int, default=2, help="unprofiled runs to time")
    parser.add_argument("--no-profile", action="store_true", help="only the timed runs")
    parser.add_argument("--sample", action="store_true",
                        help="time the runs with a CPU-time sampler on: CPU seconds by module, run by run")
    parser.add_argument("--save", type=Path, help="write the profile here (pstats), to read it further")
    args = parser.parse_args()

    import eventwire
    from eventwire.events.coder import EventCoder
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import Pipeline
    from eventwire.records import Document

    package = str(Path(eventwire.__file__).resolve().parent) + "/"
    pipeline = Pipeline(workers=1)
    pipeline.warm_up()
    gc.freeze()  # as a worker does (eventwire.parallel): what was loaded stays out of the collector's sight
    docs = [d for d in islice(read_inputs([str(args.corpus)]), args.limit)
            if isinstance(d, Document) and d.text.strip()]
    plans = {doc.id: pipeline._plan(doc) for doc in docs}
    parses = pipeline._parse(docs, plans)

    def code_all(coder: EventCoder) -> int:
        return sum(len(coder.code(doc, plans[doc.id].sentences, parses.get(doc.id, {}), None))
                   for doc in docs)

    def fresh_coder() -> EventCoder:
        coder = EventCoder(pipeline.resources)
        coder.load()
        return coder

    by_module: Counter[str] = Counter()  # CPU seconds over every run
    for run in range(args.repeat):
        coder = fresh_coder()
        sampler = CpuSampler(package)
        start = time.process_time()
        with sampler if args.sample else contextlib.nullcontext():
            events = code_all(coder)
        seconds = time.process_time() - start
        print(f"run {run + 1}: {seconds:.2f} CPU s coding {len(docs)} documents, {events} events")
        total = sum(sampler.samples.values())
        for module, count in sampler.samples.most_common():
            by_module[module] += seconds * count / total
            print(f"  {module:28s} {seconds * count / total:6.3f} s {100 * count / total:5.1f}%")
    if by_module:
        print(f"mean of {args.repeat} runs: {sum(by_module.values()) / args.repeat:.3f} CPU s")
        for module, seconds in by_module.most_common():
            print(f"  {module:28s} {seconds / args.repeat:6.3f} s")

    if args.no_profile:
        return
    coder = fresh_coder()
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    code_all(coder)
    profiler.disable()
    stats = pstats.Stats(profiler)
    if args.save:
        stats.dump_stats(args.save)
    shares = module_shares(stats, package)
    total = sum(shares.values())
    print(f"\nprofiled: {total:.2f} CPU s (profiler overhead included)")
    for module, seconds in shares.most_common():
        print(f"  {module:28s} {seconds:6.2f} s {100 * seconds / total:5.1f}%")
    print()
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
