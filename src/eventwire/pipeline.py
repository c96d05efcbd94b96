"""Wires the stages: Document -> sentences -> candidate filter -> parse -> events.

`Pipeline.code_documents` uses every core by default: a stream longer than one batch goes
to a pool of worker processes (eventwire.parallel); a shorter one is coded here, so that a
single article does not pay for starting processes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from itertools import chain, islice

from eventwire.events.coder import EventCoder, TimeBudgetExceeded
from eventwire.ingest import document_from_record, make_document
from eventwire.nlp import split_sentences
from eventwire.records import Document, DocumentResult, Rejected, Sentence
from eventwire.resources import Resources, Settings

DEFAULT_TIME_BUDGET = 60.0  # seconds of coding per document; ordinary articles take well under one
_WARM_UP_TEXT = "Police arrested protesters in the capital on Monday, officials said."
_WARM_UP = Document(id="warm-up", text=_WARM_UP_TEXT, original_text=_WARM_UP_TEXT, origin="<warm-up>")


@dataclass
class StageTimes:
    """Where coding time went, summed over batches (and over worker processes)."""

    documents: int = 0
    sentences: int = 0
    parsed_sentences: int = 0
    model_skipped_sentences: int = 0  # candidates the pre-parse model judged to report no act
    split_seconds: float = 0.0  # sentence split and candidate filter
    parse_seconds: float = 0.0  # spaCy, candidate sentences only
    code_seconds: float = 0.0  # EventCoder.code: events, actors, dates, places

    def add(self, other: StageTimes) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class _Plan:
    """A document's sentences, those to parse, and the candidates the pre-parse model left unparsed."""

    sentences: list[Sentence]
    parsed: list[Sentence]
    model_skipped: int

    def no_event_reason(self) -> str:
        if not self.parsed and not self.model_skipped:
            return "no sentence with a candidate event trigger"
        skipped = (f"{self.model_skipped} candidate sentence(s) judged by the pre-parse model to report "
                   "no act, not parsed")
        if not self.parsed:
            return skipped
        found = f"no event found in {len(self.parsed)} candidate sentence(s)"
        return f"{found}; {skipped}" if self.model_skipped else found


def as_document(item: Document | Rejected | str | dict, number: int = 1) -> Document | Rejected:
    """What `code_documents` accepts, as a Document (or a Rejected saying why it cannot be one)."""
    if isinstance(item, Document | Rejected):
        return item
    if isinstance(item, str):
        return make_document(item, origin=f"<text {number}>")
    if isinstance(item, dict):
        return document_from_record(item, origin=str(item.get("id") or f"<record {number}>"))
    return Rejected(f"<item {number}>", "failed", f"not a Document, text or dict but {type(item).__name__}")


class Pipeline:
    """Codes documents in batches with the models and data of `resources` (by default its own
    Resources of the default Settings), each loaded once, on first use.

    `workers` is the number of processes for streams longer than one batch: None uses every
    core, 1 codes everything in this process; each worker builds its own Resources from
    `resources.settings`. A document whose coding takes longer than `time_budget` seconds (None: no
    limit) fails with that reason, and the batch goes on. `coder` replaces the default `EventCoder`
    (its resources are then the pipeline's); a coder whose decisions are an object of its own rather
    than those its settings name cannot be rebuilt in a worker, so such a pipeline codes in this process.
    """

    def __init__(self, batch_size: int = 32, workers: int | None = None,
                 time_budget: float | None = DEFAULT_TIME_BUDGET, coder: EventCoder | None = None,
                 resources: Resources | None = None):
        if coder is not None and resources is not None and coder.resources is not resources:
            raise ValueError("give a coder or resources, or a coder built on these resources")
        self.batch_size = batch_size
        self.workers = workers
        self.time_budget = time_budget
        self.stats = StageTimes()
        self.resources = coder.resources if coder is not None else resources or Resources()
        self._coder: EventCoder | None = coder

    @property
    def settings(self) -> Settings:
        return self.resources.settings

    @property
    def coder(self) -> EventCoder:
        if self._coder is None:
            self._coder = EventCoder(self.resources)
        return self._coder

    def warm_up(self) -> None:
        """Load every model now rather than on the first document (a new worker, a benchmark)."""
        stats, self.stats = self.stats, StageTimes()
        list(self.code_in_process([_WARM_UP]))
        self.stats = stats

    def code_document(self, doc: Document | str | dict) -> DocumentResult:
        return next(self.code_documents([doc]))

    def code_documents(self, items: Iterable[Document | Rejected | str | dict]) -> Iterator[DocumentResult]:
        """One result per input, in input order; a failing document never stops the batch. Inputs are
        Documents, plain texts, or dicts shaped like a JSONL input line (id, text, title, date...)."""
        from eventwire.parallel import ProcessPool, default_workers  # parallel builds on Pipeline

        workers = self.workers or default_workers()
        iterator = (as_document(item, number) for number, item in enumerate(items, start=1))
        head = list(islice(iterator, self.batch_size + 1))
        if workers == 1 or len(head) <= self.batch_size or not self.coder.decides_by_settings:
            yield from self.code_in_process(chain(head, iterator))
        else:
            pool = ProcessPool(workers=workers, batch_size=self.batch_size, stats=self.stats,
                               time_budget=self.time_budget, settings=self.settings)
            yield from pool.code_documents(chain(head, iterator))

    def code_in_process(self, items: Iterable[Document | Rejected]) -> Iterator[DocumentResult]:
        """Like `code_documents`, always in this process."""
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch_size)):
            try:
                results = list(self._code_batch(batch))
            except Exception:  # noqa: BLE001 - isolate the document that breaks the batch
                results = [self._code_alone(item) for item in batch]
            yield from results

    def _code_alone(self, item: Document | Rejected) -> DocumentResult:
        try:
            return next(self._code_batch([item]))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            doc_id = item.doc_id if isinstance(item, Rejected) else item.id
            return DocumentResult(origin=item.origin, status="failed", doc_id=doc_id,
                                  reason=f"coding failed: {type(exc).__name__}: {exc}")

    def _code_batch(self, batch: list[Document | Rejected]) -> Iterator[DocumentResult]:
        docs = [item for item in batch if isinstance(item, Document) and item.text.strip()]
        with self._timed("split_seconds"):
            plans = {doc.id: self._plan(doc) for doc in docs}
        with self._timed("parse_seconds"):
            parses = self._parse(docs, plans)
        with self._timed("code_seconds"):
            self.coder.load()  # once: the models' loading counts against no document's time budget
        for item in batch:
            if isinstance(item, Rejected):
                yield DocumentResult.from_rejected(item)
            elif not item.text.strip():
                yield DocumentResult(origin=item.origin, status="skipped", doc_id=item.id,
                                     reason="no text left after cleaning", document=item)
            else:
                with self._timed("code_seconds"):
                    result = self._code_one(item, plans[item.id], parses.get(item.id, {}))
                yield result

    @contextmanager
    def _timed(self, stage: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            setattr(self.stats, stage, getattr(self.stats, stage) + time.perf_counter() - start)

    def _plan(self, doc: Document) -> _Plan:
        sentences = split_sentences(doc.text)
        candidates = [s for s in sentences if self.coder.is_candidate(s)]
        parsed = [s for s in candidates if self.coder.worth_parsing(s)]
        self.stats.documents += 1
        self.stats.sentences += len(sentences)
        self.stats.parsed_sentences += len(parsed)
        self.stats.model_skipped_sentences += len(candidates) - len(parsed)
        return _Plan(sentences, parsed, len(candidates) - len(parsed))

    def _parse(self, docs: list[Document], plans) -> dict[str, dict]:
        """Parse every candidate sentence of the batch in one spaCy stream."""
        keys = [(doc.id, s.index) for doc in docs for s in plans[doc.id].parsed]
        texts = (s.text for doc in docs for s in plans[doc.id].parsed)
        parses: dict[str, dict] = {}
        for (doc_id, index), parsed in zip(keys, self.resources.nlp.pipe(texts, batch_size=256)):
            parses.setdefault(doc_id, {})[index] = parsed
        return parses

    def _code_one(self, doc: Document, plan: _Plan, parsed: dict) -> DocumentResult:
        deadline = time.monotonic() + self.time_budget if self.time_budget is not None else None
        try:
            events = self.coder.code(doc, plan.sentences, parsed, deadline)
        except TimeBudgetExceeded:
            return DocumentResult(origin=doc.origin, status="failed", doc_id=doc.id, document=doc,
                                  reason=f"took longer than {self.time_budget:g} s to code (a run-on or "
                                         "garbled text?)")
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            return DocumentResult(origin=doc.origin, status="failed", doc_id=doc.id, document=doc,
                                  reason=f"coding failed: {type(exc).__name__}: {exc}")
        return DocumentResult(origin=doc.origin, status="coded", doc_id=doc.id, document=doc,
                              events=events, reason=None if events else plan.no_event_reason())
