"""Text that remembers where each of its characters came from in the original.

Cleaning deletes and replaces spans; `MappedText` keeps, for every run of characters of the
cleaned text, the offset of that run in the original, so that any offset of the cleaned text
(the one every output uses) can be mapped back to the text as it was given.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    start: int  # offset in the cleaned text
    origin: int  # offset in the original text of the piece's first character
    aligned: bool  # True when the piece's characters stand one for one over the original


class MappedText:
    """An immutable text with a piecewise map of its offsets to original offsets."""

    __slots__ = ("text", "_pieces", "_starts")

    def __init__(self, text: str, pieces: list[Piece]):
        self.text = text
        self._pieces = pieces
        self._starts = [piece.start for piece in pieces]

    @classmethod
    def of(cls, text: str, origin: int = 0) -> MappedText:
        """`text` as found at `origin` in the original."""
        return cls(text, [Piece(0, origin, True)] if text else [])

    def to_original(self, offset: int) -> int:
        """The original offset of the cleaned character at `offset` (or of the end, for len(text))."""
        if not self._pieces:
            return 0
        if offset >= len(self.text):
            return self.to_original(len(self.text) - 1) + 1 if self.text else 0
        piece = self._pieces[max(bisect_right(self._starts, offset) - 1, 0)]
        return piece.origin + (offset - piece.start if piece.aligned else 0)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the cleaned span [start, end)."""
        if end <= start:
            position = self.to_original(start)
            return position, position
        return self.to_original(start), self.to_original(end - 1) + 1

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> MappedText:
        """Apply non-overlapping (start, end, replacement) edits given in cleaned-text offsets."""
        builder = _Builder()
        position = 0
        for start, end, replacement in sorted(edits):
            if start < position:
                raise ValueError(f"overlapping edit at {start}")
            self._copy_into(builder, position, start)
            if replacement:
                aligned = len(replacement) == end - start and self._is_aligned(start, end)
                builder.add(replacement, self.to_original(start), aligned)
            position = end
        self._copy_into(builder, position, len(self.text))
        return builder.build()

    def translate(self, table: dict[int, str]) -> MappedText:
        """Replace characters one for one (the map stays as it is)."""
        translated = self.text.translate(table)
        if len(translated) != len(self.text):
            raise ValueError("translate must replace characters one for one")
        return MappedText(translated, self._pieces)

    @staticmethod
    def join(parts: list[MappedText], separator: str = "\n") -> MappedText:
        """Concatenate parts with a separator mapped to the end of the part before it."""
        builder = _Builder()
        for index, part in enumerate(parts):
            if index and separator:
                builder.add(separator, parts[index - 1].to_original(len(parts[index - 1].text)), False)
            part._copy_into(builder, 0, len(part.text))
        return builder.build()

    def _copy_into(self, builder: _Builder, start: int, end: int) -> None:
        if end <= start:
            return
        index = max(bisect_right(self._starts, start) - 1, 0)
        while index < len(self._pieces) and self._pieces[index].start < end:
            piece = self._pieces[index]
            piece_end = self._pieces[index + 1].start if index + 1 < len(self._pieces) else len(self.text)
            lo, hi = max(start, piece.start), min(end, piece_end)
            if lo < hi:
                origin = piece.origin + (lo - piece.start if piece.aligned else 0)
                builder.add(self.text[lo:hi], origin, piece.aligned)
            index += 1

    def _is_aligned(self, start: int, end: int) -> bool:
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = max(bisect_right(self._starts, end - 1) - 1, 0)
        return first == last and self._pieces[first].aligned


class _Builder:
    """Accumulates text pieces, merging neighbours that continue each other in the original."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0
        self._next_origin = -1  # original offset right after the last aligned piece

    def add(self, text: str, origin: int, aligned: bool) -> None:
        if not text:
            return
        continues = aligned and self._pieces and self._pieces[-1].aligned and origin == self._next_origin
        if not continues:
            self._pieces.append(Piece(self._length, origin, aligned))
        self._chunks.append(text)
        self._length += len(text)
        self._next_origin = origin + len(text) if aligned else -1

    def build(self) -> MappedText:
        return MappedText("".join(self._chunks), self._pieces)
