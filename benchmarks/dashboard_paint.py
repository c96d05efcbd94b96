"""How fast the dashboard draws on a store: first paint and every panel drawn, in Debian's chromium.

`eventwire serve` is started on the store at a free port on 127.0.0.1; a fresh browser page
(no cache) loads each URL `--repeats` times. Per URL it prints the median and the worst of:
first contentful paint (the page shell, as the browser reports it), "table" (the events table,
or the event view, filled from the API) and "drawn" (every panel filled: the page sets
body[data-ready]), plus the bytes the page fetched.

Usage: python benchmarks/dashboard_paint.py --db sqlite:////tmp/api.db [--repeats 5]
           [--url '/?country=IRN' ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import urllib.request

from local_server import CHROMIUM, CHROMIUM_ARGS, serving

DEFAULT_URLS = ["/", "/?country=IRN", "/?country=ISR,IRN&since=2023-01&until=2023-12", "/?q=missile"]
EVENT_URL = "/?event={event_id}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--url", action="append", help="paths to load (default: a set of overview pages)")
    args = parser.parse_args(argv)
    with serving(args.db) as base:
        urls = args.url or DEFAULT_URLS + [EVENT_URL.format(event_id=_latest_event(base))]
        print(f"{'page':<50} {'first paint p50/max':>20} {'table p50/max':>16} {'drawn p50/max':>16} "
              f"{'bytes':>10}")
        for url in urls:
            paints, tables, drawn, sizes = _measure(base + url, args.repeats)
            print(f"{url[:50]:<50} {_ms(paints):>20} {_ms(tables):>16} {_ms(drawn):>16} "
                  f"{int(statistics.median(sizes)):>10}")
    return 0


def _measure(url: str, repeats: int) -> tuple[list[float], list[float], list[float], list[int]]:
    from playwright.sync_api import sync_playwright

    paints, tables, drawn, sizes = [], [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(repeats):
            context = browser.new_context(viewport={"width": 1300, "height": 900})
            page = context.new_page()
            fetched = []
            page.on("response", lambda response, fetched=fetched: fetched.append(response))
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
            timing = page.evaluate("""() => ({
                paint: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
                table: (performance.getEntriesByName('eventwire-table')[0]
                        || performance.getEntriesByName('eventwire-drawn')[0]).startTime,
                drawn: performance.getEntriesByName('eventwire-drawn')[0].startTime,
                bytes: performance.getEntriesByType('resource').reduce((n, r) => n + r.encodedBodySize, 0)
                       + performance.getEntriesByType('navigation')[0].encodedBodySize,
            })""")
            status = page.inner_text("#status")
            if status:
                raise SystemExit(f"{url}: the page reported {status!r}")
            paints.append(timing["paint"])
            tables.append(timing["table"])
            drawn.append(timing["drawn"])
            sizes.append(timing["bytes"])
            context.close()
        browser.close()
    return paints, tables, drawn, sizes


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} / {max(values):.0f} ms"


def _latest_event(base: str) -> str:
    import json

    with urllib.request.urlopen(f"{base}/api/events?limit=1") as response:
        return json.load(response)["events"][0]["event_id"]


if __name__ == "__main__":
    sys.exit(main())
