"""Merge precision and recall on labelled article pairs (benchmarks/merge_pairs.jsonl).

Each pair is two short articles, labelled `same` when they report one happening. Both are
coded with the real coder and stored in a fresh SQLite store; the pair is predicted `same`
when one stored event carries mentions from both articles. A pair where either article
yields no event can only be predicted `different`: coder misses count against recall.

Usage: python benchmarks/merge_eval.py [--pairs benchmarks/merge_pairs.jsonl] [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from eventwire.ingest import document_from_record
from eventwire.pipeline import Pipeline
from eventwire.records import DocumentResult
from eventwire.store import current_coder, open_store

PAIRS = Path(__file__).with_name("merge_pairs.jsonl")


@dataclass
class PairOutcome:
    pair_id: str
    kind: str
    gold_same: bool
    predicted_same: bool
    events_a: int
    events_b: int


@dataclass
class MergeScores:
    pairs: int
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int
    pairs_with_an_uncoded_article: int

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positive + self.false_negative
        return self.true_positive / gold if gold else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 3), "recall": round(self.recall, 3)}


def load_pairs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def code_articles(pairs: list[dict]) -> dict[str, DocumentResult]:
    """Every article of every pair, coded in one pipeline run."""
    articles = [pair[side] for pair in pairs for side in ("a", "b")]
    documents = [document_from_record(article, origin=article["id"]) for article in articles]
    return {result.doc_id: result for result in Pipeline().code_documents(documents)}


def judge_pair(pair: dict, results: dict[str, DocumentResult], folder: Path) -> PairOutcome:
    first, second = results[pair["a"]["id"]], results[pair["b"]["id"]]
    coder = current_coder()
    with open_store(str(folder / f"{pair['id']}.db")) as store:
        store.save(first, coder)
        store.save(second, coder)
        together = any({m["doc_id"] for m in record["mentions"]} >= {first.doc_id, second.doc_id}
                       for record in store.events())
    return PairOutcome(pair["id"], pair.get("kind", ""), pair["same"], together, len(first.events),
                       len(second.events))


def score(outcomes: list[PairOutcome]) -> MergeScores:
    def count(gold: bool, predicted: bool) -> int:
        return sum(o.gold_same == gold and o.predicted_same == predicted for o in outcomes)

    return MergeScores(pairs=len(outcomes), true_positive=count(True, True),
                       false_positive=count(False, True), false_negative=count(True, False),
                       true_negative=count(False, False),
                       pairs_with_an_uncoded_article=sum(not (o.events_a and o.events_b) for o in outcomes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--verbose", action="store_true", help="One line per pair.")
    parser.add_argument("--json", action="store_true", help="Print the scores as JSON.")
    args = parser.parse_args(argv)
    pairs = load_pairs(args.pairs)
    results = code_articles(pairs)
    with tempfile.TemporaryDirectory() as folder:
        outcomes = [judge_pair(pair, results, Path(folder)) for pair in pairs]
    scores = score(outcomes)
    if args.verbose:
        for o in outcomes:
            mark = "ok " if o.gold_same == o.predicted_same else "ERR"
            print(f"{mark} {o.pair_id} gold={'same' if o.gold_same else 'diff'} "
                  f"pred={'same' if o.predicted_same else 'diff'} events={o.events_a}/{o.events_b}  {o.kind}")
    if args.json:
        print(json.dumps(scores.to_dict(), indent=2))
    else:
        print(f"merge on {scores.pairs} labelled pairs: precision {scores.precision:.3f}, "
              f"recall {scores.recall:.3f} (TP {scores.true_positive}, FP {scores.false_positive}, "
              f"FN {scores.false_negative}, TN {scores.true_negative}; "
              f"{scores.pairs_with_an_uncoded_article} pairs with an article that gave no event)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
