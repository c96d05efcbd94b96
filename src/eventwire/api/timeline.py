"""Timeline buckets: days, weeks (from Monday) or months, with the empty ones included."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from eventwire.query import QueryError
from eventwire.records import EVENT_TYPES, QUAD_CLASSES
from eventwire.store.base import TimelineCount

INTERVALS = ("day", "week", "month")
GROUPS = {"quad_class": QUAD_CLASSES, "event_type": EVENT_TYPES}
MAX_BUCKETS = 10_000


def period_start(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def next_period(start: dt.date, interval: str) -> dt.date:
    if interval == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=7 if interval == "week" else 1)


def bucket_count(first: dt.date, last: dt.date, interval: str) -> int:
    if interval == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return (last - first).days // (7 if interval == "week" else 1) + 1


def buckets(counts: list[TimelineCount], interval: str, by: str | None, since: dt.date | None,
            until: dt.date | None) -> list[dict]:
    """Every period from `since` (else the first event) to `until` (else the last event), each
    with its total and, when `by` is given, its count for every quad class or event type."""
    per_period: dict[dt.date, Counter] = {}
    for count in counts:
        start = period_start(dt.date.fromisoformat(count.period), interval)
        per_period.setdefault(start, Counter())[count.group] += count.events
    if not per_period and (since is None or until is None):
        return []
    first = period_start(since or min(per_period), interval)
    last = period_start(until or max(per_period), interval)
    if bucket_count(first, last, interval) > MAX_BUCKETS:
        raise QueryError("interval", f"more than {MAX_BUCKETS} {interval}s: narrow since/until or use a "
                                     "longer interval")
    found, start = [], first
    while start <= last:
        tally = per_period.get(start, Counter())
        bucket = {"period": start.isoformat(), "events": sum(tally.values())}
        if by:
            bucket["by"] = {group: tally.get(group, 0) for group in GROUPS[by]}
        found.append(bucket)
        start = next_period(start, interval)
    return found
