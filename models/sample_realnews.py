"""Draw the real-news sentence set (data/realnews/sentences.jsonl) from ../shared, reproducibly.

The pool is every body sentence of the 65 public-domain VOA articles (split with the coder's own
sentence splitter) and every event_location sentence whose text is not in that set's RELABEL gold.
A fixed seed draws 1,000 sentences from each half. Splits are by document: the VOA articles are
shuffled once and the first 32 go to the frozen test split (their sentences, whole articles, also
form the article-level test set), the other 33 to dev; event_location sentences go to test with
probability 0.6. Each record carries the article's title, date and neighbouring sentences so that a
labeller can resolve pronouns, exactly as a reader of the article could.

Usage: python models/sample_realnews.py [--shared ../shared] [--out data/realnews/sentences.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from eventwire.nlp import split_sentences

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "data" / "realnews" / "sentences.jsonl"
SEED = 20261130
PER_ORIGIN = 1000
TEST_ARTICLES = 32
LOCATION_TEST_SHARE = 0.6
GOLD_SOURCE = "RELABEL"


def voa_articles(shared: Path) -> list[dict]:
    with open(shared / "data" / "voa" / "news_articles.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def voa_sentences(article: dict) -> list[dict]:
    """Body sentences with offsets into the article's `text` (its first line is the title)."""
    text = article["text"]
    body_start = len(text.split("\n", 1)[0])
    sentences = [s for s in split_sentences(text) if s.start >= body_start and s.text.strip()]
    records = []
    for index, sentence in enumerate(sentences):
        records.append({
            "origin": "voa", "doc_id": article["id"], "start": sentence.start, "end": sentence.end,
            "text": sentence.text, "title": article["title"], "date": article["date"],
            "before": [s.text for s in sentences[max(0, index - 2):index]],
            "after": [s.text for s in sentences[index + 1:index + 2]],
        })
    return records


def location_sentences(shared: Path) -> list[dict]:
    path = shared / "data" / "event_location" / "labeled_text.jsonl.zip"
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read("labeled_text.jsonl"))
    gold = {r["text"] for r in records if r.get("source") == GOLD_SOURCE}
    texts = sorted({r["text"] for r in records if r.get("source") != GOLD_SOURCE} - gold)
    return [{"origin": "event_location", "doc_id": f"el-{i:05d}", "start": 0, "end": len(t), "text": t,
             "title": None, "date": None, "before": [], "after": []} for i, t in enumerate(texts)]


def draw(shared: Path) -> list[dict]:
    rng = random.Random(SEED)
    articles = sorted(voa_articles(shared), key=lambda a: a["id"])
    order = [a["id"] for a in articles]
    rng.shuffle(order)
    test_articles = set(order[:TEST_ARTICLES])
    voa_pool = [s for a in articles for s in voa_sentences(a)]
    chosen = rng.sample(voa_pool, PER_ORIGIN)
    for record in chosen:
        record["split"] = "test" if record["doc_id"] in test_articles else "dev"
    located = rng.sample(location_sentences(shared), PER_ORIGIN)
    for record in located:
        record["split"] = "test" if rng.random() < LOCATION_TEST_SHARE else "dev"
    sample = chosen + located
    rng.shuffle(sample)
    for number, record in enumerate(sample, 1):
        record["id"] = f"rn-{number:04d}"
    return [{"id": r.pop("id"), **r} for r in sample]


def write_jsonl(records: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_sampler(name: str, doc: str, default_out: Path, draw_from: Callable[[Path], list[dict]],
                describe: Callable[[list[dict]], str], argv: list[str] | None) -> int:
    """The command line of a sampling script: draw from --shared, write --out, say what was drawn."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "voa").is_dir():
        print(f"{name}: no shared data at {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    sample = draw_from(args.shared)
    write_jsonl(sample, args.out)
    print(f"{name}: {len(sample)} sentences ({describe(sample)}) -> {args.out}", file=sys.stderr)
    return 0


def _splits(sample: list[dict]) -> str:
    test = sum(r["split"] == "test" for r in sample)
    return f"{test} test, {len(sample) - test} dev"


def main(argv: list[str] | None = None) -> int:
    return run_sampler("sample_realnews", __doc__, DEFAULT_OUT, draw, _splits, argv)


if __name__ == "__main__":
    sys.exit(main())
