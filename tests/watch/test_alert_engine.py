"""The alert engine on a store filled with hand-built coded articles (no language model), and the
alerts it fired as the HTTP API lists them."""

from __future__ import annotations

import io
import json

from fastapi.testclient import TestClient
from helpers import CODER
from store_factories import coded, document, event

from eventwire.api import ApiSettings, create_app
from eventwire.store import open_store
from eventwire.store.watchstate import WatchState
from eventwire.watch.alerts import AlertEngine, alert_payload, load_rules

SHELLING = "Israeli troops shelled a refugee camp in Gaza overnight. Medics counted the wounded"
SHELLING_AGAIN = "Israeli troops shelled a refugee camp in Gaza on Monday. Many were wounded"
TALKS = "The Russian foreign minister met the Chinese foreign minister in Beijing. Trade was discussed"
RULES = """
[[rule]]
name = "gaza"
country = "PSE"
type = "ASSAULT"
actions = ["print"]

[[rule]]
name = "talks-anywhere-but-geneva"
type = "CONSULT"
place = ["Beijing", "Moscow"]
actions = ["print"]

[[rule]]
name = "two-reports"
min_articles = 2
actions = ["print"]
"""


def _shelling(doc_id: str, text: str, outlet: str):
    doc = document(doc_id, text, date="2024-05-20", outlet=outlet)
    return coded(doc, event(doc, 0, "shelled", "ASSAULT", source=[("Israeli troops", "ISR", "MIL")],
                            target=[("refugee camp", "PSE", "CVL")], place="Gaza", confidence=0.9))


def _engine(store, tmp_path, out):
    path = tmp_path / "rules.toml"
    path.write_text(RULES)
    return AlertEngine(store, load_rules(path), out=out)


def test_rules_match_like_the_api_and_fire_once(db_url, tmp_path):
    talks = document("t1", TALKS, date="2024-05-20")
    with open_store(db_url) as store:
        store.save(_shelling("s1", SHELLING, "Wire A"), CODER)
        store.save(coded(talks, event(talks, 0, "met", "CONSULT", source=[("Russian", "RUS", "GOV")],
                                      target=[("Chinese", "CHN", "GOV")], place="Beijing")), CODER)
        out = io.StringIO()
        engine = _engine(store, tmp_path, out)
        assert engine() == 2
        assert engine() == 0  # nothing new
        store.save(_shelling("s2", SHELLING_AGAIN, "Wire B"), CODER)  # the same shelling, reported again
        assert engine() == 1  # two-reports only; gaza already fired for this event
        fired = [(a.rule, a.num_articles) for a in WatchState(store).alerts()]
    assert sorted(fired) == [("gaza", 1), ("talks-anywhere-but-geneva", 1), ("two-reports", 2)]
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and lines[0].startswith("ALERT gaza: ASSAULT ISRMIL -> PSECVL 2024-05-20 Gaza")


def test_the_api_lists_the_alerts(db_url, tmp_path):
    with open_store(db_url) as store:
        store.save(_shelling("s1", SHELLING, "Wire A"), CODER)
        store.save(_shelling("s2", SHELLING_AGAIN, "Wire B"), CODER)
        _engine(store, tmp_path, io.StringIO())()
    with TestClient(create_app(ApiSettings(db_url=db_url))) as client:
        listed = client.get("/api/alerts").json()["alerts"]
        assert sorted(a["rule"] for a in listed) == ["gaza", "two-reports"]
        assert all(a["event"]["event_type"] == "ASSAULT" and a["pending_actions"] == [] for a in listed)
        one_rule = client.get("/api/alerts", params={"rule": "gaza"}).json()["alerts"]
        assert [a["rule"] for a in one_rule] == ["gaza"]
        assert len(client.get("/api/alerts", params={"limit": "1"}).json()["alerts"]) == 1
        assert client.get("/api/alerts", params={"limit": "0"}).status_code == 422


def test_an_action_in_doubt_after_a_crash_is_not_repeated_in_the_jsonl_file(db_url, tmp_path):
    """Killed after appending an alert's line but before recording it: the restart finds the line."""
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nname = "gaza"\ntype = "ASSAULT"\nactions = ["jsonl:alerts.jsonl", "print"]\n')
    with open_store(db_url) as store:
        store.save(_shelling("s1", SHELLING, "Wire A"), CODER)
        engine = AlertEngine(store, load_rules(path), out=io.StringIO())
        engine.deliver_pending = lambda: []  # the process dies before any bookkeeping of the actions
        assert engine() == 1
        [alert] = WatchState(store).pending_alerts()
        (tmp_path / "alerts.jsonl").write_text(json.dumps(alert_payload(alert)) + "\n")  # the line it wrote
    with open_store(db_url) as store:
        out = io.StringIO()
        restarted = AlertEngine(store, load_rules(path), out=out)
        assert restarted() == 0 and WatchState(store).pending_alerts() == []
    assert len((tmp_path / "alerts.jsonl").read_text().splitlines()) == 1
    assert out.getvalue().startswith("ALERT gaza:")  # print cannot tell: it runs again
