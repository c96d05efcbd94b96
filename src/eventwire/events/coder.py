"""Document -> events. The contract between the pipeline and the event stage.

The pipeline splits a document into sentences, asks `is_candidate` which ones may hold an
event (cheap, no model), parses only those, and hands the parses to `code`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.records import Document, Event, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc


class EventCoder:
    """Codes PLOVER events with actors, dates, places and evidence. Resources load lazily."""

    def is_candidate(self, sentence: Sentence) -> bool:
        """True when the sentence may hold an event: decided without parsing."""
        raise NotImplementedError

    def code(self, doc: Document, sentences: list[Sentence], parsed: dict[int, Doc]) -> list[Event]:
        """Events of one document.

        `sentences` are all sentences of `doc` (for context such as coreference);
        `parsed` maps a sentence index to the spaCy parse of that sentence's text alone, so a
        token's document offset is `sentence.start + token.idx`.
        """
        raise NotImplementedError
