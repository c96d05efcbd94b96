"""The spaCy model's maxout layers at inference: the same outputs without the work only training needs.

A maxout layer (the tok2vec's mixing layer and each of its four convolution layers) keeps, for every
output unit, the largest of its pieces. thinc's `Ops.maxout` also records which piece that was, which
only the backward pass reads, in one compiled loop over every value: about an eighth of the tok2vec's
time on news text. At inference this forward takes the largest piece with numpy's elementwise maximum,
which picks exactly the same float, and records nothing. In training (`is_train`) thinc's own forward
runs, so a model trained through these layers learns as before. The forward is swapped on each layer
(thinc's `Model._func`, as pinned through spaCy 3.8); tests/core/test_maxout.py and the parse comparisons
of tests/core/test_fast_components.py check it against thinc's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy
from thinc.layers import maxout

if TYPE_CHECKING:
    from spacy.language import Language


def _forward(model, X, is_train: bool):
    if is_train:
        return maxout.forward(model, X, is_train)
    n_out, pieces, n_in = model.get_dim("nO"), model.get_dim("nP"), model.get_dim("nI")
    weights = model.ops.reshape2f(model.get_param("W"), n_out * pieces, n_in)
    scores = model.ops.gemm(X, weights, trans2=True)
    scores += model.ops.reshape1f(model.get_param("b"), n_out * pieces)
    scores = model.ops.reshape3f(scores, scores.shape[0], n_out, pieces)
    best = numpy.array(scores[:, :, 0])
    for piece in range(1, pieces):
        numpy.maximum(best, scores[:, :, piece], out=best)
    return best, _no_backprop


def _no_backprop(d_best):
    raise RuntimeError("eventwire's maxout forward was run for inference: it has no backward pass")


def use_inference_maxout(nlp: Language) -> None:
    """Give every maxout layer of `nlp`'s trained components the inference forward."""
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if layer._func is maxout.forward:
                layer._func = _forward
