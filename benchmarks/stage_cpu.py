"""CPU seconds of each stage of coding a corpus, the parse component by component, in one process.

    python benchmarks/stage_cpu.py CORPUS.jsonl [--rounds 3] [--limit N]

The models are loaded and warmed up first, and what they loaded is frozen out of the garbage
collector's sight, as in a worker (eventwire.parallel); then each round splits and filters every
document (sentence split, candidate filter, pre-parse model), parses the sentences kept in one
`nlp.pipe` stream, runs spaCy's pipeline again one component at a time over the same texts, and codes
every document. CPU seconds are this process's user + system time (time.process_time), steadier than
wall time on a shared machine; the medians over the rounds are printed last. To compare two checkouts,
run it with each one's src first on PYTHONPATH, alternately.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path


def cpu_seconds(work) -> tuple[float, object]:
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def run_component(component, docs: list) -> list:
    """One pipeline component over parsed docs, in batches where it has a batch method."""
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=256))
    return [component(doc) for doc in docs]


def one_round(pipeline, docs) -> dict[str, float]:
    nlp = pipeline.resources.nlp
    seconds: dict[str, float] = {}
    seconds["split + filter"], plans = cpu_seconds(lambda: {doc.id: pipeline._plan(doc) for doc in docs})
    seconds["parse"], parses = cpu_seconds(lambda: pipeline._parse(docs, plans))
    texts = [s.text for doc in docs for s in plans[doc.id].parsed]
    seconds["  spaCy tokenizer"], parsed = cpu_seconds(lambda: [nlp.make_doc(text) for text in texts])
    for name, component in nlp.pipeline:
        seconds[f"  {name}"], parsed = cpu_seconds(lambda c=component, p=parsed: run_component(c, p))
    seconds["coding"], _ = cpu_seconds(lambda: [pipeline.coder.code(doc, plans[doc.id].sentences,
                                                                    parses.get(doc.id, {}), None)
                                                for doc in docs])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()

    from eventwire.ingest import read_inputs
    from eventwire.pipeline import Pipeline
    from eventwire.records import Document

    pipeline = Pipeline(workers=1)
    load, _ = cpu_seconds(pipeline.warm_up)
    gc.freeze()
    docs = [d for d in islice(read_inputs([str(args.corpus)]), args.limit)
            if isinstance(d, Document) and d.text.strip()]
    print(f"models loaded and warmed up: {load:.2f} CPU s; {len(docs)} documents")
    rounds: dict[str, list[float]] = defaultdict(list)
    for number in range(1, args.rounds + 1):
        for stage, seconds in one_round(pipeline, docs).items():
            rounds[stage].append(seconds)
        print(f"round {number}: " + ", ".join(f"{stage.strip()} {values[-1]:.2f}"
                                              for stage, values in rounds.items()))
    print(f"median of {args.rounds} rounds, CPU seconds:")
    for stage, values in rounds.items():
        print(f"  {stage:24s} {statistics.median(values):6.2f}")


if __name__ == "__main__":
    main()
