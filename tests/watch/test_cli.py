"""`eventwire watch` and `eventwire alerts` through the command line, and as a process that is killed
(kill -9: nothing lost, nothing twice) or asked to stop (SIGTERM or Ctrl-C: the article in hand is
finished)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from watch_site import Item, Route, page, rss

from eventwire.cli import main
from eventwire.store import open_store

pytestmark = pytest.mark.slow

CITIES = ["Lagos", "Nairobi", "Dakar", "Accra", "Kampala", "Lusaka", "Harare", "Maputo", "Luanda", "Abuja",
          "Kigali", "Bamako"]
RULES = """
[[rule]]
name = "arrests"
type = ["COERCE", "ASSAULT"]
actions = ["print", "jsonl:alerts.jsonl"]
"""
FAST = ["--per-host", "6000", "--timeout", "5", "--retries", "0"]


def _city_feed(site, delay: float = 0.0) -> str:
    """A feed of twelve arrests, one city each; every page answers after `delay` seconds."""
    items = []
    for number, city in enumerate(CITIES):
        items.append(Item(f"arrest-{number}", f"Arrests in {city}", site.url(f"/p/{number}")))
        site.routes[f"/p/{number}"] = Route(page(f"Arrests in {city}", [
            f"Police arrested {number + 12} protesters in {city} on Monday after a march against fuel "
            "prices, officials said.", f"The march in {city} was the largest this year."]), delay=delay)
    site.routes["/feed.xml"] = Route(rss("Wire", items), "application/rss+xml", etag='"1"')
    return site.url("/feed.xml")


def _cli(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from eventwire.cli import main; main()", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_articles(url: str, count: int, process: subprocess.Popen) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.1)
        try:
            with open_store(url) as store:
                stored = store.counts()["articles"]
        except Exception:  # noqa: BLE001 - the watcher may still be creating the schema
            continue
        if stored >= count:
            return stored
        assert process.poll() is None, process.communicate()
    raise AssertionError("the watcher stored too few articles in two minutes")


def test_kill_9_mid_round_loses_nothing_and_duplicates_nothing(site, tmp_path, nlp, new_db_url,
                                                               database_content):
    feed = _city_feed(site, delay=0.3)
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)
    crashed, clean = new_db_url(), new_db_url()
    watcher = _cli("watch", feed, "--db", crashed, "--alerts", rules, "--every", "1h", *FAST)
    _wait_for_articles(crashed, 4, watcher)
    os.kill(watcher.pid, signal.SIGKILL)
    watcher.wait(timeout=30)
    with open_store(crashed) as store:
        interrupted = store.counts()["articles"]
    assert 4 <= interrupted < len(CITIES), "the round finished before the kill"

    once = ["--alerts", str(rules), "--once", *FAST]
    resumed = CliRunner().invoke(main, ["watch", feed, "--db", crashed, *once])
    assert resumed.exit_code == 0, resumed.output
    assert f"{len(CITIES) - interrupted} new articles" in resumed.output
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "rules.toml").write_text(RULES)  # its own alerts.jsonl
    ran_clean = CliRunner().invoke(main, ["watch", feed, "--db", clean, "--alerts", str(tmp_path / "clean" /
                                                                                        "rules.toml"),
                                          "--once", *FAST])
    assert ran_clean.exit_code == 0, ran_clean.output

    with open_store(crashed) as after, open_store(clean) as reference:
        assert database_content(after) == database_content(reference)  # articles, mentions, events
        assert after.counts()["articles"] == len(CITIES)
        fired = [(a.rule, a.event_id, a.num_articles) for a in _alerts(after)]
        reference_fired = [(a.rule, a.event_id, a.num_articles) for a in _alerts(reference)]
        assert fired and sorted(fired) == sorted(reference_fired)
    for folder in (tmp_path, tmp_path / "clean"):
        lines = [json.loads(line)["alert_id"] for line in (folder / "alerts.jsonl").read_text().splitlines()]
        assert len(lines) == len(set(lines)) == len(fired)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_stop_signal_finishes_the_article_in_hand_and_exits_cleanly(site, tmp_path, signum):
    feed = _city_feed(site, delay=0.3)
    url = f"sqlite:///{tmp_path}/watch.db"
    watcher = _cli("watch", feed, "--db", url, "--every", "1h", *FAST)
    _wait_for_articles(url, 2, watcher)
    watcher.send_signal(signum)
    _out, err = watcher.communicate(timeout=30)
    assert watcher.returncode == 0, err
    assert "(stopped early)" in err and err.rstrip().endswith("stopped")
    assert "Traceback" not in err
    with open_store(url) as store:
        stored = store.counts()["articles"]
        seen = store._run("SELECT COUNT(*) FROM watch_items WHERE status = 'stored'").fetchone()[0]
        kept = store._run("SELECT COUNT(*) FROM watch_sources WHERE etag IS NOT NULL").fetchone()[0]
    assert 2 <= stored < len(CITIES) and seen == stored  # every stored article is marked seen
    assert kept == 0  # the feed was not finished: no ETag kept, the next round reads it whole


def test_once_status_and_alerts_commands(site, tmp_path):
    feed = _city_feed(site)
    site.routes["/down.xml"] = Route(status=500)
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)
    db = str(tmp_path / "watch.db")
    runner = CliRunner()
    first = runner.invoke(main, ["watch", feed, site.url("/down.xml"), "--db", db, "--alerts", str(rules),
                                 "--once", *FAST])
    assert first.exit_code == 1  # something failed: cron hears of it
    assert f"round 1: 2 feeds polled (0 not modified), {len(CITIES)} new articles" in first.output
    assert "error: " + site.url("/down.xml") + ": HTTP 500" in first.output
    assert first.output.count("ALERT arrests:") >= len(CITIES) - 2

    status = runner.invoke(main, ["watch", "--status", "--db", db])
    assert status.exit_code == 0
    assert f"{feed}  [feed]" in status.output and f"items: {len(CITIES)} stored" in status.output
    assert "HTTP 500 Internal Server Error (1 failed polls in a row)" in status.output

    listed = runner.invoke(main, ["alerts", "--db", db])
    assert listed.exit_code == 0 and "ALERT arrests:" in listed.output
    as_json = [json.loads(line) for line in runner.invoke(main, ["alerts", "--db", db, "--format", "jsonl"])
               .stdout.splitlines()]
    assert as_json and all(a["rule"] == "arrests" and a["pending_actions"] == [] for a in as_json)

    site.routes["/down.xml"] = Route(rss("Back", [Item("x", "Arrests in Lagos", site.url("/p/0"))]),
                                     "application/rss+xml")
    second = runner.invoke(main, ["watch", feed, site.url("/down.xml"), "--db", db, "--alerts", str(rules),
                                  "--once", *FAST])
    assert second.exit_code == 0, second.output
    assert "round 1: 2 feeds polled (1 not modified), 1 new articles" in second.output


def test_command_line_mistakes_are_one_line(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "rules.toml"
    bad.write_text("[[rule]]\nname = 'x'\ntype = 'BOMBING'\n")
    result = runner.invoke(main, ["watch", str(tmp_path), "--db", str(tmp_path / "w.db"),
                                  "--alerts", str(bad)])
    assert result.exit_code == 1 and "rule 'x': type: 'BOMBING' is not one of" in result.output
    assert "Traceback" not in result.output
    assert runner.invoke(main, ["watch", "--db", str(tmp_path / "w.db")]).exit_code == 2
    assert "not a duration" in runner.invoke(main, ["watch", str(tmp_path), "--every", "soon"]).output


def _alerts(store):
    from eventwire.store.watchstate import WatchState

    return WatchState(store).alerts()
