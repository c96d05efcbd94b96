"""Readers for .txt, .html, .jsonl, RSS/Atom feeds, directories and standard input.

Everything streams: a corpus is never held in memory as a whole. Every input yields either a
Document or a Rejected (with status "skipped" or "failed" and a reason); bad input never
raises and never disappears.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.clean import clean_article
from eventwire.ingest.decode import NotText, decode_bytes
from eventwire.ingest.feeds import parse_feed
from eventwire.ingest.html import extract_html
from eventwire.ingest.pubdate import parse_given_date
from eventwire.records import Document, Rejected

DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
STDIN = "-"
_SNIFF_BYTES = 8192

Item = Document | Rejected


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                date: dt.date | None = None, stdin_format: str = "jsonl") -> Iterator[Item]:
    """Every document found under `paths` ("-" is standard input: JSONL, or with `stdin_format`
    "text" one plain-text article), streamed.

    `date` is a publication date that overrides any found in the documents.
    """
    for path in paths:
        if path == STDIN and stdin_format == "text":
            yield _read_text_stream(_stdin_bytes(), max_bytes, date)
        elif path == STDIN:
            yield from _read_jsonl_stream(_stdin_bytes(), "<stdin>", max_bytes, date)
        else:
            yield from _read_path(Path(path), max_bytes, date)


def display_path(path: str | os.PathLike) -> str:
    """A path as one printable line: bytes that are not UTF-8 and control characters such as a
    newline in a file name are shown as backslash escapes (a\\xffb, a\\nb)."""
    text = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def make_document(text: str, *, doc_id: str | None = None, title: str | None = None,
                  date: dt.date | None = None, url: str | None = None, source: str | None = None,
                  origin: str = "<text>", date_source: str = "given") -> Document:
    """Clean raw text into a Document; the id is `doc_id` or a hash of the content.

    A given `date` is the publication date, labelled `date_source`; without one, a date line or
    dateline found in the text is used.
    """
    return _build(text, origin=origin, doc_id=doc_id, title=title, date=date, date_source=date_source,
                  url=url, source=source)


def document_from_record(record: dict, *, origin: str, date: dt.date | None = None) -> Document | Rejected:
    """A Document from a JSONL-shaped record: id, text, and optional title, date, url, source.

    `date` overrides the record's own date. A record without text is skipped; one that is not
    an object or whose text is not a string fails.
    """
    if not isinstance(record, dict):
        return Rejected(origin, "failed", f"not a JSON object but {type(record).__name__}")
    doc_id = _optional_str(record.get("id"))
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return Rejected(origin, "skipped", "no text", doc_id)
    if not isinstance(text, str):
        return Rejected(origin, "failed", f"text is not a string but {type(text).__name__}", doc_id)
    notes = []
    given = date or parse_given_date(record.get("date"))
    if record.get("date") and given is None:
        notes.append(f"ignored the given date {record['date']!r}: not YYYY-MM-DD or an ISO datetime")
    return _build(text, origin=origin, doc_id=doc_id, title=_optional_str(record.get("title")),
                  date=given, date_source="given", url=_optional_str(record.get("url")),
                  source=_optional_str(record.get("source")), notes=notes)


def content_id(text: str) -> str:
    """A stable id from the content: the same text always gets the same id."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _build(raw: str, *, origin: str, doc_id: str | None, title: str | None, date: dt.date | None,
           date_source: str | None, url: str | None, source: str | None, site: str | None = None,
           title_from_first_line: bool = False, notes: list[str] | None = None) -> Document:
    """Clean and assemble a Document. Source: given > signature or dateline agency > site name."""
    notes = list(notes or [])
    if "\x00" in raw:  # no database stores a NUL character; the same length keeps every offset
        notes.append(f"replaced {raw.count(chr(0))} NUL character(s) by U+FFFD")
        raw = raw.replace("\x00", "\ufffd")
    cleaned = clean_article(raw, title=title, title_from_first_line=title_from_first_line)
    if date is None:
        date, date_source = cleaned.date, cleaned.date_source
    return Document(
        id=doc_id or content_id(cleaned.text or raw), text=cleaned.text, original_text=raw, origin=origin,
        title=cleaned.title, date=date, date_source=date_source if date else None, url=url,
        source=source or cleaned.source or site, dateline_place=cleaned.dateline_place,
        cleaning=[*notes, *cleaned.notes],
    )


def _optional_str(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).replace("\x00", "").strip()
    return text or None


def _read_path(path: Path, max_bytes: int, date: dt.date | None) -> Iterator[Item]:
    """A file given on the command line (any suffix but .jsonl/.html/feeds is read as text)."""
    try:
        is_dir = path.is_dir()
    except OSError as exc:
        yield Rejected(display_path(path), "failed", _os_reason(exc))
        return
    if is_dir:
        yield from _read_directory(path, max_bytes, date, root=path.resolve())
    else:
        yield from _read_file(path, max_bytes, date)


def _read_directory(directory: Path, max_bytes: int, date: dt.date | None, root: Path) -> Iterator[Item]:
    """Files under `directory`, recursively, in sorted order; hidden files and folders are skipped.
    Links are followed only to files inside `root`, the folder given: a link to a folder (which may
    loop) or out of it is reported and skipped."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        yield Rejected(display_path(directory), "failed", _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_link, is_dir = entry.is_symlink(), entry.is_dir()
            outside = is_link and not is_dir and not path.resolve().is_relative_to(root)
        except (OSError, RuntimeError) as exc:  # a link loop: ELOOP, or RuntimeError from resolve()
            yield Rejected(display_path(path), "skipped", f"link that cannot be followed: "
                           f"{_os_reason(exc) if isinstance(exc, OSError) else exc}")
            continue
        if is_dir and is_link:
            yield Rejected(display_path(path), "skipped", "link to a folder: not followed")
        elif is_dir:
            yield from _read_directory(path, max_bytes, date, root)
        elif outside:
            yield Rejected(display_path(path), "skipped", "link to a file outside the folder being read: "
                                                          "not followed")
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield Rejected(display_path(path), "skipped",
                           f"unsupported file type {path.suffix or '(none)'!r} "
                           f"(expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))})")
        else:
            yield from _read_file(path, max_bytes, date)


def _read_file(path: Path, max_bytes: int, date: dt.date | None) -> Iterator[Item]:
    origin = display_path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl_file(path, max_bytes, date)
            return
        data = _read_bytes(path, max_bytes)
    except OSError as exc:
        yield Rejected(origin, "failed", _os_reason(exc))
        return
    if isinstance(data, Rejected):
        yield data
        return
    try:
        if suffix in FEED_SUFFIXES:
            yield from _feed_documents(data, origin, date)
            return
        text, _encoding = decode_bytes(data)
        yield _document_from_file(text, suffix, origin, date)
    except NotText as exc:
        yield Rejected(origin, "skipped", str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not stop a batch
        yield Rejected(origin, "failed", f"could not read: {type(exc).__name__}: {exc}")


def _read_jsonl_file(path: Path, max_bytes: int, date: dt.date | None) -> Iterator[Item]:
    origin = display_path(path)
    if path.stat().st_size == 0:
        yield Rejected(origin, "skipped", "empty file")
        return
    found = False
    with path.open("rb") as stream:
        if b"\x00" in stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]:
            yield Rejected(origin, "skipped", "binary file, not text")
            return
        for item in _read_jsonl_stream(stream, origin, max_bytes, date):
            found = True
            yield item
    if not found:
        yield Rejected(origin, "skipped", "empty file (only blank lines)")


def _read_bytes(path: Path, max_bytes: int) -> bytes | Rejected:
    size = path.stat().st_size
    if size == 0:
        return Rejected(display_path(path), "skipped", "empty file")
    if size > max_bytes:
        return Rejected(display_path(path), "skipped",
                        f"file of {size:,} bytes is over the size cap of {max_bytes:,} bytes")
    return path.read_bytes()


def _document_from_file(text: str, suffix: str, origin: str, date: dt.date | None) -> Item:
    if not text.strip():
        return Rejected(origin, "skipped", "empty file (only whitespace)")
    if suffix in HTML_SUFFIXES:
        article = extract_html(text)
        if article is None:
            return Rejected(origin, "skipped", "no article text found in the HTML")
        return _build(article.text, origin=origin, doc_id=None, title=article.title,
                      date=date or article.date, date_source="given" if date else "html-metadata",
                      url=article.url, source=None, site=article.site)
    return _build(text, origin=origin, doc_id=None, title=None, date=date, date_source="given",
                  url=None, source=None, title_from_first_line=True)


def _feed_documents(data: bytes, origin: str, date: dt.date | None) -> Iterator[Item]:
    items = parse_feed(data)
    if items is None:
        yield Rejected(origin, "skipped", "not an RSS or Atom feed (no items found)")
        return
    for item in items:
        item_origin = f"{origin}#{item.number}"
        if not item.text.strip():
            yield Rejected(item_origin, "skipped", "feed item without text", item.id)
            continue
        yield _build(item.text, origin=item_origin, doc_id=item.id, title=item.title,
                     date=date or item.date, date_source="given" if date else "feed-metadata",
                     url=item.url, source=item.source)


def _read_jsonl_stream(stream: BinaryIO | Iterable[bytes], name: str, max_bytes: int,
                       date: dt.date | None) -> Iterator[Item]:
    """One document per line; a bad line is reported as name:line and the others go on."""
    for number, (line, size) in enumerate(_bounded_lines(stream, max_bytes), start=1):
        origin = f"{name}:{number}"
        if line is None:
            yield Rejected(origin, "skipped",
                           f"line of {size:,} bytes is over the size cap of {max_bytes:,} bytes")
            continue
        if not line.strip():
            continue
        yield _jsonl_line(line, origin, date)


def _jsonl_line(line: bytes, origin: str, date: dt.date | None) -> Item:
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text, _encoding = decode_bytes(line)
        except NotText:
            return Rejected(origin, "failed", "line is not text")
    try:
        record = json.loads(text.rstrip("\r\n"))  # so that the error's column is on this line
    except json.JSONDecodeError as exc:
        return Rejected(origin, "failed", f"malformed JSON: {exc.msg} (column {exc.colno})")
    try:
        return document_from_record(record, origin=origin, date=date)
    except Exception as exc:  # noqa: BLE001 - one odd record must not stop a corpus
        return Rejected(origin, "failed", f"could not read the record: {type(exc).__name__}: {exc}")


def _bounded_lines(stream, max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """Lines with their sizes; a line longer than `max_bytes` comes as None and is not kept in memory."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # any iterable of byte lines
        for line in stream:
            yield (line if len(line.rstrip(b"\n")) <= max_bytes else None), len(line)
        return
    while line := readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while chunk := readline(1 << 20):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    break
            yield None, size
        else:
            yield line, len(line)


def _read_text_stream(stream: BinaryIO | Iterable[bytes], max_bytes: int, date: dt.date | None) -> Item:
    """All of a stream as one plain-text article."""
    data = bytearray()
    for line in stream:
        data += line
        if len(data) > max_bytes:
            return Rejected("<stdin>", "skipped",
                            f"standard input is over the size cap of {max_bytes:,} bytes")
    if not data:
        return Rejected("<stdin>", "skipped", "empty input")
    try:
        text, _encoding = decode_bytes(bytes(data))
    except NotText as exc:
        return Rejected("<stdin>", "skipped", str(exc))
    return _document_from_file(text, ".txt", "<stdin>", date)


def _stdin_bytes() -> BinaryIO | Iterable[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return (line.encode("utf-8") for line in sys.stdin)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"
