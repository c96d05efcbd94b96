"""Do historical events (background acts the coder flags, see docs/formats.md) ever outrank the
reported events of their sentences?

Codes the development articles only (the dev article set and the VOA articles of the real-news dev
split; never a test article) with the shipped coder, learned decisions included, and counts the
events flagged historical, those whose confidence reaches that of a current event of their sentence,
and those that would be a sentence's main event (its highest-confidence one) beside a current event.
Prints aggregates and each historical event's type, trigger word and confidence (never sentences).

Usage: python models/historical_audit.py [--shared ../shared] [--json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.evaluate.articles import ARTICLES_PATH, load_articles, load_labels
from eventwire.evaluate.realnews import load_sentences
from eventwire.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent
REALNEWS = REPO / "data" / "realnews"


def audit(shared: Path) -> dict:
    wanted = {label.doc_id for label in load_labels(REALNEWS / "articles_dev.jsonl")}
    wanted |= {s.doc_id for s in load_sentences(REALNEWS) if s.split == "dev" and s.origin == "voa"}
    docs = load_articles(shared / ARTICLES_PATH, wanted)
    events = historical = reaching = main = 0
    flagged = []
    for result in Pipeline(workers=1).code_documents([docs[doc_id] for doc_id in sorted(docs)]):
        by_sentence: dict[int, list] = {}
        for event in result.events:
            by_sentence.setdefault(event.sentence.index, []).append(event)
        events += len(result.events)
        for found in by_sentence.values():
            current = [e for e in found if not e.historical]
            for event in (e for e in found if e.historical):
                historical += 1
                flagged.append([event.event_type, event.trigger.text, round(event.confidence, 3)])
                reaching += any(event.confidence >= c.confidence for c in current)
                main += bool(current) and max(found, key=lambda e: e.confidence) is event
    return {"articles": len(docs), "events": events, "historical": historical,
            "historical_reaching_a_current_event": reaching, "historical_main_events": main,
            "flagged": sorted(flagged)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (args.shared / ARTICLES_PATH).is_file():
        raise SystemExit(f"no VOA articles at {args.shared / ARTICLES_PATH}: pass --shared")
    report = audit(args.shared)
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(f"{report['articles']} dev articles, {report['events']} events, {report['historical']} historical; "
          f"reaching a current event of their sentence: {report['historical_reaching_a_current_event']}; "
          f"main events: {report['historical_main_events']}")
    for event_type, trigger, confidence in report["flagged"]:
        print(f"  {event_type:<9} {trigger!r:<24} {confidence:.3f}")


if __name__ == "__main__":
    main()
