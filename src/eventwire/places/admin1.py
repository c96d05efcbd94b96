"""The first-level division (admin1: a province, a state) of a resolved place, and how precise a
location is. Data: data/places/admin1.json.gz, compiled by models/build_admin1.py from GeoNames."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from eventwire.jsondata import read_json
from eventwire.places.gazetteer import Place


@dataclass(frozen=True)
class Admin1Table:
    codes: dict[str, str]  # a city's geoname id -> its GeoNames admin1 code ("SY.09")
    names: dict[str, str]  # an admin1 code -> its name, where the data has one (US states)

    def of(self, place: Place) -> tuple[str | None, str | None]:
        """(name, code) of the division `place` lies in, or is; None where the data does not say."""
        if place.kind == "admin1":
            us_state = place.country == "USA"
            code = next((c for c, name in self.names.items() if us_state and name == place.name), None)
            return place.name, code
        code = self.codes.get(str(place.geonameid)) if place.kind == "city" and place.geonameid else None
        return (self.names.get(code) if code else None), code


def read_admin1() -> Admin1Table:
    data = read_json(resources.files("eventwire") / "data" / "places" / "admin1.json.gz")
    return Admin1Table(codes=data["codes"], names=data["names"])
