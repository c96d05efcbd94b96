"""Quotations of a whole article and who speaks them.

A sentence inside quotation marks often names no speaker: the attribution stands after the
quote ("...," he told reporters), before it (The minister said: "..."), in the next short
sentence, with an earlier quote of the same paragraph ("...," she said. "..."), or in the
headline before a colon ("Minister: occupiers must leave"). A quote may run over several
paragraphs: each continuing paragraph opens with a quotation mark and only the last one closes.

`Quotations` finds the quotes of a document once (string scanning, no parse) and, on demand,
the sentence that attributes each quote and its reporting verb (one parse per attributing
sentence that is needed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from eventwire.records import Document, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.events.modality import ModalityWords

_MARKS = re.compile(r'[“”"]|\n')
_PARAGRAPH_BREAKS = re.compile(r"\n+")
_OPENING = '“"'
_NEXT_SENTENCE_WORDS = 15  # "He told reporters on Monday.": an attribution on its own is short
_HEADLINE_SPEAKER_WORDS = 6  # "Foreign Minister: ..." names a speaker; a long prefix is a title


@dataclass(frozen=True)
class Quotation:
    start: int  # document offsets of the quoted words, inside the marks
    end: int
    paragraph: int  # index of the paragraph where it opens


@dataclass(frozen=True)
class Attribution:
    """The speaker of a quote: the attributing sentence, its parse and the speaker's head token."""

    sentence: Sentence
    parsed: Doc
    speaker: Token
    how: str  # where the attribution stood, for the event's reasons


def find_quotations(text: str, start: int = 0) -> list[Quotation]:
    """The quotations of `text` (from offset `start`), a quote continued over paragraphs counting once."""
    quotes: list[Quotation] = []
    opened: int | None = None
    continuing = False
    for match in _MARKS.finditer(text, start):
        mark, at = match.group(), match.start()
        if mark == "\n":
            if opened is not None and not continuing:
                following = text[at:].lstrip()[:1]
                if following and following in _OPENING:
                    continuing = True  # the next paragraph goes on with the same quote
                else:
                    quotes.append(_quotation(text, opened, at))
                    opened = None
            continue
        if opened is None:
            if mark != "”":
                opened = at + 1
        elif continuing:
            continuing = False  # the mark that opens a continuing paragraph
        elif mark == "“":
            quotes.append(_quotation(text, opened, at))  # a quote never closed: a new one opens
            opened = at + 1
        else:
            quotes.append(_quotation(text, opened, at))
            opened = None
    if opened is not None:
        quotes.append(_quotation(text, opened, len(text)))
    return [q for q in quotes if text[q.start:q.end].strip()]


def _quotation(text: str, start: int, end: int) -> Quotation:
    return Quotation(start, end, len(_PARAGRAPH_BREAKS.findall(text, 0, start)))


class Quotations:
    """The quotes of one document and their speakers, found once per document."""

    def __init__(self, doc: Document, sentences: list[Sentence], parse: Callable[[str], Doc],
                 words: ModalityWords):
        self._doc = doc
        self._words = words
        self._sentences = sentences
        self._parse = parse
        self._attributions: dict[int, Attribution | None] = {}

    @cached_property
    def _headline(self) -> tuple[Quotation, Sentence] | None:
        """'Speaker: words' as the article's first line: the words are the speaker's."""
        title = self._doc.title or ""
        if not self._sentences or ": " not in title or not self._doc.text.startswith(title):
            return None
        prefix = title.split(": ", 1)[0]
        if not prefix.strip() or len(prefix.split()) > _HEADLINE_SPEAKER_WORDS or '"' in prefix:
            return None
        first = self._sentences[0]
        return Quotation(len(prefix) + 2, len(title), 0), Sentence(first.index, prefix, 0, len(prefix))

    @cached_property
    def quotes(self) -> list[Quotation]:
        headline = self._headline
        return find_quotations(self._doc.text, headline[0].end if headline else 0)

    def around(self, offset: int) -> int | None:
        """Index of the quote holding the document offset, -1 for a headline quote, None outside quotes."""
        headline = self._headline
        if headline is not None and headline[0].start <= offset < headline[0].end:
            return -1
        return next((i for i, q in enumerate(self.quotes) if q.start <= offset < q.end), None)

    def attribution_at(self, offset: int) -> Attribution | None:
        """The attribution of the quote holding the document offset; None outside quotes or unattributed."""
        index = self.around(offset)
        return self.attribution(index) if index is not None else None

    def attribution(self, index: int) -> Attribution | None:
        if index not in self._attributions:
            self._attributions[index] = self._find(index)
        return self._attributions[index]

    def _find(self, index: int) -> Attribution | None:
        if index == -1:
            return self._headline_speaker()
        quote = self.quotes[index]
        last = self._sentence_at(quote.end - 1)
        first = self._sentence_at(quote.start)
        if last is not None:
            found = self._verb_in(last, quote.end + 1, last.end, "after the quote")
            if found is not None:
                return found
        if first is not None:
            found = self._verb_in(first, first.start, quote.start - 1, "before the quote")
            if found is not None:
                return found
        following = self._next_sentence(last)
        if following is not None and len(following.text.split()) <= _NEXT_SENTENCE_WORDS:
            found = self._verb_in(following, following.start, following.end, "in the next sentence")
            if found is not None:
                return found
        if index > 0 and self.quotes[index - 1].paragraph == quote.paragraph:
            earlier = self.attribution(index - 1)
            if earlier is not None:
                return Attribution(earlier.sentence, earlier.parsed, earlier.speaker,
                                   "with the earlier quote of the paragraph")
        return None

    def _headline_speaker(self) -> Attribution | None:
        quote, prefix = self._headline
        parsed = self._parse(prefix.text)
        root = next((t for t in parsed if t.head.i == t.i), None)
        if root is None:
            return None
        return Attribution(prefix, parsed, root, "in the headline before the colon")

    def _verb_in(self, sentence: Sentence, start: int, end: int, how: str) -> Attribution | None:
        """The speaker of a reporting verb standing between document offsets start and end, outside quotes."""
        if start >= end or not self._words.quote_attribution.search(self._unquoted(start, end)):
            return None
        parsed = self._parse(sentence.text)
        for token in parsed:
            at = sentence.start + token.idx
            if start <= at < end and self.around(at) is None and _reports(token, self._words):
                speaker = _speaker_of(token)
                if speaker is not None:
                    return Attribution(sentence, parsed, speaker, how)
        return None

    def _unquoted(self, start: int, end: int) -> str:
        """The text between document offsets start and end less every quote's words (those for which
        `around` is not None), cut around the quotes rather than tested character by character."""
        text = self._doc.text
        quoted = [(q.start, q.end) for q in self.quotes]
        if self._headline is not None:
            quoted.append((self._headline[0].start, self._headline[0].end))
        pieces = []
        at = start
        for quote_start, quote_end in sorted(quoted):
            if quote_start >= end:
                break
            if quote_start > at:
                pieces.append(text[at:quote_start])
            at = max(at, quote_end)
        if at < end:
            pieces.append(text[at:end])
        return "".join(pieces)

    def _sentence_at(self, offset: int) -> Sentence | None:
        return next((s for s in self._sentences if s.start <= offset < s.end), None)

    def _next_sentence(self, sentence: Sentence | None) -> Sentence | None:
        if sentence is None:
            return None
        following = next((s for s in self._sentences if s.index == sentence.index + 1), None)
        if following is None or "\n" in self._doc.text[sentence.end:following.start]:
            return None
        return following


def _reports(token: Token, words: ModalityWords) -> bool:
    if token.lower_ == "according":
        return True
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in words.reporting_verbs | {"ask", "warn"}


def _speaker_of(verb: Token) -> Token | None:
    """The subject of the reporting verb ("he told"), the agent, or the object of "according to"."""
    if verb.lower_ == "according":
        return next((o for p in verb.children for o in p.children if o.dep_ == "pobj"), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        return subject
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
