"""Place name -> country, through the places stage's gazetteer when it is installed.

The gazetteer is optional here: without it, "protesters in Gjilan" simply gets no country.
"""

from __future__ import annotations

from functools import lru_cache


class PlaceLookup:
    def country_of(self, name: str) -> str | None:
        gazetteer = _gazetteer()
        if gazetteer is None or not name[:1].isupper():
            return None
        place = gazetteer.lookup(name)
        return getattr(place, "country", None) if place is not None else None


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        from eventwire.places.gazetteer import load_gazetteer
    except ImportError:
        return None
    return load_gazetteer()
