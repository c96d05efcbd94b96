"""Development measure: source-actor country and sector on the PLOVER gold, out of context.

    .venv/bin/python tests/actors/measure_gsr.py [--shared ../shared] [--errors]

Each gold source `text` span is resolved alone with `resolve_text` on the records' date
(2000-01-01). Gold "IGO"/"NGO"/"IMG" match a predicted code of that category. Not a test: the
records must not be fitted (a held-out set measures generality).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from eventwire.actors import load_resolver

REPO = Path(__file__).resolve().parents[2]
CATEGORIES = ("IGO", "NGO", "IMG", "MNC")
GOLD_DATE = dt.date(2000, 1, 1)


def predicted_key(actor) -> str | None:
    if actor.country:
        return actor.country
    code = actor.code or ""
    return code[:3] if code[:3] in CATEGORIES else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    args = parser.parse_args()
    resolver = load_resolver()
    total = country_ok = sector_total = sector_ok = empty = 0
    with open(args.shared / "data" / "plover_gsr" / "plover_gsr.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for gold in record["source"]:
                if not gold.get("text") or not gold.get("code") or gold["code"] == "***":
                    continue
                total += 1
                found = resolver.resolve_text(gold["text"], GOLD_DATE)
                got = predicted_key(found[0].actor) if found else None
                empty += not found
                country_ok += got == gold["code"]
                gold_sector = (gold.get("sector") or "")[:3] or None
                if gold_sector and gold_sector != "***":
                    sector_total += 1
                    sector_ok += bool(found) and found[0].actor.sector == gold_sector
                if args.errors and got != gold["code"]:
                    shown = [(r.actor.code, r.reasons) for r in found]
                    print(f"{gold['text']!r}: gold {gold['code']} {gold.get('sector')} got {shown}")
    print(f"source actors: {total}; country accuracy {country_ok / total:.3f} ({country_ok}/{total}); "
          f"nothing resolved {empty}; sector accuracy where gold has one {sector_ok / sector_total:.3f} "
          f"({sector_ok}/{sector_total})")


if __name__ == "__main__":
    main()
