"""Quick figures for the verb lexicon: type accuracy of triggers() on the PLOVER gold records, and speed.

The main trigger of a gold sentence is the one overlapping the words marked (EVT: ...) in its markup,
else the first trigger. This is a development measure of classification alone (no actors, no
modality); the official evaluation of the coder is `eventwire evaluate`.

The typed development set (tests/events/fixtures/typed_sentences.tsv, written by the team) is scored
the same way on the word named as its trigger; a trigger below WEAK_SPECIFICITY counts as no event.

`--errors` lists the misclassified sentences of the team's own typed sets only; the gold figures
are aggregate (never sentence by sentence).

Usage: python models/measure_lexicon.py --shared ../shared [--errors] [--no-speed]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "events" / "fixtures"
TYPED = FIXTURES / "typed_sentences.tsv"  # the development set the lexicon work used
UNSEEN = FIXTURES / "typed_sentences_unseen.tsv"  # written afterwards, never tuned on


def read_typed(path: Path = TYPED) -> list[tuple[str, str, str]]:
    """(sentence, expected type or NONE, expected trigger words) rows of the typed development set."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, expected, trigger = line.split("\t")
            rows.append((sentence, expected, trigger))
    return rows


def typed_prediction(doc, found, trigger_words: str) -> str:
    """The type of the trigger covering the first expected trigger word; NONE when none or weak."""
    from eventwire.events.classify import WEAK_SPECIFICITY

    first = trigger_words.split()[0].lower()
    for classification in found:
        start, end = classification.trigger
        if any(token.lower_ == first for token in doc[start:end]):
            return classification.event_type if classification.specificity >= WEAK_SPECIFICITY else "NONE"
    return "NONE"


def measure_typed(show_errors: bool, path: Path = TYPED) -> float:
    from eventwire.resources import Resources

    rows = read_typed(path)
    resources = Resources()
    lexicon = resources.lexicon
    by_type = collections.defaultdict(lambda: [0, 0])
    for (sentence, expected, trigger), doc in zip(rows, resources.nlp.pipe(r[0] for r in rows)):
        found = lexicon.triggers(doc)
        predicted = typed_prediction(doc, found, trigger)
        by_type[expected][0] += predicted == expected
        by_type[expected][1] += 1
        if show_errors and predicted != expected:
            reasons = "; ".join(c.reason for c in found)
            print(f"{expected:>9} <- {predicted:<9} {sentence}\n    {reasons}")
    correct = sum(c for c, _ in by_type.values())
    accuracy = correct / len(rows)
    print(f"typed set {path.name}: {len(rows)} sentences; accuracy {accuracy:.3f}")
    print("per type (correct/total): " + ", ".join(f"{t} {c}/{n}" for t, (c, n) in sorted(by_type.items())))
    return accuracy


def marked_spans(record: dict) -> list[tuple[int, int]]:
    spans = []
    for words in re.findall(r"\(EVT:\s*([^)]*)\)", record["markup"]):
        start = record["text"].find(words.strip())
        if start >= 0:
            spans.append((start, start + len(words.strip())))
    return spans


def main_trigger(doc, found, spans):
    for classification in found:
        start, end = classification.trigger
        first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if any(first < span_end and span_start < last for span_start, span_end in spans):
            return classification
    return found[0] if found else None


def measure_gold(shared: Path) -> None:
    """Aggregate figures only: the gold is a development set whose sentences are never read one by one."""
    from eventwire.resources import Resources

    resources = Resources()
    nlp, lexicon = resources.nlp, resources.lexicon
    records = [json.loads(line) for line in (shared / "data/plover_gsr/plover_gsr.jsonl").open()]
    docs = list(nlp.pipe(r["text"] for r in records))
    confusion: collections.Counter = collections.Counter()
    correct = any_correct = coded = 0
    for record, doc in zip(records, docs):
        found = lexicon.triggers(doc)
        main = main_trigger(doc, found, marked_spans(record))
        predicted = main.event_type if main else "-"
        coded += main is not None
        correct += predicted == record["event"]
        any_correct += any(c.event_type == record["event"] for c in found)
        confusion[(record["event"], predicted)] += 1
    total = len(records)
    print(f"PLOVER gold: {total} records; main-trigger type accuracy {correct / total:.3f}; "
          f"any-trigger recall {any_correct / total:.3f}; sentences with a trigger {coded / total:.3f}")
    by_type = collections.defaultdict(lambda: [0, 0])
    for (gold, predicted), count in confusion.items():
        by_type[gold][1] += count
        by_type[gold][0] += count if gold == predicted else 0
    print("per type (correct/total): " + ", ".join(f"{t} {c}/{n}" for t, (c, n) in sorted(by_type.items())))


def read_news(shared: Path) -> list[dict]:
    """The 10k real news sentences (one JSON array inside the zip)."""
    with zipfile.ZipFile(shared / "data/event_location/labeled_text.jsonl.zip") as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsonl") and "MACOSX" not in n)
        return json.loads(archive.read(name).decode("utf-8"))


def measure_speed(shared: Path) -> None:
    from eventwire.resources import Resources

    records = read_news(shared)
    texts = [record["text"] for record in records]
    resources = Resources()
    lexicon = resources.lexicon
    start = time.perf_counter()
    candidates = [t for t in texts if lexicon.is_candidate(t)]
    elapsed = time.perf_counter() - start
    print(f"is_candidate: {len(texts)} news sentences, {len(texts) / elapsed:,.0f} sentences/s, "
          f"{len(candidates) / len(texts):.1%} candidates")
    docs = list(resources.nlp.pipe(candidates[:2000]))
    start = time.perf_counter()
    triggers = sum(len(lexicon.triggers(doc)) for doc in docs)
    elapsed = time.perf_counter() - start
    print(f"triggers(): {len(docs)} parsed candidate sentences, {len(docs) / elapsed:,.0f} sentences/s "
          f"(parse excluded), {triggers / len(docs):.2f} triggers per sentence, "
          f"{sum(1 for d in docs if lexicon.triggers(d)) / len(docs):.1%} with a trigger")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--errors", action="store_true",
                        help="print every misclassified sentence of the team's own typed sets")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    measure_typed(args.errors)
    measure_typed(args.errors, UNSEEN)
    if not (args.shared / "data/plover_gsr/plover_gsr.jsonl").is_file():
        print(f"shared data not found under {args.shared}: gold and speed not measured", file=sys.stderr)
        return 1
    measure_gold(args.shared)
    if not args.no_speed:
        measure_speed(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
