"""`eventwire watch`: follow feeds and folders into the store, round after round, and alert on events."""

from eventwire.watch.alerts import AlertEngine, Rule, RulesError, load_rules
from eventwire.watch.fetch import Fetcher, FetchError, FetchSettings
from eventwire.watch.watcher import RoundReport, Watcher, WatchSettings, stop_on_signals

__all__ = [
    "AlertEngine", "FetchError", "FetchSettings", "Fetcher", "RoundReport", "Rule", "RulesError",
    "WatchSettings", "Watcher", "load_rules", "stop_on_signals",
]
