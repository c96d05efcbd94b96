"""Exports streamed in bounded memory: the CLI's writers run in a thread and hand their output
over through a small queue, page by page of events, so a million events never sit in memory."""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterable, Iterator

from eventwire.export import write_event_csv, write_parquet
from eventwire.formats import write_jsonl

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
               "parquet": "application/vnd.apache.parquet"}
_CHUNK = 64 * 1024
_QUEUED_CHUNKS = 16
_DONE = object()


class _Cancelled(Exception):
    """The client went away: the writer thread stops."""


class _QueueSink(io.RawIOBase):
    """A binary file whose writes go to a bounded queue (the writer waits while it is full)."""

    def __init__(self, chunks: queue.Queue, cancelled: threading.Event):
        self._chunks, self._cancelled, self._size = chunks, cancelled, 0

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._size

    def write(self, data) -> int:
        data = bytes(data)
        while True:
            if self._cancelled.is_set():
                raise _Cancelled
            try:
                self._chunks.put(data, timeout=0.5)
                break
            except queue.Full:
                continue
        self._size += len(data)
        return len(data)


def export_stream(records: Callable[[], Iterable[dict]], fmt: str,
                  on_error: Callable[[BaseException], None]) -> Iterator[bytes]:
    """The bytes of `records()` written as csv, jsonl or parquet (the columns of `eventwire export`).
    An error while writing ends the stream early (the client sees a broken transfer) after
    `on_error` is told."""
    chunks: queue.Queue = queue.Queue(maxsize=_QUEUED_CHUNKS)
    cancelled = threading.Event()

    def write() -> None:
        sink = _QueueSink(chunks, cancelled)
        try:
            if fmt == "parquet":
                write_parquet(records(), sink)
            else:
                text = io.TextIOWrapper(io.BufferedWriter(sink, _CHUNK), encoding="utf-8", newline="")
                (write_event_csv if fmt == "csv" else write_jsonl)(records(), text)
                text.flush()
            outcome = _DONE
        except _Cancelled:
            return
        except BaseException as exc:  # noqa: BLE001 - handed to the response, which ends the stream
            outcome = exc
        while not cancelled.is_set():
            try:
                chunks.put(outcome, timeout=0.5)
                return
            except queue.Full:
                continue

    thread = threading.Thread(target=write, name=f"export-{fmt}", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                on_error(item)
                raise item
            yield item
    finally:
        cancelled.set()
