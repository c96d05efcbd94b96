"""Plain-text views of the watch state: each source's last success and error, the alerts fired."""

from __future__ import annotations

import re

from eventwire.store.watchstate import FiredAlert, SourceState
from eventwire.watch.alerts import alert_line, shown_action

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.I)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str) -> float:
    """Seconds in '90s', '15m', '1.5h', '1d' or a plain number of seconds."""
    match = _DURATION.match(value)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"{value!r} is not a duration like 30s, 15m or 1h")
    return float(match.group(1)) * _SECONDS[(match.group(2) or "s").lower()]


def sources_table(sources: list[SourceState], item_counts: dict[tuple[str, str], int]) -> str:
    if not sources:
        return "no source polled yet"
    lines = []
    for source in sources:
        counts = {status: n for (name, status), n in item_counts.items() if name == source.source}
        items = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no items"
        lines.append(f"{source.source}  [{source.kind}]")
        lines.append(f"  last success: {source.last_success or 'never'}; items: {items}")
        if source.last_error:
            failing = (f" ({source.failures} failed polls in a row)" if source.failures
                       else " (since recovered)")
            lines.append(f"  last error:   {source.last_error_at} {source.last_error}{failing}")
        else:
            lines.append("  last error:   none")
    return "\n".join(lines)


def alerts_table(alerts: list[FiredAlert]) -> str:
    lines = []
    for alert in alerts:
        actions = ", ".join(shown_action(action) for action in alert.pending_actions)
        pending = f"  [pending: {actions}; {alert.last_error}]" if alert.pending_actions else ""
        lines.append(f"{alert.fired_at}  {alert_line(alert)}{pending}")
    return "\n".join(lines)
