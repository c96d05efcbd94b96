"""Publication dates: explicit date expressions, date lines and datelines, and their precedence.

Precedence: a date given by the caller (--date, the JSONL `date`) > HTML or feed metadata >
a date line or a dateline in the text > none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# A month name; a period only after an abbreviation ("Nov." but not the full stop after "November.").
MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?"
         r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?"
ORDINAL = r"(?:st|nd|rd|th)?"
# An explicit calendar date: ISO, numeric, "March 11, 2024", "11 March 2024", "Nov 3".
DATE = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}"
    rf"|{MONTH}\s+\d{{1,2}}{ORDINAL}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}{ORDINAL}\s+(?:of\s+)?{MONTH},?(?:\s+\d{{4}})?)"
)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2})\)?)?"
_DATE_LINE = re.compile(
    rf"(?P<label>(?:first\s+|last\s+)?(?:published|updated|posted|modified|date)(?:\s+(?:on|at))?\s*[:\-–—|]?\s*)?"
    rf"(?:{WEEKDAY},?\s+)?(?P<date>{DATE})"
    rf"(?:\s*(?:,|at|-|–|\||T)?\s*{_TIME})?\s*\.?",
    re.IGNORECASE,
)
_NOT_PLACES = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "ANALYSIS", "OPINION", "EDITORIAL",
               "LIVE", "VIDEO", "PHOTOS", "FACTBOX", "EXPLAINER", "NOTE", "READ", "ALSO", "COMMENT"}
# A story filed from two places names both: "KYIV/MOSCOW (Reuters) -".
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}(?:/[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3})?"
    r"(?:,\s+[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2}){0,2}?)"
    rf"(?:,\s+(?P<date>{DATE}))?"
    r"\s*(?:\((?P<agency>[A-Z][\w.&' -]{1,30})\))?"
    r"(?:\s*[-–—]+\s+|\s*[–—]+|:\s+)"
)


@dataclass(frozen=True)
class PartialDate:
    """A calendar date whose year (and day) may be unknown."""

    year: int | None
    month: int
    day: int | None

    def complete(self) -> dt.date | None:
        if self.year is None or self.day is None:
            return None
        return _safe_date(self.year, self.month, self.day)


@dataclass(frozen=True)
class Dateline:
    place: str
    date: PartialDate | None
    agency: str | None
    end: int  # where the article text starts after the dateline


def parse_date_text(text: str) -> PartialDate | None:
    """The date written in `text`, one of the forms of `DATE`; None when it is no valid date."""
    text = text.strip().rstrip(".").lower()
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = map(int, match.groups())
    elif match := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})", text):
        first, second, year = map(int, match.groups())
        year += 2000 if year < 100 else 0
        # Month first (US style) unless the first number cannot be a month.
        month, day = (second, first) if first > 12 or ("." in text) else (first, second)
    elif match := re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", text):
        month, day = MONTHS.get(match.group(1), 0), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
    elif match := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?(?:\s+(\d{4}))?", text):
        day, month = int(match.group(1)), MONTHS.get(match.group(2), 0)
        year = int(match.group(3)) if match.group(3) else None
    else:
        return None
    if _safe_date(year or 2000, month, day) is None:
        return None
    return PartialDate(year, month, day)


def parse_given_date(value: object) -> dt.date | None:
    """A publication date given as YYYY-MM-DD or an ISO datetime; None when unreadable."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    for parse in (dt.date.fromisoformat, lambda text: dt.datetime.fromisoformat(text).date()):
        try:
            return parse(value)
        except ValueError:
            continue
    return None


def match_date_line(line: str) -> tuple[PartialDate, str] | None:
    """When the whole line is a date ("06/17/2018", "Published July 7, 2024"): the date and its label."""
    match = _DATE_LINE.fullmatch(line.strip())
    if not match:
        return None
    date = parse_date_text(match.group("date"))
    if date is None:
        return None
    label = (match.group("label") or "").strip(" :-–—|").lower()
    return date, label


def match_dateline(paragraph: str) -> Dateline | None:
    """A dateline opening a paragraph: "CAIRO, March 11, 2024 -", "MOSCOW (Reuters) -"."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip().split("/")[0]  # of two places, the first (the main desk)
    first_word = re.split(r"[ ,-]", place)[0]
    if first_word in _NOT_PLACES or sum(ch.isupper() for ch in first_word) < 2:
        return None
    if not match.group("date") and not match.group("agency") and not _looks_like_dash(match.group(0)):
        return None
    date = parse_date_text(match.group("date")) if match.group("date") else None
    return Dateline(place=place, date=date, agency=match.group("agency"), end=match.end())


def _looks_like_dash(separator: str) -> bool:
    """A bare "WASHINGTON —" needs a dash; a colon alone ("NOTE: ...") is too weak a sign."""
    return any(dash in separator for dash in "-–—")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
