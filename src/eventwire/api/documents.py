"""POST /api/documents: documents in, coded through the pipeline and stored as `ingest` does."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

from eventwire.ingest.readers import document_from_record
from eventwire.records import Document, DocumentResult, Rejected
from eventwire.store import EventStore, current_coder

ORIGIN = "<api>"


class BodyError(ValueError):
    """A body that holds no documents we can read."""


def parse_documents(body: bytes, content_type: str, max_documents: int) -> list[Document | Rejected]:
    """A JSON object or array of objects, or JSON lines (one object a line): one item each;
    a record we cannot read becomes a Rejected item with its reason, never an error."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BodyError("the body is not UTF-8 text") from None
    records: list
    if "ndjson" in content_type or "jsonl" in content_type:
        records = _lines(text)
    else:
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            records = _lines(text)  # JSON lines sent as application/json
        else:
            records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        raise BodyError("no documents: send a JSON object, an array of objects or JSON lines")
    if len(records) > max_documents:
        raise BodyError(f"{len(records)} documents: at most {max_documents} in one request")
    items = []
    for number, record in enumerate(records, 1):
        origin = f"{ORIGIN}:{number}"
        if isinstance(record, Rejected):
            items.append(Rejected(origin, record.status, record.reason))
            continue
        try:
            items.append(document_from_record(record, origin=origin))
        except Exception as exc:  # noqa: BLE001 - one odd record must not stop the others
            items.append(Rejected(origin, "failed", f"could not read the record: {type(exc).__name__}"))
    return items


def _lines(text: str) -> list:
    records: list = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            if number == 1 and len(text.splitlines()) == 1:
                raise BodyError(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
            records.append(Rejected("", "failed", f"malformed JSON on line {number}: {exc.msg}"))
    return records


def _local_pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline(workers=1)


class DocumentCoder:
    """The pipeline, loaded on the first write and shared by later ones; one write at a time,
    like one `ingest` process. `make_pipeline` builds anything with Pipeline's
    `code_in_process` (tests pass a light one)."""

    def __init__(self, make_pipeline: Callable = _local_pipeline):
        self._make_pipeline = make_pipeline
        self._pipeline = None
        self._lock = threading.Lock()

    def ingest(self, items: list[Document | Rejected], store: EventStore) -> list[dict]:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._make_pipeline()
            coder = current_coder()
            statuses: dict[str, dict] = {}
            pending = []
            for item in items:
                if isinstance(item, Document) and store.is_current(item, coder):
                    statuses[item.origin] = _status(item.origin, item.id, "unchanged", None, 0, False)
                else:
                    pending.append(item)
            for result in self._pipeline.code_in_process(pending):
                try:
                    outcome = store.save(result, coder)
                except Exception as exc:  # noqa: BLE001 - e.g. a NUL byte PostgreSQL refuses; the rest go on
                    statuses[result.origin] = _status(result.origin, result.doc_id, "failed",
                                                      f"not stored: {type(exc).__name__}", 0, False)
                    continue
                statuses[result.origin] = _stored(outcome, result)
            return [statuses[item.origin] for item in items]


def _stored(outcome, result: DocumentResult) -> dict:
    if outcome.error:  # the store refused the content and kept the article as failed, with the reason
        return _status(result.origin, outcome.doc_id, "failed", f"not stored: {outcome.error}", 0,
                       outcome.replaced)
    return _status(result.origin, outcome.doc_id, result.status, result.reason, outcome.mentions,
                   outcome.replaced)


def _status(origin: str, doc_id: str | None, status: str, reason: str | None, events: int,
            replaced: bool) -> dict:
    return {"origin": origin, "doc_id": doc_id, "status": status, "reason": reason, "events": events,
            "replaced": replaced}
