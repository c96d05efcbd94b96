"""The article gate: which of a whole article's coded events a human coder of the article records.

The sentence decisions (events/learned.py) judge an event's type within its sentence, from sentence
labels. On whole articles most wrong events have a plausible type and fail elsewhere: an actor the
coder could not find (an event with no target is right about one time in ten on the development
articles), a background act, a quoted opinion. This gate scores every event of a multi-sentence
document, once the article is coded, with the probability that it matches an event a coder of the
article labelled (type, source and target country, date: evaluate/articles.py), and drops those below
its threshold. A logistic regression over what the coder already knows about the event: its type and
flags, which roles it filled and with countries or not, its sentence confidence, where it stands in
the article, how its date relates to the publication date, and the kinds of reasons the coder gave for
each field (the reason's first words, quoted words and numbers folded).

It is trained only on coded articles (models/train_article.py, docs/decisions.md, "Article roles and
the article gate"). Its threshold is chosen out of fold and is 0 unless dropping gains enough there: the
shipped gate (retrained on 173 articles) drops nothing and only states each event's probability. A
one-sentence document is never gated: the gate knows nothing of a sentence alone. Historical acts pass
untouched (they are already below the reported events and not counted).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire import linear
from eventwire.actors.located import BODY_SECTORS
from eventwire.jsondata import read_json
from eventwire.records import Actor, Event, Reason

MODEL_FILE = "article_gate.json"
_QUOTED = re.compile(r"'[^']*'")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CODE = re.compile(r"(?<=country )[A-Z]{3}\b|(?<=-> )[A-Z]{3,}\b")  # "country IND", "-> USAGOV"
REASON_WORDS = 4  # a reason's kind: its field and first words


def reason_kind(reason: Reason) -> str:
    """A reason's kind without its particulars (quoted words, numbers, country and actor codes):
    "source:source Q (subject of" for "source 'the army' (subject of 'shelled')", "target:country C
    from Q" for "country IND from 'New Delhi'"."""
    folded = _CODE.sub("C", _NUMBER.sub("N", _QUOTED.sub("Q", str(reason))))
    return f"{reason.field}:{' '.join(folded.split()[:REASON_WORDS])}"


def sides(actors: list[Actor]) -> frozenset[str]:
    """The countries or international bodies the actors stand for (what an article coder records)."""
    return frozenset(side for a in actors if (side := a.country or _body(a)))


def _body(actor: Actor) -> str | None:
    """The international body an actor of no country is (the sector, else its code's first letters)."""
    return next((b for b in (actor.sector, (actor.code or "")[:3]) if b in BODY_SECTORS), None)


def _sentence_place(index: int) -> str:
    if index <= 1:
        return "lead"
    return "early" if index <= 4 else "middle" if index <= 9 else "late"


def _days_before(event: Event, published: dt.date | None) -> str:
    """How long before publication the event is dated (its own date, not one it took from elsewhere)."""
    if event.date.value is None or published is None:
        return "none"
    days = (published - event.date.value).days
    if days < 0:
        return "after"
    return "same day" if days == 0 else "week" if days <= 7 else "month" if days <= 31 else "older"


def event_features(event: Event, published: dt.date | None, in_sentence: list[Event]) -> dict[str, float]:
    """The features of one coded event; `in_sentence` are the article's events coded in its sentence."""
    source, target = sides(event.source), sides(event.target)
    features = {f"type={event.event_type}": 1.0, "confidence": event.confidence,
                "negated": float(event.negated), "hypothetical": float(event.hypothetical),
                "future": float(event.future), "reported": float(event.reported_by is not None),
                "has source": float(bool(event.source)), "has target": float(bool(event.target)),
                "source country": float(bool(source)), "target country": float(bool(target)),
                "one country": float(bool(source) and source == target),
                f"no target country, {event.event_type}": float(not target),
                f"sentence {_sentence_place(event.sentence.index)}": 1.0,
                f"dated {_days_before(event, published)}": 1.0,
                "events in sentence": min(len(in_sentence), 4) / 4,
                "main of sentence": float(max(in_sentence, key=lambda e: e.confidence) is event)}
    features.update((f"reason {reason_kind(r)}", 1.0) for r in event.reasons)
    return features


def article_features(events: list[Event], published: dt.date | None) -> list[dict[str, float]]:
    """The features of every event of an article, as coded before the gate."""
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        if not event.historical:
            by_sentence.setdefault(event.sentence.index, []).append(event)
    return [event_features(e, published, by_sentence.get(e.sentence.index, [e])) for e in events]


@dataclass(frozen=True)
class ArticleGate:
    """Weights of the known features (a feature the model does not know weighs nothing)."""

    weights: dict[str, float]
    bias: float
    threshold: float  # a probability: an event below it is dropped

    @classmethod
    def from_dict(cls, data: dict) -> ArticleGate:
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))

    def probability(self, features: dict[str, float]) -> float:
        return linear.sigmoid(linear.margin(self.weights, self.bias, features))

    def keep(self, events: list[Event], published: dt.date | None) -> list[Event]:
        """The events a coder of the whole article would record, each kept one with a reason that says
        so (copies: the events given are left as they were)."""
        kept = []
        for event, features in zip(events, article_features(events, published)):
            if event.historical:
                kept.append(event)
                continue
            chance = self.probability(features)
            if chance >= self.threshold:
                why = f"article gate: {chance:.2f} that a coder of the whole article records it"
                kept_from = f" (kept from {self.threshold:.2f})" if self.threshold > 0 else ""
                reasons = [*event.reasons, Reason("confidence", why + kept_from)]
                kept.append(dataclasses.replace(event, reasons=reasons))
        return kept


class KeepEvery:
    """No article gate: every coded event is kept (the rules alone)."""

    def keep(self, events: list[Event], published: dt.date | None) -> list[Event]:
        return events


def read_article_gate(path: Path | None = None) -> ArticleGate:
    """The gate at `path`, by default the shipped data/events/article_gate.json."""
    path = path or resources.files("eventwire") / "data" / "events" / MODEL_FILE
    return ArticleGate.from_dict(read_json(path))
