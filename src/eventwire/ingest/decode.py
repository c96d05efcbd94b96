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


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with; raises NotText for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace")), encoding
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise NotText("binary file, not text")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detected(data)


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
