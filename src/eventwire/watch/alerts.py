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
from urllib.parse import urlsplit

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
    queries: tuple[EventQuery, ...]  # an event matches when it matches any of them
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
        queries = rule_queries({k: v for k, v in table.items() if k not in _RULE_KEYS})
    except (TypeError, ValueError) as exc:
        raise RulesError(f"{where}: {exc}") from None
    return Rule(name=name.strip(), queries=queries, min_articles=min_articles, on_growth=on_growth,
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


# The API's query parameters a rule may use (sort, limit and cursor are about pages, not matches).
FILTER_KEYS = ("since", "until", "country", "role", "actor", "type", "quad_class", "min_confidence", "place",
               "bbox", "q", "historical")
_ALIASES = {"text": "q"}  # the words the issue and the docs use
_ANY_OF = ("actor", "place")  # one value per API query: a rule's list means any of them


def rule_queries(filters: dict) -> tuple[EventQuery, ...]:
    """The EventQueries of a rule's filter keys, parsed by the API's parser (`eventwire.query`).

    A value is a string or a list; lists of countries, types and quad classes are passed on as the
    API's comma-separated lists. The API takes one actor and one place per query, so a list of
    actors or places becomes one query each: an event matches when it matches any of them.
    """
    import itertools

    from eventwire.query import QueryError, parse_query

    values: dict[str, object] = {}
    for key, value in filters.items():
        name = _ALIASES.get(key, key)
        if name not in FILTER_KEYS:
            raise ValueError(f"unknown filter {key!r} (known: {', '.join(FILTER_KEYS)}, text)")
        if name in values:
            raise ValueError(f"{key!r} given twice (text is q)")
        values[name] = value
    choices = {name: _any_of(name, values.pop(name)) for name in _ANY_OF if name in values}
    common = {name: _as_string(name, value) for name, value in values.items()}
    queries = []
    for combination in itertools.product(*choices.values()):
        try:
            queries.append(parse_query(**common, **dict(zip(choices, combination))))
        except QueryError as exc:
            raise ValueError(str(exc)) from None
    return tuple(queries)


def _as_string(name: str, value: object) -> str | float:
    if isinstance(value, bool) and name == "historical":
        return str(value).lower()
    if isinstance(value, bool):
        raise ValueError(f"{name}: {value!r} is not a filter value")
    if isinstance(value, list):
        if not all(isinstance(part, str | int | float) and not isinstance(part, bool) for part in value):
            raise ValueError(f"{name}: a list of strings or numbers, not {value!r}")
        return ",".join(str(part) for part in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return value if name == "min_confidence" else str(value)
    if not isinstance(value, str):
        raise ValueError(f"{name}: {value!r} is not a filter value")
    return value


def _any_of(name: str, value: object) -> list[str]:
    parts = value if isinstance(value, list) else [value]
    if not parts or not all(isinstance(part, str) and part.strip() for part in parts):
        raise ValueError(f"{name}: a string or a list of strings, not {value!r}")
    return parts


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
        for record in _matching(self.store, rule):
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
                    reason = exc.reason if isinstance(exc, FetchError) else str(exc)
                    error = f"alert {alert.alert_id} ({alert.rule}): {shown_action(action)}: {reason}"
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


def _matching(store: SqlEventStore, rule: Rule):
    """The stored events any of the rule's queries matches, each once."""
    seen: set[str] = set()
    for query in rule.queries:
        for record in store.events(query):
            if record["event_id"] not in seen:
                seen.add(record["event_id"])
                yield record


def alert_payload(alert: FiredAlert) -> dict:
    return {"alert_id": alert.alert_id, "rule": alert.rule, "fired_at": alert.fired_at,
            "event_id": alert.event_id, "num_articles": alert.num_articles, "event": alert.record}


def alert_listing(alert: FiredAlert) -> dict:
    """The payload plus what is still to do: how `eventwire alerts` and the API list an alert."""
    return {**alert_payload(alert), "pending_actions": [shown_action(a) for a in alert.pending_actions],
            "last_error": alert.last_error}


def shown_action(action: str) -> str:
    """An action fit for output: a webhook URL's path and query often hold a secret token, so only
    its scheme and host are shown."""
    kind, _, target = action.partition(":")
    if kind != "webhook":
        return action
    parts = urlsplit(target)
    hidden = "/…" if parts.path.strip("/") or parts.query else ""
    return f"webhook:{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}{hidden}"


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
