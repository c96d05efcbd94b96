"""Event records as JSON lines, flat CSV rows, Parquet and a readable terminal table.

One flat row serves CSV and Parquet, from `eventwire code` and from the store alike (see
docs/formats.md, "Output columns", for the data dictionary).
"""

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
    "location_name", "location_country", "location_admin1", "location_admin1_code", "location_precision",
    "lat", "lon",
    "dead", "dead_max", "injured", "injured_max", "arrested", "arrested_max", "crowd_size", "crowd_size_max",
    "negated", "hypothetical", "future", "historical", "reported_by", "confidence",
    "trigger", "trigger_start", "trigger_end", "sentence_start", "sentence_end", "sentence", "reasons",
    "url", "outlet", "title", "published",
]
ARTICLE_FIELDS = ("url", "outlet", "title", "published")  # of the article the event's fields come from
# What the store adds about a merged event (from `eventwire code`: the one article's values).
STORE_COLUMNS = ["num_articles", "num_sources", "first_reported", "last_reported"]
PARQUET_COLUMNS = CSV_COLUMNS + STORE_COLUMNS + ["mentions"]
_DATE_COLUMNS = ("date", "published", "first_reported", "last_reported")
# Magnitude kinds (records.Magnitude.kind) -> column: the low end of the count, and "_max" its high end.
MAGNITUDE_COLUMNS = {"dead": "dead", "injured": "injured", "arrested": "arrested", "size": "crowd_size"}


def with_article(record: dict, document) -> dict:
    """An event record of `eventwire code` with its article's url, outlet, title and publication date."""
    if document is None:
        return record
    return {**record, "url": document.url, "outlet": document.source, "title": document.title,
            "published": document.date.isoformat() if document.date else None}


def _article_of(record: dict) -> dict:
    """The article facts of an event: given with it, or those of its own mention in a merged event."""
    if any(key in record for key in ARTICLE_FIELDS):
        return {key: record.get(key) for key in ARTICLE_FIELDS}
    own = next((m for m in record.get("mentions") or [] if m.get("doc_id") == record.get("doc_id")), {})
    return {"url": own.get("url"), "outlet": own.get("source"), "title": own.get("title"),
            "published": own.get("published")}


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
    row["historical"] = record.get("historical", False)  # absent from records coded before the flag
    for role in ("source", "target"):
        for key in ("text", "name", "country", "sector", "code"):
            row[f"{role}_{key}"] = join(record.get(role), key)
    row.update({
        "date": record["date"]["value"], "date_text": record["date"]["text"],
        "date_granularity": record["date"]["granularity"],
        "location_name": location.get("name"), "location_country": location.get("country"),
        "location_admin1": location.get("admin1"), "location_admin1_code": location.get("admin1_code"),
        "location_precision": location.get("precision"),
        "lat": location.get("lat"), "lon": location.get("lon"),
        **magnitude_columns(record.get("magnitudes")),
        "reported_by": join(record.get("reported_by"), "text"),
        "trigger": record["trigger"]["text"], "trigger_start": record["trigger"]["start"],
        "trigger_end": record["trigger"]["end"], "sentence_start": record["sentence"]["start"],
        "sentence_end": record["sentence"]["end"], "sentence": record["sentence"]["text"],
        "reasons": " | ".join(f"{field}: {text}" for field, texts in (record.get("reasons") or {}).items()
                              for text in texts),
        **_article_of(record),
    })
    return row


def magnitude_columns(magnitudes: list[dict] | None) -> dict:
    """dead, injured, arrested, crowd_size: the low end of each count; `*_max` its high end, empty when
    open-ended ("at least 30"). Both empty when the event gives no such count."""
    columns = {}
    for kind, column in MAGNITUDE_COLUMNS.items():
        found = next((m for m in magnitudes or [] if m.get("kind") == kind), None)
        columns[column] = found.get("low") if found else None
        columns[f"{column}_max"] = found.get("high") if found else None
    return columns


def parquet_schema():
    """The one Parquet schema of events, from `eventwire code --output-dir` and from the store."""
    import pyarrow as pa

    types = {"negated": pa.bool_(), "hypothetical": pa.bool_(), "future": pa.bool_(),
             "historical": pa.bool_(), "confidence": pa.float64(), "lat": pa.float64(), "lon": pa.float64(),
             "trigger_start": pa.int64(), "trigger_end": pa.int64(), "sentence_start": pa.int64(),
             "sentence_end": pa.int64(), "num_articles": pa.int64(), "num_sources": pa.int64(),
             **{name: pa.int64() for column in MAGNITUDE_COLUMNS.values()
                for name in (column, f"{column}_max")},
             **{name: pa.date32() for name in _DATE_COLUMNS}}
    return pa.schema([(name, types.get(name, pa.string())) for name in PARQUET_COLUMNS])


def parquet_row(record: dict) -> dict:
    """A flat row with typed dates; an event of one article gets that article's store columns."""
    import datetime as dt

    row = flat_row(record)
    mentions = record.get("mentions")
    if mentions is None:  # straight from the coder: one mention, in one article
        mentions = [{"doc_id": record["doc_id"], "url": row["url"], "source": row["outlet"],
                     "title": row["title"], "published": row["published"]}]
    row.update({"num_articles": record.get("num_articles", 1), "num_sources": record.get("num_sources", 1),
                "first_reported": record.get("first_reported", row["published"]),
                "last_reported": record.get("last_reported", row["published"]),
                "mentions": json.dumps(mentions, ensure_ascii=False)})
    for name in _DATE_COLUMNS:
        row[name] = dt.date.fromisoformat(row[name]) if row[name] else None
    return row


def parquet_table(records: Iterable[dict]):
    import pyarrow as pa

    return pa.Table.from_pylist([parquet_row(record) for record in records], schema=parquet_schema())


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


SHORT_ID = 10  # characters of an id the table shows; `eventwire event` and `article` accept them
FLAG_NOTE = ("*: negated, hypothetical, future or historical; which one opens the evidence, e.g. (negated). "
             "The event is kept but did not (yet) happen as stated, or is background told as history.")
# Table columns: header, fixed width (None: a share of the room left), share.
TABLE_COLUMNS = {
    "id": ("ID", SHORT_ID, 0), "type": ("TYPE", 10, 0), "source": ("SOURCE", None, 2),
    "target": ("TARGET", None, 2), "date": ("DATE", 10, 0), "place": ("PLACE", None, 1.5),
    "confidence": ("CONF", 4, 0), "articles": ("ARTS", 4, 0), "evidence": ("EVIDENCE", None, 4.5),
}
DEFAULT_TABLE_FIELDS = ("id", "type", "source", "target", "date", "place", "evidence")
_MIN_FLEXIBLE = 8
_GAP = 2


def table_width() -> int:
    """The terminal's width ($COLUMNS first), 100 when there is no terminal."""
    return max(40, shutil.get_terminal_size((100, 20)).columns)


def write_table(records: Iterable[dict], out: TextIO, width: int | None = None,
                fields: Iterable[str] = DEFAULT_TABLE_FIELDS) -> int:
    """A table that fits `width` columns (default: the terminal): long cells wrap, never run over.
    Events marked * are negated, hypothetical, future or historical; a note under the table says so."""
    fields = list(fields)
    widths = _column_widths(fields, width or table_width())
    out.write(_table_line([TABLE_COLUMNS[f][0] for f in fields], widths) + "\n")
    out.write(_table_line(["-" * w for w in widths], widths) + "\n")
    count, flagged = 0, False
    for record in records:
        cells = _table_cells(record)
        flagged = flagged or cells["type"].endswith("*")
        out.write(_table_line([cells[f] for f in fields], widths) + "\n")
        count += 1
    if flagged and "type" in fields:
        out.write("\n" + "\n".join(textwrap.wrap(FLAG_NOTE, width or table_width())) + "\n")
    return count


def _column_widths(fields: list[str], width: int) -> list[int]:
    fixed = sum(TABLE_COLUMNS[f][1] or 0 for f in fields)
    shares = sum(TABLE_COLUMNS[f][2] for f in fields if TABLE_COLUMNS[f][1] is None)
    room = max(0, width - fixed - _GAP * (len(fields) - 1))
    widths = [TABLE_COLUMNS[f][1] or max(_MIN_FLEXIBLE, int(room * TABLE_COLUMNS[f][2] / shares))
              for f in fields]
    flexible = [i for i, f in enumerate(fields) if TABLE_COLUMNS[f][1] is None]
    excess = sum(widths) + _GAP * (len(fields) - 1) - width
    if flexible and excess > 0:  # the narrow columns kept their minimum: the widest one gives way
        widest = max(flexible, key=lambda i: widths[i])
        widths[widest] = max(_MIN_FLEXIBLE, widths[widest] - excess)
    return widths


def _table_cells(record: dict) -> dict[str, str]:
    flags = [name for name in ("negated", "hypothetical", "future", "historical") if record.get(name)]
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
    return {
        "id": record["event_id"][:SHORT_ID],
        "type": record["event_type"] + ("*" if flags else ""),
        "source": "; ".join(actor_label(a) for a in record["source"]) or "-",
        "target": "; ".join(actor_label(a) for a in record["target"]) or "-",
        "date": record["date"]["value"] or "-",
        "place": place or "-",
        "confidence": f"{record['confidence']:.2f}",
        "articles": str(record.get("num_articles", 1)),
        "evidence": evidence,
    }


def _table_line(cells, widths) -> str:
    wrapped = [textwrap.wrap(str(c), w, break_long_words=True, break_on_hyphens=True) or [""]
               for c, w in zip(cells, widths)]
    height = max(len(w) for w in wrapped)
    lines = []
    for i in range(height):
        parts = [(w[i] if i < len(w) else "").ljust(width) for w, width in zip(wrapped, widths)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
