"""A trigger's readings: the PLOVER types the lexicon can give one trigger word.

"strike" codes an attack by default and a labour strike by some patterns; "take" codes an arrest, a
seizure of territory or a meeting ("take part in talks") by pattern. The rules pick one reading by
the most specific matching pattern; a sense choice weighs the others from the words around the
trigger. This module names the readings (one CAMEO code per type, the lexicon's first) and reads
which lexicon entry a coded event came from.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from eventwire.events.lexicon import LexiconData, plover_of, quad_class_of
from eventwire.records import Event, Reason, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# how the classifier read the trigger (the first word of its reason): only plain verbs and nouns have
# readings of their own; light verbs, modal and intent frames take their code from another word
_TRIGGER_REASON = re.compile(r": (verb|noun) '([^']+)' pattern ")


@dataclass(frozen=True)
class TriggerWord:
    how: str  # "verb" or "noun"
    lemma: str


def trigger_word(event: Event) -> TriggerWord | None:
    """The lexicon word an event was coded from, when it is a plain verb or noun reading."""
    for reason in event.reasons:
        if reason.field == "type" and (found := _TRIGGER_REASON.search(reason)):
            return TriggerWord(found.group(1), found.group(2))
    return None


def readings(data: LexiconData, word: TriggerWord) -> dict[str, str]:
    """PLOVER type -> CAMEO code for every event reading of the word (its default first, then its
    patterns in the lexicon's order; the first code of each type stands for the type)."""
    codes: list[str | None] = []
    if word.how == "verb" and (verb := data.verbs.get(word.lemma)) is not None:
        codes = [verb.cameo, *(p.cameo for p in verb.patterns)]
    elif word.how == "noun" and (noun := data.nouns.get(word.lemma)) is not None:
        codes = [noun.cameo, *(code for _, code in noun.modified)]
    out: dict[str, str] = {}
    for cameo in codes:
        plover = plover_of(cameo) if cameo else None
        if plover is not None:
            out.setdefault(plover[0], cameo)
    return out


# --------------------------------------------------------------------------- the learned choice

_ENTITY_KINDS = {"PERSON": "person", "NORP": "country", "GPE": "country", "LOC": "place", "FAC": "place",
                 "ORG": "organisation"}
_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "INS", "UAF"})
_WINDOW = 3  # words either side of the trigger read as "nearby"


@dataclass(frozen=True)
class SenseModel:
    """A logistic regression scoring (context, reading) pairs: each context feature is conjoined with
    the reading's type, so the same word votes for one reading and against another. A reading replaces
    the rules' choice when its share of the softmax over the word's readings reaches `threshold`."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict) -> SenseModel:
        return cls(weights=data["weights"], intercept=data["intercept"], threshold=data["threshold"])

    def shares(self, context: dict[str, float], types: list[str], chosen: str) -> dict[str, float]:
        """Each reading's softmax share of the margins, for one candidate."""
        margins = {t: self.intercept + sum(self.weights.get(name, 0.0) * value
                                           for name, value in reading_features(context, t, chosen).items())
                   for t in types}
        top = max(margins.values())
        exp = {t: math.exp(m - top) for t, m in margins.items()}
        total = sum(exp.values())
        return {t: v / total for t, v in exp.items()}


def reading_features(context: dict[str, float], reading: str, chosen: str) -> dict[str, float]:
    """The features of one (candidate, reading) pair: the context conjoined with the reading's type."""
    out = {f"{reading}|{name}": value for name, value in context.items()}
    out[f"{reading}|bias"] = 1.0
    out[f"{reading}|rules' choice"] = float(reading == chosen)
    return out


class Sense(Protocol):
    def choose(self, sentence: Sentence, parsed: Doc, events: list[Event]) -> list[Event]: ...


class NoSense:
    """The rules alone: the lexicon's reading stands."""

    def choose(self, sentence: Sentence, parsed: Doc, events: list[Event]) -> list[Event]:
        return events


class LearnedSense:
    """Replaces a plain verb or noun reading by another of the word's readings when the model is sure."""

    def __init__(self, model: SenseModel, lexicon: LexiconData):
        self.model = model
        self.lexicon = lexicon

    def choose(self, sentence: Sentence, parsed: Doc, events: list[Event]) -> list[Event]:
        return [self._choose(event, sentence, parsed) for event in events]

    def _choose(self, event: Event, sentence: Sentence, parsed: Doc) -> Event:
        candidate = sense_candidate(event, sentence, parsed, self.lexicon)
        if candidate is None:
            return event
        word, types, context = candidate
        shares = self.model.shares(context, list(types), event.event_type)
        best = max(shares, key=lambda t: (shares[t], t == event.event_type))
        if best == event.event_type or shares[best] < self.model.threshold:
            return event
        return recoded(event, best, types[best], word, shares[best])


def sense_candidate(event: Event, sentence: Sentence, parsed: Doc,
                    lexicon: LexiconData) -> tuple[TriggerWord, dict[str, str], dict[str, float]] | None:
    """The word, its readings and the trigger's context, for an event whose word has several readings
    and whose type is one of them (a type the coder's later rules gave is left alone)."""
    word = trigger_word(event)
    if word is None:
        return None
    types = readings(lexicon, word)
    if len(types) < 2 or event.event_type not in types:
        return None
    head = trigger_head(event, sentence, parsed)
    if head is None:
        return None
    return word, types, context_features(event, head, word)


def recoded(event: Event, event_type: str, cameo: str, word: TriggerWord, share: float) -> Event:
    plover = plover_of(cameo)
    mode = plover[1] if plover else None
    reason = Reason("type", f"sense model: '{word.lemma}' read as {event_type} (CAMEO {cameo}), not "
                            f"{event.event_type}, from the words around it ({share:.2f} of the readings' "
                            "weight)")
    return replace(event, event_type=event_type, mode=mode, cameo=cameo, quad_class=quad_class_of(cameo),
                   reasons=[*event.reasons, reason])


def read_sense(lexicon: LexiconData, path: Path) -> LearnedSense:
    """The sense model at `path` (a sense.json written by models/train_sense.py; none is shipped)."""
    return LearnedSense(SenseModel.from_dict(json.loads(path.read_text(encoding="utf-8"))), lexicon)


# --------------------------------------------------------------------------- context

def trigger_head(event: Event, sentence: Sentence, parsed: Doc) -> Token | None:
    start, end = event.trigger.start - sentence.start, event.trigger.end - sentence.start
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def context_features(event: Event, head: Token, word: TriggerWord) -> dict[str, float]:
    """What around the trigger tells its sense: the word itself, its subject's and object's heads and
    their kind (person, armed force, country, organisation, thing), its prepositions and their objects,
    the words nearby, and the sectors of the actors the coder resolved."""
    out = {f"word={word.how} {word.lemma}": 1.0, f"passive={_passive(head)}": 1.0}
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "attr", "agent"):
            role = "subject" if child.dep_ == "nsubj" else "object"
            noun = _pobj(child) if child.dep_ == "agent" else child
            if child.dep_ == "agent":
                role = "subject"
            if noun is not None:
                out[f"{role}={noun.lemma_.lower()}"] = 1.0
                out[f"{role} kind={_kind(noun)}"] = 1.0
        elif child.dep_ == "prep":
            prep = child.lower_
            out[f"prep={prep}"] = 1.0
            noun = _pobj(child)
            if noun is not None:
                out[f"prep {prep}={noun.lemma_.lower()}"] = 1.0
                out[f"prep {prep} kind={_kind(noun)}"] = 1.0
        elif child.dep_ == "prt":
            out[f"particle={child.lower_}"] = 1.0
    if head.dep_ in ("amod", "compound") or head.pos_ == "NOUN":
        out[f"governs={head.head.lemma_.lower()}"] = 1.0
    doc = head.doc
    for token in doc[max(0, head.i - _WINDOW):head.i + _WINDOW + 1]:
        if token.i != head.i and token.is_alpha and not token.is_stop:
            out[f"near={token.lemma_.lower()}"] = 1.0
    for role, actors in (("source", event.source), ("target", event.target)):
        for actor in actors:
            if actor.sector:
                out[f"{role} sector={actor.sector}"] = 1.0
                out[f"{role} armed={actor.sector in _ARMED_SECTORS}"] = 1.0
    return out


def _pobj(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), None)


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def _kind(noun: Token) -> str:
    if noun.ent_type_:
        return _ENTITY_KINDS.get(noun.ent_type_, "other name")
    if noun.pos_ == "PRON":
        return "pronoun"
    return "thing" if noun.pos_ in ("NOUN", "PROPN") else "other"
