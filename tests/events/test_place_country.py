"""Through the coder: an unnamed agent in a text that names no country takes the country of the event's
place (actors.located), on a sentence written for this test."""

import datetime as dt

from eventwire.events.coder import EventCoder
from eventwire.records import Document


def test_a_sentence_alone_codes_the_police_with_the_country_of_the_town(coder: EventCoder):
    text = "Police detained four students in Ciudad Obregon on Monday."
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 5, 16))
    (event,) = [e for e in coder.code_document(doc) if e.trigger.text == "detained"]
    assert [a.code for a in event.source] == ["MEXCOP"]
    assert any("event's place" in r for r in event.reasons if r.field == "source")
