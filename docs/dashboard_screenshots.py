"""Take the screenshots in docs/dashboard.md: the examples coded into a fresh store, served, and
each view shot in Debian's chromium.

Usage: python docs/dashboard_screenshots.py   (writes docs/dashboard/*.png)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
sys.path.insert(0, str(REPO / "benchmarks"))  # local_server, shared with the dashboard benchmark

from local_server import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402

OUT = DOCS / "dashboard"


def main() -> int:
    eventwire = str(Path(sys.executable).with_name("eventwire"))
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "events.db")
        subprocess.run([eventwire, "ingest", str(REPO / "examples"), "--db", db], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with serving(db, start_seconds=60) as base:
            _shoot(base)
    return 0


def _shoot(base: str) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})

        def show(path: str) -> None:
            page.goto(base + path)
            page.wait_for_selector("body[data-ready=true]", state="attached")

        show("/?country=ISR,IRN")
        page.screenshot(path=OUT / "overview.png")
        show("/?limit=12")
        for panel in ("timeline", "dyads", "map", "events"):
            page.locator(f"#{panel}-panel").screenshot(path=OUT / f"{panel}.png")
        show("/?q=Israeli+jets")
        event_id = page.locator("#events tbody tr").first.get_attribute("data-event-id")
        show(f"/?event={event_id}")
        page.screenshot(path=OUT / "event.png", full_page=True, scale="css", type="png")
        page.locator("a.article-link").first.click()
        page.wait_for_selector("#article-text")
        page.wait_for_selector("body[data-ready=true]", state="attached")
        page.screenshot(path=OUT / "article.png")
        browser.close()
    for path in sorted(OUT.glob("*.png")):
        print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    sys.exit(main())
