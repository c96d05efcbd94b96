"""Place candidates in a parsed sentence and the features that tell the event's place from the others.

Shared by the locator at run time and by models/train_locator.py at build time, so that the
model is trained on exactly the features it sees in use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.places.gazetteer import Gazetteer, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entity labels the small model often gives to place names; kept only when the gazetteer knows the name.
MISLABELLED = {"NORP", "PERSON", "ORG"}
# Nouns that introduce a place: "the town of X", "X province", "in X countryside".
PLACE_NOUNS = {
    "city", "town", "village", "villages", "province", "district", "area", "region", "country", "capital",
    "neighborhood", "neighbourhood", "suburb", "suburbs", "outskirts", "countryside", "settlement",
    "settlements", "governorate", "state", "county", "border", "camp", "valley", "island", "port", "street",
    "streets", "highway", "road", "near", "enclave", "territory", "municipality", "base", "airport",
}
# Lower-case generic nouns after a name are not part of it (annotators mark "Aleppo" in "Aleppo province").
TRAILING_NOUNS = {"province", "provinces", "district", "governorate", "region", "area", "countryside", "town",
                  "village", "villages", "neighborhood", "neighbourhood", "state", "county", "municipality"}
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "into", "across", "around"}
_MAX_PATH = 4
_DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 13, 21)


@dataclass(frozen=True)
class Candidate:
    """A span of the sentence that may name the event's place (token indices, end exclusive)."""

    start: int
    end: int
    text: str
    origin: str  # "ent:GPE", "ent:LOC", "ent:FAC", "relabelled:NORP", "gazetteer", "proper-noun", ...
    place: Place | None


def find_candidates(parsed: Doc, gazetteer: Gazetteer) -> list[Candidate]:
    """Place-like spans: place entities, gazetteer names, and proper nouns after a place preposition."""
    taken: set[int] = set()
    found: list[Candidate] = []

    def add(span: Span, origin: str, place: Place | None) -> None:
        span = _trim(span)
        if len(span) == 0 or taken.intersection(range(span.start, span.end)):
            return
        taken.update(range(span.start, span.end))
        found.append(Candidate(span.start, span.end, span.text, origin, place))

    for ent in parsed.ents:
        if ent.label_ in PLACE_LABELS:
            add(ent, f"ent:{ent.label_}", gazetteer.lookup(_trim(ent).text))
    for ent in parsed.ents:
        if ent.label_ in MISLABELLED:
            place = gazetteer.lookup(_trim(ent).text)
            if place or _after_place_word(ent):
                add(ent, f"relabelled:{ent.label_}", place)
    for mention in gazetteer.find_in_text(parsed.text):
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.pos_ == "PROPN":
            add(span, "gazetteer", mention.place)
    for span in _proper_noun_runs(parsed):
        if not (span.root.ent_type_ and span.root.ent_type_ not in PLACE_LABELS | MISLABELLED):
            origin = "proper-noun" if _after_place_word(span) else "other-proper-noun"
            add(span, origin, gazetteer.lookup(span.text))
    return sorted(found, key=lambda c: c.start)


def _trim(span: Span) -> Span:
    """The name alone: "the West Bank's" -> "West Bank", "Aleppo province" -> "Aleppo"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (span.doc[end - 1].tag_ in {"POS", "."}
                           or span.doc[end - 1].text in TRAILING_NOUNS):
        end -= 1
    return span.doc[start:end]


def _proper_noun_runs(parsed: Doc):
    """Maximal runs of proper nouns (with inner hyphens): "Tal Sha'rah", "Dahiyat al-Assad"."""
    i = 0
    while i < len(parsed):
        if parsed[i].pos_ != "PROPN":
            i += 1
            continue
        j = i + 1
        while j < len(parsed) and (parsed[j].pos_ == "PROPN" or parsed[j].text == "-" and j + 1 < len(parsed)
                                   and parsed[j + 1].pos_ == "PROPN"):
            j += 1
        yield parsed[i:j]
        i = j


def _after_place_word(span: Span) -> bool:
    """True when the span follows a place preposition or a place noun ("in X", "the town of X")."""
    head = span.root.head
    if span.root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS:
        return True
    return span.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS


def candidate_features(parsed: Doc, trigger_index: int, candidate: Candidate, candidates: list[Candidate],
                       distances: list[int] | None = None) -> dict[str, float]:
    """Sparse features of one candidate for one trigger. `distances`: `tree_distances(...)` of the same
    trigger and candidates, when the caller scores every candidate (it is computed here otherwise)."""
    trigger = parsed[trigger_index]
    root = parsed[candidate.start:candidate.end].root
    path_up, path_down = _dependency_path(root, trigger)
    if distances is None:
        distances = tree_distances(parsed, trigger_index, candidates)
    tree_rank = sum(1 for distance in distances if distance < len(path_up) + len(path_down))
    kind = candidate.place.kind if candidate.place else "unknown"
    features = {
        "bias": 1.0,
        f"origin={candidate.origin}": 1.0,
        f"kind={kind}": 1.0,
        f"origin_kind={candidate.origin}|{kind}": 1.0,
        f"dep={root.dep_}": 1.0,
        f"dep_head={root.dep_}|{_head_word(root)}": 1.0,
        f"path_up={'>'.join(path_up[:_MAX_PATH])}": 1.0,
        f"path_len={min(len(path_up) + len(path_down), 6)}": 1.0,
        f"down_len={min(len(path_down), 3)}": 1.0,
        f"side={'before' if candidate.start < trigger_index else 'after'}": 1.0,
        f"distance={_bucket(abs(candidate.start - trigger_index))}": 1.0,
        f"n_candidates={min(len(candidates), 4)}": 1.0,
        f"rank_linear={min(_rank(candidate, candidates, trigger_index, _linear), 2)}": 1.0,
        f"rank_tree={min(tree_rank, 2)}": 1.0,
        f"trigger_pos={trigger.pos_}": 1.0,
        "log_population": math.log10(1 + candidate.place.population) / 7 if candidate.place else 0.0,
    }
    if not path_down:
        features[f"up_to_trigger={'>'.join(path_up[:_MAX_PATH])}"] = 1.0
    preposition = _governing_preposition(root, trigger)
    if preposition:
        features[f"prep={preposition}"] = 1.0
        features[f"prep_down={preposition}|{min(len(path_down), 2)}"] = 1.0
    if root.head.lower_ in PLACE_NOUNS or root.head.head.lower_ in PLACE_NOUNS and root.head.lower_ == "of":
        features["under_place_noun"] = 1.0
    if root.dep_ in {"nsubj", "nsubjpass", "dobj"} and root.head == trigger:
        features[f"argument_of_trigger={root.dep_}"] = 1.0
    return features


def _head_word(token: Token) -> str:
    head = token.head
    return head.lower_ if head.pos_ in {"ADP", "NOUN"} and head.lower_ in PLACE_NOUNS | _PREPOSITIONS \
        else head.pos_


_PREPOSITIONS = PLACE_PREPOSITIONS | {"on", "from", "to", "of", "inside", "through", "along", "towards",
                                      "toward", "between", "off", "over", "by", "against"}


def _dependency_path(token: Token, trigger: Token) -> tuple[list[str], list[str]]:
    """Dependency labels from the candidate up to the common ancestor, and from the trigger up to it."""
    trigger_ancestors = [trigger, *trigger.ancestors]
    # tokens of one sentence compare by index: a dict of positions is much cheaper than Token equality
    position = {t.i: k for k, t in enumerate(trigger_ancestors)}
    up: list[str] = []
    node = token
    while node.i not in position:
        label = f"{node.dep_}:{node.lower_}" if node.pos_ == "ADP" else node.dep_
        up.append(label)
        head = node.head
        if head.i == node.i:
            break
        node = head
    meet = position.get(node.i, len(trigger_ancestors))
    return up, [t.dep_ for t in trigger_ancestors[:meet]]


def _governing_preposition(token: Token, trigger: Token) -> str | None:
    """The nearest preposition above the candidate, within its own noun phrase chain."""
    node = token
    for _ in range(_MAX_PATH):
        if node.head == node or node == trigger:
            return None
        node = node.head
        if node.pos_ == "ADP" and node.lower_ != "of":
            return node.lower_
        if node.pos_ == "VERB":
            return None
    return None


def _linear(candidate: Candidate, trigger_index: int) -> int:
    return abs(candidate.start - trigger_index)


def tree_distances(parsed: Doc, trigger_index: int, candidates: list[Candidate]) -> list[int]:
    """Dependency-path length from the trigger to each candidate."""
    trigger = parsed[trigger_index]
    return [len(up) + len(down) for up, down in
            (_dependency_path(parsed[c.start:c.end].root, trigger) for c in candidates)]


def _rank(candidate: Candidate, candidates: list[Candidate], anchor, measure) -> int:
    own = measure(candidate, anchor)
    return sum(1 for other in candidates if measure(other, anchor) < own)


def _bucket(value: int) -> str:
    for limit in _DISTANCE_BUCKETS:
        if value <= limit:
            return str(limit)
    return "more"
