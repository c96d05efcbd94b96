"""Sense audit of the most frequent triggers on the real-news dev split (never the test split).

Codes the dev sentences as `eventwire evaluate --only realnews` does (each VOA sentence inside its
article, each event_location sentence alone; the scored event is the coder's highest-confidence event
of the sentence) and groups the scored events by their trigger's lemma (the word the lexicon read:
"verb 'launch' ..." in the event's reasons). For each of the most frequent triggers: how many dev
sentences it decided, the share whose type is the labelled one, and what the labels were when not.

Prints a Markdown table (aggregates and lemmas, never sentences).

Usage: python models/sense_audit.py [--shared ../shared] [--top 50]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

from eventwire.evaluate.realnews import NO_EVENT, code_sentences, load_sentences

REPO = Path(__file__).resolve().parent.parent
DEV = "dev"
TRIGGER_REASON = re.compile(r": (?:verb|noun|light verb|modal frame|intent frame) '([^']+)'")


def trigger_lemma(reasons: list[str], fallback: str) -> str:
    for reason in reasons:
        if found := TRIGGER_REASON.search(reason):
            return found.group(1)
    return fallback.lower()


def audit(shared: Path) -> list[tuple[str, int, int, collections.Counter]]:
    sentences = [s for s in load_sentences(REPO / "data" / "realnews") if s.split == DEV]
    by_trigger: dict[str, list] = collections.defaultdict(list)
    for scored in code_sentences(sentences, shared):
        event = scored.predicted
        if event is not None:
            by_trigger[trigger_lemma(event.reasons, event.trigger.text)].append(
                (event.event_type, scored.gold.event_type))
    rows = []
    for lemma, pairs in by_trigger.items():
        right = sum(coded == gold for coded, gold in pairs)
        wrong_labels = collections.Counter(gold for coded, gold in pairs if coded != gold)
        coded_types = collections.Counter(coded for coded, _ in pairs)
        rows.append((lemma, len(pairs), right, wrong_labels, coded_types))
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def markdown(rows: list, top: int) -> str:
    shown = rows[:top]
    decided = sum(r[1] for r in rows)
    lines = [f"{decided} dev sentences with a coded event, {len(rows)} trigger lemmas; the {len(shown)} most "
             f"frequent decide {sum(r[1] for r in shown)}.", "",
             "| trigger | dev sentences | coded as | share right | labels when wrong |",
             "| --- | ---: | --- | ---: | --- |"]
    for lemma, count, right, wrong_labels, coded_types in shown:
        coded = ", ".join(f"{t} {n}" for t, n in coded_types.most_common(3))
        wrong = ", ".join(f"{'no event' if t == NO_EVENT else t} {n}" for t, n in wrong_labels.most_common(3))
        lines.append(f"| {lemma} | {count} | {coded} | {right / count:.2f} | {wrong or '-'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "voa").is_dir():
        print(f"sense_audit: no shared data at {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    print(markdown(audit(args.shared), args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
