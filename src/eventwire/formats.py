"""Event records as JSON lines, flat CSV rows and a readable terminal table."""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Iterable
from typing import TextIO

from eventwire.records import Actor

CSV_COLUMNS = [
    "event_id", "doc_id", "event_type", "mode", "cameo", "quad_class",
    "source_text", "source_name", "source_country", "source_sector", "source_code",
    "target_text", "target_name", "target_country", "target_sector", "target_code",
    "date", "date_text", "date_granularity",
    "location_name", "location_country", "lat", "lon",
    "negated", "hypothetical", "future", "reported_by", "confidence",
    "trigger", "trigger_start", "trigger_end", "sentence_start", "sentence_end", "sentence", "reasons",
]


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def flat_row(record: dict) -> dict:
    """One CSV row for an event dict (the output contract); several actors join with '; '."""
    def join(actors: list[dict] | None, key: str) -> str:
        return "; ".join(str(a.get(key) or "") for a in actors or [])

    location = record.get("location") or {}
    row = {key: record.get(key) for key in ("event_id", "doc_id", "event_type", "mode", "cameo",
                                            "quad_class", "negated", "hypothetical", "future",
                                            "confidence")}
    for role in ("source", "target"):
        for key in ("text", "name", "country", "sector", "code"):
            row[f"{role}_{key}"] = join(record.get(role), key)
    row.update({
        "date": record["date"]["value"], "date_text": record["date"]["text"],
        "date_granularity": record["date"]["granularity"],
        "location_name": location.get("name"), "location_country": location.get("country"),
        "lat": location.get("lat"), "lon": location.get("lon"),
        "reported_by": join(record.get("reported_by"), "text"),
        "trigger": record["trigger"]["text"], "trigger_start": record["trigger"]["start"],
        "trigger_end": record["trigger"]["end"], "sentence_start": record["sentence"]["start"],
        "sentence_end": record["sentence"]["end"], "sentence": record["sentence"]["text"],
        "reasons": " | ".join(record.get("reasons") or []),
    })
    return row


def write_csv(records: Iterable[dict], out: TextIO, columns: list[str] | None = None) -> int:
    columns = columns or CSV_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        row = flat_row(record)
        row.update({key: record.get(key) for key in columns if key not in row})  # e.g. store columns
        writer.writerow(row)
        count += 1
    return count


def actor_label(actor: dict | Actor) -> str:
    """'Putin (RUSGOV)': the text, and the code when there is one."""
    actor = actor.to_dict() if isinstance(actor, Actor) else actor
    code = actor.get("code") or "".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{actor['text']} ({code})" if code else actor["text"]


def write_table(records: Iterable[dict], out: TextIO, width: int | None = None) -> int:
    """A readable table: type, source, target, date, place, evidence (trigger in brackets)."""
    width = width or max(100, min(shutil.get_terminal_size((140, 20)).columns, 180))
    headers = ("TYPE", "SOURCE", "TARGET", "DATE", "PLACE", "EVIDENCE")
    widths = [9, 24, 24, 10, 16]
    widths.append(max(30, width - sum(widths) - 2 * len(widths)))
    out.write(_table_line(headers, widths) + "\n")
    out.write(_table_line(["-" * w for w in widths], widths) + "\n")
    count = 0
    for record in records:
        out.write(_table_line(_table_cells(record), widths) + "\n")
        count += 1
    return count


def _table_cells(record: dict) -> list[str]:
    flags = [name for name in ("negated", "hypothetical", "future") if record.get(name)]
    kind = record["event_type"] + ("*" if flags else "")
    location = record.get("location") or {}
    place = location.get("name") or location.get("text") or ""
    if location.get("country"):
        place = f"{place} ({location['country']})"
    sentence, trigger = record["sentence"], record["trigger"]
    lo, hi = trigger["start"] - sentence["start"], trigger["end"] - sentence["start"]
    text = sentence["text"]
    evidence = f"{text[:lo]}[{text[lo:hi]}]{text[hi:]}"
    if flags:
        evidence = f"({', '.join(flags)}) {evidence}"
    return [
        kind,
        "; ".join(actor_label(a) for a in record["source"]) or "-",
        "; ".join(actor_label(a) for a in record["target"]) or "-",
        record["date"]["value"] or "-",
        place or "-",
        evidence,
    ]


def _table_line(cells, widths) -> str:
    wrapped = [textwrap.wrap(str(c), w) or [""] for c, w in zip(cells, widths)]
    height = max(len(w) for w in wrapped)
    lines = []
    for i in range(height):
        parts = [(w[i] if i < len(w) else "").ljust(width) for w, width in zip(wrapped, widths)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
