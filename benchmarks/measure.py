"""One benchmark measurement in a fresh process; prints its figures as one JSON line.

    python benchmarks/measure.py KIND --corpus news_articles.jsonl [--workers N] [--limit N]

KIND is cold (import, model load and first event of one article), floor (spaCy
en_core_web_sm alone on the article texts), pipeline (eventwire's default runner, a local
process pool), dask (a LocalCluster) or profile (where in-process coding time goes, by stage).
run.py starts these and samples the memory of each process tree.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from itertools import islice
from pathlib import Path

from sampler import StackSampler


def read_texts(corpus: Path, limit: int | None) -> list[str]:
    with corpus.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in islice(lines, limit)]


class TimedIterator:
    """Counts the time spent producing items (here: reading and cleaning documents)."""

    def __init__(self, items: Iterable):
        self.items = iter(items)
        self.seconds = 0.0

    def __iter__(self) -> Iterator:
        while True:
            start = time.perf_counter()
            try:
                item = next(self.items)
            except StopIteration:
                self.seconds += time.perf_counter() - start
                return
            self.seconds += time.perf_counter() - start
            yield item


def measure_cold(corpus: Path, limit: int | None, workers: int) -> dict:
    start = time.perf_counter()
    import eventwire

    imported = time.perf_counter()
    text = read_texts(corpus, 1)[0]
    events = eventwire.code_text(text)
    return {"import_seconds": imported - start, "first_event_seconds": time.perf_counter() - start,
            "events": len(events)}


def measure_floor(corpus: Path, limit: int | None, workers: int) -> dict:
    import spacy

    from eventwire.nlp import SPACY_MODEL

    texts = read_texts(corpus, limit)
    start = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16, n_process=workers))
    return {"load_seconds": loaded - start, "parse_seconds": time.perf_counter() - loaded,
            "seconds": time.perf_counter() - start, "tokens": tokens, "components": nlp.pipe_names}


def measure_pipeline(corpus: Path, limit: int | None, workers: int) -> dict:
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(workers=workers)
    return _code_all(corpus, limit, lambda docs: pipeline.code_documents(docs), pipeline.stats)


def measure_dask(corpus: Path, limit: int | None, workers: int) -> dict:
    from eventwire.pipeline import StageTimes
    from eventwire.scale import code_distributed

    stats = StageTimes()
    return _code_all(corpus, limit, lambda docs: code_distributed(docs, workers=workers, stats=stats), stats)


def _code_all(corpus: Path, limit: int | None, run, stats) -> dict:
    from eventwire.ingest import read_inputs

    start = time.perf_counter()
    reader = TimedIterator(islice(read_inputs([str(corpus)]), limit))
    statuses: dict[str, int] = {}
    event_ids: list[str] = []
    first_result = None
    for result in run(reader):
        first_result = first_result or time.perf_counter() - start
        statuses[result.status] = statuses.get(result.status, 0) + 1
        event_ids.extend(event.event_id for event in result.events)
    return {"seconds": time.perf_counter() - start, "first_result_seconds": first_result,
            "read_seconds": reader.seconds, "statuses": statuses, "events": len(event_ids),
            "event_ids_hash": hash_ids(event_ids), **asdict(stats)}


def hash_ids(ids: list[str]) -> str:
    import hashlib

    return hashlib.sha1("\n".join(ids).encode()).hexdigest()[:12]


def measure_profile(corpus: Path, limit: int | None, workers: int) -> dict:
    """Code in this process: stage timers, and a sampler that splits coding time between modules."""
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import Pipeline, StageTimes

    pipeline = Pipeline(workers=1)
    documents = list(islice(read_inputs([str(corpus)]), limit))
    pipeline.code_document(documents[0])  # load models before sampling
    pipeline.stats = StageTimes()
    with StackSampler() as sampler:
        for _ in pipeline.code_in_process(documents):
            pass
    return {"coding_shares": sampler.shares(prefix="coding: "), **asdict(pipeline.stats)}


KINDS = {"cold": measure_cold, "floor": measure_floor, "pipeline": measure_pipeline,
         "dask": measure_dask, "profile": measure_profile}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    figures = KINDS[args.kind](args.corpus, args.limit, args.workers)
    sys.stdout.write(json.dumps(figures) + "\n")


if __name__ == "__main__":
    main()
