"""Digests of everything eventwire codes from the VOA articles and the bench corpus, to check that a
speed change keeps the output byte for byte.

    python benchmarks/output_digest.py --shared ../shared --save before.json   # on the code before
    python benchmarks/output_digest.py --shared ../shared --expect before.json # after each change

Each corpus is coded in this process by a fresh pipeline and written as `benchmarks/dump_events.py`
writes it (one line per document, one per event, confidence unrounded); the SHA-256 of those lines is
the corpus's digest. With `--expect`, the exit status is 1 if a digest differs; `--keep DIR` keeps the
JSONL files, to diff them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from dump_events import write_results

CORPORA = {"voa": "data/voa/news_articles.jsonl", "bench": "data/bench/news_articles.jsonl"}


def corpus_digest(corpus: Path, out: Path) -> str:
    from eventwire.pipeline import Pipeline
    from eventwire.resources import Resources, Settings

    write_results(Pipeline(workers=1, resources=Resources(Settings())), corpus, out)
    return hashlib.sha256(out.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--only", choices=sorted(CORPORA), help="one corpus")
    parser.add_argument("--save", type=Path, help="write the digests to this JSON file")
    parser.add_argument("--expect", type=Path, help="compare with digests saved by --save")
    parser.add_argument("--keep", type=Path, help="keep the coded JSONL files in this directory")
    args = parser.parse_args()

    names = [args.only] if args.only else list(CORPORA)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        digests = {name: corpus_digest(args.shared / CORPORA[name], folder / f"{name}.jsonl")
                   for name in names}
    for name, digest in digests.items():
        print(f"{name}: {digest}")
    if args.save:
        args.save.write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
    if args.expect:
        expected = json.loads(args.expect.read_text(encoding="utf-8"))
        changed = [name for name in digests if expected.get(name) != digests[name]]
        print("output changed: " + ", ".join(changed) if changed else "output identical")
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
