"""The pre-parse decision: is a candidate sentence worth parsing at all? Decided from its words alone.

The lexicon's candidate filter (`VerbLexicon.is_candidate`) keeps every sentence holding a word that
some trigger could start from; on real articles that is about four sentences in five, and three in
four of those report no act ("said in a statement", background, figures). This model scores a
candidate sentence by its words and word pairs (a logistic regression over binary features,
L2-normalised), and a sentence scoring below the threshold is not parsed. The threshold was chosen
for recall: out of fold, it keeps every labelled sentence that reports an act, so it skips only the
sentences that look least like any of them (models/train_preparse.py says how, and
docs/performance.md what it skips and what it costs).

A skipped sentence is counted, never silent: `Pipeline.stats.model_skipped_sentences`, and the reason of
a document with no event says how many of its candidate sentences the model left unparsed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.jsondata import read_json

MODEL_FILE = "preparse.json"
_WORD = re.compile(r"\w+")


def sentence_features(text: str) -> set[str]:
    """The lower-cased words of a sentence and its pairs of adjacent words ("the army", "army said")."""
    words = _WORD.findall(text.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


@dataclass(frozen=True)
class PreparseModel:
    """Weights of the known features; a sentence's score is the bias plus the sum of the weights of its
    known features, divided by the square root of their number (the L2 norm of its binary vector)."""

    weights: dict[str, float]
    bias: float
    threshold: float  # on the score (a log-odds): below it, the sentence is not parsed

    @classmethod
    def from_dict(cls, data: dict) -> PreparseModel:
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))

    def score(self, text: str) -> float:
        known = [w for f in sentence_features(text) if (w := self.weights.get(f)) is not None]
        return self.bias + (sum(known) / math.sqrt(len(known)) if known else 0.0)

    def keeps(self, text: str) -> bool:
        return self.score(text) >= self.threshold


class KeepAll:
    """No pre-parse decision: every candidate sentence is parsed (the rules alone)."""

    def keeps(self, text: str) -> bool:
        return True


def read_preparse(path: Path | None = None) -> PreparseModel:
    """The model at `path`, by default the shipped data/events/preparse.json."""
    path = path or resources.files("eventwire") / "data" / "events" / MODEL_FILE
    return PreparseModel.from_dict(read_json(path))
