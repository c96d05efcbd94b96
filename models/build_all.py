"""Rebuild every converted or learned resource in src/eventwire/data, in dependency order.

Usage: python models/build_all.py [--shared ../shared]
Each step is deterministic: a rebuild gives byte-identical files (tests check it per step).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

MODELS = Path(__file__).resolve().parent

# (script, needs the shared folder): the locator trains on parses that use the gazetteer.
STEPS = [
    ("build_lexicon.py", True),
    ("build_actors.py", True),
    ("build_gazetteer.py", False),
    ("build_admin1.py", False),  # reads the gazetteer just built
    ("build_capitals.py", False),
    ("train_locator.py", True),
    ("build_stopwords.py", False),
    ("build_boundaries.py", False),
    # the learned decisions score the events the rules above produce on the real-news dev split
    ("train_decisions.py", True),
    # which candidate sentences (the lexicon's filter) are parsed, from the labelled sentences in the repo
    ("train_preparse.py", False),
    # the article roles and gate read the events the sentence coder above produces on whole coded articles
    ("train_article.py", True),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=MODELS.parent.parent / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"models: no shared data at {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    for script, needs_shared in STEPS:
        command = [sys.executable, str(MODELS / script)]
        if needs_shared:
            command += ["--shared", str(args.shared)]
        print(f"models: {script}", file=sys.stderr)
        subprocess.run(command, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
