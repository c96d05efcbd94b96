"""Sparse linear scoring, shared by the learned components: a margin over named features (a feature a
model does not know weighs nothing) and the logistic function that turns a margin into a probability."""

from __future__ import annotations

import math


def margin(weights: dict[str, float], bias: float, features: dict[str, float]) -> float:
    return bias + sum(weights.get(name, 0.0) * value for name, value in features.items())


def sigmoid(x: float) -> float:
    """The logistic function, 0 or 1 beyond a margin of 30 (where math.exp would overflow far out)."""
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))
