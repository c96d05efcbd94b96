"""Reasons of records stored before they were keyed by field (schema 5): a flat list of sentences,
read into the keyed form by what each sentence starts with.

The coder has always written its reasons in a fixed shape ("trigger ...", "source ...", "no date
...", "merge: ..."); an actor's details ("sector 'army'", "'Kenyan' -> KEN") follow the role they
describe, so they take the field of the role read last.
"""

from __future__ import annotations

import re

_LEADS = (
    (re.compile(r"^merge:"), "merge"),
    (re.compile(r"^(learned confidence|confidence)\b"), "confidence"),
    (re.compile(r"^trigger\b|is what this event is about|is what '.*' denies|is asked to|an armed source"),
     "type"),
    (re.compile(r"^[A-Z]+ \(CAMEO [0-9]+\) recoded as"), "type"),
    (re.compile(r"^(no )?date\b|^no date of its own"), "date"),
    (re.compile(r"^(negated|hypothetical|future|obligation|historical|commentary)\b"), "modality"),
    (re.compile(r"^no place\b|location score|the dateline '|the sentence of '.*' names no place"),
     "location"),
    (re.compile(r"^source\b"), "source"),
    (re.compile(r"^target\b"), "target"),
    (re.compile(r"^(reported|quoted)\b"), "reported_by"),
)
_ROLES = frozenset({"source", "target", "reported_by"})


def keyed_from_list(reasons: list[str]) -> dict[str, list[str]]:
    """A stored flat list of reasons, keyed by the field each explains (order kept within a field)."""
    from eventwire.records import REASON_FIELDS

    keyed: dict[str, list[str]] = {}
    role = None
    for reason in reasons:
        field = next((name for lead, name in _LEADS if lead.search(reason)), None)
        if field is None:
            field = role or "other"  # an actor's detail follows its role; anything else is "other"
        else:
            role = field if field in _ROLES else None
        keyed.setdefault(field, []).append(reason)
    return {name: keyed[name] for name in REASON_FIELDS if name in keyed}


def with_keyed_reasons(record: dict) -> dict:
    """`record` with its reasons keyed, if they are a flat list (a record stored before schema 5)."""
    if isinstance(record.get("reasons"), list):
        record["reasons"] = keyed_from_list(record["reasons"])
    return record
