"""The spaCy model's matrix products through numpy's BLAS on one thread, in place of thinc's blis.

Most of a parse is the tok2vec layers' matrix products (a few thousand tokens by 288 or 576 inputs, by
288 outputs, per batch). thinc computes them with blis; numpy's own BLAS (OpenBLAS in the numpy wheels)
computes the same products about four times faster on the machine we measured. It is held to one thread
for each product: coding already runs one process per core, and more threads would only contend.

The sums come out in another order, so a product may differ from blis's in the last bits of a float:
docs/performance.md says how the coded output was checked to stay the same. `use_one_thread_blas`
gives this to one spaCy pipeline (each model layer holds its own ops): nothing global is replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

if TYPE_CHECKING:
    from spacy.language import Language


class OneThreadBlasOps(NumpyOps):
    """thinc's NumpyOps, but `gemm` is numpy's matrix product on one BLAS thread."""

    def __init__(self) -> None:
        super().__init__()
        self._blas = ThreadpoolController().select(user_api="blas")

    def gemm(self, x, y, *, out=None, trans1: bool = False, trans2: bool = False):
        """`numpy.matmul`, not thinc's `numpy.dot`: the same BLAS call with the same arguments (the same
        floats), but `dot` zeroes its new result before the BLAS call zeroes it again (5-10% of a
        product of the parse's shapes)."""
        if x.ndim != 2 or y.ndim != 2:
            raise ValueError(f"gemm multiplies 2-dimensional arrays, not {x.ndim} by {y.ndim} dimensions")
        with self._blas.limit(limits=1, user_api="blas"):
            return numpy.matmul(x.T if trans1 else x, y.T if trans2 else y, out=out)


def use_one_thread_blas(nlp: Language) -> None:
    """Give every layer of `nlp`'s trained components the one-thread BLAS ops."""
    ops = OneThreadBlasOps()
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            layer.ops = ops
