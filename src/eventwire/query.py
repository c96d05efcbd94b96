"""One filter language for stored events: the HTTP API, the CLI and alert rules parse strings here.

`parse_query` turns the strings a user typed (query parameters, options, rule files) into an
`EventQuery`, or raises one `QueryError` whose message names the parameter and says, in one
line, what is wrong with it. Values are only validated and normalised here; the store turns an
EventQuery into SQL with bound parameters, never by interpolating these strings.
"""

from __future__ import annotations

import base64
import calendar
import datetime as dt
import json
import math
import re
from dataclasses import replace
from functools import lru_cache

from eventwire.records import EVENT_TYPES, QUAD_CLASSES
from eventwire.store.base import SORT_KEYS, EventQuery

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_TEXT = 200  # characters of a name, place or search text
MAX_LIST = 50  # values in a comma-separated list
ROLES = ("source", "target")
# Codes that actor dictionaries use for countries ISO 3166 has no code for.
EXTRA_COUNTRIES = {"XKX": "Kosovo"}

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WORD = re.compile(r"\w+")
_DYAD_SIDE = re.compile(r"-|[A-Z0-9]{1,30}")


class QueryError(ValueError):
    """A filter value that cannot be used; `str()` is one line naming the parameter."""

    def __init__(self, parameter: str, reason: str):
        super().__init__(f"{parameter}: {reason}")
        self.parameter = parameter
        self.reason = reason


def parse_query(*, since: str | None = None, until: str | None = None, country: str | None = None,
                role: str | None = None, actor: str | None = None, type: str | None = None,
                quad_class: str | None = None, min_confidence: str | float | None = None,
                place: str | None = None, bbox: str | None = None, q: str | None = None,
                dyad: str | None = None, historical: str | None = None,
                sort: str | None = None, limit: str | int | None = None,
                cursor: str | None = None) -> EventQuery:
    """An EventQuery from user strings; None or "" leaves a filter off (no limit: every event)."""
    query = EventQuery(
        since=parse_date(since, "since", end=False),
        until=parse_date(until, "until", end=True),
        countries=_countries(country),
        role=_choice(role, "role", ROLES),
        actor=_text(actor, "actor"),
        event_types=_values(type, "type", EVENT_TYPES, upper=True),
        quad_classes=_values(quad_class, "quad_class", QUAD_CLASSES, upper=False),
        min_confidence=_number(min_confidence, "min_confidence", 0.0, 1.0),
        place=_text(place, "place"),
        bbox=_bbox(bbox),
        dyad=_dyad(dyad),
        text=_search_text(q),
        historical=_historical(historical),
        sort=_choice(sort, "sort", SORT_KEYS) or EventQuery.sort,
        limit=_limit(limit),
    )
    if query.since and query.until and query.since > query.until:
        raise QueryError("since", f"{since} is after until {until}")
    if query.role and not (query.countries or query.actor):
        raise QueryError("role", "needs country or actor: it says which side they must be on")
    decoded = decode_cursor(cursor, query.sort) if _given(cursor) else None
    return query if decoded is None else _with_cursor(query, decoded)


def _given(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def parse_date(value: str | None, parameter: str, *, end: bool) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; `end` picks the last day of a year or month, else the first."""
    if not _given(value):
        return None
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise QueryError(parameter, f"{value!r} is not a date like 2024, 2024-03 or 2024-03-11")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date(year, month, day)
    except ValueError:
        raise QueryError(parameter, f"{value!r} is not a real date") from None


def _split(value: str | None, parameter: str) -> list[str]:
    if not _given(value):
        return []
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if len(parts) > MAX_LIST:
        raise QueryError(parameter, f"at most {MAX_LIST} comma-separated values")
    return parts


def _countries(value: str | None) -> tuple[str, ...]:
    codes = []
    for part in _split(value, "country"):
        code = country_code(part)
        if code is None:
            raise QueryError("country", f"{part[:20]!r} is not an ISO 3166 country code (ISO3 like RUS, "
                                        "or ISO2 like RU)")
        codes.append(code)
    return tuple(dict.fromkeys(codes))


def country_code(value: str) -> str | None:
    """The ISO3 code of an ISO3 or ISO2 code, any case; None when it is neither."""
    return _country_table().get(value.strip().upper())


@lru_cache(maxsize=1)
def _country_table() -> dict[str, str]:
    import pycountry

    table = {code: code for code in EXTRA_COUNTRIES}
    for country in pycountry.countries:
        table[country.alpha_3] = country.alpha_3
        table[country.alpha_2] = country.alpha_3
    return table


def _values(value: str | None, parameter: str, allowed: tuple[str, ...], *, upper: bool) -> tuple[str, ...]:
    found = []
    for part in _split(value, parameter):
        normal = part.upper() if upper else part.lower()
        if normal not in allowed:
            raise QueryError(parameter, f"{part[:30]!r} is not one of {', '.join(allowed)}")
        found.append(normal)
    return tuple(dict.fromkeys(found))


def _choice(value: str | None, parameter: str, allowed: tuple[str, ...]) -> str | None:
    if not _given(value):
        return None
    if value.strip() not in allowed:
        raise QueryError(parameter, f"{value[:30]!r} is not one of {', '.join(allowed)}")
    return value.strip()


# historical=: background acts (an army "which intervened in 2015") are left out unless asked for.
HISTORICAL_CHOICES = {"false": False, "true": True, "any": None}


def _historical(value: str | None) -> bool | None:
    """false (or unset): current events only; true: historical events only; any: both."""
    if not _given(value):
        return False
    choice = value.strip().lower()
    if choice not in HISTORICAL_CHOICES:
        raise QueryError("historical", f"{value[:30]!r} is not one of {', '.join(HISTORICAL_CHOICES)}")
    return HISTORICAL_CHOICES[choice]


def _text(value: str | None, parameter: str) -> str | None:
    if not _given(value):
        return None
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise QueryError(parameter, f"at most {MAX_TEXT} characters")
    if any(ord(ch) < 32 for ch in value):
        raise QueryError(parameter, "control characters are not allowed")
    return value


def _search_text(value: str | None) -> str | None:
    text = _text(value, "q")
    if text is not None and not _WORD.search(text):
        raise QueryError("q", "give at least one word to search for")
    return text


def _number(value: str | float | None, parameter: str, low: float, high: float) -> float | None:
    if not _given(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise QueryError(parameter, f"{str(value)[:30]!r} is not a number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise QueryError(parameter, f"must be a number from {low:g} to {high:g}")
    return number


def _limit(value: str | int | None) -> int | None:
    if not _given(value):
        return None
    try:
        limit = int(value)
    except (TypeError, ValueError):
        raise QueryError("limit", f"{str(value)[:30]!r} is not a whole number") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError("limit", f"must be from 1 to {MAX_LIMIT}")
    return limit


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not _given(value):
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise QueryError("bbox", "give minlon,minlat,maxlon,maxlat")
    min_lon, min_lat, max_lon, max_lat = (_number(p, "bbox", -180.0, 180.0) for p in parts)
    if None in (min_lon, min_lat, max_lon, max_lat):
        raise QueryError("bbox", "give minlon,minlat,maxlon,maxlat")
    if abs(min_lat) > 90 or abs(max_lat) > 90:
        raise QueryError("bbox", "latitudes must be from -90 to 90")
    if min_lon > max_lon or min_lat > max_lat:
        raise QueryError("bbox", "the minimum must not exceed the maximum")
    return min_lon, min_lat, max_lon, max_lat


def _dyad(value: str | None) -> tuple[str, str] | None:
    """SOURCE,TARGET as /api/dyads names a pair: the first actor's code of each side, "-" for none."""
    if not _given(value):
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(_DYAD_SIDE.fullmatch(part) for part in parts):
        raise QueryError("dyad", "give SOURCE,TARGET actor codes as /api/dyads names them (- for none)")
    return parts[0], parts[1]


# -- cursors ------------------------------------------------------------------------------------
# A cursor is the sort key of the last event of a page: the next page starts strictly after it,
# so events added meanwhile never shift or repeat the pages still to come.

def encode_cursor(sort: str, value: str | float | int | None, event_id: str) -> str:
    raw = json.dumps([sort, value, event_id], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[str | float | int | None, str]:
    """(sort value, event id) of a cursor made for `sort`."""
    text = cursor.strip()
    try:
        if len(text) > 400:
            raise ValueError
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        made_for, value, event_id = json.loads(raw)
        if not isinstance(event_id, str) or not (value is None or isinstance(value, str | int | float)):
            raise ValueError
    except (ValueError, TypeError):
        raise QueryError("cursor", "not a cursor this API gave out (pass `next` back unchanged)") from None
    if made_for != sort:
        raise QueryError("cursor", f"made for sort={made_for}, not sort={sort}: keep the sort while paging")
    if isinstance(value, float) and not math.isfinite(value):
        raise QueryError("cursor", "not a cursor this API gave out (pass `next` back unchanged)")
    return value, event_id


def _with_cursor(query: EventQuery, decoded: tuple) -> EventQuery:
    return replace(query, after=decoded)
