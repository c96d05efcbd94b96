"""Small builders of coded documents for store tests, and a deterministic synthetic batch."""

from __future__ import annotations

import datetime as dt
import json
import random

from eventwire.records import (
    Actor,
    Document,
    DocumentResult,
    Event,
    EventDate,
    Location,
    Reason,
    Sentence,
    Trigger,
)

QUAD = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation", "ACCUSE": "verbal_conflict",
    "THREATEN": "verbal_conflict", "PROTEST": "material_conflict", "ASSAULT": "material_conflict",
    "COERCE": "material_conflict",
}
COUNTRIES = {"Beijing": ("CHN", 39.9, 116.4), "Moscow": ("RUS", 55.75, 37.6), "Geneva": ("CHE", 46.2, 6.15),
             "Paris": ("FRA", 48.86, 2.35), "Delhi": ("IND", 28.6, 77.2), "Gaza": ("PSE", 31.5, 34.47)}


def actor(sentence: Sentence, text: str, country: str | None, sector: str | None, name: str | None = None,
          code: str | None = None) -> Actor:
    start = sentence.start + sentence.text.index(text)
    code = code if code is not None else (f"{country or ''}{sector or ''}" or None)
    return Actor(text=text, start=start, end=start + len(text), name=name or text, country=country,
                 sector=sector, code=code, id=f"test:{name or text}")


def event(doc: Document, sentence_index: int, trigger: str, event_type: str,
          source: list[tuple] = (), target: list[tuple] = (), date: str | None = None,
          granularity: str = "day", place: str | None = None, confidence: float = 0.8,
          **flags) -> Event:
    """An event in sentence `sentence_index` of `doc`; actors are (text, country, sector[, name])."""
    sentence = sentences(doc.text)[sentence_index]
    start = sentence.start + sentence.text.index(trigger)
    location = None
    if place:
        country, lat, lon = COUNTRIES[place]
        at = sentence.start + sentence.text.index(place)
        location = Location(text=place, start=at, end=at + len(place), name=place, country=country,
                            lat=lat, lon=lon)
    day = dt.date.fromisoformat(date) if date else doc.date
    return Event(
        doc_id=doc.id, event_type=event_type, mode=None, cameo=None, quad_class=QUAD[event_type],
        sentence=sentence, trigger=Trigger(trigger, start, start + len(trigger)),
        source=[actor(sentence, *a) for a in source], target=[actor(sentence, *a) for a in target],
        date=EventDate(value=day, text=None if date is None else date, granularity=granularity),
        location=location, confidence=confidence,
        reasons=[Reason("type", f"test: {event_type} from '{trigger}'")], **flags)


def sentences(text: str) -> list[Sentence]:
    """Sentences split on '. ' (test texts are written that way)."""
    found, start = [], 0
    for index, part in enumerate(text.split(". ")):
        found.append(Sentence(index=index, text=part, start=start, end=start + len(part)))
        start += len(part) + 2
    return found


def document(doc_id: str, text: str, date: str | None = "2024-03-11", outlet: str | None = "Wire A",
             title: str | None = None) -> Document:
    return Document(id=doc_id, text=text, original_text=f"<p>{text}</p>", origin=f"test:{doc_id}",
                    title=title or f"Title {doc_id}", date=dt.date.fromisoformat(date) if date else None,
                    date_source="given" if date else None, url=f"https://example.org/{doc_id}", source=outlet)


def coded(doc: Document, *events: Event) -> DocumentResult:
    return DocumentResult(origin=doc.origin, status="coded", doc_id=doc.id, document=doc, events=list(events))


_LEADERS = [("Russian", "RUS"), ("Chinese", "CHN"), ("French", "FRA"), ("Indian", "IND"), ("Swiss", "CHE")]
_TEMPLATES = [
    ("CONSULT", "met", "The {a} foreign minister met the {b} foreign minister in {p} to discuss trade"),
    ("ACCUSE", "accused", "The {a} government accused the {b} government of spying in {p}"),
    ("AID", "sent", "The {a} government sent food aid to the {b} government through {p}"),
    ("PROTEST", "marched", "Thousands of {a} protesters marched against the {b} embassy in {p}"),
]


def synthetic_results(count: int, seed: int = 7, start: str = "2024-01-01",
                      days: int = 60) -> list[DocumentResult]:
    """`count` coded articles of three sentences each: two events and a repeat of the first.
    Dyads, places and dates repeat across articles, so merging has work to do."""
    rng = random.Random(seed)
    first = dt.date.fromisoformat(start)
    results = []
    for i in range(count):
        day = first + dt.timedelta(days=rng.randrange(days))
        picks = [(rng.choice(_TEMPLATES), *rng.sample(_LEADERS, 2), rng.choice(list(COUNTRIES)))
                 for _ in range(2)]
        texts = [template[2].format(a=a[0], b=b[0], p=place) for template, a, b, place in picks]
        texts.append(texts[0] + " again")
        doc = document(f"syn{i:05d}", ". ".join(texts), date=day.isoformat(), outlet=f"Wire {i % 5}")
        events = []
        for index, (template, a, b, place) in enumerate(picks + picks[:1]):
            kind, trigger, _ = template
            sector = "GOV" if kind != "PROTEST" else "CVL"
            events.append(event(doc, index, trigger, kind, source=[(a[0], a[1], sector)],
                                target=[(b[0], b[1], "GOV")], place=place,
                                confidence=round(0.5 + rng.random() / 2, 3)))
        results.append(coded(doc, *events))
    return results


def undo_schema_6(store) -> None:
    """What a store written before schema 6 holds: no historical columns, no historical key in records.
    Runs in the caller's transaction, if any."""
    store._run("DROP INDEX events_historical_date")
    store._run("DROP INDEX event_actors_country")
    store._run("CREATE INDEX event_actors_country ON event_actors (country, role, event_date, event_id)")
    for table in ("mentions", "events", "event_actors"):
        store._run(f"ALTER TABLE {table} DROP COLUMN historical")
    for table, key in (("mentions", "mention_id"), ("events", "event_id")):
        for ident, record in store._run(f"SELECT {key}, record FROM {table}").fetchall():
            old = {name: value for name, value in json.loads(record).items() if name != "historical"}
            store._run(f"UPDATE {table} SET record = ? WHERE {key} = ?", (json.dumps(old), ident))
    store._run("DELETE FROM schema_version WHERE version >= 6")
