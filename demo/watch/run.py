"""The README's watch example: a local news site on 127.0.0.1 whose RSS feed grows between rounds.

    .venv/bin/python demo/watch/run.py

Writes the site (feed.xml and one page per article of articles.json) to a temporary folder,
serves it with Python's http.server (which answers If-Modified-Since with 304), and runs
`eventwire watch FEED --once --alerts rules.toml` three times: the first round reads the first
articles, the second the articles added since, the third finds nothing new. Then it lists
the alerts with `eventwire alerts`. The database and alerts.jsonl stay in the temporary folder.
"""

from __future__ import annotations

import email.utils
import functools
import html
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_site(root: Path, base: str, articles: list[dict]) -> None:
    (root / "news").mkdir(parents=True, exist_ok=True)
    items = []
    for article in articles:
        link = f"{base}/news/{article['id']}.html"
        body = "".join(f"<p>{html.escape(p)}</p>" for p in article["paragraphs"])
        (root / "news" / f"{article['id']}.html").write_text(
            f"<!doctype html><html><head><title>{html.escape(article['title'])}</title>"
            f'<meta property="og:site_name" content="{article["site"]}">'
            f'<meta property="article:published_time" content="{article["date"]}T09:00:00Z"></head>'
            f"<body><nav>Home | World | Business</nav><article><h1>{html.escape(article['title'])}</h1>"
            f"{body}</article><footer>Subscribe now</footer></body></html>", encoding="utf-8")
        published = email.utils.format_datetime(datetime.fromisoformat(article["date"] + "T09:00:00+00:00"))
        items.append(f"<item><guid>{link}</guid><title>{html.escape(article['title'])}</title><link>{link}</link>"
                     f"<description>{html.escape(article['paragraphs'][0])}</description>"
                     f"<pubDate>{published}</pubDate></item>")
    (root / "feed.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Demo news</title>'
        f"<link>{base}/</link><description>A local feed for the eventwire watch demo</description>"
        f"{''.join(items)}</channel></rss>", encoding="utf-8")


def run(command: list[str], cwd: Path) -> None:
    print("$ " + " ".join(command), flush=True)
    done = subprocess.run([str(Path(sys.executable).with_name("eventwire")), *command[1:]], cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(done.stdout.rstrip() + "\n", flush=True)


def main() -> None:
    articles = json.loads((HERE / "articles.json").read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="eventwire-watch-demo-"))
    site = work / "site"
    site.mkdir()
    shutil.copy(HERE / "rules.toml", work / "rules.toml")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watch = ["eventwire", "watch", f"{base}/feed.xml", "--db", "demo.db", "--alerts", "rules.toml", "--once"]
    try:
        print(f"# round 1: the feed has {len(articles['round1'])} articles", flush=True)
        write_site(site, base, articles["round1"])
        run(watch, work)
        time.sleep(1.1)  # Last-Modified has one-second resolution
        print(f"# round 2: {len(articles['round2'])} more articles", flush=True)
        write_site(site, base, articles["round1"] + articles["round2"])
        run(watch, work)
        print("# round 3: nothing new", flush=True)
        run(watch, work)
        run(["eventwire", "alerts", "--db", "demo.db"], work)
        run(["eventwire", "watch", "--status", "--db", "demo.db"], work)
        print(f"(database and alerts.jsonl in {work})")
    finally:
        server.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    main()
