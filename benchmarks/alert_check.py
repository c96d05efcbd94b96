"""How long the alert check after a round takes on a big store, with nothing new to fire.

Every rule is checked against every stored event it matches, each round (see docs/watch.md):
this times that pass for a broad rule and a narrow one, on a store of synthetic coded articles
(tests/store/store_factories.py), after the first pass has fired everything.

Usage: python benchmarks/alert_check.py --docs 3000 [--db sqlite:////tmp/alert-bench.db]
The database should be empty.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "store"))

from store_factories import synthetic_results  # noqa: E402

from eventwire.store import CoderInfo, open_store  # noqa: E402
from eventwire.watch.alerts import AlertEngine, load_rules  # noqa: E402

RULES = {
    "every event": '[[rule]]\nname = "all"\nactions = ["print"]\n',
    "one type and country": '[[rule]]\nname = "narrow"\ntype = "PROTEST"\ncountry = "FRA"\n'
                            'actions = ["print"]\n',
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eventwire-alert-bench-"))
    coder = CoderInfo.of("bench", {"synthetic": True})
    with open_store(args.db or f"sqlite:///{work}/alerts.db") as store:
        started = time.perf_counter()
        for result in synthetic_results(args.docs, days=365):
            store.save(result, coder)
        print(f"{args.docs} articles, {store.counts()['events']} events built in "
              f"{time.perf_counter() - started:.0f} s")
        for name, text in RULES.items():
            path = work / f"{name.replace(' ', '_')}.toml"
            path.write_text(text)
            engine = AlertEngine(store, load_rules(path), out=io.StringIO())
            started = time.perf_counter()
            fired = engine()
            first = time.perf_counter() - started
            started = time.perf_counter()
            again = engine()
            print(f"{name}: first pass {fired} alerts in {first:.2f} s; "
                  f"a round with nothing new ({again} alerts) {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
