"""The inference forward of maxout layers (eventwire/maxout.py): thinc's outputs, float for float."""

import numpy as np
import pytest
from thinc.api import Maxout

from eventwire.maxout import _forward


@pytest.fixture
def layer():
    model = Maxout(nO=7, nI=5, nP=3)
    model.initialize(X=np.zeros((2, 5), dtype="f"))
    model.set_param("b", np.random.default_rng(3).standard_normal((7, 3), dtype=np.float32))
    return model


def test_inference_gives_thincs_outputs_exactly(layer):
    X = np.random.default_rng(5).standard_normal((40, 5), dtype=np.float32)
    expected = layer.predict(X)
    layer._func = _forward
    got = layer.predict(X)
    assert got.dtype == expected.dtype and got.flags.c_contiguous
    assert got.tobytes() == expected.tobytes()


def test_training_runs_thincs_own_forward(layer):
    layer._func = _forward
    X = np.random.default_rng(7).standard_normal((4, 5), dtype=np.float32)
    _, backprop = layer.begin_update(X)
    assert backprop(np.ones((4, 7), dtype=np.float32)).shape == (4, 5)
