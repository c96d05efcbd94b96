"""spaCy's greedy dependency parser, stepped from Python: the same parses in about three quarters of the time.

spaCy's parser predicts a batch in a compiled loop (`Parser.greedy_parse`): at each step it sums the
precomputed feature vectors of every unfinished state, takes the maxout, scores the transitions and
applies the best valid one. The compiled loop of the spaCy 3.8 wheels releases Python's global lock
for the batch and takes it back for every state at every step (an exception check the compiler put
inside the loop): on the VOA articles about a fifth of the parse went to taking and dropping that
lock (`perf` on one process). This component runs the same loop one step at a time from Python, with
the lock held: each step is a handful of calls over the whole batch of states, made with the same
compiled functions in the same order (`ParserStepModel.get_token_ids`, `precompute_hiddens.predict`,
blis's matrix product, `Parser.transition_states`), so every score is the same float and every parse
the same (tests/core/test_fast_components.py compares them with spaCy's own).

It leans on spaCy 3.8's parser internals (`_ensure_labels_are_added`, the step model's class mask), as
pinned in pyproject.toml: a spaCy that changes them fails that test rather than parsing differently.
"""

from __future__ import annotations

import blis.py
from spacy import util
from spacy.language import Language
from thinc.api import set_dropout_rate

FACTORY = "eventwire_stepped_parser"


class SteppedParser:
    """Pipeline component with the prediction contract of spaCy's greedy `parser`; it wraps that
    parser, whose model, transition system and annotations it uses."""

    def __init__(self, name: str):
        self.name = name  # the parser's: the pipeline's tok2vec files the parser's listener under it
        self._parser = None

    def wrap(self, parser) -> SteppedParser:
        self._parser = parser
        return self

    @property
    def model(self):
        """The wrapped parser's model: eventwire.matmul gives its layers their ops through it, and the
        pipeline's tok2vec finds the parser's listener in it."""
        return self._parser.model

    def __call__(self, doc):
        self._parser.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs, *, batch_size: int = 256):
        """As spaCy's `Parser.pipe`: each batch sorted by length and parsed in quarters."""
        error_handler = self._parser.get_error_handler()
        for batch in util.minibatch(docs, size=batch_size):
            in_order = list(batch)
            try:
                by_length = sorted(in_order, key=len)
                for part in util.minibatch(by_length, size=max(batch_size // 4, 2)):
                    part = list(part)
                    self._parser.set_annotations(part, self.predict(part))
                yield from in_order
            except Exception as exc:  # noqa: BLE001 - spaCy's error handler decides, as in Parser.pipe
                error_handler(self._parser.name, self._parser, in_order, exc)

    def predict(self, docs) -> list:
        """The parse states of `docs`, as `Parser.greedy_parse` leaves them."""
        parser = self._parser
        if not any(len(doc) for doc in docs):
            return parser.moves.init_batch(docs)
        parser._ensure_labels_are_added(docs)
        set_dropout_rate(parser.model, 0.0)
        batch = parser.moves.init_batch(docs)
        step_model = parser.model.predict(docs)
        unseen = step_model._class_mask == 0
        states = [state for state in batch if not state.is_final()]
        while states:
            scores = _scores(step_model, step_model.state2vec.predict(step_model.get_token_ids(states)))
            if unseen.any():
                scores[:, unseen] = scores.min()
            states = parser.transition_states(states, scores)
        step_model.clear_memory()
        return batch


def _scores(step_model, hidden):
    """The transitions' scores from the states' hidden vectors, with the compiled loop's arithmetic:
    blis's product (not the numpy BLAS of matmul.py, which sums in another order), then the bias."""
    upper = step_model.vec2scores
    if upper is None:
        return hidden.copy()
    scores = blis.py.gemm(hidden, upper.get_param("W"), trans2=True, beta=0.0)
    scores += upper.get_param("b")
    return scores


@Language.factory(FACTORY)
def make_stepped_parser(nlp: Language, name: str) -> SteppedParser:
    return SteppedParser(name)


def step_parser(nlp: Language, name: str = "parser") -> None:
    """Replace a greedy (beam width 1) parser by its stepped equivalent, in place."""
    if name not in nlp.pipe_names:
        return
    original = nlp.get_pipe(name)
    if getattr(original, "cfg", {}).get("beam_width", 1) != 1 or not hasattr(original, "transition_states"):
        return
    nlp.replace_pipe(name, FACTORY).wrap(original)
