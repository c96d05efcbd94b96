"""Every result of a corpus as JSON lines, to check that a speed change keeps the output byte for byte.

    python benchmarks/dump_events.py CORPUS.jsonl OUT.jsonl [--limit N] [--preparse rules]
    cmp before.jsonl after.jsonl

Codes the corpus in this process (the pool gives the same results; one process keeps the run
independent of scheduling) and writes one line per document (status, reason) and one per event
(its output record, with the unrounded confidence), keys sorted.
"""

from __future__ import annotations

import argparse
import json
from itertools import islice
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--preparse", default="learned",
                        help="'learned' (default), 'rules' (parse every candidate) or a preparse.json")
    args = parser.parse_args()

    from eventwire.pipeline import Pipeline
    from eventwire.resources import Resources, Settings

    pipeline = Pipeline(workers=1, resources=Resources(Settings(preparse=args.preparse)))
    events = write_results(pipeline, args.corpus, args.out, args.limit)
    print(f"{events} events written to {args.out}; parsed {pipeline.stats.parsed_sentences} of "
          f"{pipeline.stats.sentences} sentences")


def write_results(pipeline, corpus: Path, out_path: Path, limit: int | None = None) -> int:
    """Code `corpus` with `pipeline` and write its results and events to `out_path`; the event count."""
    from eventwire.ingest import read_inputs

    events = 0
    with out_path.open("w", encoding="utf-8") as out:
        for result in pipeline.code_documents(islice(read_inputs([str(corpus)]), limit)):
            line = {"doc_id": result.doc_id, "status": result.status, "reason": result.reason}
            out.write(json.dumps(line, sort_keys=True) + "\n")
            for event in result.events:
                record = {**event.to_dict(), "confidence": repr(event.confidence)}
                out.write(json.dumps(record, sort_keys=True) + "\n")
                events += 1
    return events


if __name__ == "__main__":
    main()
