"""Building a watcher for tests: short timeouts, no waiting between requests, a fixed coder version."""

from __future__ import annotations

import io
import threading

from eventwire.store import CoderInfo, open_store
from eventwire.store.watchstate import WatchState
from eventwire.watch import AlertEngine, Fetcher, FetchSettings, Watcher, WatchSettings, load_rules

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "watch"})
FAST = FetchSettings(timeout=0.5, max_bytes=20_000, per_host_per_minute=6000, retries=1, backoff=0.01)


class Session:
    """One watcher process, as the CLI builds it: an open store, a fetcher, the alert rules."""

    def __init__(self, url: str, arguments: list[str], pipeline, rules_path=None,
                 settings: FetchSettings = FAST):
        self.store = open_store(url)
        self.state = WatchState(self.store)
        self.lines: list[str] = []
        self.printed = io.StringIO()
        self.stop = threading.Event()
        rules = load_rules(rules_path) if rules_path else []
        self.alerts = AlertEngine(self.store, rules, stop=self.stop, echo=self.lines.append,
                                  webhook_timeout=1, webhook_retries=1, webhook_backoff=0.01,
                                  out=self.printed) if rules else None
        code = pipeline.code_documents if hasattr(pipeline, "code_documents") else pipeline
        self.watcher = Watcher(self.store, arguments, code=code, coder=CODER,
                               fetcher=Fetcher(settings, stop=self.stop), alerts=self.alerts,
                               settings=WatchSettings(max_item_attempts=3), echo=self.lines.append)

    def round(self):
        report = self.watcher.run_round()
        self.lines.append(report.line())
        return report

    def doc_ids(self) -> list[str]:
        return sorted(row[0] for row in self.store._run("SELECT doc_id FROM articles").fetchall())

    def close(self) -> None:
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
