"""What the learned event decisions cost per sentence; prints one JSON line.

    python benchmarks/decisions.py [--shared ../shared] [--limit 200]

Codes the first articles of the benchmark corpus with the rules alone, recording each sentence's
parse and candidate events, then times the learned decisions (features and scoring) over the same
sentences, repeated until at least a second of CPU time has passed. CPU time (not wall time) so
that other processes on a shared machine do not inflate the figure.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.events.coder import EventCoder
from eventwire.events.learned import read_decisions
from eventwire.ingest.readers import document_from_record
from eventwire.pipeline import Pipeline
from eventwire.records import Document
from eventwire.resources import Resources


class _Recorder:
    def __init__(self):
        self.calls = []

    def decide(self, sentence, parsed, events, alone):
        self.calls.append((sentence, parsed, events, alone))
        return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    corpus = args.shared / "data" / "bench" / "news_articles.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(args.limit), lines)]
    docs = [d for d in (document_from_record(r, origin=f"bench:{i}") for i, r in enumerate(records))
            if isinstance(d, Document)]
    recorder = _Recorder()
    resources = Resources()
    list(Pipeline(workers=1, coder=EventCoder(resources, decisions=recorder)).code_documents(docs))
    decisions = read_decisions(resources.modality_words)
    rounds, start = 0, time.process_time()
    while rounds == 0 or time.process_time() - start < 1.0:
        for sentence, parsed, events, alone in recorder.calls:
            decisions.decide(sentence, parsed, events, alone)
        rounds += 1
    seconds = (time.process_time() - start) / rounds
    events = sum(len(e) for _, _, e, _ in recorder.calls)
    print(json.dumps({"articles": len(docs), "sentences_with_events": len(recorder.calls), "events": events,
                      "cpu_ms_per_sentence": round(1000 * seconds / max(len(recorder.calls), 1), 4),
                      "cpu_ms_per_event": round(1000 * seconds / max(events, 1), 4)}))


if __name__ == "__main__":
    main()
