"""Precision of each trigger word on the labelled development sets: the real-news dev sentences, the
data/training sentences and the article dev set (never a test split).

Codes the sentences as `eventwire evaluate --only realnews` does (each VOA sentence inside its article,
each event_location sentence alone) and keeps EVERY event the coder finds in a sentence (not only the
scored one: on whole articles every event counts). Each event is read back to the lexicon word that gave
its type (the first reason of its type: "... verb 'head' pattern 'head | * to' -> ..."; light verbs,
modal and intent frames are listed under their own word and kind) and judged against the sentence's
label:

- right: the label is the event's type;
- other type: the sentence is labelled with another type (a second event of a sentence can be right
  and still land here: the label names one event per sentence);
- no event: the sentence is labelled no event.

The article dev set (data/realnews/articles_dev.jsonl) is coded as `eventwire evaluate --only articles`
does; there an event is right when it matches a must or an acceptable event, else false.

Prints, ranked by the number of wrong events (other type + no event + false in articles): the trigger
words, the word x type pairs and the word x pattern pairs, each with its precision and the labels it
met when wrong, beside the coder's overall precision. Aggregates and words only, never sentences.
Markdown, or JSON with --json.

Usage: python models/trigger_precision.py [--shared ../shared] [--top 40] [--min 8] [--rules-only] [--json]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVELOPMENT = (("realnews", "dev"), ("training", "train"))  # (folder under data/, split kept)
ARTICLE_DEV_LABELS = REPO / "data" / "realnews" / "articles_dev.jsonl"
TYPE_REASON = re.compile(r": (verb|noun|light verb|modal frame|intent frame) '([^']+)' "
                         r"pattern '(.*)' -> CAMEO ")
UNREAD = "(no lexicon reason)"
QUOTE_MARKS = re.compile(r'[“”"]')
ARTICLE_FALSE = "false in an article"


@dataclass
class Tally:
    right: int = 0
    other_type: int = 0
    no_event: int = 0
    article_right: int = 0
    article_false: int = 0
    labels_when_wrong: collections.Counter = field(default_factory=collections.Counter)

    @property
    def events(self) -> int:
        return self.right + self.other_type + self.no_event + self.article_right + self.article_false

    @property
    def wrong(self) -> int:
        return self.other_type + self.no_event + self.article_false

    @property
    def precision(self) -> float:
        return (self.right + self.article_right) / self.events if self.events else 0.0

    def add(self, outcome: str, label: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome not in ("right", "article_right"):
            self.labels_when_wrong[label] += 1


@dataclass
class Report:
    first_person: frozenset[str]  # "we", "our": a source told in the speaker's own words
    sentences: int = 0
    articles: int = 0
    total: Tally = field(default_factory=Tally)
    types: dict[str, Tally] = field(default_factory=lambda: collections.defaultdict(Tally))
    words: dict[str, Tally] = field(default_factory=lambda: collections.defaultdict(Tally))
    word_types: dict[str, Tally] = field(default_factory=lambda: collections.defaultdict(Tally))
    word_patterns: dict[str, Tally] = field(default_factory=lambda: collections.defaultdict(Tally))
    speech: dict[str, Tally] = field(default_factory=lambda: collections.defaultdict(Tally))

    def add(self, event, outcome: str, label: str) -> None:
        word, pattern = trigger_of(event)
        for tally in (self.total, self.types[event.event_type], self.words[word],
                      self.word_types[f"{word} -> {event.event_type}"],
                      self.word_patterns[f"{word} '{pattern}'"],
                      self.speech[speech_of(event, self.first_person)]):
            tally.add(outcome, label)


def development_sentences():
    from eventwire.evaluate.realnews import load_sentences

    return [s for folder, split in DEVELOPMENT for s in load_sentences(REPO / "data" / folder)
            if s.split == split]


def trigger_of(event) -> tuple[str, str]:
    """('verb head', 'head | * to'): the kind and lemma of the word that gave the event's type, and its
    pattern."""
    for reason in event.reasons:
        if reason.field == "type" and (found := TYPE_REASON.search(reason)):
            return f"{found.group(1)} {found.group(2)}", found.group(3)
    return UNREAD, ""


def speech_of(event, first_person: frozenset[str]) -> str:
    """'quoted, first person, future, no target': how the event was told, for the speech table."""
    before = event.sentence.text[:max(0, event.trigger.start - event.sentence.start)]
    quoted = (len(QUOTE_MARKS.findall(before)) % 2 == 1
              or any(r.field == "reported_by" and r.startswith("quoted:") for r in event.reasons))
    first = (bool(event.source) and event.source[0].text.split()[0].lower() in first_person) or any(
        r.field == "source" and "is the speaker's side" in r for r in event.reasons)
    return ", ".join(("quoted" if quoted else "unquoted", "first person" if first else "other source",
                      "future" if event.future else "not future",
                      "target" if event.target else "no target"))


def sentence_outcome(label: str, event_type: str, no_event: str) -> str:
    if label == event_type:
        return "right"
    return "no_event" if label == no_event else "other_type"


def measure(shared: Path, rules_only: bool) -> Report:
    from eventwire.evaluate.articles import evaluate_articles
    from eventwire.evaluate.realnews import NO_EVENT, sentence_events
    from eventwire.pipeline import Pipeline
    from eventwire.resources import RULES, Resources, Settings

    settings = Settings(decisions=RULES, preparse=RULES) if rules_only else Settings()
    resources = Resources(settings)
    pipeline = Pipeline(workers=1, resources=resources)
    sentences = development_sentences()
    report = Report(resources.modality_words.first_person, sentences=len(sentences))
    for sentence, events in sentence_events(sentences, shared, pipeline):
        for event in events:
            report.add(event, sentence_outcome(sentence.event_type, event.event_type, NO_EVENT),
                       sentence.event_type)
    articles = evaluate_articles(shared, ARTICLE_DEV_LABELS, "dev", aggregate_only=False, pipeline=pipeline)
    report.articles = len(articles.articles)
    for article in articles.articles:
        for event, right in zip(article.events, article.events_right):
            report.add(event, "article_right" if right else "article_false", ARTICLE_FALSE)
    return report


def ranked(tallies: dict[str, Tally], top: int, least: int) -> list[list]:
    kept = [(key, t) for key, t in tallies.items() if t.events >= least]
    kept.sort(key=lambda kv: (-kv[1].wrong, kv[1].precision, kv[0]))
    return [[key, t.events, t.right, t.other_type, t.no_event, t.article_right, t.article_false,
             round(t.precision, 3), wrong_labels(t)]
            for key, t in kept[:top]]


def wrong_labels(tally: Tally) -> str:
    return ", ".join(f"{label} {n}" for label, n in tally.labels_when_wrong.most_common(3))


def summary(report: Report, top: int, least: int) -> dict:
    return {
        "sentences": report.sentences,
        "articles": report.articles,
        "events": report.total.events,
        "precision": round(report.total.precision, 3),
        "columns": ["trigger", "events", "right", "other type", "no event", "right in articles",
                    "false in articles", "precision", "labels when wrong"],
        "by_type": ranked(report.types, len(report.types), 1),
        "words": ranked(report.words, top, least),
        "word_types": ranked(report.word_types, top, least),
        "word_patterns": ranked(report.word_patterns, top, least),
        "speech": ranked(report.speech, len(report.speech), 1),
    }


def markdown(found: dict) -> str:
    lines = [f"{found['sentences']:,} development sentences and {found['articles']} dev articles; "
             f"{found['events']:,} coded events, precision {found['precision']:.3f} (right / events)."]
    header = "| {} | " + " | ".join(found["columns"][1:]) + " |"
    for part, title in (("by_type", "type"), ("words", "trigger"), ("word_types", "trigger -> type"),
                        ("word_patterns", "trigger 'pattern'"), ("speech", "how it was told")):
        lines += ["", header.format(title), "| --- |" + " ---: |" * (len(found["columns"]) - 2) + " --- |"]
        lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in found[part]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--top", type=int, default=40, help="rows listed per table")
    parser.add_argument("--min", type=int, default=8, dest="least", help="least events for a row")
    parser.add_argument("--rules-only", action="store_true",
                        help="code with the rules alone (no pre-parse model, no learned decisions)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "voa").is_dir():
        print(f"trigger_precision: no shared data at {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    found = summary(measure(args.shared, args.rules_only), args.top, args.least)
    print(json.dumps(found, indent=1) if args.json else markdown(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
