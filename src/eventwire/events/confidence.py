"""How sure the coder is of one event, and what lowered it.

A transparent additive score, not a learned one: the specificity of the lexicon pattern
sets the base; resolved arguments raise it; what makes the reading doubtful lowers it.
The weights were set by reasoning about each signal, then checked (not fitted) against the
development set: of events at 0.5 or more, the share of right types is in docs/accuracy.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# known: resolved to a country, sector or dictionary actor; named: a name the dictionaries lack
# ("the PRC", "the Kifaya movement"); unresolved: a phrase with neither; missing: no phrase at all.
ArgumentState = Literal["known", "named", "unresolved", "missing"]

STRONG_PATTERN = 0.6  # specificity from which a pattern alone justifies an event
_BASE = 0.3
_PER_SPECIFICITY = 0.4
_ADJUSTMENTS = {
    "source known": 0.15,
    "source named": -0.05,
    "source unresolved": -0.1,
    "source missing": -0.2,
    "target known": 0.05,
    "nominal trigger": -0.05,
    "source inherited": -0.05,
    "negated": -0.1,
    "hypothetical": -0.2,  # a condition ("if Iran attacks") is not an event that happened
}


@dataclass(frozen=True)
class Evidence:
    specificity: float  # of the lexicon pattern, 0..1
    source: ArgumentState
    target: ArgumentState
    nominal: bool  # the trigger is a noun ("the attack"), not a verb
    source_inherited: bool  # subject taken from another clause ("agreed to ..." , "... and signed")
    negated: bool
    hypothetical: bool


def event_confidence(evidence: Evidence) -> tuple[float, str]:
    """The score in [0.05, 0.99] and one reason naming what raised and lowered it."""
    signals = [f"source {evidence.source}"]
    if evidence.target == "known":
        signals.append("target known")
    for name in ("nominal", "source_inherited", "negated", "hypothetical"):
        if getattr(evidence, name):
            signals.append(name.replace("_", " ") if name != "nominal" else "nominal trigger")
    score = _BASE + _PER_SPECIFICITY * evidence.specificity + sum(_ADJUSTMENTS[s] for s in signals)
    score = min(0.99, max(0.05, score))
    raised = [s for s in signals if _ADJUSTMENTS[s] > 0]
    lowered = [s for s in signals if _ADJUSTMENTS[s] < 0]
    text = f"confidence {score:.2f}: pattern specificity {evidence.specificity:.2f}"
    if raised:
        text += "; raised by " + ", ".join(raised)
    if lowered:
        text += "; lowered by " + ", ".join(lowered)
    return score, text


# A historical act (background told beside the news) is kept for the record but never ranks with
# the news: at most this confidence, and half that of the weakest current event of its sentence.
HISTORICAL_CEILING = 0.2


def historical_confidence(rules: float, current: list[float]) -> tuple[float, str]:
    """The confidence of a historical event whose rules gave `rules`, told in a sentence whose
    current events have the confidences `current`, and one reason."""
    score = min(rules, HISTORICAL_CEILING, *(c / 2 for c in current))
    return score, (f"confidence {score:.2f}: historical (rules {rules:.2f}), at most "
                   f"{HISTORICAL_CEILING:.2f} and below every current event of its sentence")
