"""Article targets: a target for an event whose sentence names none, chosen among the article's parties.

Whole articles often leave the target of an act to the reader: "Police detained four marchers" in a
story about Kenya, "the ministry condemned the move" after a paragraph on the country that made it.
The rules fill a target from the sentence's own words only; an event without one is almost never what
a human coder of the article records (about one in ten on the development articles). This component
reads, for each such event, every party (a country or an international body) that the article's other
coded events name, and scores each with a logistic regression over how the article speaks of it: how
often and how prominently it is named, whether it is the event's own source or the country of its
place, whether the events of the same or the previous sentence name it, whether the speaker stands
for it. The best party above the threshold becomes the target, as the mention that named it first,
with a reason that says so.

Trained only on coded articles (models/train_article.py, docs/decisions.md, "Article targets").
A one-sentence document is never filled; historical acts are left alone.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.events.article_gate import sides
from eventwire.jsondata import read_json
from eventwire.records import Actor, Event, Reason

MODEL_FILE = "article_targets.json"
RANKS = 3  # parties ranked by how often the article names them: 1st, 2nd, 3rd, then "lower"


@dataclass(frozen=True)
class Party:
    """A side the article's events name: its key, how often, and the mention that named it first."""

    key: str
    mentions: int
    rank: int  # 1 for the most named
    first: Actor
    in_lead: bool  # named by an event of the article's first two sentences


def article_parties(events: list[Event]) -> list[Party]:
    """Every side the article's coded events name as source, target or speaker, most named first (the
    earliest named first on a tie)."""
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
    return [Party(k, counts[k], i + 1, first[k], k in lead) for i, k in enumerate(ordered)]


def candidate_features(event: Event, party: Party, parties: list[Party],
                       events: list[Event]) -> dict[str, float]:
    """How the article speaks of `party`, seen from `event` (which has no target of its own)."""
    total = sum(p.mentions for p in parties)
    own = party.key in sides(event.source)
    before = [e for e in events if e.sentence.index < event.sentence.index and not e.historical]
    neighbours = [e for e in events if e.sentence.index == event.sentence.index and e is not event]
    place = event.location.country if event.location else None
    return {f"rank {min(party.rank, RANKS + 1)}": 1.0,
            "share of mentions": party.mentions / total if total else 0.0,
            "only party": float(len(parties) == 1),
            "named in the lead": float(party.in_lead),
            "event's source": float(own),
            f"event's source, {event.event_type}": float(own),
            "no source": float(not sides(event.source)),
            "place's country": float(place == party.key),
            f"place's country, {event.event_type}": float(place == party.key),
            "speaker's side": float(party.key in sides(event.reported_by or [])),
            "same sentence": float(any(party.key in sides(e.source) | sides(e.target) for e in neighbours)),
            "previous event's target": float(bool(before) and party.key in sides(before[-1].target)),
            "previous event's source": float(bool(before) and party.key in sides(before[-1].source)),
            "international body": float(not (len(party.key) == 3 and party.key.isalpha()
                                             and party.key not in ("IGO", "NGO", "MNC")))}


def needs_target(event: Event) -> bool:
    return not event.historical and not sides(event.target)


@dataclass(frozen=True)
class ArticleTargets:
    """Weights of the known features; the best party scoring at least `threshold` becomes the target."""

    weights: dict[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict) -> ArticleTargets:
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))

    def probability(self, features: dict[str, float]) -> float:
        margin = self.bias + sum(value * self.weights.get(name, 0.0) for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-margin))

    def best(self, event: Event, parties: list[Party], events: list[Event]) -> tuple[Party, float] | None:
        scored = [(self.probability(candidate_features(event, p, parties, events)), -i, p)
                  for i, p in enumerate(parties)]
        if not scored:
            return None
        chance, _, party = max(scored)
        return party, chance

    def fill(self, events: list[Event]) -> list[Event]:
        """The events, those without a target given the likeliest party of the article when it is
        likely enough; the others unchanged."""
        parties = article_parties(events)
        filled = []
        for event in events:
            found = self.best(event, parties, events) if needs_target(event) else None
            if found is None or found[1] < self.threshold:
                filled.append(event)
                continue
            party, chance = found
            named = f"'{party.first.text}' ({party.key}), named {party.mentions} times in the article"
            filled.append(dataclasses.replace(event, target=_target_of(event, party), reasons=[
                *event.reasons, Reason("target", f"no target country in its sentence: {named}, is its "
                                                 f"likeliest ({chance:.2f})")]))
        return filled


def _target_of(event: Event, party: Party) -> list[Actor]:
    """The event's own target phrases given the party's country ("four marchers" of Kenya), or, when
    its sentence names no target or the party is not a country, the mention that named the party."""
    if event.target and party.key == party.first.country:
        return [dataclasses.replace(actor, country=party.key) for actor in event.target]
    return [dataclasses.replace(party.first)]


class NoArticleTargets:
    """No article targets: an event keeps the target its sentence gave it (the rules alone)."""

    def fill(self, events: list[Event]) -> list[Event]:
        return events


def read_article_targets(path: Path | None = None) -> ArticleTargets:
    """The model at `path`, by default the shipped data/events/article_targets.json."""
    path = path or resources.files("eventwire") / "data" / "events" / MODEL_FILE
    return ArticleTargets.from_dict(read_json(path))
