"""A local web site for watch tests: routes that tests change between rounds, a request log, and
feeds and article pages built from texts written for these tests."""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# -------------------------------------------------------------------------------------------- site

@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering (a timeout)
    send_length: bool = True  # False: no Content-Length, the body streams until closed
    fail_times: int = 0  # answer `fail_status` this many more times first
    fail_status: int = 500
    fail_headers: dict[str, str] = field(default_factory=dict)  # e.g. Retry-After


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""
    status: int = 0  # what was answered

    @property
    def json(self):
        return json.loads(self.body)


@dataclass
class Site:
    """Routes by path; every request is logged with what was answered."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def requests(self, path: str, method: str = "GET") -> list[Request]:
        with self.lock:
            return [r for r in self.log if r.path == path and r.method == method]

    def answer(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        request = Request(method, handler.path, dict(handler.headers.items()), handler.rfile.read(length))
        with self.lock:
            self.log.append(request)
            route = self.routes.get(handler.path)
            failing = route is not None and route.fail_times > 0
            if failing:
                route.fail_times -= 1
        if route is None:
            request.status = 404
            handler.send_error(404)
            return
        if route.delay:
            time.sleep(route.delay)
        if failing and route.fail_headers:
            request.status = route.fail_status
            handler.send_response(route.fail_status)
            for name, value in route.fail_headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if failing or route.status != 200:
            request.status = route.fail_status if failing else route.status
            handler.send_error(request.status)
            return
        if method == "GET" and route.etag and handler.headers.get("If-None-Match") == route.etag:
            request.status = 304
            handler.send_response(304)
            handler.send_header("ETag", route.etag)
            handler.end_headers()
            return
        request.status = 200
        handler.send_response(200)
        handler.send_header("Content-Type", route.content_type)
        if route.etag:
            handler.send_header("ETag", route.etag)
        if route.last_modified:
            handler.send_header("Last-Modified", route.last_modified)
        if route.send_length:
            handler.send_header("Content-Length", str(len(route.body)))
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        if method == "GET":
            # The client may give up (size cap, timeout): that is the point of the test.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                handler.wfile.write(route.body)
        handler.close_connection = True


def serve(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 - the http.server API
            site.answer(self, "GET")

        def do_POST(self):  # noqa: N802
            site.answer(self, "POST")

        def log_message(self, *args):  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server


# --------------------------------------------------------------------------------- feeds and pages

@dataclass
class Item:
    guid: str
    title: str
    link: str
    summary: str = ""
    published: str = "2026-11-23"


def rss(title: str, items: list[Item]) -> bytes:
    entries = []
    for item in items:
        day = email.utils.format_datetime(dt.datetime.fromisoformat(item.published + "T08:00:00+00:00"))
        entries.append(f"<item><guid>{item.guid}</guid><title>{item.title}</title><link>{item.link}</link>"
                       f"<description><![CDATA[{item.summary}]]></description><pubDate>{day}</pubDate></item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>test feed</description>{''.join(entries)}"
            "</channel></rss>").encode()


def page(title: str, paragraphs: list[str], site_name: str = "Test Wire",
         published: str = "2026-11-23") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title>"
            f'<meta property="og:site_name" content="{site_name}">'
            f'<meta property="article:published_time" content="{published}T08:00:00Z"></head>'
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{body}</article>"
            "<footer>Contact us</footer></body></html>").encode()


# Articles written for these tests (no gold or test sentences): what the pages say.
ARTICLES = {
    "kharkiv": ("Troops attack Kharkiv", [
        "Russian troops attacked the Ukrainian city of Kharkiv on Monday, killing four civilians, "
        "officials said.",
        "The regional governor said rescue teams were searching the rubble of two apartment blocks."]),
    "kharkiv-2": ("Four killed in Kharkiv", [
        "Russian forces attacked Kharkiv in eastern Ukraine on Monday and killed four civilians, "
        "the regional governor said.",
        "Emergency services worked through the night."]),
    "kharkiv-3": ("Kharkiv mourns", [
        "Russian troops attacked Kharkiv on Monday, killing four civilians, the mayor said on Tuesday.",
        "Schools in the city stayed closed."]),
    "paris": ("Ministers meet in Paris", [
        "The French foreign minister met his Indian counterpart in Paris on Tuesday to discuss trade "
        "and climate policy.",
        "Both sides called the talks constructive."]),
    "brussels": ("Farmers protest", [
        "Thousands of farmers protested in Brussels on Wednesday against new European Union rules on "
        "fertiliser.",
        "Tractors blocked several roads near the parliament."]),
    "brussels-updated": ("Farmers protest for a second day", [
        "Thousands of farmers protested in Brussels on Wednesday against new European Union rules on "
        "fertiliser, and police used water cannon.",
        "Tractors blocked several roads near the parliament for a second day."]),
}


def article_page(name: str) -> bytes:
    title, paragraphs = ARTICLES[name]
    return page(title, paragraphs)
