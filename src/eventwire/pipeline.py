"""Wires the stages: Document -> sentences -> candidate filter -> parse -> events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire.events.coder import EventCoder
from eventwire.nlp import load_spacy, split_sentences
from eventwire.records import Document, DocumentResult, Rejected


class Pipeline:
    """Codes documents in batches; models load once, on first use."""

    def __init__(self, batch_size: int = 32):
        self.batch_size = batch_size
        self._coder: EventCoder | None = None

    @property
    def coder(self) -> EventCoder:
        if self._coder is None:
            self._coder = EventCoder()
        return self._coder

    def code_document(self, doc: Document) -> DocumentResult:
        return next(self.code_documents([doc]))

    def code_documents(self, items: Iterable[Document | Rejected]) -> Iterator[DocumentResult]:
        """One result per input, in input order; a failing document never stops the batch."""
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Document | Rejected]) -> Iterator[DocumentResult]:
        docs = [item for item in batch if isinstance(item, Document) and item.text.strip()]
        plans = {doc.id: self._plan(doc) for doc in docs}
        parses = self._parse(docs, plans)
        for item in batch:
            if isinstance(item, Rejected):
                yield DocumentResult.from_rejected(item)
            elif not item.text.strip():
                yield DocumentResult(origin=item.origin, status="skipped", doc_id=item.id,
                                     reason="no text left after cleaning", document=item)
            else:
                yield self._code_one(item, plans[item.id], parses.get(item.id, {}))

    def _plan(self, doc: Document):
        sentences = split_sentences(doc.text)
        candidates = [s for s in sentences if self.coder.is_candidate(s)]
        return sentences, candidates

    def _parse(self, docs: list[Document], plans) -> dict[str, dict]:
        """Parse every candidate sentence of the batch in one spaCy stream."""
        keys = [(doc.id, s.index) for doc in docs for s in plans[doc.id][1]]
        texts = (s.text for doc in docs for s in plans[doc.id][1])
        parses: dict[str, dict] = {}
        for (doc_id, index), parsed in zip(keys, load_spacy().pipe(texts, batch_size=256)):
            parses.setdefault(doc_id, {})[index] = parsed
        return parses

    def _code_one(self, doc: Document, plan, parsed: dict) -> DocumentResult:
        sentences, candidates = plan
        try:
            events = self.coder.code(doc, sentences, parsed)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            return DocumentResult(origin=doc.origin, status="failed", doc_id=doc.id, document=doc,
                                  reason=f"coding failed: {type(exc).__name__}: {exc}")
        reason = None if events else (
            "no sentence with a candidate event trigger" if not candidates
            else f"no event found in {len(candidates)} candidate sentence(s)")
        return DocumentResult(origin=doc.origin, status="coded", doc_id=doc.id, document=doc,
                              events=events, reason=reason)
