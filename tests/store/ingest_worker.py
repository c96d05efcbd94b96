"""Ingest a synthetic batch into a store, slowly if asked: the process the crash test kills.

Usage: python ingest_worker.py URL COUNT [DELAY_SECONDS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_factories import synthetic_results  # noqa: E402

from eventwire.store import CoderInfo, open_store  # noqa: E402
from eventwire.store.ingest import IngestTally, skip_current, store_results  # noqa: E402

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})


def slowly(results, delay: float):
    for result in results:
        yield result
        time.sleep(delay)


def main(url: str, count: int, delay: float) -> IngestTally:
    by_id = {r.doc_id: r for r in synthetic_results(count)}
    with open_store(url) as store:
        tally = IngestTally()
        documents = skip_current(store, (r.document for r in by_id.values()), CODER, tally)
        return store_results(store, slowly((by_id[d.id] for d in documents), delay), CODER, tally)


if __name__ == "__main__":
    print(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]) if len(sys.argv) > 3 else 0.0).summary())
