"""Several watch rounds over local feeds: what each round found, and how long it took.

The 65 VOA articles of the shared data become HTML pages on a local site (127.0.0.1), split
over five RSS feeds; each round publishes more of them. Round 2 has a feed answering 500 and
a page that times out (its feed text is used, the page is read in round 3); round 4 publishes
nothing (every feed answers 304). The watcher runs in this process, as `eventwire watch
--per-host 6000 --timeout 2` would: the figure is the watcher's own cost (fetch, read, code,
store, alerts), not the politeness wait (30 requests per host per minute by default).

Usage: python benchmarks/watch_rounds.py --shared ../shared [--db sqlite:////tmp/watch-bench.db]
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import html
import json
import sys
import tempfile
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FEEDS = 5
PUBLISHED = [0.4, 0.8, 1.0, 1.0]  # share of each feed's articles published by round 1, 2, 3, 4
RULES = """
[[rule]]
name = "force"
quad_class = "material_conflict"
min_confidence = 0.5
actions = ["jsonl:alerts.jsonl"]

[[rule]]
name = "widely-reported"
min_articles = 2
on_growth = true
actions = ["jsonl:alerts.jsonl"]
"""


class Site:
    def __init__(self):
        self.files: dict[str, tuple[bytes, str]] = {}
        self.broken: set[str] = set()
        self.slow: set[str] = set()
        self.lock = threading.Lock()

    def handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                with site.lock:
                    found = site.files.get(self.path)
                    broken, slow = self.path in site.broken, self.path in site.slow
                if slow:
                    time.sleep(3)
                if found is None or broken:
                    self.send_error(500 if broken else 404)
                    return
                body, etag = found
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml" if self.path.endswith(".xml")
                                 else "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a client that timed out
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler


def page(article: dict) -> bytes:
    title, _, story = article["text"].partition("\n\n")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in story.split("\n") if p.strip())
    return (f"<!doctype html><html><head><title>{html.escape(article['title'])}</title>"
            f'<meta property="og:site_name" content="Voice of America">'
            f'<meta property="article:published_time" content="{article["date"]}T12:00:00Z"></head>'
            f"<body><nav>Home | World</nav><article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
            "</body></html>").encode()


def feed(base: str, number: int, articles: list[dict]) -> bytes:
    items = []
    for article in articles:
        link = f"{base}/story/{article['id']}.html"
        day = email.utils.format_datetime(datetime.fromisoformat(article["date"] + "T12:00:00+00:00"))
        summary = html.escape(article["text"].partition("\n\n")[2][:600])
        items.append(f"<item><guid>{link}</guid><title>{html.escape(article['title'])}</title>"
                     f"<link>{link}</link><description>{summary}</description><pubDate>{day}</pubDate></item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed {number}</title>'
            f"<link>{base}/</link><description>bench</description>{''.join(items)}</channel></rss>").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--db", default=None, help="an empty store (default: a new SQLite file)")
    args = parser.parse_args()
    source = args.shared / "data" / "voa" / "news_articles.jsonl"
    if not source.exists():
        sys.exit(f"no VOA articles at {source} (pass --shared PATH)")
    articles = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]

    from eventwire.pipeline import Pipeline
    from eventwire.store import current_coder, open_store
    from eventwire.watch import AlertEngine, Fetcher, FetchSettings, Watcher, load_rules

    work = Path(tempfile.mkdtemp(prefix="eventwire-watch-bench-"))
    (work / "rules.toml").write_text(RULES)
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), site.handler())
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for article in articles:
        site.files[f"/story/{article['id']}.html"] = (page(article), "")
    groups = [articles[i::FEEDS] for i in range(FEEDS)]
    urls = [f"{base}/feed{n}.xml" for n in range(FEEDS)]

    pipeline = Pipeline(workers=1)
    pipeline.warm_up()
    started, cpu_started = time.monotonic(), time.process_time()
    with open_store(args.db or f"sqlite:///{work}/watch.db") as store:
        fetcher = Fetcher(FetchSettings(timeout=2, per_host_per_minute=6000, retries=1, backoff=0.1))
        alerts = AlertEngine(store, load_rules(work / "rules.toml"), echo=print)
        watcher = Watcher(store, urls, code=pipeline.code_documents, coder=current_coder(), fetcher=fetcher,
                          alerts=alerts, echo=print)
        for number, share in enumerate(PUBLISHED, start=1):
            for n, group in enumerate(groups):
                shown = group[:round(len(group) * share)]
                site.files[f"/feed{n}.xml"] = (feed(base, n, shown), f'"{n}-{len(shown)}"')
            site.broken = {"/feed4.xml"} if number == 2 else set()
            site.slow = {f"/story/{groups[0][5]['id']}.html"} if number == 2 else set()
            round_started = time.monotonic()
            report = watcher.run_round()
            print(f"{report.line()}  [{time.monotonic() - round_started:.1f} s]")
        counts = store.counts()
        fired = store._run("SELECT COUNT(*) FROM alerts").fetchone()[0]
    total, cpu = time.monotonic() - started, time.process_time() - cpu_started
    server.shutdown()
    print(f"\n{counts['articles']} articles ({counts.get('articles_coded', 0)} coded), "
          f"{counts['events']} events, "
          f"{fired} alerts in {total:.1f} s over {len(PUBLISHED)} rounds; "
          f"{len(articles) / total:.1f} articles/s (model loaded before timing); {cpu:.1f} s of CPU in "
          "this process (the local site's threads included)")


if __name__ == "__main__":
    main()
