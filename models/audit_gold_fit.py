"""Which of the project's own lexicon entries exist only because of the PLOVER gold?

For every `pattern`, `noun`, `verb` and `light` entry of models/sources/verbs_extra.tsv, count the
PLOVER gold sentences and the other news sentences on which it fires (in the readings of
`VerbLexicon.triggers`). An entry that fires on gold sentences and on no other news is suspect: it
was probably written for a gold sentence. Other news: the event_location sentences outside its
RELABEL gold, the benchmark articles' sentences and the VOA articles of the real-news dev split,
less any text of either gold set and any sentence of the real-news test split (data/realnews), which
no lexicon decision may look at.

Prints aggregate counts, and the suspect entries (lexicon lines, never sentences) with --entries.

Usage: python models/audit_gold_fit.py [--shared ../shared] [--entries]
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

from build_lexicon import parse_pattern, phrase_words

from eventwire.evaluate.realnews import held_out
from eventwire.events.lexicon import _pattern
from eventwire.nlp import split_sentences
from eventwire.resources import Resources

REPO = Path(__file__).resolve().parent.parent
EXTRAS = REPO / "models" / "sources" / "verbs_extra.tsv"
REALNEWS = REPO / "data" / "realnews"
AUDITED_KINDS = ("pattern", "noun", "verb", "light")


def extra_entries(path: Path = EXTRAS) -> list[tuple[int, str, str]]:
    """(line number, kind, the string its readings carry in Classification.pattern)."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        kind = fields[0]
        if kind == "pattern":
            raw = parse_pattern(fields[2])
            raw.update(code=None, verb=fields[1])
            entries.append((number, kind, f"{fields[1]} | {_pattern(raw).text}"))
        elif kind == "noun":
            words = [] if fields[2] == "-" else phrase_words(fields[2])
            entries.append((number, kind, " ".join(["noun", *words, fields[1]])))
        elif kind == "verb":
            entries.append((number, kind, f"{fields[1]} | *"))
        elif kind == "light":
            entries.append((number, kind, f"{fields[1]} + "))
    return entries


def fires(entry: tuple[int, str, str], fired: str) -> bool:
    number, kind, marker = entry
    if kind == "light":
        return fired.startswith(marker)
    if kind == "noun":
        return any(part == marker for part in fired.replace(" + to ", " + ").split(" + "))
    return marker in fired and (fired.find(marker) == 0 or fired[fired.find(marker) - 1] == " ")


def gold_texts(shared: Path) -> list[str]:
    with open(shared / "data" / "plover_gsr" / "plover_gsr.jsonl", encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def other_texts(shared: Path, excluded: set[str], dev_articles: set[str]) -> list[str]:
    with zipfile.ZipFile(shared / "data" / "event_location" / "labeled_text.jsonl.zip") as archive:
        records = json.loads(archive.read("labeled_text.jsonl"))
    relabel = {r["text"] for r in records if r.get("source") == "RELABEL"}
    texts = {r["text"] for r in records} - relabel
    with open(shared / "data" / "bench" / "news_articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            texts.update(s.text for s in split_sentences(json.loads(line)["text"]))
    with open(shared / "data" / "voa" / "news_articles.jsonl", encoding="utf-8") as handle:
        for article in map(json.loads, handle):
            if article["id"] in dev_articles:
                texts.update(s.text for s in split_sentences(article["text"]))
    return sorted(texts - excluded - relabel)


def realnews_split() -> tuple[set[str], set[str]]:
    """The test split's sentence texts, and the ids of the dev split's VOA articles."""
    return held_out(REALNEWS)


def fired_patterns(texts: list[str]) -> list[set[str]]:
    resources = Resources()
    lexicon = resources.lexicon
    return [{c.pattern for c in lexicon.triggers(doc)} for doc in resources.nlp.pipe(texts, batch_size=128)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--entries", action="store_true", help="list the suspect lexicon lines")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "plover_gsr").is_dir():
        print(f"audit_gold_fit: no shared data at {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    gold = gold_texts(args.shared)
    test_texts, dev_articles = realnews_split()
    other = other_texts(args.shared, set(gold) | test_texts, dev_articles)
    entries = extra_entries()
    gold_fired, other_fired = fired_patterns(gold), fired_patterns(other)
    counts = {}
    for entry in entries:
        counts[entry] = (sum(any(fires(entry, p) for p in s) for s in gold_fired),
                         sum(any(fires(entry, p) for p in s) for s in other_fired))
    suspect = [e for e in entries if counts[e][0] > 0 and counts[e][1] == 0]
    print(f"{len(gold)} gold sentences, {len(other)} other news sentences, {len(entries)} audited entries")
    for kind in AUDITED_KINDS:
        of_kind = [e for e in entries if e[1] == kind]
        on_gold = [e for e in of_kind if counts[e][0] > 0]
        print(f"{kind:8} {len(of_kind):4} entries, {len(on_gold):4} fire on gold, "
              f"{sum(e in suspect for e in of_kind):4} fire on gold and on no other news")
    if args.entries:
        lines = EXTRAS.read_text(encoding="utf-8").splitlines()
        for number, _kind, _marker in suspect:
            print(f"{EXTRAS.name}:{number}\t{lines[number - 1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
