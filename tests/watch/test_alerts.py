"""Alert rules: parsed with the API's filters, fired exactly once per event across restarts, again
on growth when asked, delivered to print, JSONL and a webhook on 127.0.0.1 (retried when down)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from helpers import Session
from watch_site import Item, Route, article_page, rss

from eventwire.watch.alerts import RulesError, alert_listing, load_rules

RULES = """
[[rule]]
name = "attacks"
type = "ASSAULT"
country = "UKR"
actions = ["print", "jsonl:alerts.jsonl", "webhook:{hook}"]

[[rule]]
name = "widely-reported"
type = ["ASSAULT", "PROTEST"]
min_articles = 2
on_growth = true
actions = ["jsonl:out/grown.jsonl"]

[[rule]]
name = "talks"
type = "CONSULT"
place = ["Geneva", "Paris"]
actions = ["print"]
"""


def _rules(tmp_path, hook: str = "http://127.0.0.1:9/hook", text: str = RULES):
    path = tmp_path / "rules.toml"
    path.write_text(text.replace("{hook}", hook))
    return path


def test_rules_file(tmp_path):
    rules = load_rules(_rules(tmp_path))
    assert [r.name for r in rules] == ["attacks", "widely-reported", "talks"]
    attacks, grown, talks = rules
    assert attacks.queries[0].event_types == ("ASSAULT",) and attacks.queries[0].countries == ("UKR",)
    assert attacks.actions[1] == f"jsonl:{tmp_path / 'alerts.jsonl'}"  # relative to the rules file
    assert (grown.min_articles, grown.on_growth) == (2, True)
    assert grown.queries[0].event_types == ("ASSAULT", "PROTEST")
    assert [q.place for q in talks.queries] == ["Geneva", "Paris"]  # either place


@pytest.mark.parametrize(("text", "message"), [
    ("[[rule]\nname = 'x'", "not valid TOML"),
    ("title = 'no rules'", "unknown top-level key"),
    ("[[rule]]\ntype = 'ASSAULT'", "rule 1: needs a name"),
    ("[[rule]]\nname = 'x'\ntype = 'BOMBING'", "rule 'x': type: 'BOMBING' is not one of"),
    ("[[rule]]\nname = 'x'\ncountry = 'Narnia'", "rule 'x': country: 'Narnia' is not an ISO 3166"),
    ("[[rule]]\nname = 'x'\nmin_confidence = 1.5", "min_confidence"),
    ("[[rule]]\nname = 'x'\ncolour = 'red'", "unknown filter 'colour'"),
    ("[[rule]]\nname = 'x'\nactions = ['email:me']", "unknown action 'email:me'"),
    ("[[rule]]\nname = 'x'\nactions = ['webhook:ftp://x']", r"not an http\(s\) URL"),
    ("[[rule]]\nname = 'x'\nmin_articles = 0", "min_articles"),
    ("[[rule]]\nname = 'x'\n[[rule]]\nname = 'x'", "used twice: x"),
])
def test_bad_rules_are_refused_with_a_reason(tmp_path, text, message):
    with pytest.raises(RulesError, match=message):
        load_rules(_rules(tmp_path, text=text))


def _feed(site, names: list[str]) -> None:
    items = [Item(name, name, site.url(f"/p/{name}")) for name in names]
    site.routes["/feed.xml"] = Route(rss("Wire", items), "application/rss+xml", etag=f'"{len(names)}"')
    for name in names:
        site.routes[f"/p/{name}"] = Route(article_page(name))


@pytest.mark.slow
def test_alerts_fire_once_per_event_across_restarts_and_again_on_growth(site, receiver, db_url, pipeline,
                                                                      tmp_path):
    rules = _rules(tmp_path, receiver.url("/hook"))
    feed = [site.url("/feed.xml")]
    _feed(site, ["kharkiv", "paris"])
    with Session(db_url, feed, pipeline, rules) as first:
        report = first.round()
        assert report.alerts >= 2 and not report.errors
        fired = {(a.rule, a.event_id) for a in first.state.alerts()}
        assert {rule for rule, _ in fired} == {"attacks", "talks"}
        printed = first.printed.getvalue()
        assert "ALERT attacks: ASSAULT RUSMIL -> UKR" in printed and "ALERT talks: CONSULT FRAGOV" in printed

    with Session(db_url, feed, pipeline, rules) as restarted:  # nothing new: nothing fires
        report = restarted.round()
        assert (report.not_modified, report.alerts) == (1, 0)
        assert restarted.printed.getvalue() == ""

    _feed(site, ["kharkiv", "paris", "kharkiv-2"])  # a second report of the Kharkiv attack
    with Session(db_url, feed, pipeline, rules) as second:
        second.round()
    _feed(site, ["kharkiv", "paris", "kharkiv-2", "kharkiv-3"])  # and a third
    with Session(db_url, feed, pipeline, rules) as third:
        third.round()
        alerts = third.state.alerts()
        assert all(not a.pending_actions for a in alerts)

    # A rule without growth fires once per event; the growth rule once per new size of an event.
    once = Counter((a.rule, a.event_id) for a in alerts if a.rule != "widely-reported")
    assert set(once.values()) == {1}
    sizes: dict[str, list[int]] = {}
    for alert in alerts:
        if alert.rule == "widely-reported":
            sizes.setdefault(alert.event_id, []).append(alert.num_articles)
    assert [2, 3] in sizes.values(), sizes
    assert all(s == sorted(set(s)) and s[0] >= 2 for s in sizes.values())
    kharkiv = next(a.record for a in alerts if a.rule == "widely-reported" and a.num_articles == 3)
    assert kharkiv["event_type"] == "ASSAULT"
    assert {m["doc_id"] for m in kharkiv["mentions"]} == {"kharkiv", "kharkiv-2", "kharkiv-3"}
    # The Kharkiv attack fired "attacks" once, when first reported, though it grew to three articles.
    assert once[("attacks", kharkiv["event_id"])] == 1

    # Every action ran once per alert: the webhook got each alert once, under its own key.
    attacks = {a.alert_id for a in alerts if a.rule == "attacks"}
    posts = [p for p in receiver.requests("/hook", "POST") if p.status == 200]
    assert sorted(p.headers["Idempotency-Key"] for p in posts) == sorted(attacks)
    assert all(p.json["rule"] == "attacks" and p.json["event"]["event_type"] == "ASSAULT" for p in posts)
    lines = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert sorted(line["alert_id"] for line in lines) == sorted(attacks)
    grown = [json.loads(line) for line in (tmp_path / "out" / "grown.jsonl").read_text().splitlines()]
    assert len(grown) == sum(len(s) for s in sizes.values())


@pytest.mark.slow
def test_a_webhook_that_is_down_is_retried_next_round(site, receiver, db_url, pipeline, tmp_path):
    rules = _rules(tmp_path, receiver.url("/hook"), text="""
[[rule]]
name = "attacks"
type = "ASSAULT"
actions = ["webhook:{hook}", "jsonl:alerts.jsonl"]
""")
    receiver.routes["/hook"].fail_times = 1000
    _feed(site, ["kharkiv"])
    with Session(db_url, [site.url("/feed.xml")], pipeline, rules) as first:
        report = first.round()
        assert report.alerts == 1
        assert len(report.errors) == 1 and "HTTP 500" in report.errors[0]
        shown = receiver.url("/…")  # a webhook's path may hold a token: never shown
        assert f"webhook:{shown}: HTTP 500" in report.errors[0] and "/hook" not in report.errors[0]
        [pending] = first.state.pending_alerts()
        assert alert_listing(pending)["pending_actions"] == [f"webhook:{shown}"]
        assert pending.pending_actions == [f"webhook:{receiver.url('/hook')}"]
        assert "HTTP 500" in pending.last_error
        assert len((tmp_path / "alerts.jsonl").read_text().splitlines()) == 1  # the other action ran
        assert len(receiver.requests("/hook", "POST")) == 2  # one try, one retry
    receiver.routes["/hook"].fail_times = 0
    with Session(db_url, [site.url("/feed.xml")], pipeline, rules) as restarted:
        report = restarted.round()
        assert (report.alerts, report.errors) == (0, [])
        assert restarted.state.pending_alerts() == []
    delivered = [p for p in receiver.requests("/hook", "POST") if p.status == 200]
    assert len(delivered) == 1 and delivered[0].headers["Idempotency-Key"] == pending.alert_id
    assert len((tmp_path / "alerts.jsonl").read_text().splitlines()) == 1
