"""A real browser on a real server: Debian's chromium driven by Playwright, against `create_app`
serving a small store coded from the project's examples plus one hostile article."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# No network of its own: no updates, sync, QUIC probes or first-run pages.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Written for these tests: markup, handlers and script URLs in every field an article has.
HOSTILE = {
    "id": "hostile-article",
    "title": "<script>window.__pwned = 'title'</script><img src=x onerror=\"window.__pwned = 'title img'\">",
    "url": "javascript:window.__pwned = 'url'",
    "source": "<b onmouseover=\"window.__pwned = 'outlet'\">Outlet</b>",
    "date": "2024-03-06",
    "text": ("Naval drones struck a fuel depot near Sevastopol on Tuesday. "
             "<script>window.__pwned = 'text'</script> "
             "<img src=x onerror=\"window.__pwned = 'text img'\"> "
             "Officials in Kyiv accused Moscow of lying about the damage "
             "<a href=\"javascript:window.__pwned = 'link'\">here</a> and \"quotes\" "
             "' -- ; DROP TABLE events;"),
}

# Written for these tests: news beside an attack told as history (flagged historical by the coder).
HISTORY = {
    "id": "history-article",
    "title": "Chile welcomes Peru's envoy",
    "date": "2024-03-07",
    "text": ("Chile's president welcomed the Peruvian ambassador on Tuesday. The ambassador represents Peru, "
             "which attacked Ecuador in 1995."),
}


@dataclass
class Watched:
    """What a page did that a test must see: console errors, uncaught errors, dialogs, and
    requests to any host but the app's."""

    base: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def hostile_article() -> dict:
    return HOSTILE


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM}: apt-get install chromium to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def dashboard_store(tmp_path_factory, examples_dir) -> str:
    """A SQLite store of the examples, the hostile article and the history article, coded by
    `eventwire ingest`."""
    from click.testing import CliRunner

    from eventwire.cli import main

    folder = tmp_path_factory.mktemp("dashboard")
    inputs = folder / "inputs"
    shutil.copytree(examples_dir, inputs)
    (inputs / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    (inputs / "history.jsonl").write_text(json.dumps(HISTORY) + "\n", encoding="utf-8")
    db = str(folder / "events.db")
    result = CliRunner().invoke(main, ["ingest", str(inputs), "--db", db])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def dashboard_url(dashboard_store):
    """The app (API and dashboard) served by uvicorn on 127.0.0.1, in a thread of this process."""
    import uvicorn

    from eventwire.api import create_app
    from eventwire.api.settings import ApiSettings

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ApiSettings(db_url=dashboard_store)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def api(dashboard_url):
    """GET an API path as JSON, for the figures the page must show."""
    import httpx

    def get(path: str, **params) -> dict:
        response = httpx.get(dashboard_url + path, params=params, timeout=30)
        response.raise_for_status()
        return response.json()

    return get


@pytest.fixture
def watched_page(browser, dashboard_url):
    """A fresh page whose console errors, dialogs and off-host requests fail the test."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    watched = Watched(base=dashboard_url)
    page.on("console",
            lambda message: message.type == "error" and watched.console_errors.append(message.text))
    page.on("pageerror", lambda error: watched.page_errors.append(str(error)))

    def on_dialog(dialog):
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def on_request(request):
        watched.requests.append(request.url)
        if not request.url.startswith(dashboard_url + "/"):
            watched.foreign_requests.append(request.url)

    page.on("request", on_request)
    page.watched = watched
    yield page
    context.close()
    assert watched.console_errors == []
    assert watched.page_errors == []
    assert watched.dialogs == []
    assert watched.foreign_requests == []
