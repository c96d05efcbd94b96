"""Article roles: the source or target of an event chosen among the article's parties, when its sentence
names none or the article makes another far likelier.

Whole articles often leave an act's target to the reader ("Police detained four marchers" in a story
about Kenya; "the ministry condemned the move" after a paragraph on the country that made it), and the
rules, reading one sentence, sometimes take the wrong side (the country named nearest, not the one the
story is about). For each event and each role, this component reads every party (a country or an
international body) that the article's coded events name, and scores each with a logistic regression
over how the article speaks of it: how often and how prominently it is named, whether it already holds
this role or the other one, the country of the event's place, whether the events of the same or the
previous sentence name it, whether the speaker stands for it, and, for the party the rules chose, which
rule chose it (the kind of its reason). An empty role takes the best party when it scores at least
`fill`; a filled role is replaced only when a party it does not hold scores at least `replace`. Each
change carries a reason that says so. A role held by a first-person pronoun ("we" in a quote) is the
speaker's side, which only the quote's speaker decides (events/quotes.py): it is never changed here.

Trained only on coded articles (models/train_article.py, docs/decisions.md, "Article roles").
A one-sentence document is never changed; historical acts are left alone.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire import linear
from eventwire.actors.located import BODY_SECTORS
from eventwire.events.article_gate import reason_kind, sides
from eventwire.jsondata import read_json
from eventwire.records import Actor, Event, Reason

MODEL_FILE = "article_roles.json"
ROLES = ("target", "source")  # the order they are chosen in: a source's features read the chosen target
RANKS = 3  # parties ranked by how often the article names them: 1st, 2nd, 3rd, then "lower"
OTHER = {"source": "target", "target": "source"}


@dataclass(frozen=True)
class Party:
    """A side the article's events name: its key, how often, and the mention that named it first."""

    key: str
    mentions: int  # as an actor of the article's events (0: named only as the country of a place)
    rank: int  # 1 for the most named
    first: Actor
    in_lead: bool  # named by an event of the article's first two sentences


def article_parties(events: list[Event]) -> list[Party]:
    """Every side the article's coded events name as source, target or speaker, most named first (the
    earliest named first on a tie), then the countries of the events' places that no actor stands for
    (the army position struck near a Syrian town: Syria), each as the place's words."""
    counts: dict[str, int] = {}
    first: dict[str, Actor] = {}
    lead: set[str] = set()
    for event in events:
        for actor in [*event.source, *event.target, *(event.reported_by or [])]:
            for key in sides([actor]):
                counts[key] = counts.get(key, 0) + 1
                if key not in first or actor.start < first[key].start:
                    first[key] = actor
                if event.sentence.index <= 1:
                    lead.add(key)
    ordered = sorted(counts, key=lambda k: (-counts[k], first[k].start))
    parties = [Party(k, counts[k], i + 1, first[k], k in lead) for i, k in enumerate(ordered)]
    for event in events:
        place = event.location
        if place and place.country and place.start is not None and place.country not in first:
            first[place.country] = Actor(place.text, place.start, place.end, name=place.name,
                                         country=place.country)
            parties.append(Party(place.country, 0, len(parties) + 1, first[place.country], False))
    return parties


@dataclass(frozen=True)
class Surroundings:
    """What the events around one event name: the last reported event of an earlier sentence, and the
    sides the other events of its own sentence name."""

    previous: Event | None
    nearby: frozenset[str]


def surroundings(events: list[Event]) -> list[Surroundings]:
    """The surroundings of each of the article's events (in article order)."""
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence.index, []).append(event)
    out, previous, last_of_earlier = [], None, None
    current_sentence = None
    for event in events:
        if event.sentence.index != current_sentence:
            current_sentence, last_of_earlier = event.sentence.index, previous
        out.append(Surroundings(last_of_earlier, frozenset(
            key for other in by_sentence[event.sentence.index] if other is not event
            for key in sides(other.source) | sides(other.target))))
        if not event.historical:
            previous = event
    return out


def _holders(event: Event, role: str) -> list[Actor]:
    return event.source if role == "source" else event.target


def candidate_features(event: Event, role: str, party: Party, parties: list[Party],
                       around: Surroundings) -> dict[str, float]:
    """How the article speaks of `party`, seen from `event`'s `role`."""
    total = sum(p.mentions for p in parties)
    held = sides(_holders(event, role))
    current = party.key in held
    other = party.key in sides(_holders(event, OTHER[role]))
    before = around.previous
    place = event.location.country if event.location else None
    speaker = party.key in sides(event.reported_by or [])
    features = {f"rank {min(party.rank, RANKS + 1)}": 1.0,
                "only a place": float(not party.mentions),
                "share of mentions": party.mentions / total if total else 0.0,
                "only party": float(len(parties) == 1),
                "named in the lead": float(party.in_lead),
                "role empty": float(not held),
                "holds the role": float(current),
                f"holds the role, {event.event_type}": float(current),
                "holds the other role": float(other),
                f"holds the other role, {event.event_type}": float(other),
                "other role empty": float(not sides(_holders(event, OTHER[role]))),
                "place's country": float(place == party.key),
                f"place's country, {event.event_type}": float(place == party.key),
                "speaker's side": float(speaker),
                f"speaker's side, {event.event_type}": float(speaker),
                "same sentence": float(party.key in around.nearby),
                "previous event's target": float(before is not None and party.key in sides(before.target)),
                "previous event's source": float(before is not None and party.key in sides(before.source)),
                "international body": float(party.key in BODY_SECTORS)}
    if current or not held:  # why the rules gave the role to this party, or to none
        kind = "held by the rule" if current else "left empty by the rule"
        features.update((f"{kind} {reason_kind(r)}", 1.0) for r in event.reasons if r.field == role)
    return features


@dataclass(frozen=True)
class RoleModel:
    """Weights of the known features of one role's candidates, and when a candidate is taken."""

    weights: dict[str, float]
    bias: float
    fill: float | None  # an empty role takes the best party scoring at least this (None: never)
    replace: float | None  # a filled role gives way to a party it does not hold scoring at least this

    @classmethod
    def from_dict(cls, data: dict) -> RoleModel:
        def limit(name: str) -> float | None:
            return None if data.get(name) is None else float(data[name])

        return cls(dict(data["weights"]), float(data["bias"]), limit("fill"), limit("replace"))

    def margin(self, features: dict[str, float]) -> float:
        return linear.margin(self.weights, self.bias, features)

    def best(self, event: Event, role: str, parties: list[Party],
             around: Surroundings) -> tuple[Party, float] | None:
        """The party with the highest margin (the first on a tie), and its probability."""
        scored = [(self.margin(candidate_features(event, role, p, parties, around)), -i, p)
                  for i, p in enumerate(parties)]
        if not scored:
            return None
        best, _, party = max(scored)
        return party, linear.sigmoid(best)

    def choose(self, event: Event, role: str, parties: list[Party], around: Surroundings,
               first_person: frozenset[str] = frozenset()) -> Event:
        """The event with `role` given to the likeliest party when the thresholds allow, else unchanged."""
        if not open_to_choice(event, role, first_person):
            return event
        return self.decide(event, role, self.best(event, role, parties, around))

    def decide(self, event: Event, role: str, found: tuple[Party, float] | None) -> Event:
        """The event with `role` given to `found`, the likeliest party and its probability (`best`),
        when the thresholds allow, else unchanged."""
        if found is None:
            return event
        party, chance = found
        held = sides(_holders(event, role))
        limit = self.replace if held else self.fill
        if party.key in held or limit is None or chance < limit:
            return event
        named = f"'{party.first.text}' ({party.key}), named {party.mentions} times in the article"
        told = "no country in its sentence" if not held else f"rather than {', '.join(sorted(held))}"
        why = Reason(role, f"{role} from the article, {told}: {named}, is the likeliest ({chance:.2f})")
        return dataclasses.replace(event, reasons=[*event.reasons, why],
                                   **{role: _holders_of(event, role, party, held)})


def open_to_choice(event: Event, role: str, first_person: frozenset[str] = frozenset()) -> bool:
    """Whether the article may choose the event's `role`: never for a historical act, nor for a role held by
    a first-person pronoun (the speaker's side, which the quote's speaker decides)."""
    own = _holders(event, role)
    return not (event.historical or (own and all(a.text.lower() in first_person for a in own)))


def _holders_of(event: Event, role: str, party: Party, held: frozenset[str]) -> list[Actor]:
    """The role's own phrases given the party's country ("four marchers" of Kenya) when they name no
    side and the party is a country; else the mention that named the party."""
    own = _holders(event, role)
    if own and not held and party.key == party.first.country:
        return [dataclasses.replace(actor, country=party.key) for actor in own]
    return [dataclasses.replace(party.first)]


@dataclass(frozen=True)
class ArticleRoles:
    """One model per role, applied target first, then source; `first_person` are the pronouns that
    stand for a speaker's side (ModalityWords.first_person)."""

    models: dict[str, RoleModel]
    first_person: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, data: dict, first_person: frozenset[str] = frozenset()) -> ArticleRoles:
        return cls({role: RoleModel.from_dict(data[role]) for role in ROLES if role in data}, first_person)

    def assign(self, events: list[Event]) -> list[Event]:
        for role in ROLES:
            if role in self.models:
                events = assign_role(self.models[role], role, events, self.first_person)
        return events


def assign_role(model: RoleModel, role: str, events: list[Event],
                first_person: frozenset[str] = frozenset()) -> list[Event]:
    """The article's events with `role` chosen by `model` among the parties the events name."""
    parties = article_parties(events)
    return [model.choose(event, role, parties, around, first_person)
            for event, around in zip(events, surroundings(events))]


class RulesRoles:
    """No article roles: each event keeps the source and target its sentence gave it (the rules alone)."""

    def assign(self, events: list[Event]) -> list[Event]:
        return events


def read_article_roles(path: Path | None = None, first_person: frozenset[str] = frozenset()) -> ArticleRoles:
    """The models at `path`, by default the shipped data/events/article_roles.json."""
    path = path or resources.files("eventwire") / "data" / "events" / MODEL_FILE
    return ArticleRoles.from_dict(read_json(path), first_person)
