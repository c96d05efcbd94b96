"""What was asked for, denied or suffered in an accident is not the act it names.

- "The army denied targeting civilians": a rejection (REJECT) by the army, never an attack.
- "Protesters chanted for the president to resign": a demand (REQUEST) by the protesters of the
  president, never a resignation.
- "Twelve people were killed when their bus fell off a bridge", "died in a flood": casualties of an
  accident or a disaster, never an attack.

Read from the dependency parse around the trigger; the word lists are in data/verbs/stance.json.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.events.arguments import clause_subject
from eventwire.events.lexicon import cameo_of, quad_class_of
from eventwire.jsondata import read_json

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.events.classify import Classification

# Links by which a denied act hangs under the denial: "denied (targeting)", "denied that it (attacked)",
# "denied involvement in (attacking)".
_DENIED_LINKS = {"xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep"}
_MAX_HOPS = 3
# Links of the clause or phrase that tells how casualties came about: "killed (when) the bus fell",
# "died (in) a flood", "killed (after) the volcano erupted".
_CIRCUMSTANCE_LINKS = {"advcl", "prep", "agent"}
_CASUALTY_TYPES = frozenset({"ASSAULT", "COERCE"})


@dataclass(frozen=True)
class StanceWords:
    denial_verbs: frozenset[str]
    accident_words: frozenset[str]
    plural_references: frozenset[str]  # "the two leaders", "both sides": the parties named before
    credit_lines: tuple[str, ...]  # "X contributed to this report": a byline, never an event
    wish_verbs: frozenset[str]  # "Kenya wants to close the camps": a wish, not an act
    attack_words: frozenset[str]  # "killed in a car bombing": an attack, whatever vehicle it names


def read_stance_words() -> StanceWords:
    raw = read_json(resources.files("eventwire") / "data" / "verbs" / "stance.json")
    return StanceWords(frozenset(raw["denial_verbs"]), frozenset(raw["accident_words"]),
                       frozenset(raw["plural_references"]), tuple(raw["credit_lines"]),
                       frozenset(raw["wish_verbs"]), frozenset(raw["attack_words"]))


def background_clause(head: Token) -> Token | None:
    """The relative pronoun of a background clause holding the trigger: ", who headed the mission",
    ", which intervened in 2015" (set off by a comma, in the past): history told about someone, not
    the news of the sentence."""
    node = head
    for _ in range(_MAX_HOPS):
        if node.dep_ == "relcl":
            break
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    else:
        return None
    pronoun = next((c for c in node.children if c.lower_ in ("who", "which")), None)
    past = node.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have")
                                               for c in node.children)
    set_off = node.doc[node.head.i + 1].text == "," if node.head.i + 1 < len(node.doc) else False
    return pronoun if pronoun is not None and past and set_off else None


def is_credit_line(text: str, words: StanceWords) -> bool:
    lowered = text.lower()
    return any(line in lowered for line in words.credit_lines)


def is_plural_reference(text: str, words: StanceWords) -> bool:
    """ "the two leaders", "both sides", "The allies": a reference to parties already named."""
    lowered = " ".join(text.lower().split())
    for article in ("the ", "their ", "its "):
        lowered = lowered.removeprefix(article)
    return lowered in words.plural_references


def denial_of(head: Token, words: StanceWords) -> Token | None:
    """The denial verb above an act ("denied (attacking)"), or None."""
    node = head
    for _ in range(_MAX_HOPS):
        if node.head.i == node.i or node.dep_ not in _DENIED_LINKS:
            return None
        node = node.head
        if node.lemma_.lower() in words.denial_verbs:
            return node
    return None


def as_type(classification: Classification, event_type: str) -> Classification:
    code = cameo_of(event_type)
    return replace(classification, event_type=event_type, mode=None, cameo=code,
                   quad_class=quad_class_of(code))


@dataclass(frozen=True)
class Demand:
    asker: Token | None  # who asks: the subject of the verb the request hangs on
    asked: Token  # who is asked to act
    verb: Token  # the verb the request hangs on ("chanted", "pressed")


def demanded(head: Token) -> Demand | None:
    """'... for X to (act)': an infinitive whose own subject 'for' introduces is asked for. The parse
    gives either 'for' and the subject under the infinitive, or 'for X' beside it on the verb above."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) or head.head.i == head.i:
        return None
    verb = head.head
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in head.children)
    if subject is None or not marked:
        subject = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < head.i
                        for o in p.children if o.dep_ == "pobj"), None)
    if subject is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    asker, _ = clause_subject(verb)
    return Demand(asker, subject, verb)


def accident_of(head: Token, source_found: bool, event_type: str, words: StanceWords) -> Token | None:
    """The word that makes casualties with no attacker an accident or a disaster, or None."""
    if source_found or event_type not in _CASUALTY_TYPES:
        return None
    for child in head.children:
        if child.dep_ in _CIRCUMSTANCE_LINKS:
            subtree = list(child.subtree)
            if any(t.lemma_.lower() in words.attack_words or t.lower_ in words.attack_words for t in subtree):
                continue  # "killed in a car bombing", "died in a rocket attack"
            for token in subtree:
                if token.lemma_.lower() in words.accident_words or token.lower_ in words.accident_words:
                    return token
    return None
