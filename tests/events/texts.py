"""Coding a short article written for a test."""

import datetime as dt

from eventwire.records import Document

WEDNESDAY = dt.date(2024, 3, 13)


def code_text(coder, text: str, date: dt.date | None = WEDNESDAY, dateline: str | None = None):
    """The events `coder` finds in `text`, read as one article published on `date`."""
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=date,
                   dateline_place=dateline)
    return coder.code_document(doc)


def events_of(coder, text: str, event_type: str):
    """The events of `event_type` that `coder` finds in `text` (`code_text`)."""
    return [e for e in code_text(coder, text) if e.event_type == event_type]


def countries(actors) -> list[str | None]:
    """Each actor's country, or its sector when it has none (an IGO, an NGO)."""
    return [a.country or a.sector for a in actors]
