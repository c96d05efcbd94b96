"""The one tokenizer shared by the dictionary build and run-time matching.

Dictionary phrases and article text must be cut the same way, so both go through
`tokenize`: words are runs of letters and digits (inner periods and apostrophes kept),
hyphens separate words ("al-Qaeda" = "al qaeda", as Phoenix writes both), a possessive
"'s" is a token of its own, and periods vanish ("U.S." = "US").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?|[&,]")
POSSESSIVE = "'s"


# Not frozen: a frozen dataclass is built three times slower, and the article scan makes a Token of
# every word of every sentence. No code changes a Token.
@dataclass(slots=True)
class Token:
    norm: str  # lower case, no periods: the key used in every lookup
    start: int  # character offsets in the tokenized text
    end: int
    text: str

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append  # the scan tokenizes every sentence of every article: kept lean
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        if word[-1] == ".":
            word, end = word[:-1], end - 1
        if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’":
            append(Token(_norm(word[:-2]), start, end - 2, word[:-2]))
            append(Token(POSSESSIVE, end - 2, end, word[-2:]))
        else:
            append(Token(_norm(word), start, end, word))
    return tokens


def _norm(word: str) -> str:
    norm = word.lower()
    if "." in norm:  # most words hold neither: the test is cheaper than the replacement
        norm = norm.replace(".", "")
    if "’" in norm:
        norm = norm.replace("’", "'")
    return norm


def phrase_key(text: str) -> str:
    """The lookup key of a dictionary phrase: its normalized tokens joined by spaces."""
    return " ".join(t.norm for t in tokenize(text))
