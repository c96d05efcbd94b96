"""Reader of the Phoenix / TABARI dictionary syntax (used by models/build_actors.py, not at run time).

Actor files: an entry starts with a name line (`VLADIMIR_PUTIN_`), may have synonym lines
(`+PUTIN_`), and codes in brackets, inline or on indented lines: `[RUSGOV >080508]` (from a
date on), `[RUSGOV <080508]` (until a date), `[ISRGOV 960618-990706]` (a range), `[RUSELI]`
(the default outside every range), `[---]` (no code). Dates are YYMMDD or YYYYMMDD.
Agent files: `PHRASE {PLURAL} [~SECTOR]`, with `!SET!` substitution sets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_CODE = re.compile(r"\[([^\]]*)\]")
_PLURAL = re.compile(r"\{([^}]*)\}")
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
# Two-digit years above this are 19xx: the dictionaries were frozen in January 2014.
CENTURY_PIVOT = 25


@dataclass
class Role:
    code: str
    start: dt.date | None = None  # None: open at the start
    end: dt.date | None = None  # None: open at the end


@dataclass
class PhoenixEntry:
    name: str  # the head phrase as written, underscores for spaces
    synonyms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)  # dated codes
    default: str | None = None  # bare code: holds outside every dated role
    bad_dates: int = 0


def parse_date(text: str) -> dt.date | None:
    """YYMMDD or YYYYMMDD; None when the digits are not a valid date (typos exist in the source)."""
    text = text.strip()
    try:
        if len(text) == 6:
            year = int(text[:2])
            year += 1900 if year > CENTURY_PIVOT else 2000
            return dt.date(year, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return None


def parse_code(body: str, entry: PhoenixEntry) -> None:
    """One bracketed code, added to `entry` as a dated role or as its default."""
    parts = body.split(None, 1)
    if not parts or parts[0].startswith("-"):
        return
    code = parts[0]
    if len(parts) == 1:
        entry.default = code
        return
    span = parts[1].replace(" ", "")
    if span.startswith(">"):
        start = parse_date(span[1:])
        role = Role(code, start=start) if start else None
    elif span.startswith("<"):
        end = parse_date(span[1:])
        role = Role(code, end=end) if end else None
    elif "-" in span:
        start, end = (parse_date(p) for p in span.split("-", 1))
        role = Role(code, start, end) if start and end and start <= end else None
    else:
        role = None
    if role is None:
        entry.bad_dates += 1
    else:
        entry.roles.append(role)


def parse_actor_file(lines: Iterable[str]) -> list[PhoenixEntry]:
    entries: list[PhoenixEntry] = []
    current: PhoenixEntry | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = _CODE.findall(line)
        phrase = _CODE.sub("", line).strip()
        if line[0] in " \t":
            target = current
        elif line.startswith("+"):
            target = current
            if current is not None and phrase[1:].strip():
                current.synonyms.append(phrase[1:].strip())
        else:
            current = target = PhoenixEntry(name=phrase)
            entries.append(current)
        if target is not None:
            for body in codes:
                parse_code(body, target)
    return [e for e in entries if e.name]


@dataclass
class AgentPattern:
    phrase: str  # underscores for spaces
    plurals: list[str] | None  # None: make regular plurals; []: no plural form
    code: str  # without the leading "~", e.g. "MIL", "GOVMIL"


def parse_agent_file(lines: Iterable[str]) -> list[AgentPattern]:
    substitutions: dict[str, list[str]] = {}
    patterns: list[AgentPattern] = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if match := _SUBSTITUTION.match(line):
            substitutions[match.group(1)] = [w.strip() for w in match.group(2).split(",")]
            continue
        codes = _CODE.findall(line)
        if not codes or not codes[0].startswith("~"):
            continue
        plural_match = _PLURAL.search(line)
        plurals = [p.strip() for p in plural_match.group(1).split(",") if p.strip()] if plural_match else None
        phrase = _PLURAL.sub("", _CODE.sub("", line)).strip()
        for expanded in _expand(phrase, substitutions):
            patterns.append(AgentPattern(expanded, plurals, codes[0][1:].strip()))
    return patterns


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    for key, words in substitutions.items():
        if key in phrase:
            return [p for w in words for p in _expand(phrase.replace(key, w, 1), substitutions)]
    return [phrase]
