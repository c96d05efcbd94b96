"""Bytes to text: UTF-8 first, then a detected encoding; binary data is refused."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192
_CONTROL_SHARE_MAX = 0.05  # more control characters than this and it is not text
_LATIN_SCRIPT_END = 0x24F  # letters above Latin Extended-B belong to other scripts
_STRAY_NUL_SHARE = 0.01  # a few NUL bytes in text are debris (the readers replace them); more: binary
_UTF16_HIGH_ZEROS = 0.1  # at least this share of UTF-16 characters are ASCII (spaces at the least)
_UTF16_LOW_ZEROS = 0.02  # and hardly any character is U+xx00


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with; raises NotText for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace")), encoding
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        encoding = _utf16_without_bom(sample)
        if encoding is not None:
            return _checked(data.decode(encoding, errors="replace")), encoding
        if sample.count(0) > 2 + _STRAY_NUL_SHARE * len(sample):
            raise NotText("binary file, not text")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _line_by_line(data)
    if mixed is not None:
        return _checked(mixed), "utf-8 and cp1252, line by line"
    return _detected(data)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without a byte order mark: spaces, digits and punctuation (and all of a Latin-script
    text) have a zero high byte, so zeros fill a good share of every other position and almost
    none of the others; and the bytes must decode."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0:2 * pairs:2].count(0), sample[1:2 * pairs:2].count(0)
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= _UTF16_HIGH_ZEROS * pairs and low <= _UTF16_LOW_ZEROS * pairs:
            try:
                sample[:2 * pairs].decode(encoding)
            except UnicodeDecodeError:  # a surrogate cut at the end of the sample is fine
                if not sample[:2 * pairs - 2].decode(encoding, errors="ignore"):
                    continue
            return encoding
    return None


def _line_by_line(data: bytes) -> str | None:
    """A file pasted together from UTF-8 and Windows-1252 (Latin-1) parts: each line in the encoding
    it decodes in. None when no line holds UTF-8 beyond ASCII (then one legacy encoding is read)."""
    lines, utf8_beyond_ascii = [], False
    for line in data.splitlines(keepends=True):
        try:
            lines.append(line.decode("utf-8"))
            utf8_beyond_ascii = utf8_beyond_ascii or not line.isascii()
        except UnicodeDecodeError:
            lines.append(_western(line)[0])
    return "".join(lines) if utf8_beyond_ascii else None


def _detected(data: bytes) -> tuple[str, str]:
    """A legacy encoding. Western single-byte text is read as Windows-1252, a superset of Latin-1
    for printable text, because the detector confuses the Latin code pages on short texts."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NotText("binary file, not text")
    text = str(best)
    if not any(ch.isalpha() and ord(ch) > _LATIN_SCRIPT_END for ch in text):
        text, encoding = _western(data)
        return _checked(text), encoding
    return _checked(text), best.encoding


def _western(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1"), "latin-1"


def _checked(text: str) -> str:
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > _CONTROL_SHARE_MAX:
        raise NotText("binary file, not text")
    return text
