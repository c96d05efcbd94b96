"""The country of an unnamed agent from the scene of its event, when the article names no country.

"Police arrested five men in Peshawar", alone or in an article that names no country: the police are
Pakistan's, as a reader takes them. The article's main country, when there is one, is the fallback
(actors.resolve); this only fills what it leaves empty. Named actors keep what their entry says, with
one exception: the fighters of an armed group with no country of its own ("Islamic State militants were
killed near Mosul", "police arrested members of the Islamic State in Lima") act as its local branch,
of the country of the place named as the scene of that one event (`local_branch`); the group's entry
itself stays without a country.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.actors.context import ArticleContext
from eventwire.records import Actor, Location

# Sectors of bodies that belong to no country: never given one from a place.
BODY_SECTORS = frozenset({"IGO", "NGO", "MNC"})
# Sectors of agents that act where they live: the police, courts, protesters, students, residents, the
# press, doctors, workers, clergy, traders, criminals.
_LOCAL_SECTORS = frozenset({"COP", "JUD", "OPP", "CVL", "EDU", "MED", "HLH", "LAB", "REL", "BUS", "CRM",
                            "AGR", "REF", "HRI"})
# Sectors of a dictionary group that, without a country, fights wherever it has a branch.
_STATELESS_GROUP_SECTORS = frozenset({"REB"})


def with_place_country(actors: list[Actor], location: Location | None,
                       context: ArticleContext | None) -> tuple[list[Actor], list[str]]:
    """`actors` with the country of the event's scene given to the unnamed agents that have none, and why.
    The scene is the event's location, else the place its sentence names when all it names lies in one
    country (places.locate); only a place named in the text (not a dateline), and only when the article
    names no country."""
    if location is None or location.start is None or not location.country:
        return actors, []
    if context is not None and context.main_country:
        return actors, []
    found, reasons = [], []
    for actor in actors:
        if _takes_place_country(actor):
            actor = replace(actor, country=location.country, code=location.country + actor.sector)
            reasons.append(f"'{actor.text}' names no country, nor does the article: the country "
                           f"{location.country} of the event's scene '{location.text}'")
        found.append(actor)
    return found, reasons


def at_the_scene(actors: list[Actor], guessed: frozenset[int],
                 location: Location | None) -> tuple[list[Actor], list[str]]:
    """`actors` with the local agents (police, courts, protesters, students: `_LOCAL_SECTORS`) whose
    country was only the article's main country, taken instead from the scene named in the text when it
    lies in another country, and why: "In Seoul, police detained 16 students" in a story about Japan.
    `guessed` holds the starts of the actors whose country is that guess. Armed forces and governments
    act abroad (troops near a foreign town, a ministry summoning an envoy there): they keep the guess."""
    if location is None or location.start is None or not location.country or not guessed:
        return actors, []
    found, reasons = [], []
    for actor in actors:
        if actor.start in guessed and actor.id is None and (actor.sector or "")[:3] in _LOCAL_SECTORS \
                and actor.country != location.country:
            reasons.append(f"'{actor.text}' names no country: of {location.country}, where the act took "
                           f"place ('{location.text}'), not the article's main country {actor.country}")
            actor = replace(actor, country=location.country, code=location.country + (actor.sector or ""))
        found.append(actor)
    return found, reasons


def local_branch(actors: list[Actor], location: Location | None) -> tuple[list[Actor], list[str]]:
    """`actors` with the armed groups that have no country of their own (a dictionary entry of sector
    REB without a country: "Islamic State", "al-Qaida") given the country of the event's scene, named in
    the text, and why. An article's main country never stands in for the scene here."""
    if location is None or location.start is None or not location.country:
        return actors, []
    found, reasons = [], []
    for actor in actors:
        if actor.country is None and actor.id is not None and actor.sector in _STATELESS_GROUP_SECTORS:
            actor = replace(actor, country=location.country)
            reasons.append(f"'{actor.text}' is a group of no country acting at '{location.text}': its local "
                           f"branch, of {location.country}")
        found.append(actor)
    return found, reasons


def _takes_place_country(actor: Actor) -> bool:
    return (actor.country is None and actor.id is None and bool(actor.sector)
            and actor.sector not in BODY_SECTORS and (actor.code or "")[:3] not in BODY_SECTORS)
