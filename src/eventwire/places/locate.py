"""Where an event happened: the place its trigger's clause names, else the article's dateline.

Candidates come from eventwire.places.candidates; a logistic scorer trained by
models/train_locator.py (weights in data/places/locator.json, inference with plain Python)
picks the one most likely to be the event's place, or none when no score clears the threshold.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire import linear
from eventwire.jsondata import read_json
from eventwire.places.admin1 import Admin1Table
from eventwire.places.candidates import Candidate, PlaceWords, candidate_features, find_candidates
from eventwire.places.capitals import CapitalTable
from eventwire.places.gazetteer import Gazetteer, Place
from eventwire.records import Document, Location, Sentence

# Place candidates of one sentence that compete for an event: ordinary sentences name far fewer.
MAX_CANDIDATES = 24
_WORDS = re.compile(r"[A-Z][a-z]+")  # capitalised words: country adjectives ("Kenyan") among them

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class LocatorModel:
    weights: dict[str, float]
    intercept: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        return linear.sigmoid(linear.margin(self.weights, self.intercept, features))


class EventLocator:
    """Finds the place of one event in its sentence, with the reason for the choice."""

    def __init__(self, model: LocatorModel, gazetteer: Gazetteer, admin1: Admin1Table, words: PlaceWords,
                 capitals: CapitalTable | None = None):
        self.model = model
        self.gazetteer = gazetteer
        self.admin1 = admin1
        self.words = words
        self.capitals = capitals
        self._article_country: tuple[Document, str | None] | None = None  # the last document's

    def find_candidates(self, parsed: Doc, doc: Document) -> list[Candidate]:
        """The sentence's place candidates; "the capital" alone is the capital of the article's country."""
        capital_words = self.capitals is not None and any(t.lower_ in self.capitals.nouns for t in parsed)
        country = self.article_country(doc) if capital_words else None
        return find_candidates(parsed, self.gazetteer, self.words, self.capitals, country)

    def article_country(self, doc: Document) -> str | None:
        """The country an article is set in: its dateline's, else the one country its text names (by
        name or adjective) more often than any other. Remembered for the last document: its sentences
        ask one after another."""
        if self._article_country is None or self._article_country[0] is not doc:
            self._article_country = (doc, self._find_article_country(doc))
        return self._article_country[1]

    def _find_article_country(self, doc: Document) -> str | None:
        dateline = self.gazetteer.lookup(doc.dateline_place) if doc.dateline_place else None
        if dateline is not None and dateline.country:
            return dateline.country
        named = Counter(m.place.country for m in self.gazetteer.find_in_text(doc.text)
                        if m.place.kind == "country" and m.place.country)
        if self.capitals is not None:
            named.update(filter(None, map(self.capitals.country_of_adjective, _WORDS.findall(doc.text))))
        ranked = named.most_common(2)
        if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def locate(self, parsed: Doc, trigger_index: int, sentence: Sentence, doc: Document,
               candidates: list[Candidate] | None = None) -> tuple[Location | None, str]:
        """The Location of the event whose trigger is token `trigger_index` of `parsed`, and why.

        `candidates` are those of `find_candidates(parsed, ...)` when the caller has them already.
        """
        if candidates is None:
            candidates = self.find_candidates(parsed, doc)
        best, probability = self.best_candidate(parsed, trigger_index, candidates)
        trigger = parsed[trigger_index].text
        if best is not None and probability >= self.model.threshold:
            place = self._resolve(best, candidates)
            start = sentence.start + parsed[best.start:best.end].start_char
            location = self._location(best.text, start, start + len(best.text), place)
            relation = _relation(parsed, best, trigger_index)
            capital = (f"; the capital of {best.capital_of}, from {best.capital_from}"
                       if best.capital_of else "")
            return location, (f"'{best.text}' is {relation} the trigger '{trigger}' "
                              f"(location score {probability:.2f}){capital}; {_resolution(place)}")
        return self._dateline(doc, trigger, probability if best else None)

    def best_candidate(self, parsed: Doc, trigger_index: int,
                       candidates: list[Candidate]) -> tuple[Candidate | None, float]:
        """The highest-scoring candidate (the earlier one on a tie) and its probability. Only the
        MAX_CANDIDATES nearest the trigger compete: more only come with a run-on text, whose cost
        would otherwise grow with the square of its length."""
        if len(candidates) > MAX_CANDIDATES:
            nearest = sorted(candidates, key=lambda c: (abs(c.start - trigger_index), c.start))
            candidates = sorted(nearest[:MAX_CANDIDATES], key=lambda c: c.start)
        features = candidate_features(parsed, trigger_index, candidates, self.words)
        scored = [(self.model.probability(f), c) for f, c in zip(features, candidates)]
        if not scored:
            return None, 0.0
        probability, best = max(scored, key=lambda pair: (pair[0], -pair[1].start))
        return best, probability

    def _resolve(self, best: Candidate, candidates: list[Candidate]) -> Place | None:
        """The gazetteer reading of the chosen name, preferring a country the sentence names."""
        countries = [c.place.country for c in candidates if c.place and c.place.kind == "country"]
        if best.place is None or not countries or best.place.kind == "country" or best.capital_of:
            return best.place
        return self.gazetteer.lookup(best.text, country_hint=countries[0])

    def _dateline(self, doc: Document, trigger: str, best_score: float | None) -> tuple[Location | None, str]:
        in_sentence = (f"no place in the sentence is the place of '{trigger}' (best score {best_score:.2f})"
                       if best_score is not None else f"the sentence of '{trigger}' names no place")
        if not doc.dateline_place:
            return None, f"{in_sentence} and the article has no dateline: no location"
        place = self.gazetteer.lookup(doc.dateline_place)
        # The cleaner removed the dateline from the text, so the location has no offsets there.
        location = self._location(doc.dateline_place, None, None, place, precision="dateline")
        return location, (f"{in_sentence}: the dateline '{doc.dateline_place}' is used (removed from the "
                          f"cleaned text, so no offsets); {_resolution(place)}")

    def _location(self, text: str, start: int | None, end: int | None, place: Place | None,
                  precision: str | None = None) -> Location:
        """A location; its precision is the kind of place it resolved to, unless given (the dateline)."""
        if place is None:
            return Location(text=text, start=start, end=end, precision=precision or "unresolved")
        admin1, admin1_code = self.admin1.of(place)
        return Location(text=text, start=start, end=end, name=place.name, country=place.country,
                        lat=place.lat, lon=place.lon, geonameid=place.geonameid, admin1=admin1,
                        admin1_code=admin1_code, precision=precision or place.kind)


class SentenceLocator:
    """Locates the events of one parsed sentence, finding its place candidates once, when first needed."""

    def __init__(self, locator: EventLocator, parsed: Doc):
        self.locator = locator
        self.parsed = parsed
        self._candidates: list[Candidate] | None = None  # every event of the sentence has the same document

    def locate(self, trigger_index: int, sentence: Sentence, doc: Document) -> tuple[Location | None, str]:
        if self._candidates is None:
            self._candidates = self.locator.find_candidates(self.parsed, doc)
        return self.locator.locate(self.parsed, trigger_index, sentence, doc, self._candidates)

    def sole_country_place(self, sentence: Sentence, doc: Document) -> Location | None:
        """The first place the sentence names when every place it names is in one country, whichever the
        event's own: what a reader takes as the country of the scene. None when it names none or several."""
        if self._candidates is None:
            self._candidates = self.locator.find_candidates(self.parsed, doc)
        placed = [c for c in self._candidates if c.place is not None and c.place.country]
        if not placed or len({c.place.country for c in placed}) != 1:
            return None
        first = placed[0]
        start = sentence.start + self.parsed[first.start:first.end].start_char
        return self.locator._location(first.text, start, start + len(first.text), first.place)


def _relation(parsed: Doc, candidate: Candidate, trigger_index: int) -> str:
    root = parsed[candidate.start:candidate.end].root
    head = root.head
    if root.dep_ == "pobj" and head.head.i == trigger_index:
        return f"the object of '{head.text}' attached to"
    if root.dep_ == "pobj":
        return f"the object of '{head.text}' ({head.head.text}) near"
    if head.i == trigger_index:
        return f"the {root.dep_} of"
    return f"{abs(candidate.start - trigger_index)} words from"


def _resolution(place: Place | None) -> str:
    if place is None:
        return "not in the gazetteer"
    ident = f"geonames {place.geonameid}" if place.geonameid else "eventwire places table"
    return f"resolved to {place.name}, {place.country or 'no country'} ({place.kind}, {ident})"


def read_locator_model(path: Path | None = None) -> LocatorModel:
    """The locator's weights at `path`, by default the shipped data/places/locator.json."""
    data = read_json(path or resources.files("eventwire") / "data" / "places" / "locator.json")
    return LocatorModel(weights=data["weights"], intercept=data["intercept"], threshold=data["threshold"])
