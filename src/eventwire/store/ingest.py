"""Ingest: skip articles already coded, store each coded article in its own transaction.

The two halves leave room between them for any coder: the local Pipeline or a distributed
runner, as long as it turns Documents into DocumentResults.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from eventwire.records import Document, DocumentResult, Rejected
from eventwire.store.base import EventStore
from eventwire.store.provenance import CoderInfo


@dataclass
class IngestTally:
    unchanged: int = 0  # already stored, same content, same coder: not coded again
    added: int = 0
    replaced: int = 0  # an earlier version of the article was replaced
    mentions: int = 0
    failed: int = 0  # coded, but the database refused its content: stored as failed, with the reason

    def summary(self) -> str:
        failed = f", {self.failed} not storable" if self.failed else ""
        return (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged articles{failed}; "
                f"{self.mentions} event mentions stored")


def skip_current(store: EventStore, items: Iterable[Document | Rejected], coder: CoderInfo,
                 tally: IngestTally) -> Iterator[Document | Rejected]:
    """The inputs that need coding: new or changed articles, or ones coded by another coder."""
    for item in items:
        if isinstance(item, Document) and store.is_current(item, coder):
            tally.unchanged += 1
            continue
        yield item


def store_results(store: EventStore, results: Iterable[DocumentResult], coder: CoderInfo,
                  tally: IngestTally, on_error: Callable[[str], None] | None = None) -> IngestTally:
    """Save every result, one transaction each: a crash loses at most the article in hand. An
    article whose content the database refuses is stored as failed and told to `on_error`."""
    for result in results:
        outcome = store.save(result, coder)
        if outcome.error:
            tally.failed += 1
            if on_error is not None:
                on_error(f"failed: {result.origin}: {outcome.error}")
        if outcome.replaced:
            tally.replaced += 1
        else:
            tally.added += 1
        tally.mentions += outcome.mentions
    return tally
