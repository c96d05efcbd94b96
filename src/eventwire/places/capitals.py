"""Capital cities named without their name: "the Egyptian capital", "Kenya's capital", "the capital".

Data: data/places/capitals.json, compiled by models/build_capitals.py from GeoNames (capitals) and
countryinfo (demonyms); the city itself comes from the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from eventwire.jsondata import read_json
from eventwire.places.gazetteer import Gazetteer, Place


@dataclass
class CapitalTable:
    capitals: dict[str, str]  # ISO3 -> the capital's name
    adjectives: dict[str, str]  # lower-case country adjective ("egyptian") -> ISO3
    nouns: frozenset[str]  # lower-case phrases that name a capital ("capital", "capital city")
    gazetteer: Gazetteer
    _cities: dict[str, Place | None] = field(default_factory=dict)

    def country_of_adjective(self, word: str) -> str | None:
        return self.adjectives.get(word.lower())

    def capital_of(self, country: str) -> Place | None:
        """The gazetteer's city that is the country's capital: the most populous city of that name in
        the country (a country of the same name, "Kuwait", is not its capital)."""
        if country not in self._cities:
            name = self.capitals.get(country)
            places = self.gazetteer.candidates(name) if name else []
            cities = [p for p in places if p.country == country and p.kind == "city"]
            self._cities[country] = max(cities, key=lambda p: (p.population, -(p.geonameid or 0)),
                                        default=None)
        return self._cities[country]


def read_capitals(gazetteer: Gazetteer) -> CapitalTable:
    data = read_json(resources.files("eventwire") / "data" / "places" / "capitals.json")
    return CapitalTable(data["capitals"], data["adjectives"], frozenset(data["nouns"]), gazetteer)
