"""CAMEO-style actor codes -> (ISO3 country, sector).

A code is a run of three-letter parts: a country or a non-state category first
(`RUS`, `IGO`, `NGO`, `MNC`, `IMG`, regions such as `MEA`), then roles (`GOV`, `MIL`, ...).
Phoenix writes some places with non-ISO codes (`KSV`, `USAPRI`); the build maps them to ISO3.

The sector is the first role mapped onto the PLOVER primary set, following the conventions of the
PLOVER gold records (the codes stay as Phoenix wrote them): health workers are MED and news media
JRN (Phoenix: HLH, MED), armed non-state fighters REB (Phoenix UAF: militants, militias, gunmen),
clergy REL, generic people CVL, rights groups NGO; a legislature or court coded under the
government (`GOVLEG`, `GOVJUD`) is LEG or JUD.
"""

from __future__ import annotations

from dataclasses import dataclass

# Non-state categories: the sector they imply when no role follows.
CATEGORY_SECTORS = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "REB", "NGM": "REB"}
# Phoenix role -> PLOVER primary sector, where they differ.
PLOVER_SECTORS = {
    "HLH": "MED", "MED": "JRN", "UAF": "REB", "PPL": "CVL", "HRI": "NGO", "SET": "CVL", "ENV": "CVL",
    "CHR": "REL", "CTH": "REL", "MUS": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL", "SHI": "REL",
    "SUN": "REL", "ITH": "REL", "DEV": "GOV",
}
# Attributes that qualify another role but are no sector of their own.
_QUALIFIERS = frozenset({"RAD", "MOD", "INS", "SEP"})


def primary_sector(roles: str) -> str | None:
    """The PLOVER sector of the role part of a code ("GOVLEG" -> LEG, "UAF" -> REB, "HLH" -> MED)."""
    parts = [roles[i:i + 3] for i in range(0, len(roles) - 2, 3)]
    parts = [p for p in parts if p not in _QUALIFIERS] or parts
    if not parts:
        return None
    if parts[0] == "GOV" and len(parts) > 1 and parts[1] in ("LEG", "JUD"):
        return parts[1]
    return PLOVER_SECTORS.get(parts[0], parts[0])


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
                return CodeParts(iso3, primary_sector(rest), iso3 + rest)
        head = code[:3]
        if head in CATEGORY_SECTORS:
            return CodeParts(None, CATEGORY_SECTORS[head], code)
        if head in self._regions:
            return CodeParts(None, primary_sector(code[3:]), code)
        # A role without a country, e.g. Phoenix "[ELI]" for a former UN official.
        return CodeParts(None, primary_sector(code), code)
