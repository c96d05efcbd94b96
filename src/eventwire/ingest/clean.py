"""Cleaning of scraping debris before any NLP.

Rules, each recorded in the notes when it fires: image file name lines, photo credits,
shortcodes, captions that repeat the headline, date lines, reporting credits, a source
signature on the last line, a dateline opening the article, curly quotes and whitespace.
The cleaned text keeps a map to the original (`Cleaned.mapping`), so offsets can be traced back.
A text without debris comes out unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from eventwire.ingest.mapped import MappedText
from eventwire.ingest.pubdate import PartialDate, match_date_line, match_dateline

_IMAGE_LINE = re.compile(r"\S[^\n]{0,250}?\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|avif)(?:\?\S*)?", re.I)
_PHOTO_CREDIT = re.compile(
    r"\(?(?:photo|image|picture|file photo|photograph)(?:\s+credit)?\s*:\s*[^\n]{0,120}", re.I)
_REPORTING_CREDIT = re.compile(
    r"\(?\s*(?:reporting|additional reporting|writing|editing) by\b[^\n]{0,300}", re.I)
_BOILERPLATE = re.compile(
    r"(?:advertisement|ad|share|share this(?: article)?|read more|related(?: articles| stories)?"
    r"|click here[^\n]{0,80}|follow us on[^\n]{0,80}|sign up[^\n]{0,80}|all rights reserved\.?"
    r"|(?:©|copyright)[^\n]{0,100})\s*[:.]?",
    re.I,
)
# WordPress-style shortcodes: a pair with its content, a tag with attributes, a stray closing tag.
_SHORTCODE = re.compile(
    r"\[(?P<tag>[a-z][\w-]*)(?:\s[^\]\n]*)?\][^\n]{0,2000}?\[/(?P=tag)\]"
    r"|\[[a-z][\w-]*(?:\s+[\w-]+\s*=\s*(?:\"[^\"\]]*\"|'[^'\]]*'|[^\s\]]+))+\s*/?\]"
    r"|\[/[a-z][\w-]*\]",
    re.I,
)
_SIGNATURE = re.compile(  # "(Reuters)", "— AFP", "(Via Xinhua)"
    r"(?:(?P<dash>[-–—]+)\s*|(?P<open>\())\s*(?i:via\s+|courtesy(?:\s+of)?\s+)?"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:and\s+|&\s+|/\s*)?[A-Z][\w&.'’-]*){0,4})\s*(?(open)\))\.?"
)
_LABELLED_SIGNATURE = re.compile(  # "Source: Al Jazeera and news agencies"
    r"(?i:sources?|via|credit|courtesy(?: of)?)\s*:\s*(?P<name>[A-Z][^\n]{1,60}?)\.?")
_TRAILING_SIGNATURE = re.compile(r"(?<=[.!?\"'])\s+\((?P<name>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})\)$")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_NOT_BLANK = "\t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_HORIZONTAL_SPACE = re.compile(f"[ {_SPACE_NOT_BLANK}]{{2,}}|[{_SPACE_NOT_BLANK}]")  # [^\S\n] but faster
_CURLY_QUOTE = re.compile("[‘’‚‛′“”„‟″]")
_CURLY_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                               "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})
_ODD_WHITESPACE = re.compile(
    r"\r|\n[^\S\n]*\n|[^\S\n]\n|\n[^\S\n]|[^\S\n]{2,}|[^\S\n ]|[\u200b-\u200d\u2060\ufeff\u00ad]")
_SENTENCE_END = re.compile(r"[.!?:;\"')\]]$")
_HEADLINE_MAX = 250
_WRAPPED_LINE_MIN = 50  # a shorter line without final punctuation is a heading, not a wrapped line


@dataclass
class Cleaned:
    text: str
    mapping: MappedText
    notes: list[str] = field(default_factory=list)
    title: str | None = None
    source: str | None = None
    dateline_place: str | None = None
    date: dt.date | None = None  # a publication date found in the text
    date_source: str | None = None  # "date-line" or "dateline"


@dataclass
class _Line:
    number: int  # 1-based line number in the original
    text: MappedText
    had_curly_quotes: bool = False
    blank_before: bool = False


def clean_article(raw: str, *, title: str | None = None, title_from_first_line: bool = False) -> Cleaned:
    """Clean one article. `title_from_first_line` takes a first non-empty line as the title."""
    notes: list[str] = []
    lines = [_clean_line(number, line, notes) for number, line in _split_lines(raw)]
    kept, blank = [], False
    has_blank_lines = False
    date_lines: list[tuple[PartialDate, str]] = []
    last_text_line = max((line.number for line in lines if line.text.text), default=0)
    for line in lines:
        text = line.text.text
        if not text:
            blank, has_blank_lines = True, has_blank_lines or bool(kept)
            continue
        # A line repeating the headline is debris only beside other text (a text may be its title).
        echo_title = title if kept or line.number < last_text_line else None
        reason = _debris_reason(text, echo_title, date_lines)
        if reason:
            notes.append(f"removed {reason} line {line.number}: {text}")
            continue
        if title_from_first_line and title is None and not kept and _is_headline(text, line, last_text_line):
            title = text
            notes.append(f"took line {line.number} as the title: {text}")
            continue
        line.blank_before, blank = blank, False
        kept.append(line)
    cleaned = Cleaned(text="", mapping=MappedText.of(""), notes=notes, title=title)
    _take_signature(kept, cleaned)
    dateline_date = _take_dateline(kept, cleaned)
    _choose_text_date(cleaned, date_lines, dateline_date)
    cleaned.mapping = _join(kept, has_blank_lines)
    cleaned.text = cleaned.mapping.text
    cleaned.notes.sort(key=_line_number)
    _note_normalisation(raw, cleaned, any(line.had_curly_quotes for line in kept))
    return cleaned


def _split_lines(raw: str):
    for number, match in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", raw), start=1):
        content = match.group().rstrip("\r\n")
        yield number, MappedText.of(content, match.start())


def _clean_line(number: int, line: MappedText, notes: list[str]) -> _Line:
    """Inline rules: zero-width characters, shortcodes, curly quotes, runs of spaces."""
    edits = [(m.start(), m.end(), "") for m in _ZERO_WIDTH.finditer(line.text)]
    line = line.edit(edits) if edits else line
    shortcodes = list(_SHORTCODE.finditer(line.text))
    if shortcodes:
        notes.extend(f"removed shortcode line {number}: {m.group()}" for m in shortcodes)
        line = line.edit((m.start(), m.end(), "") for m in shortcodes)
    had_curly_quotes = bool(_CURLY_QUOTE.search(line.text))
    if had_curly_quotes:  # str.translate is slow: only when needed
        line = line.translate(_CURLY_QUOTES)
    edits = [(m.start(), m.end(), " ") for m in _HORIZONTAL_SPACE.finditer(line.text)]
    line = line.edit(edits) if edits else line
    stripped = line.text.strip(" ")
    if stripped != line.text:
        lead = len(line.text) - len(line.text.lstrip(" "))
        line = line.edit([(0, lead, ""), (lead + len(stripped), len(line.text), "")])
    return _Line(number, line, had_curly_quotes)


def _is_headline(text: str, line: _Line, last_text_line: int) -> bool:
    """A first line that is short, does not end like a sentence, and is followed by more text."""
    return _headline_like(text) and line.number < last_text_line


def _headline_like(text: str) -> bool:
    return len(text) <= _HEADLINE_MAX and not text.endswith(".")


def _debris_reason(text: str, title: str | None, date_lines: list[tuple[PartialDate, str]]) -> str | None:
    if _IMAGE_LINE.fullmatch(text):
        return "image file name"
    if _PHOTO_CREDIT.fullmatch(text):
        return "photo credit"
    if title and _same_words(text, title):
        return "caption or heading repeating the headline"
    if found := match_date_line(text):
        date_lines.append(found)
        return "date"
    if _REPORTING_CREDIT.fullmatch(text):
        return "reporting credit"
    if _BOILERPLATE.fullmatch(text):
        return "page boilerplate"
    return None


def _same_words(line: str, title: str) -> bool:
    """True when a line repeats the headline (same words, give or take one or two)."""
    if len(line) > 2 * len(title) or len(title) > 2 * len(line):  # cheap: far too long or short
        return False
    line_words, title_words = _words(line), _words(title)
    if not line_words or not title_words:
        return False
    overlap = len(line_words & title_words) / len(line_words | title_words)
    return overlap >= 0.8


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _take_signature(kept: list[_Line], cleaned: Cleaned) -> None:
    """A source signature as the last line ("(Reuters)", "— AFP", "Source: Al Jazeera") or its end."""
    if not kept:
        return
    last = kept[-1]
    text = last.text.text
    match = _SIGNATURE.fullmatch(text) or _LABELLED_SIGNATURE.fullmatch(text)
    if match:
        cleaned.source = match.group("name").strip()
        cleaned.notes.append(f"removed source signature line {last.number}: {text}")
        kept.pop()
    elif trailing := _TRAILING_SIGNATURE.search(text):
        cleaned.source = trailing.group("name")
        cleaned.notes.append(
            f"removed source signature at the end of line {last.number}: {trailing.group().strip()}")
        last.text = last.text.edit([(trailing.start(), trailing.end(), "")])


def _take_dateline(kept: list[_Line], cleaned: Cleaned) -> PartialDate | None:
    """A dateline opening the first paragraph, or the second after a headline not taken as the title:
    the place and agency are kept, the words removed."""
    opening = [line for line in kept[:2] if (line is kept[0] or _headline_like(kept[0].text.text))]
    found = next(((line, d) for line in opening if (d := match_dateline(line.text.text)) is not None), None)
    if found is None:
        return None
    first, dateline = found
    if dateline.end >= len(first.text.text):
        return None
    cleaned.dateline_place = dateline.place
    if dateline.agency and not cleaned.source:
        cleaned.source = dateline.agency
    words = first.text.text[:dateline.end].strip()
    cleaned.notes.append(f"removed dateline line {first.number}: {words} (place kept: {dateline.place})")
    first.text = first.text.edit([(0, dateline.end, "")])
    return dateline.date


def _choose_text_date(cleaned: Cleaned, date_lines: list[tuple[PartialDate, str]],
                      dateline_date: PartialDate | None) -> None:
    """Published date line > dateline > updated date line; a dateline without a year borrows one."""
    is_update = {"updated", "last updated", "modified", "last modified"}
    published = [date for date, label in date_lines if label not in is_update]
    updated = [date for date, label in date_lines if label in is_update]
    if dateline_date and dateline_date.year is None and dateline_date.day is not None:
        year = next((d.year for d in published + updated if d.year), None)
        if year:
            dateline_date = PartialDate(year, dateline_date.month, dateline_date.day)
        else:
            cleaned.notes.append("dateline date has no year: not used as the publication date")
    for date, source in [*((d, "date-line") for d in published), (dateline_date, "dateline"),
                         *((d, "date-line") for d in updated)]:
        if date and (complete := date.complete()):
            cleaned.date, cleaned.date_source = complete, source
            return


def _join(kept: list[_Line], has_blank_lines: bool) -> MappedText:
    """Paragraphs on single newlines; in blank-line separated text, wrapped lines join with a space."""
    paragraphs: list[list[MappedText]] = []
    previous = ""
    for line in kept:
        if not line.text.text:
            continue
        wrapped = (has_blank_lines and not line.blank_before and len(previous) >= _WRAPPED_LINE_MIN
                   and not _SENTENCE_END.search(previous))
        if wrapped:
            paragraphs[-1].append(line.text)
        else:
            paragraphs.append([line.text])
        previous = line.text.text
    return MappedText.join([MappedText.join(lines, " ") for lines in paragraphs], "\n")


def _line_number(note: str) -> int:
    match = re.search(r" line (\d+)", note)
    return int(match.group(1)) if match else 1 << 30


def _note_normalisation(raw: str, cleaned: Cleaned, had_curly_quotes: bool) -> None:
    """One summary note for quote and whitespace changes, so a changed text always says why."""
    if had_curly_quotes:
        cleaned.notes.append("straightened curly quotes")
    if _ODD_WHITESPACE.search(raw) or raw != raw.strip():
        cleaned.notes.append("normalised whitespace")
