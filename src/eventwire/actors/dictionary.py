"""The dated actor dictionary: loaded once from the compiled resource, looked up by token sequence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from eventwire.actors.codes import CodeReader
from eventwire.actors.text import Token
from eventwire.jsondata import long_lived, read_json

RESOURCE = Path(__file__).resolve().parent.parent / "data" / "actors" / "actors.json.gz"
# Names of at most this many letters in one token ("US", "UN", "IS") match only when written in
# capitals: in lower case they are ordinary words ("us", "is").
SHORT_NAME = 3


@dataclass(frozen=True, slots=True)
class DatedRole:
    code: str
    start: str  # ISO date or "" (open)
    end: str  # ISO date or "" (open)
    office: str  # e.g. "head_of_government"; "" when unknown

    def holds_on(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)

    def describe(self) -> str:
        if not self.start and not self.end:
            return self.code
        return f"{self.code} {self.start or '...'}..{self.end or ''}"


@dataclass(frozen=True, slots=True)
class DictionaryActor:
    index: int
    id: str
    name: str
    kind: str  # person, group, igo, ngo, mnc, country
    default: str | None
    roles: tuple[DatedRole, ...]

    def role_on(self, when: dt.date | None) -> tuple[str | None, str]:
        """The code that holds on `when` (today when unknown), and why.

        A country name always gives the country's present code: "Serbia" in 2000 is SRB, not the
        federation of the day, so that one country keeps one code across the data."""
        if self.kind == "country" and self.default:
            return self.default, f"country [{self.default}]"
        day = (when or dt.date.today()).isoformat()
        holding = [r for r in self.roles if r.holds_on(day)]
        if holding:
            role = max(holding, key=lambda r: (r.start, r.end or "9999"))
            return role.code, f"dictionary role [{role.describe()}] valid on {day}"
        if self.default:
            return self.default, f"default code [{self.default}]: no dated role on {day}"
        if self.roles:
            nearest = min(self.roles, key=lambda r: abs(_days(r.start or r.end) - _days(day)))
            code = nearest.code[:3] + "ELI"
            return code, f"no role on {day}; nearest [{nearest.describe()}] gives country, sector ELI"
        return None, "no code"


def _days(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token indices [start, end)
    end: int
    value: object


class PhraseIndex:
    """Longest match of token sequences: the phrase lengths known for each first token, longest first,
    and one lookup of the token sequence per length."""

    def __init__(self, phrases: dict[str, object]):
        self._values: dict[tuple[str, ...], object] = {}
        lengths: dict[str, set[int]] = {}
        for phrase, value in phrases.items():
            words = tuple(phrase.split())
            self._values.setdefault(words, value)  # the first phrase listed wins, as it always did
            lengths.setdefault(words[0], set()).add(len(words))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}

    @property
    def first_words(self) -> frozenset[str]:
        """The words a phrase of the index begins with: no match starts at any other."""
        return frozenset(self._lengths)

    def __contains__(self, words: tuple[str, ...]) -> bool:
        """Whether the lower-case word sequence is a phrase of the index."""
        return words in self._values

    def match_at(self, tokens: list[Token], i: int) -> Match | None:
        lengths = self._lengths.get(tokens[i].norm)
        if not lengths:
            return None
        for n in lengths:
            if i + n <= len(tokens):
                value = self._values.get(tuple([t.norm for t in tokens[i:i + n]]), _ABSENT)
                if value is not _ABSENT:
                    return Match(i, i + n, value)
        return None


_ABSENT = object()


class ActorDictionary:
    def __init__(self, data: dict):
        self.codes = CodeReader(data["country_codes"], frozenset(data["regions"]))
        self.country_names: dict[str, str] = data["country_names"]
        self._raw_actors = data["actors"]
        self._person_keys: list[str] = data["person_keys"]  # phrase_key of each person's name, "" for others
        self._actors: dict[int, DictionaryActor] = {}
        self.names = PhraseIndex(data["names"])
        self.peoples = PhraseIndex({key: tuple(value) for key, value in data["peoples"].items()})
        self.capitals = frozenset(data["capitals"])
        self.agents = PhraseIndex(data["agents"])
        self.weak_agents = frozenset(data["weak_agents"])
        self.titles = PhraseIndex(data["titles"])
        self.offices = self._office_index()
        # words a name, a people or a title begins with: a mention can start at no other word
        self.mention_starts = self.names.first_words | self.peoples.first_words | self.titles.first_words
        # last word of a person's name -> (first word, index of the person); built on first use
        self._by_last_word: dict[str, list[tuple[str, int]]] | None = None

    def actor(self, index: int) -> DictionaryActor:
        """Entries are built when first needed: most of the 26k are never matched in a run."""
        found = self._actors.get(index)
        if found is None:
            aid, name, kind, default, roles = self._raw_actors[index]
            found = DictionaryActor(index, aid, name, kind, default, tuple(DatedRole(*r) for r in roles))
            self._actors[index] = found
        return found

    def _office_index(self) -> dict[tuple[str, str], list[tuple[DatedRole, DictionaryActor]]]:
        """(country or IGO code, office) -> holders, for "the prime minister" with no name in the article."""
        offices: dict[tuple[str, str], list[tuple[DatedRole, DictionaryActor]]] = {}
        for index, raw in enumerate(self._raw_actors):
            if any(role[3] for role in raw[4]):
                actor = self.actor(index)
                for role in actor.roles:
                    if role.office:
                        owner = self.codes.split(role.code).country or role.code[:6]
                        offices.setdefault((owner, role.office), []).append((role, actor))
        return offices

    def actor_at(self, tokens: list[Token], i: int) -> Match | None:
        """A dictionary name starting at token i; names start with a capital, short ones are all capitals."""
        first = tokens[i]
        if not first.capitalized:
            return None
        match = self.names.match_at(tokens, i)
        if match is None:
            return None
        if match.end - match.start == 1 and len(first.norm) <= SHORT_NAME and not first.upper:
            return None
        return Match(match.start, match.end, self.actor(match.value))

    def people_at(self, tokens: list[Token], i: int) -> Match | None:
        """A noun for a people starting at token i ("Nigerians", "Kurds"): value (ISO3, ethnic)."""
        return self.peoples.match_at(tokens, i) if tokens[i].capitalized else None

    def person_by_name_parts(self, words: list[str]) -> DictionaryActor | None:
        """A known person whose canonical name has the same last word and the same first word
        ("Omar El Bashir" -> "Omar Hassan Ahmad al Bashir"); None when that is ambiguous."""
        if self._by_last_word is None:
            index: dict[str, list[tuple[str, int]]] = {}
            for i, key in enumerate(self._person_keys):
                if key:
                    index.setdefault(key.rsplit(" ", 1)[-1], []).append((key.split(" ", 1)[0], i))
            self._by_last_word = index
        matches = (self.actor(i) for first, i in self._by_last_word.get(words[-1], ()) if first == words[0])
        found = {a.id: a for a in matches}
        return next(iter(found.values())) if len(found) == 1 else None

    def office_holder(self, owner: str, office: str, when: dt.date | None) -> DictionaryActor | None:
        day = (when or dt.date.today()).isoformat()
        holders = [(role, actor) for role, actor in self.offices.get((owner, office), ())
                   if role.holds_on(day)]
        if not holders:
            return None
        return max(holders, key=lambda item: item[0].start)[1]


def read_dictionary() -> ActorDictionary:
    """The shipped actor dictionary (a second or two: eventwire.resources keeps one)."""
    with long_lived():
        return ActorDictionary(read_json(RESOURCE))
