"""A polite HTTP client for feeds and article pages (standard library only).

Conditional GET (ETag, Last-Modified), a timeout for the whole response, a size cap, at most N
requests per host per minute, retries with exponential backoff on timeouts, connection errors,
429 and 5xx, and a User-Agent that says who is asking. Waits end early when `stop` is set.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from eventwire import __version__

USER_AGENT = f"eventwire/{__version__} (news event coder; feed watcher; python-urllib)"
_CHUNK = 64 * 1024
_MAX_RETRY_AFTER = 120.0  # seconds: a longer Retry-After is left for the next round


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0  # seconds for a whole response, connection to last byte
    max_bytes: int = 5_000_000
    per_host_per_minute: int = 30
    retries: int = 2  # extra attempts after the first
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200-299, or 304 (not modified)
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A request that failed for good this round; `transient` ones may work next round."""

    def __init__(self, url: str, reason: str, transient: bool):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient


class Stopped(Exception):
    """The watcher was asked to stop while waiting."""


class Fetcher:
    def __init__(self, settings: FetchSettings | None = None, stop: threading.Event | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.settings = settings or FetchSettings()
        self.stop = stop or threading.Event()
        self._clock = clock
        self._next_slot: dict[str, float] = {}  # host -> earliest time of its next request
        self._opener = urllib.request.build_opener()
        self.requests = 0  # sent, retries included

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not an http(s) URL", transient=False)
        headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        delay = self.settings.backoff
        for attempt in range(self.settings.retries + 1):
            self._wait_for_slot(parts.hostname.lower())
            try:
                return self._get_once(url, headers)
            except _Retryable as exc:
                if attempt == self.settings.retries:
                    raise FetchError(url, exc.reason, transient=True) from None
                wait = exc.retry_after if exc.retry_after is not None else delay
                if wait > _MAX_RETRY_AFTER:
                    raise FetchError(url, f"{exc.reason} (retry after {wait:.0f}s)", transient=True) from None
                self._sleep(wait)
                delay *= 2
        raise AssertionError("unreachable")

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        self.requests += 1
        deadline = self._clock() + self.settings.timeout
        request = urllib.request.Request(url, headers=headers)
        try:
            with self._opener.open(request, timeout=self.settings.timeout) as reply:
                body = self._read_capped(url, reply, deadline)
                return Response(url=reply.geturl(), status=reply.status, body=body,
                                etag=reply.headers.get("ETag"),
                                last_modified=reply.headers.get("Last-Modified"),
                                content_type=reply.headers.get("Content-Type"))
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url=url, status=304, body=b"", etag=exc.headers.get("ETag"),
                                last_modified=exc.headers.get("Last-Modified"), content_type=None)
            if exc.code == 429 or exc.code >= 500:
                retry_after = _retry_after(exc.headers.get("Retry-After"))
                raise _Retryable(f"HTTP {exc.code} {exc.reason}", retry_after) from None
            raise FetchError(url, f"HTTP {exc.code} {exc.reason}", transient=False) from None
        except TimeoutError:
            raise _Retryable(f"timed out after {self.settings.timeout:g}s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise _Retryable(f"timed out after {self.settings.timeout:g}s") from None
            raise _Retryable(f"cannot connect: {reason}") from None
        except (ConnectionError, OSError) as exc:  # reset mid-body, refused, unreachable
            raise _Retryable(f"connection failed: {exc}") from None

    def _read_capped(self, url: str, reply, deadline: float) -> bytes:
        cap = self.settings.max_bytes
        declared = reply.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"response of {int(declared):,} bytes is over the size cap of "
                                  f"{cap:,} bytes", transient=False)
        chunks, size = [], 0
        while chunk := reply.read(_CHUNK):
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"response over the size cap of {cap:,} bytes", transient=False)
            if self._clock() > deadline:
                raise _Retryable(f"timed out after {self.settings.timeout:g}s (body still arriving)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_slot(self, host: str) -> None:
        """At most `per_host_per_minute` requests to one host: evenly spaced, never in bursts."""
        interval = 60.0 / max(1, self.settings.per_host_per_minute)
        now = self._clock()
        slot = max(now, self._next_slot.get(host, now))
        self._next_slot[host] = slot + interval
        if slot > now:
            self._sleep(slot - now)

    def _sleep(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise Stopped()


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def post_json(url: str, payload: dict, *, headers: dict[str, str] | None = None, timeout: float = 10.0,
              retries: int = 2, backoff: float = 2.0, stop: threading.Event | None = None) -> None:
    """POST `payload` as JSON; retried on timeouts, connection errors, 429 and 5xx; raises FetchError
    when the receiver did not answer 2xx."""
    import json

    stop = stop or threading.Event()
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request_headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, **(headers or {})}
    delay = backoff
    for attempt in range(retries + 1):
        request = urllib.request.Request(url, data=body, headers=request_headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                reply.read(_CHUNK)
                return
        except urllib.error.HTTPError as exc:
            reason, transient = f"HTTP {exc.code} {exc.reason}", exc.code == 429 or exc.code >= 500
        except TimeoutError:
            reason, transient = f"timed out after {timeout:g}s", True
        except (urllib.error.URLError, OSError) as exc:
            reason, transient = f"cannot connect: {getattr(exc, 'reason', exc)}", True
        if not transient or attempt == retries:
            raise FetchError(url, reason, transient)
        if stop.wait(delay):
            raise Stopped()
        delay *= 2
