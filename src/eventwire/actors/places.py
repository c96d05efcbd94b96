"""Place name -> country, through the places stage's gazetteer when it is installed.

The gazetteer is optional here: without it, "protesters in Gjilan" simply gets no country.

An actor's country is read from a place only when the place is one news would name that way: a
country, territory, region or province, or a town of some size whose own name is the word. Small
towns and alternate spellings would turn common words and person names into places ("Kim",
"Arab", "Vice", "One"), so they give no country; the places stage still locates events in them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.places.gazetteer import Gazetteer

# A town gives an actor a country from this population on ("Bakhmut residents"); smaller ones
# share their names with people and common words.
MIN_TOWN_POPULATION = 50_000
# Reached only through an alternate name ("Haan" under "Khan"), a town must be this large.
MIN_ALTERNATE_POPULATION = 100_000


class PlaceLookup:
    """The country of a place name, through `gazetteer`; None: no gazetteer, so no country from places.
    `capital_nouns`: the words that name a country's capital ("the capital"), from the places stage."""

    def __init__(self, gazetteer: Gazetteer | None, capital_nouns: frozenset[str] = frozenset()):
        self.gazetteer = gazetteer
        self.capital_nouns = capital_nouns

    def country_of(self, name: str) -> str | None:
        if self.gazetteer is None or not name[:1].isupper():
            return None
        place = self.gazetteer.lookup(name)
        if place is None or not names_actor_country(name, place):
            return None
        return place.country


def names_actor_country(name: str, place) -> bool:
    """Does a capitalised word in an actor phrase name this place (and so its country)?"""
    if place.kind != "city":
        return True
    from eventwire.places.gazetteer import normalize_name  # the gazetteer is optional, see above

    own_name = normalize_name(place.name) == normalize_name(name)
    return place.population >= (MIN_TOWN_POPULATION if own_name else MIN_ALTERNATE_POPULATION)
