"""Alert rules: the API's event filters plus a minimum article count, and what to do on a match.

A rule fires once per event. With `on_growth = true` it fires again each time the event has
been reported by more articles than when it last fired. What fired is recorded in the store
before any action runs, with the actions still to do; an action that fails (a webhook that
is down) stays pending and is tried again next round. Merged events keep the id of their
founding mention, and an event re-founded by an earlier report still holds that mention, so
a rule does not fire twice for one happening.

Delivery is exactly once for a watcher that stops cleanly. After a kill -9 between an action
and its bookkeeping, the action is repeated on restart: a JSONL file is checked for the alert
id first (no duplicate line), and webhooks get the same `Idempotency-Key` header (the alert id)
so a receiver can drop the repeat.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eventwire.store.base import EventQuery
from eventwire.store.sql import SqlEventStore
from eventwire.store.watchstate import FiredAlert, WatchState
from eventwire.watch.fetch import FetchError, Stopped, post_json

ACTION_KINDS = ("print", "jsonl", "webhook")
_RULE_KEYS = {"name", "min_articles", "on_growth", "actions"}


class RulesError(ValueError):
    """A rules file that cannot be used, with the file and rule it is about."""


@dataclass(frozen=True)
class Rule:
    name: str
    query: EventQuery
    actions: tuple[str, ...]  # "print", "jsonl:/absolute/path", "webhook:http://..."
    min_articles: int = 1
    on_growth: bool = False


def load_rules(path: str | Path) -> list[Rule]:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError(f"{path}: cannot read the rules file: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - {"rule"}
    if unknown:
        raise RulesError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}: "
                         "rules are [[rule]] tables")
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise RulesError(f"{path}: no [[rule]] table")
    rules = [_rule(path, number, table) for number, table in enumerate(tables, start=1)]
    names = [rule.name for rule in rules]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise RulesError(f"{path}: rule name(s) used twice: {', '.join(duplicates)}")
    return rules


def _rule(path: Path, number: int, table: dict) -> Rule:
    where = f"{path}: rule {number}"
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RulesError(f"{where}: needs a name")
    where = f"{path}: rule {name!r}"
    min_articles = table.get("min_articles", 1)
    if not isinstance(min_articles, int) or isinstance(min_articles, bool) or min_articles < 1:
        raise RulesError(f"{where}: min_articles must be a whole number of at least 1")
    on_growth = table.get("on_growth", False)
    if not isinstance(on_growth, bool):
        raise RulesError(f"{where}: on_growth must be true or false")
    actions = table.get("actions", ["print"])
    if isinstance(actions, str):
        actions = [actions]
    if not isinstance(actions, list) or not actions:
        raise RulesError(f"{where}: actions must be a list such as [\"print\", \"jsonl:alerts.jsonl\"]")
    try:
        query = rule_query({k: v for k, v in table.items() if k not in _RULE_KEYS})
    except (TypeError, ValueError) as exc:
        raise RulesError(f"{where}: {exc}") from None
    return Rule(name=name.strip(), query=query, min_articles=min_articles, on_growth=on_growth,
                actions=tuple(_action(where, path, action) for action in actions))


def _action(where: str, path: Path, action: object) -> str:
    if not isinstance(action, str):
        raise RulesError(f"{where}: an action is a string such as \"print\", not {action!r}")
    kind, _, target = action.partition(":")
    if kind not in ACTION_KINDS:
        raise RulesError(f"{where}: unknown action {action!r} (expected print, jsonl:PATH or webhook:URL)")
    if kind == "print":
        return "print"
    if not target:
        raise RulesError(f"{where}: {kind} needs a target, e.g. {kind}:" +
                         ("alerts.jsonl" if kind == "jsonl" else "http://127.0.0.1:8000/hook"))
    if kind == "webhook":
        if not target.startswith(("http://", "https://")):
            raise RulesError(f"{where}: webhook target {target!r} is not an http(s) URL")
        return action
    # A relative JSONL path is relative to the rules file, wherever the watcher is started from.
    return f"jsonl:{(path.parent / target).resolve()}"


def rule_query(filters: dict) -> EventQuery:
    """An EventQuery from a rule's filter keys, named as the events command's options."""
    allowed = {"actor", "country", "type", "since", "until", "min_confidence"}
    unknown = set(filters) - allowed
    if unknown:
        raise ValueError(f"unknown filter(s) {', '.join(sorted(unknown))} "
                         f"(known: {', '.join(sorted(allowed))})")
    dates = {key: _as_date(key, filters.get(key)) for key in ("since", "until")}
    confidence = filters.get("min_confidence")
    if confidence is not None and not (isinstance(confidence, int | float) and 0 <= confidence <= 1):
        raise ValueError("min_confidence must be a number from 0 to 1")
    return EventQuery(actor=filters.get("actor"), country=filters.get("country"),
                      event_type=filters.get("type"), min_confidence=confidence, **dates)


def _as_date(key: str, value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{key} must be a date like 2024-03-11") from None


class AlertEngine:
    """Checks every rule against the stored events after each round and runs the actions."""

    def __init__(self, store: SqlEventStore, rules: list[Rule], *, stop: threading.Event | None = None,
                 echo: Callable[[str], None] = print, webhook_timeout: float = 10.0, webhook_retries: int = 2,
                 webhook_backoff: float = 2.0, out=None):
        self.store = store
        self.state = WatchState(store)
        self.rules = rules
        self.stop = stop or threading.Event()
        self.echo = echo  # problems
        self.out = out  # where "print" writes (standard output when None)
        self.webhook = {"timeout": webhook_timeout, "retries": webhook_retries, "backoff": webhook_backoff}
        # Alerts left pending by an earlier process: their actions may have run just before it died.
        self._in_doubt = {alert.alert_id for alert in self.state.pending_alerts()}

    def __call__(self, report=None) -> int:
        fired = sum(self._check(rule) for rule in self.rules)
        errors = self.deliver_pending()
        if report is not None:
            report.errors += errors
        return fired

    def _check(self, rule: Rule) -> int:
        fired_sizes = self.state.fired_sizes(rule.name)
        count = 0
        for record in self.store.events(rule.query):
            size = record["num_articles"]
            if size < rule.min_articles:
                continue
            keys = [record["event_id"], *(m["mention_id"] for m in record.get("mentions", []))]
            before = max((fired_sizes[k] for k in keys if k in fired_sizes), default=None)
            if before is not None and (not rule.on_growth or size <= before):
                continue
            alert = FiredAlert(
                alert_id=_alert_id(rule.name, record["event_id"], size), rule=rule.name,
                event_id=record["event_id"], num_articles=size, fired_at=_now(), record=record,
                pending_actions=list(rule.actions))
            if self.state.add_alert(alert):
                fired_sizes[record["event_id"]] = size
                count += 1
        return count

    def deliver_pending(self) -> list[str]:
        """Run every action still to do; returns a line per failure (tried again next time)."""
        errors = []
        for alert in self.state.pending_alerts():
            remaining, error = list(alert.pending_actions), None
            for action in alert.pending_actions:
                if self.stop.is_set():
                    break
                try:
                    self._run(action, alert)
                except (FetchError, OSError) as exc:
                    error = f"alert {alert.alert_id} ({alert.rule}): {action}: {exc}"
                    errors.append(error)
                    self.echo(f"error: {error}; tried again next round")
                    continue
                except Stopped:
                    break
                remaining.remove(action)
                self.state.set_pending(alert.alert_id, remaining, error)
            if remaining and error:
                self.state.set_pending(alert.alert_id, remaining, error)
        return errors

    def _run(self, action: str, alert: FiredAlert) -> None:
        payload = alert_payload(alert)
        kind, _, target = action.partition(":")
        if kind == "print":
            stream = self.out or sys.stdout
            stream.write(alert_line(alert) + "\n")
            stream.flush()
        elif kind == "jsonl":
            path = Path(target)
            if alert.alert_id in self._in_doubt and _jsonl_has(path, alert.alert_id):
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as stream:
                stream.write(json.dumps(payload, ensure_ascii=False) + "\n")
        else:
            post_json(target, payload, headers={"Idempotency-Key": alert.alert_id}, stop=self.stop,
                      **self.webhook)


def alert_payload(alert: FiredAlert) -> dict:
    return {"alert_id": alert.alert_id, "rule": alert.rule, "fired_at": alert.fired_at,
            "event_id": alert.event_id, "num_articles": alert.num_articles, "event": alert.record}


def alert_line(alert: FiredAlert) -> str:
    """One line: rule, type, dyad, date, place, size, and the sentence that says so."""
    record = alert.record

    def side(role: str) -> str:
        actors = record.get(role) or []
        return (actors[0].get("code") or actors[0].get("name") or actors[0]["text"]) if actors else "-"

    place = (record.get("location") or {}).get("name") or "-"
    day = (record.get("date") or {}).get("value") or record.get("first_reported") or "undated"
    sentence = " ".join(((record.get("sentence") or {}).get("text") or "").split())
    if len(sentence) > 100:
        sentence = sentence[:99] + "…"
    articles = f"{alert.num_articles} article" + ("s" if alert.num_articles != 1 else "")
    return (f"ALERT {alert.rule}: {record['event_type']} {side('source')} -> {side('target')} {day} {place} "
            f"({articles}, confidence {record['confidence']:.2f}) event {alert.event_id}: {sentence}")


def _jsonl_has(path: Path, alert_id: str) -> bool:
    try:
        with path.open(encoding="utf-8") as stream:
            return any(f'"alert_id": "{alert_id}"' in line for line in stream)
    except FileNotFoundError:
        return False


def _alert_id(rule: str, event_id: str, num_articles: int) -> str:
    return hashlib.sha1(f"{rule}|{event_id}|{num_articles}".encode()).hexdigest()[:16]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
