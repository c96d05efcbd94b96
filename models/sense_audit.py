"""Sense audit of the triggers on the development sentences (real-news dev and data/training; never
the test split).

Codes the sentences as `eventwire evaluate --only realnews` does (each VOA sentence inside its
article, each event_location sentence alone; the scored event is the coder's highest-confidence event
of the sentence) and groups the scored events by the lexicon word that gave their type (a plain verb
or noun reading: "verb 'strike'"). For each word: its event readings in the lexicon (the PLOVER types
its default and patterns can give), how many sentences it decided, how often its type is the labelled
one, how often ANOTHER of its readings is (a perfect choice among its readings would fix those), how
often the label is no event, and how often a type it cannot give. Words are ranked by the sentences a
perfect sense choice would fix.

Prints a Markdown table (aggregates and words, never sentences).

Usage: python models/sense_audit.py [--shared ../shared] [--top 30] [--rules-only]
"""

from __future__ import annotations

import argparse
import collections
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVELOPMENT = (("realnews", "dev"), ("training", "train"))  # (folder under data/, split kept)


@dataclass
class WordTally:
    readings: tuple[str, ...]
    sentences: int = 0
    right: int = 0
    fixable: collections.Counter = field(default_factory=collections.Counter)  # label: another reading
    fixable_dev: int = 0  # of which in the real-news dev split
    no_event: int = 0
    other: collections.Counter = field(default_factory=collections.Counter)  # label: no reading of the word


def development_sentences():
    from eventwire.evaluate.realnews import load_sentences

    return [s for folder, split in DEVELOPMENT for s in load_sentences(REPO / "data" / folder)
            if s.split == split]


def audit(shared: Path, rules_only: bool) -> tuple[dict[str, WordTally], int, int]:
    from eventwire.evaluate.realnews import NO_EVENT, code_sentences
    from eventwire.events.sense import readings, trigger_word
    from eventwire.pipeline import Pipeline
    from eventwire.resources import RULES, Resources, Settings

    settings = Settings(decisions=RULES, preparse=RULES) if rules_only else Settings()
    resources = Resources(settings)
    sentences = development_sentences()
    tallies: dict[str, WordTally] = {}
    for scored in code_sentences(sentences, shared, Pipeline(workers=1, resources=resources)):
        event = scored.predicted
        word = trigger_word(event) if event is not None else None
        if word is None:
            continue
        types = readings(resources.lexicon.data, word)
        tally = tallies.setdefault(f"{word.how} {word.lemma}", WordTally(tuple(types)))
        tally.sentences += 1
        label = scored.gold.event_type
        if label == event.event_type:
            tally.right += 1
        elif label == NO_EVENT:
            tally.no_event += 1
        elif label in types:
            tally.fixable[label] += 1
            tally.fixable_dev += scored.gold.split == "dev"
        else:
            tally.other[label] += 1
    return tallies, len(sentences), sum(1 for s in sentences if s.event_type != NO_EVENT)


def markdown(tallies: dict[str, WordTally], sentences: int, events: int, top: int) -> str:
    ranked = sorted(tallies.items(), key=lambda kv: (-sum(kv[1].fixable.values()), -kv[1].sentences, kv[0]))
    fixable = sum(sum(t.fixable.values()) for t in tallies.values())
    fixable_dev = sum(t.fixable_dev for t in tallies.values())
    several = [t for t in tallies.values() if len(t.readings) > 1]
    lines = [f"{sentences} development sentences ({events} labelled with an event); {len(tallies)} trigger "
             f"words decide {sum(t.sentences for t in tallies.values())} scored events, "
             f"{sum(t.sentences for t in several)} of them by {len(several)} words with several readings. "
             f"A perfect choice among each word's readings would fix {fixable} sentences ({fixable_dev} of "
             "them in the real-news dev split).", "",
             "| trigger | readings (how many: the first three) | sentences | type right | "
             "another reading labelled (fixable) | fixable in real-news dev | no event labelled | "
             "a type it cannot give |",
             "| --- | --- | ---: | ---: | --- | ---: | ---: | --- |"]
    for key, t in ranked[:top]:
        fix = sum(t.fixable.values())
        fix_text = f"{fix}: " + ", ".join(f"{k} {n}" for k, n in t.fixable.most_common(3)) if fix else "0"
        other = ", ".join(f"{k} {n}" for k, n in t.other.most_common(2)) or "-"
        first = ", ".join(t.readings[:3])
        lines.append(f"| {key} | {len(t.readings)}: {first} | {t.sentences} | {t.right} | {fix_text} | "
                     f"{t.fixable_dev} | {t.no_event} | {other} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--rules-only", action="store_true",
                        help="code with the rules alone (no pre-parse model, no learned decisions)")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "voa").is_dir():
        print(f"sense_audit: no shared data at {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    print(markdown(*audit(args.shared, args.rules_only), args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
