"""Rounds over the followed sources: new or changed items are read, coded and stored, one at a time.

Each article is committed on its own and only then marked seen, so a watcher killed at any
point re-reads at most the article in hand, which the store then recognises (same id, same
content): nothing is lost and nothing is stored twice. A feed's ETag and Last-Modified are
kept only once all its items are handled, for the same reason.

Item statuses in the store: "stored" (done), "fallback" (stored from the feed's own text
because the page failed for a reason that may pass: the page is tried again next round),
"failed" (nothing usable yet: tried again next round). Retries stop after `max_item_attempts`.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from eventwire.ingest import make_document, read_inputs
from eventwire.ingest.decode import NotText, decode_bytes
from eventwire.ingest.feeds import FeedItem, parse_feed
from eventwire.ingest.html import HtmlArticle, extract_html
from eventwire.ingest.readers import SUPPORTED_SUFFIXES, content_id
from eventwire.records import Document, DocumentResult, Rejected
from eventwire.store.provenance import CoderInfo
from eventwire.store.sql import SqlEventStore
from eventwire.store.watchstate import SeenItem, WatchState
from eventwire.watch.fetch import Fetcher, FetchError, Stopped
from eventwire.watch.sources import Source, resolve_sources

Coder = Callable[[Iterable[Document | Rejected]], Iterator[DocumentResult]]
PENDING = ("fallback", "failed")


@dataclass
class RoundReport:
    number: int
    feeds: int = 0
    not_modified: int = 0
    folders: int = 0
    new_articles: int = 0
    updated_articles: int = 0
    events: int = 0  # event mentions coded in new or updated articles
    alerts: int = 0
    errors: list[str] = field(default_factory=list)
    stopped: bool = False

    def line(self) -> str:
        parts = [f"round {self.number}: {self.feeds} feeds polled ({self.not_modified} not modified)"]
        if self.folders:
            parts.append(f"{self.folders} folders scanned")
        parts += [f"{self.new_articles} new articles", f"{self.updated_articles} updated",
                  f"{self.events} events", f"{self.alerts} alerts", f"{len(self.errors)} errors"]
        return ", ".join(parts) + (" (stopped early)" if self.stopped else "")


@dataclass(frozen=True)
class WatchSettings:
    max_item_attempts: int = 5  # rounds a failing page or item is tried before it is given up
    max_file_bytes: int = 5_000_000


class Watcher:
    """Polls `arguments` (folders, feed URLs, feed list files) into `store`, round after round.

    `code` turns documents into results (the pipeline); `alerts`, when given, is called after
    every round with the round's report and returns the number of alerts fired.
    """

    def __init__(self, store: SqlEventStore, arguments: list[str], *, code: Coder, coder: CoderInfo,
                 fetcher: Fetcher, alerts: Callable[[RoundReport], int] | None = None,
                 settings: WatchSettings | None = None, echo: Callable[[str], None] = print):
        self.store = store
        self.state = WatchState(store)
        self.arguments = list(arguments)
        self.code = code
        self.coder = coder
        self.fetcher = fetcher
        self.stop = fetcher.stop
        self.alerts = alerts
        self.settings = settings or WatchSettings()
        self.echo = echo
        self.rounds = 0

    # -- scheduling ------------------------------------------------------------------------------

    def run(self, every: float, once: bool = False) -> list[RoundReport]:
        """Rounds every `every` seconds (start to start) until stopped, or one with `once`."""
        reports = []
        while not self.stop.is_set():
            started = time.monotonic()
            report = self.run_round()
            reports.append(report)
            self.echo(report.line())
            if once:
                break
            self.stop.wait(max(0.0, every - (time.monotonic() - started)))
        return reports

    def run_round(self) -> RoundReport:
        self.rounds += 1
        report = RoundReport(number=self.rounds)
        sources, problems = resolve_sources(self.arguments)
        for problem in problems:
            self._error(report, problem)
        try:
            for source in sources:
                if self.stop.is_set():
                    break
                if source.kind == "feed":
                    report.feeds += 1
                else:
                    report.folders += 1
                self._poll(source, report)
        except Stopped:
            pass
        report.stopped = self.stop.is_set()
        if self.alerts is not None:
            try:
                report.alerts = self.alerts(report)
            except Exception as exc:  # noqa: BLE001 - a database that is away now may be back next round
                self._error(report, f"alerts: {type(exc).__name__}: {exc}")
        return report

    def _poll(self, source: Source, report: RoundReport) -> None:
        try:
            if source.kind == "feed":
                self._poll_feed(source, report)
            else:
                self._poll_folder(source, report)
        except Stopped:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug or a database error must not stop the other sources
            self._error(report, f"{source.location}: {type(exc).__name__}: {exc}")

    def _error(self, report: RoundReport, message: str) -> None:
        report.errors.append(message)
        self.echo(f"error: {message}")

    # -- feeds -----------------------------------------------------------------------------------

    def _poll_feed(self, source: Source, report: RoundReport) -> None:
        url = source.location
        known = self.state.source(url)
        seen = self.state.items(url)
        # Items waiting for a retry need the feed's text again: ask for the whole feed.
        conditional = known is not None and not any(item.status in PENDING for item in seen.values())
        try:
            response = self.fetcher.get(url, known.etag if conditional else None,
                                        known.last_modified if conditional else None)
        except FetchError as exc:
            self._feed_failed(url, exc.reason, report)
            return
        if response.not_modified:
            report.not_modified += 1
            self.state.record_success(url, "feed", response.etag, response.last_modified)
            return
        try:
            items = parse_feed(response.body)
            items = list(items) if items is not None else None
        except Exception as exc:  # noqa: BLE001 - a parser bug on one feed must not stop the others
            items, reason = None, f"{type(exc).__name__}: {exc}"
        else:
            reason = "not an RSS or Atom feed (no items found)"
        if items is None:
            self._feed_failed(url, reason, report)
            return
        for item in items:
            if self.stop.is_set():
                return  # validators not saved: the next round reads the whole feed again
            if not item.url and not item.text.strip():
                continue  # debris of a broken feed (reported below), not an article
            if item.url:
                item.url = urljoin(response.url, item.url)  # a link relative to the feed
            key = item.id or item.url or content_id(item.text)
            fingerprint = _fingerprint(item)
            prior = seen.get(key)
            if prior is not None and prior.fingerprint == fingerprint and (
                    prior.status not in PENDING or prior.attempts >= self.settings.max_item_attempts):
                continue
            retry = prior is not None and prior.fingerprint == fingerprint
            # Updated: an article of this item was stored before (from the feed's text, at least).
            self._take_item(url, item, key, fingerprint, prior.attempts + 1 if retry else 1,
                            updated=prior is not None and prior.status != "failed", report=report)
        malformed = _malformed(response.body)
        if malformed:  # its readable items are taken; the validators are not kept, so it is read again
            self._feed_failed(url, f"malformed feed: {malformed}", report)
        else:
            self.state.record_success(url, "feed", response.etag, response.last_modified)

    def _feed_failed(self, url: str, reason: str, report: RoundReport) -> None:
        self.state.record_failure(url, "feed", reason)
        self._error(report, f"{url}: {reason}")

    def _take_item(self, feed: str, item: FeedItem, key: str, fingerprint: str, attempt: int, *,
                   updated: bool, report: RoundReport) -> None:
        """Read the item's page (or, failing that, its text in the feed), code it and store it."""
        page, problem, transient = self._page(item)
        origin = item.url or f"{feed}#{key}"
        if page is not None:
            doc = make_document(page.text, doc_id=key, title=page.title or item.title,
                                date=page.date or item.date,
                                date_source="html-metadata" if page.date else "feed-metadata",
                                url=item.url, source=page.site or item.source, origin=origin)
            status, reason = "stored", None
        elif item.text.strip():
            doc = make_document(item.text, doc_id=key, title=item.title, date=item.date,
                                date_source="feed-metadata", url=item.url, source=item.source, origin=origin)
            reason = f"text from the feed item: the page could not be used ({problem})"
            doc.cleaning.insert(0, reason)
            status = "fallback" if transient else "stored"
        else:
            doc, status = None, "failed"
            reason = f"page: {problem}; the feed item has no text of its own"
        if reason is not None:
            retried = status in PENDING and attempt < self.settings.max_item_attempts
            self._error(report, f"{origin}: {reason}" + (
                "; tried again next round" if retried else "; given up" if status in PENDING else ""))
        if doc is not None:
            stored = self._store(doc, report)
        else:
            stored = self._store_result(DocumentResult(origin=origin, status="failed", reason=reason,
                                                       doc_id=key), report)
        if stored:
            if updated:
                report.updated_articles += 1
            else:
                report.new_articles += 1
        self.state.mark_item(feed, key, fingerprint, doc_id=key, url=item.url, status=status, reason=reason,
                             attempts=attempt)

    def _page(self, item: FeedItem) -> tuple[HtmlArticle | None, str | None, bool]:
        """(article, None, False) from the item's page, or (None, why not, whether it may pass)."""
        if not item.url:
            return None, "the item has no link", False
        try:
            response = self.fetcher.get(item.url)
        except FetchError as exc:
            return None, exc.reason, exc.transient
        content_type = (response.content_type or "text/html").split(";")[0].strip().lower()
        if content_type not in ("text/html", "application/xhtml+xml"):
            return None, f"not an HTML page ({content_type})", False
        try:
            text, _encoding = decode_bytes(response.body)
        except NotText as exc:
            return None, str(exc), False
        article = extract_html(text)
        if article is None:
            return None, "no article text found in the page", False
        return article, None, False

    # -- folders ---------------------------------------------------------------------------------

    def _poll_folder(self, source: Source, report: RoundReport) -> None:
        folder = Path(source.location)
        try:
            files = sorted(_files(folder))
        except OSError as exc:
            self.state.record_failure(source.location, "folder", f"cannot read the folder: {exc}")
            self._error(report, f"{folder}: cannot read the folder: {exc.strerror or exc}")
            return
        seen = self.state.items(source.location)
        for path, fingerprint in files:
            if self.stop.is_set():
                return
            key = str(path)
            prior = seen.get(key)
            if prior is not None and prior.fingerprint == fingerprint:
                continue
            changed = 0
            failures = []
            for item in read_inputs([key], max_bytes=self.settings.max_file_bytes):
                if isinstance(item, Rejected):
                    failures.append(f"{item.origin}: {item.status}: {item.reason}")
                    changed += self._store_result(DocumentResult.from_rejected(item), report)
                else:
                    changed += self._store(item, report)
            for failure in failures:
                self._error(report, failure)
            if prior is None:
                report.new_articles += changed
            else:
                report.updated_articles += changed
            self.state.mark_item(source.location, key, fingerprint, doc_id=None, url=None,
                                 status="stored" if not failures else "failed",
                                 reason="; ".join(failures)[:1000] or None, attempts=_attempts(prior) + 1)
        self.state.record_success(source.location, "folder")

    # -- coding and storing --------------------------------------------------------------------

    def _store(self, doc: Document, report: RoundReport) -> bool:
        """Code and store one article unless the store already has it as it is; True when stored."""
        if self.store.is_current(doc, self.coder):
            return False
        results = list(self.code([doc]))
        return any(self._store_result(result, report) for result in results)

    def _store_result(self, result: DocumentResult, report: RoundReport) -> bool:
        if result.status == "failed" and result.document is None and result.doc_id:
            stored = self.store.article(result.doc_id)
            if stored is not None and stored.status == "coded":
                return False  # keep the article from an earlier round rather than a failure now
        outcome = self.store.save(result, self.coder)
        report.events += outcome.mentions
        return True


def _files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Readable files under `folder` (hidden ones left out) with a size and time fingerprint."""
    for root, dirs, names in os.walk(folder, onerror=_raise):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(root) / name
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            try:
                stat = path.stat()
            except OSError:
                continue  # removed since listed
            yield path, f"{stat.st_size}:{stat.st_mtime_ns}"


def _raise(error: OSError) -> None:
    raise error


def _attempts(prior: SeenItem | None) -> int:
    return prior.attempts if prior is not None else 0


def _malformed(body: bytes) -> str | None:
    """Why the feed is not well-formed XML, if it is not (feedparser still reads what it can)."""
    import xml.sax

    import feedparser

    problem = feedparser.parse(body).get("bozo_exception")
    if isinstance(problem, xml.sax.SAXParseException):
        return f"line {problem.getLineNumber()}, column {problem.getColumnNumber()}: {problem.getMessage()}"
    return str(problem) if isinstance(problem, xml.sax.SAXException) else None


def _fingerprint(item: FeedItem) -> str:
    fields = [item.title, item.text, item.date.isoformat() if item.date else None, item.url]
    return hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:20]


def stop_on_signals(stop: threading.Event) -> Callable[[], None]:
    """Ctrl-C and SIGTERM ask for a clean stop (the article in hand is finished first); returns a
    function that puts the earlier handlers back."""
    import signal

    def ask_to_stop(signum, _frame):
        stop.set()

    earlier = {signum: signal.signal(signum, ask_to_stop) for signum in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for signum, handler in earlier.items():
            signal.signal(signum, handler)

    return restore
