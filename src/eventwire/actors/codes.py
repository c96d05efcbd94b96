"""CAMEO-style actor codes -> (ISO3 country, sector).

A code is a run of three-letter parts: a country or a non-state category first
(`RUS`, `IGO`, `NGO`, `MNC`, `IMG`, regions such as `MEA`), then roles (`GOV`, `MIL`, ...).
Phoenix writes some places with non-ISO codes (`KSV`, `USAPRI`); the build maps them to ISO3.
"""

from __future__ import annotations

from dataclasses import dataclass

# Non-state categories: the sector they imply when no role follows.
CATEGORY_SECTORS = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "REB", "NGM": "REB"}


@dataclass(frozen=True)
class CodeParts:
    country: str | None
    sector: str | None
    code: str  # the code with ISO3 country, e.g. "XKXGOV" for Phoenix "KSVGOV"


class CodeReader:
    def __init__(self, country_codes: dict[str, str], regions: frozenset[str]):
        self._countries = country_codes  # Phoenix code (3 or 6 letters) -> ISO3
        self._regions = regions

    def is_country_code(self, code: str) -> bool:
        return code in self._countries

    def split(self, code: str) -> CodeParts:
        for width in (6, 3):
            prefix = code[:width]
            if len(prefix) == width and prefix in self._countries:
                iso3 = self._countries[prefix]
                rest = code[width:]
                return CodeParts(iso3, rest[:3] or None, iso3 + rest)
        head = code[:3]
        if head in CATEGORY_SECTORS:
            return CodeParts(None, CATEGORY_SECTORS[head], code)
        if head in self._regions:
            return CodeParts(None, code[3:6] or None, code)
        # A role without a country, e.g. Phoenix "[ELI]" for a former UN official.
        return CodeParts(None, head or None, code)
