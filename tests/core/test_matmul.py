"""The spaCy model's matrix products on numpy's BLAS (eventwire/matmul.py): the same numbers as thinc's blis
products within float tolerance, and the same parses and events as the model without it."""

import numpy as np
import pytest
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

from eventwire.matmul import OneThreadBlasOps
from eventwire.pipeline import Pipeline
from eventwire.records import Document
from eventwire.resources import Resources, Settings

ARTICLE = (
    "Coast guard officers detained the crew of a fishing boat near the islands on Sunday, the ministry "
    "said. The foreign minister of Norway met her Swedish counterpart in Oslo and the two signed a deal on "
    "border patrols. Opposition lawmakers accused the governor of stealing public money, and hundreds of "
    "farmers marched on the regional assembly in protest. \"We will not accept this,\" one farmer said."
)
SHORT = "Rebels shelled an army base outside the town overnight, killing two soldiers, a spokesman said."


def _arrays(rows: int, inner: int, columns: int, seed: int = 7):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((rows, inner), dtype=np.float32),
            rng.standard_normal((inner, columns), dtype=np.float32))


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (False, True), (True, False), (True, True)])
def test_gemm_gives_blis_numbers(trans1, trans2):
    x, y = _arrays(37, 19, 23)
    x = np.ascontiguousarray(x.T) if trans1 else x
    y = np.ascontiguousarray(y.T) if trans2 else y
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = OneThreadBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == expected.shape == (37, 23)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (False, True), (True, False)])
def test_gemm_gives_the_floats_of_numpy_dot_exactly(trans1, trans2):
    """The product is numpy.matmul, which makes the BLAS call numpy.dot (thinc's own) makes."""
    x, y = _arrays(301, 96, 288)
    x = np.ascontiguousarray(x.T) if trans1 else x
    y = np.ascontiguousarray(y.T) if trans2 else y
    got = OneThreadBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    with threadpool_limits(limits=1, user_api="blas"):
        expected = np.dot(x.T if trans1 else x, y.T if trans2 else y)
    assert got.tobytes() == expected.tobytes()


def test_gemm_writes_into_out():
    x, y = _arrays(12, 8, 5)
    out = np.zeros((13, 5), dtype=np.float32)
    returned = OneThreadBlasOps().gemm(x, y, out=out[1:])
    np.testing.assert_allclose(out[1:], x @ y, rtol=1e-5, atol=1e-5)
    assert not out[0].any()
    assert np.shares_memory(returned, out)


def test_gemm_leaves_the_blas_threads_as_they_were():
    before = [library["num_threads"] for library in threadpool_info()]
    OneThreadBlasOps().gemm(*_arrays(64, 64, 64))
    assert [library["num_threads"] for library in threadpool_info()] == before


def test_gemm_refuses_arrays_that_are_not_matrices():
    with pytest.raises(ValueError, match="2-dimensional"):
        OneThreadBlasOps().gemm(np.ones(3, dtype=np.float32), np.ones((3, 2), dtype=np.float32))


@pytest.fixture(scope="module")
def blis_resources():
    return Resources(Settings(one_thread_blas=False))


def _layers(nlp):
    return [layer for _name, component in nlp.pipeline if hasattr(component, "model")
            for layer in component.model.walk()]


def test_every_layer_of_the_default_model_multiplies_on_one_blas_thread(resources, blis_resources):
    assert all(isinstance(layer.ops, OneThreadBlasOps) for layer in _layers(resources.nlp))
    assert not any(isinstance(layer.ops, OneThreadBlasOps) for layer in _layers(blis_resources.nlp))


def _parse_attributes(nlp, texts):
    return [[(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(texts)]


def test_same_parses_and_events_with_and_without_it(resources, blis_resources):
    texts = [ARTICLE, SHORT]
    assert _parse_attributes(resources.nlp, texts) == _parse_attributes(blis_resources.nlp, texts)
    docs = [Document(id=f"d{i}", text=text, original_text=text, origin=f"test:{i}")
            for i, text in enumerate(texts)]

    def events(pipeline_resources):
        results = Pipeline(workers=1, resources=pipeline_resources).code_documents(docs)
        return [[event.to_dict() for event in result.events] for result in results]

    fast, reference = events(resources), events(blis_resources)
    assert fast == reference
    assert sum(len(found) for found in fast) >= 2
