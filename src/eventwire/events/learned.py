"""Learned decisions over the rules' events: does the sentence report this act, which event is the
main one, and how sure we are.

The rules find candidate events; one small logistic regression (weights in
data/events/decisions.json, trained by models/train_decisions.py on the real-news dev labels and the
training sentence set, never on a test split) scores each candidate: the probability that a reader
labelling the sentence would give it this event's type. That probability, Platt-calibrated on
cross-validated scores by the sentence's context (inside an article or alone), becomes the event's
confidence, so the highest-confidence event of a sentence is its main event; a sentence whose best
candidate falls below the gate's threshold loses all its events (most such sentences are statements,
background or analysis coded as acts). The threshold is chosen by the event F1 of news sentences, so
a true act dropped costs as much as a false one kept (docs/decisions.md).

Inference is plain Python over a few dozen sparse features read from the parse the coder already
made: no per-sentence model call, a few microseconds per event.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from eventwire import linear
from eventwire.records import Event, Reason, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.events.modality import ModalityWords

MODEL_FILE = "decisions.json"
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_CLAUSE_LINKS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj",
                           "dobj", "nsubj", "nsubjpass", "parataxis", "prep"})
_PASSIVE_LINKS = frozenset({"auxpass", "nsubjpass"})
_SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass", "agent"})
_GOVERNED_LINKS = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "dobj", "acl", "relcl"})


@dataclass(frozen=True)
class Platt:
    """A Platt calibration of a margin: p = sigmoid(slope * margin + offset)."""

    slope: float
    offset: float

    @classmethod
    def from_dict(cls, data: dict) -> Platt:
        return cls(slope=data["slope"], offset=data["offset"])

    def probability(self, margin: float) -> float:
        return linear.sigmoid(self.slope * margin + self.offset)


# The contexts the confidence is calibrated by, known when a sentence is coded: told inside a document
# of several sentences (an article) or as a document of its own. Unseen news mixes both, and the same
# margin is not right equally often in both (docs/decisions.md, "Calibration").
ARTICLE, ALONE = "article", "alone"


@dataclass(frozen=True)
class DecisionModel:
    """A logistic regression over sparse named features, with two calibrations of its margin: the
    gate's (its threshold is in that probability) and the confidence's, by context."""

    weights: dict[str, float]
    intercept: float
    gate: Platt
    threshold: float  # gate probability below which a sentence's candidates are dropped
    confidence: dict[str, Platt]  # ARTICLE or ALONE -> the calibration of the events' confidence

    @classmethod
    def from_dict(cls, data: dict) -> DecisionModel:
        return cls(weights=data["weights"], intercept=data["intercept"], gate=Platt.from_dict(data["gate"]),
                   threshold=data["gate"]["threshold"],
                   confidence={context: Platt.from_dict(data["confidence"][context])
                               for context in (ARTICLE, ALONE)})

    def margin(self, features: dict[str, float]) -> float:
        return linear.margin(self.weights, self.intercept, features)

    def keeps(self, margins: list[float]) -> bool:
        """Whether a sentence with these candidate margins reports an act: its best one passes the gate."""
        return bool(margins) and self.gate.probability(max(margins)) >= self.threshold

    def confidence_of(self, margin: float, alone: bool) -> float:
        return self.confidence[ALONE if alone else ARTICLE].probability(margin)


class Decisions(Protocol):
    def decide(self, sentence: Sentence, parsed: Doc, events: list[Event], alone: bool) -> list[Event]:
        """The events kept, with their confidence; `alone`: the sentence is its document's only one."""


class RuleDecisions:
    """The rules alone: every candidate event kept with the rules' own confidence."""

    def decide(self, sentence: Sentence, parsed: Doc, events: list[Event], alone: bool) -> list[Event]:
        return events


class LearnedDecisions:
    """Rescores a sentence's candidate events with the model.

    When even the best candidate falls below the gate's threshold the sentence is read as reporting
    no act, and all its candidates are dropped; otherwise every candidate is kept with its calibrated
    probability as confidence (a second act told beside the main one keeps a lower confidence
    rather than disappearing). The confidence's calibration depends only on the sentence's context,
    the same for all its candidates, so the main event is the model's best whatever the context.
    """

    def __init__(self, model: DecisionModel, words: ModalityWords):
        self.model = model
        self.words = words

    def decide(self, sentence: Sentence, parsed: Doc, events: list[Event], alone: bool) -> list[Event]:
        margins = [self.model.margin(f) for f in sentence_features(sentence, parsed, events, self.words)]
        if not self.model.keeps(margins):
            return []
        scores = [self.model.confidence_of(m, alone) for m in margins]
        return [replace(event, confidence=p, reasons=[*event.reasons, _reason(event, p)])
                for event, p in zip(events, scores)]


def _reason(event: Event, probability: float) -> Reason:
    return Reason("confidence", f"learned confidence {probability:.2f} (rules {event.confidence:.2f}): "
                                "probability that the sentence reports this type of act")


def read_decisions(words: ModalityWords, path: Path | None = None) -> LearnedDecisions:
    """The decisions model at `path`, by default the shipped data/events/decisions.json; `words` are those
    its features read."""
    path = path or resources.files("eventwire") / "data" / "events" / MODEL_FILE
    return LearnedDecisions(DecisionModel.from_dict(json.loads(path.read_text(encoding="utf-8"))), words)


# --------------------------------------------------------------------------- features

def sentence_features(sentence: Sentence, parsed: Doc, events: list[Event],
                      words: ModalityWords) -> list[dict[str, float]]:
    """One feature dict per candidate event of the sentence, in the events' order.

    Each event's own evidence (type, the rules' confidence, actors, modality, the trigger's place
    in the parse, the clause that tells it) plus what the sentence says around it (reporting verb
    at the root, modals, a question, quotes, how many other candidates compete with it). Where the
    sentence sits in its article is left out on purpose: it helped little on dev and taught the
    model that a sentence coded alone (position 0) is a weak one.
    """
    shared = _sentence_cues(sentence, parsed, len(events), words)
    best = max(e.confidence for e in events) if events else 0.0
    types = {e.event_type for e in events}
    out = []
    for event in events:
        features = dict(shared)
        features.update(_event_cues(event, sentence, parsed, words))
        features["rules top"] = float(event.confidence >= best)
        features["rules below top"] = best - event.confidence
        features["types in sentence"] = float(len(types))
        out.append(features)
    return out


def _sentence_cues(sentence: Sentence, parsed: Doc, candidates: int, cue_words: ModalityWords) \
        -> dict[str, float]:
    """Read from the text and the root only: walking every token of the parse costs more than the model."""
    text = sentence.text
    words = set(_WORD.findall(text.lower()))
    cues = {
        "candidates": float(min(candidates, 4)),
        "tokens/40": min(len(parsed), 80) / 40.0,
        "question": float(text.rstrip().endswith("?")),
        "quote": float(any(q in text for q in ('"', "\u201c", "\u201d"))),
        "modal in sentence": float(not words.isdisjoint(cue_words.sentence_modals)),
        "if in sentence": float(not words.isdisjoint(cue_words.sentence_conditions)),
        "number in sentence": float(_DIGIT.search(text) is not None),
    }
    if len(parsed):
        root = _root(parsed[0])
        cues[f"root tag={root.tag_}"] = 1.0
        cues["root reporting verb"] = float(root.lemma_.lower() in cue_words.reporting_verbs)
    return cues


def _event_cues(event: Event, sentence: Sentence, parsed: Doc, words: ModalityWords) -> dict[str, float]:
    cues = {
        f"type={event.event_type}": 1.0,
        f"quad={event.quad_class}": 1.0,
        "rules confidence": event.confidence,
        f"source={_actor_state(event.source)}": 1.0,
        f"target={_actor_state(event.target)}": 1.0,
        "negated": float(event.negated),
        "hypothetical": float(event.hypothetical),
        "future": float(event.future),
        "reported": float(event.reported_by is not None),
        "date resolved": float(event.date.value is not None),
        "location": float(event.location is not None),
    }
    head = _trigger_head(event, sentence, parsed)
    if head is None:
        return cues
    link = head.dep_ if head.dep_ in _CLAUSE_LINKS else "other"
    cues.update({
        f"trigger tag={head.tag_}": 1.0,
        f"trigger link={link}": 1.0,
        f"trigger lemma={head.lemma_.lower()}": 1.0,
        f"type {event.event_type} lemma={head.lemma_.lower()}": 1.0,
        "trigger under reporting verb": float(_under_reporting_verb(head, words.reporting_verbs)),
        "trigger modal": float(any(c.lower_ in words.sentence_modals
                                   for c in head.children if c.dep_ == "aux")),
        "trigger infinitive": float(any(c.lower_ == "to" and c.dep_ == "aux" for c in head.children)),
        "trigger position": head.i / max(len(parsed), 1),
    })
    cues.update(_clause_cues(event, head, sentence))
    return cues


def _clause_cues(event: Event, head: Token, sentence: Sentence) -> dict[str, float]:
    """How the trigger's clause tells the act: the verb it hangs from ("vowed to strike", "denied
    that it struck"), passive voice, an explicit subject, the tense, and whether the trigger stands
    inside a quotation (a speaker's words rather than the reporter's)."""
    cues = {f"mode={event.mode}": 1.0,
            "trigger passive": float(any(c.dep_ in _PASSIVE_LINKS for c in head.children)),
            "trigger subject": float(any(c.dep_ in _SUBJECT_LINKS for c in head.children)),
            "trigger in quotes": float(_quote_marks_before(sentence.text, head.idx) % 2 == 1)}
    tense = head.morph.get("Tense")
    if tense:
        cues[f"trigger tense={tense[0]}"] = 1.0
    if head.dep_ in _GOVERNED_LINKS and head.head.i != head.i:
        cues[f"governor lemma={head.head.lemma_.lower()}"] = 1.0
    return cues


def _quote_marks_before(text: str, offset: int) -> int:
    """Straight double quotes before `offset`, or opening minus closing curly ones."""
    before = text[:offset]
    curly = before.count("\u201c") - before.count("\u201d")
    return curly if "\u201c" in before or "\u201d" in before else before.count('"')


def _actor_state(actors) -> str:
    if not actors:
        return "missing"
    return "known" if any(a.country or a.sector or a.code for a in actors) else "named"


def _trigger_head(event: Event, sentence: Sentence, parsed: Doc) -> Token | None:
    start, end = event.trigger.start - sentence.start, event.trigger.end - sentence.start
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _root(token: Token) -> Token:
    while token.head.i != token.i:
        token = token.head
    return token


def _under_reporting_verb(token: Token, reporting_verbs: frozenset[str]) -> bool:
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in reporting_verbs:
            return True
    return False

