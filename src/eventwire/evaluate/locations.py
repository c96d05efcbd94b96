"""Event-location scores on the event_location gold (the 496 RELABEL records; development set).

Each record is one news sentence with the words of one event (VERB) and the place(s) where
that event happened (LOCATION, possibly none). The sentence is parsed alone, the token of the
gold VERB is the trigger, and `EventLocator.locate` runs with an empty document (no dateline).
Exact match: the predicted location text equals a gold LOCATION text (whitespace-stripped), or
both are empty. docs/accuracy.md states the definitions in full.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from eventwire.records import Document, Sentence
from eventwire.resources import Resources

DATA_PATH = Path("data") / "event_location" / "labeled_text.jsonl.zip"
GOLD_SOURCE = "RELABEL"


@dataclass(frozen=True)
class LocationRecord:
    """One event_location record: a sentence, its event verb's characters and the gold place texts."""

    id: str
    source: str
    text: str
    verb_start: int
    verb_end: int
    locations: tuple[str, ...]


def read_location_records(shared_dir: Path) -> list[LocationRecord]:
    """Every record with a verb span.

    Span texts are rebuilt from token offsets (the character offsets of some spans are wrong) and stripped.
    """
    with zipfile.ZipFile(shared_dir / DATA_PATH) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsonl") and "__MACOSX" not in n)
        raw = json.loads(archive.read(name))
    records = []
    for item in raw:
        tokens = item["tokens"]
        spans = [s for s in item.get("spans") or [] if s["token_end"] < len(tokens)]
        verbs = [s for s in spans if s["label"] == "VERB"]
        if not verbs:
            continue
        text = item["text"]
        locations = tuple(text[tokens[s["token_start"]]["start"]:tokens[s["token_end"]]["end"]].strip()
                          for s in spans if s["label"] == "LOCATION")
        records.append(LocationRecord(item["_id"], item["source"], item["text"],
                                      tokens[verbs[0]["token_start"]]["start"],
                                      tokens[verbs[0]["token_end"]]["end"], locations))
    return records


def trigger_token(parsed, record: LocationRecord) -> int | None:
    """Index of the spaCy token of the gold verb span (its first verb-like token)."""
    inside = [t for t in parsed if record.verb_start <= t.idx < record.verb_end]
    verbs = [t for t in inside if t.pos_ in {"VERB", "AUX"}]
    return (verbs or inside)[0].i if inside else None


@dataclass(frozen=True)
class LocationReport:
    records: int
    exact: int
    predicted: int  # records with a non-empty prediction
    gold_places: int  # records whose gold names a place
    right_places: int  # non-empty predictions equal to a gold place
    resolved: int  # right places the gazetteer resolved to a country (the gold has no country to check)

    @property
    def exact_match(self) -> float:
        return self.exact / self.records if self.records else 0.0

    @property
    def precision(self) -> float:
        return self.right_places / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right_places / self.gold_places if self.gold_places else 0.0

    def to_dict(self) -> dict:
        return {
            "records": self.records, "exact_match": round(self.exact_match, 4),
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "predicted": self.predicted, "gold_places": self.gold_places, "right_places": self.right_places,
            "resolved": self.resolved,
        }

    def table(self) -> str:
        right = self.right_places
        rows = [
            ("exact match (place text, or both none)", f"{self.exact_match:.3f}",
             f"{self.exact}/{self.records}"),
            ("precision of non-empty predictions", f"{self.precision:.3f}", f"{right}/{self.predicted}"),
            ("recall of gold places", f"{self.recall:.3f}", f"{right}/{self.gold_places}"),
            ("right places resolved to a country", f"{self.resolved / max(self.right_places, 1):.3f}",
             f"{self.resolved}/{self.right_places}"),
        ]
        width = max(len(r[0]) for r in rows)
        lines = [f"Event location: event_location gold ({GOLD_SOURCE}, {self.records} records)",
                 f"{'measure':<{width}}  {'value':>6}  count"]
        lines += [f"{name:<{width}}  {value:>6}  {count}" for name, value, count in rows]
        return "\n".join(lines)


def evaluate_locations(shared_dir: Path, resources: Resources | None = None) -> LocationReport:
    """Score the locator of `resources` (by default the shipped one) on every RELABEL record that has a
    verb span."""
    resources = resources or Resources()
    locator = resources.locator
    gold = [r for r in read_location_records(shared_dir) if r.source == GOLD_SOURCE]
    counts = dict.fromkeys(("records", "exact", "predicted", "gold_places", "right_places", "resolved"), 0)
    for record, parsed in zip(gold, resources.nlp.pipe((r.text for r in gold), batch_size=128)):
        trigger = trigger_token(parsed, record)
        if trigger is None:
            continue
        document = Document(id=record.id, text=record.text, original_text=record.text, origin="gold")
        sentence = Sentence(0, record.text, 0, len(record.text))
        location, _ = locator.locate(parsed, trigger, sentence, document)
        right = location is not None and location.text.strip() in record.locations
        counts["records"] += 1
        counts["exact"] += right or (location is None and not record.locations)
        counts["predicted"] += location is not None
        counts["gold_places"] += bool(record.locations)
        counts["right_places"] += right
        counts["resolved"] += bool(right and location.country)
    return LocationReport(**counts)
