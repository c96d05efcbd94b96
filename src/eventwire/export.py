"""Stored events to files: CSV, JSONL, Parquet, PLOVER JSON lines and a CAMEO TSV (Phoenix columns).

Every writer takes merged event records (EventStore.events(): the coder's contract plus
num_articles, num_sources, mentions, first_reported, last_reported) and returns a count.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import TextIO

from eventwire.formats import (
    CSV_COLUMNS,
    STORE_COLUMNS,
    parquet_schema,
    parquet_table,
    write_csv,
    write_jsonl,
)

EVENT_CSV_COLUMNS = CSV_COLUMNS + STORE_COLUMNS
EXPORT_FORMATS = ("csv", "jsonl", "parquet", "plover", "cameo")
# The column order of the Phoenix event data set (Open Event Data Alliance).
PHOENIX_COLUMNS = [
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
]
_PENTA = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


def export_events(records: Iterable[dict], fmt: str, path: str, columns: list[str] | None = None) -> int:
    """Write records to `path` ("-" is standard output, except for Parquet) in `fmt`; `columns`
    chooses the CSV columns."""
    if fmt == "parquet":
        if path == "-":
            raise ValueError("Parquet needs a file: give --out PATH")
        return write_parquet(records, path)
    writer = {"csv": lambda rows, out: write_csv(rows, out, columns=columns or EVENT_CSV_COLUMNS),
              "jsonl": write_jsonl, "plover": write_plover, "cameo": write_cameo}[fmt]
    if path == "-":
        return writer(records, sys.stdout)
    with open(path, "w", encoding="utf-8", newline="") as out:
        return writer(records, out)


def write_event_csv(records: Iterable[dict], out: TextIO) -> int:
    return write_csv(records, out, columns=EVENT_CSV_COLUMNS)


def write_parquet(records: Iterable[dict], path: str, batch_size: int = 10_000) -> int:
    """A Parquet file of flat rows (formats.parquet_schema: dates as dates, the mentions as JSON)."""
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(path, parquet_schema()) as writer:
        batch: list[dict] = []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                writer.write_table(parquet_table(batch))
                count, batch = count + len(batch), []
        if batch or not count:
            writer.write_table(parquet_table(batch))
            count += len(batch)
    return count


def plover_record(record: dict) -> dict:
    """One event in the shape of PLOVER JSON records (as in the PLOVER gold-standard file)."""
    location = record.get("location")

    def actors(role: str) -> list[dict]:
        return [{"text": a["text"], "code": a.get("country") or a.get("code"), "sector": a.get("sector"),
                 "name": a.get("name")} for a in record.get(role) or []]

    return {
        "id": record["event_id"],
        "date": record["date"]["value"],
        "date_resolution": record["date"]["granularity"],
        "event": record["event_type"],
        "mode": record.get("mode"),
        "source": actors("source"),
        "target": actors("target"),
        "text": record["sentence"]["text"],
        "event_text": record["trigger"]["text"],
        "event_loc": location["text"] if location else None,
        "country": location.get("country") if location else None,
        "geolocation": ({key: location.get(key) for key in ("name", "lat", "lon", "geonameid")}
                        if location else None),
        "negated": record.get("negated", False),
        "hypothetical": record.get("hypothetical", False),
        "historical": record.get("historical", False),
        "confidence": record.get("confidence"),
        "cameo": record.get("cameo"),
        "doc_ids": sorted({m["doc_id"] for m in record.get("mentions") or []} or {record["doc_id"]}),
        "num_articles": record.get("num_articles", 1),
    }


def write_plover(records: Iterable[dict], out: TextIO) -> int:
    return write_jsonl((plover_record(r) for r in records), out)


def cameo_row(record: dict) -> dict:
    """One event as a Phoenix-style row. GoldsteinScore is the published weight of its CAMEO code
    (data/plover/goldstein.tsv, see its NOTICE); Issues stays empty (not coded)."""
    date = record["date"]["value"] or ""
    source, target = (record.get(role) or [{}] for role in ("source", "target"))
    code = record.get("cameo") or _cameo_of(record)
    location = record.get("location") or {}
    mentions = record.get("mentions") or []
    return {
        "EventID": record["event_id"], "Date": date.replace("-", ""), "Year": date[:4], "Month": date[5:7],
        "Day": date[8:10],
        "SourceActorFull": _actor_code(source[0]), "SourceActorEntity": source[0].get("country") or "",
        "SourceActorRole": source[0].get("sector") or "", "SourceActorAttribute": "",
        "TargetActorFull": _actor_code(target[0]), "TargetActorEntity": target[0].get("country") or "",
        "TargetActorRole": target[0].get("sector") or "", "TargetActorAttribute": "",
        "EventCode": code, "EventRootCode": code[:2], "PentaClass": _penta_class(code, record["quad_class"]),
        "GoldsteinScore": _goldstein(code), "Issues": "",
        "Lat": location.get("lat", ""), "Lon": location.get("lon", ""),
        "LocationName": location.get("name") or location.get("text") or "", "StateName": "",
        "CountryCode": location.get("country") or "",
        "SentenceID": f"{record['doc_id']}_{record['sentence']['index']}",
        "URLs": ";".join(dict.fromkeys(m["url"] for m in mentions if m.get("url"))),
        "NewsSources": ";".join(dict.fromkeys(m["source"] for m in mentions if m.get("source"))),
    }


def write_cameo(records: Iterable[dict], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=PHOENIX_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(cameo_row(record))
        count += 1
    return count


def _goldstein(code: str) -> str:
    """The Goldstein weight of a CAMEO code, or of its nearest listed parent code; "" when none."""
    table = goldstein_table()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return ""


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, str]:
    """CAMEO code -> Goldstein weight as written in the table ("-9.5")."""
    from importlib import resources

    text = resources.files("eventwire").joinpath("data/plover/goldstein.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    return {code: weight for code, weight in rows}


def _actor_code(actor: dict) -> str:
    return actor.get("code") or "".join(x for x in (actor.get("country"), actor.get("sector")) if x)


def _cameo_of(record: dict) -> str:
    from eventwire.events.lexicon import cameo_of

    return cameo_of(record["event_type"], record.get("mode"))


def _penta_class(code: str, quad_class: str) -> int | str:
    """Phoenix's five classes: the quad classes, with statements and appeals (01, 02) as class 0."""
    if code[:2] in ("01", "02"):
        return 0
    return _PENTA.get(quad_class, "")
