"""How many: the dead, the injured, the arrested and the crowd of an event (PLOVER's magnitude fields).

A quantity ("12", "twelve", "at least 30", "dozens", "thousands of") counts for the event when the
parse ties it to a word of killing, wounding or arresting ("killed 12 people", "12 people were
killed", "killing five", "the death toll rose to 40") or, for the size of a protest, to the people
taking part ("thousands of protesters marched"). Vague quantities stay ranges, with a reason;
open-ended ones ("at least 30") have no upper bound. Word lists: data/verbs/magnitudes.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.jsondata import read_json
from eventwire.records import Magnitude, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MAX_HOPS = 3
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


@dataclass(frozen=True)
class MagnitudeWords:
    kinds: dict[str, frozenset[str]]  # dead, injured, arrested, size -> lemmas
    kinds_of_type: dict[str, tuple[str, ...]]
    vague: dict[str, tuple[int, int]]
    numbers: dict[str, int]
    at_least: tuple[str, ...]
    approximate: tuple[str, ...]


def read_magnitude_words() -> MagnitudeWords:
    raw = read_json(resources.files("eventwire") / "data" / "verbs" / "magnitudes.json")
    return MagnitudeWords(
        kinds={k: frozenset(raw[k]) for k in ("dead", "injured", "arrested", "size")},
        kinds_of_type={t: tuple(kinds) for t, kinds in raw["kinds_of_type"].items()},
        vague={k: (low, high) for k, (low, high) in raw["vague"].items()},
        numbers=dict(raw["words"]), at_least=tuple(raw["at_least"]), approximate=tuple(raw["approximate"]))


def find_magnitudes(parsed: Doc, sentence: Sentence, event_type: str, trigger: Token,
                    words: MagnitudeWords) -> list[Magnitude]:
    """The magnitudes of the event of `event_type` whose trigger is `trigger`, one per kind."""
    kinds = words.kinds_of_type.get(event_type)
    if not kinds:
        return []
    found: dict[str, Magnitude] = {}
    for token in parsed:
        if not _quantity_head(token, words):
            continue
        kind, anchor = _kind_of(token, kinds, words)
        if kind is None or kind in found or not _same_event(anchor, trigger):
            continue
        magnitude = _read(token, kind, sentence, words)
        if magnitude is not None:
            found[kind] = magnitude
    return [found[k] for k in kinds if k in found]


def _quantity_head(token: Token, words: MagnitudeWords) -> bool:
    lowered = token.lower_
    return (token.like_num or lowered in words.numbers or lowered in words.vague) and not _is_year(token)


def _is_year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100


def _kind_of(quantity: Token, kinds: tuple[str, ...], words: MagnitudeWords) -> tuple[str | None, Token]:
    """The kind the quantity counts and the word that says it: the first word of killing, wounding or
    arresting on the way up the parse from it ("killed (12) villagers", "(five) dead"), else the
    people taking part it counts ("(thousands) of protesters marched")."""
    nodes = []
    node = quantity
    for _ in range(_MAX_HOPS):
        if node.head.i == node.i:
            break
        node = node.head
        nodes.append(node)
    for candidate in nodes + list(quantity.children):
        lemma = candidate.lemma_.lower()
        for kind in kinds:
            if kind != "size" and (lemma in words.kinds[kind] or candidate.lower_ in words.kinds[kind]):
                return kind, candidate
    if "size" in kinds:
        counted = quantity.head if quantity.dep_ in ("nummod", "quantmod") else _of_object(quantity)
        if counted is not None and counted.lemma_.lower() in words.kinds["size"] and counted.dep_ in (
                "nsubj", "nsubjpass", "pobj", "dobj"):
            subject = counted if counted.dep_ != "pobj" else quantity
            return "size", subject.head
    return None, quantity


def _of_object(quantity: Token) -> Token | None:
    """ "thousands (of) protesters": the noun counted after 'of'."""
    prep = next((c for c in quantity.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _same_event(anchor: Token, trigger: Token) -> bool:
    """The word that gives the kind is the trigger, governs it or is governed by it ("killed 12 and
    wounded 30": one attack told by two verbs)."""
    return trigger.i in (anchor.i, anchor.head.i) or trigger.head.i == anchor.i


def _read(quantity: Token, kind: str, sentence: Sentence, words: MagnitudeWords) -> Magnitude | None:
    doc = quantity.doc
    end = quantity.i + 1
    if end < len(doc) and doc[end].like_num:  # "two hundred", "3 million"
        end += 1
    before = doc[max(0, quantity.i - 3):quantity.i].text.lower()
    hedge_low = next((w for w in words.at_least if before == w or before.endswith(" " + w)), None)
    hedge_about = next((w for w in words.approximate if before == w or before.endswith(" " + w)), None)
    hedge = hedge_low or hedge_about
    start = quantity.i - (len(hedge.split()) if hedge else 0)
    span = doc[start:end]
    value, vague = _value(doc[quantity.i:end], words)
    if value is None:
        return None
    low, high = value
    reasons = [f"{kind}: '{span.text}'"]
    if vague:
        reasons.append(f"'{quantity.text}' is vague: kept as the range {low}..{high}")
    if hedge_low is not None:
        high = None
        reasons.append(f"'{hedge_low}': no upper bound")
    elif hedge_about is not None:
        reasons.append(f"'{hedge_about}': an estimate")
    return Magnitude(kind, low, high, span.text, sentence.start + span.start_char,
                     sentence.start + span.end_char, "; ".join(reasons))


def _value(tokens, words: MagnitudeWords) -> tuple[tuple[int, int] | None, bool]:
    text = " ".join(t.lower_ for t in tokens)
    for phrase, bounds in words.vague.items():
        if text == phrase or text.startswith(phrase):
            return bounds, True
    total = None
    for token in tokens:
        lowered = token.lower_
        if _DIGITS.match(lowered):
            number = int(lowered.replace(",", ""))
        elif lowered in words.numbers:
            number = words.numbers[lowered]
        else:
            return None, False
        total = number if total is None else (total * number if number >= 100 else total + number)
    return ((total, total), False) if total is not None else (None, False)
