"""Draw the training sentence set (data/training/sentences.jsonl) from ../shared, reproducibly.

Training data for the learned decisions, labelled blind by the same guideline as the real-news set
(docs/annotation.md) and kept apart from anything eventwire is measured on:

- every VOA body sentence of the 33 dev articles that the real-news set did not already draw (no
  sentence of the 32 test articles: those articles are the frozen article-level test set);
- a seeded draw of event_location sentences outside the RELABEL gold and outside the real-news set;
- a second draw from the event_location sentences left, at most three per event verb (the set's own
  verb span), so that the rarer kinds of act are not drowned by killings and captures.

The bench corpus is not used: it is made of event_location sentences, test ones among them.

Usage: python models/sample_training.py [--shared ../shared] [--out data/training/sentences.jsonl]
"""

from __future__ import annotations

import json
import random
import sys
import zipfile
from pathlib import Path

from sample_realnews import location_sentences, run_sampler, voa_articles, voa_sentences

REPO = Path(__file__).resolve().parent.parent
REALNEWS = REPO / "data" / "realnews" / "sentences.jsonl"
DEFAULT_OUT = REPO / "data" / "training" / "sentences.jsonl"
SEED = 20261201
LOCATION_SENTENCES = 3000
PER_VERB = 3


def realnews_records() -> list[dict]:
    with open(REALNEWS, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def draw(shared: Path) -> list[dict]:
    realnews = realnews_records()
    test_articles = {r["doc_id"] for r in realnews if r["origin"] == "voa" and r["split"] == "test"}
    drawn = {(r["doc_id"], r["start"]) for r in realnews if r["origin"] == "voa"}
    drawn_texts = {r["text"] for r in realnews}
    articles = sorted(voa_articles(shared), key=lambda a: a["id"])
    voa = [s for a in articles if a["id"] not in test_articles for s in voa_sentences(a)
           if (s["doc_id"], s["start"]) not in drawn and s["text"] not in drawn_texts]
    rng = random.Random(SEED)
    pool = [s for s in location_sentences(shared) if s["text"] not in drawn_texts]
    located = rng.sample(pool, LOCATION_SENTENCES)
    sample = voa + located
    rng.shuffle(sample)
    taken = {r["text"] for r in located}
    varied = by_verb([s for s in pool if s["text"] not in taken], verbs(shared), rng)
    return [{"id": f"tr-{number:04d}", **record, "split": "train"}
            for number, record in enumerate(sample + varied, 1)]


def verbs(shared: Path) -> dict[str, str]:
    """Each event_location sentence's event verb, as the set marks it."""
    path = shared / "data" / "event_location" / "labeled_text.jsonl.zip"
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read("labeled_text.jsonl"))
    out = {}
    for record in records:
        spans = [s for s in record.get("spans", []) if s["label"] == "VERB"]
        if spans:
            out.setdefault(record["text"], record["text"][spans[0]["start"]:spans[0]["end"]].lower())
    return out


def by_verb(pool: list[dict], verb_of: dict[str, str], rng: random.Random) -> list[dict]:
    """At most PER_VERB sentences per event verb, drawn with the seed, in a seeded order."""
    groups: dict[str, list[dict]] = {}
    for record in pool:
        groups.setdefault(verb_of.get(record["text"], ""), []).append(record)
    chosen = [r for verb in sorted(groups)
              for r in rng.sample(groups[verb], min(PER_VERB, len(groups[verb])))]
    rng.shuffle(chosen)
    return chosen


def _origins(sample: list[dict]) -> str:
    voa = sum(r["origin"] == "voa" for r in sample)
    return f"{voa} VOA dev-article, {len(sample) - voa} event_location"


def main(argv: list[str] | None = None) -> int:
    return run_sampler("sample_training", __doc__, DEFAULT_OUT, draw, _origins, argv)


if __name__ == "__main__":
    sys.exit(main())
