"""Repairs of parses the small English model gets wrong in a way the event rules cannot read around.

"Name verbed Name": after a fronted time phrase ("Earlier this month, Leader A hosted Leader B in the
capital") the parser may make the whole clause one noun phrase, the second name its root, the first name
a modifier of it and the verb an adjective ("hosted" as amod, like "ousted" in "ousted president"). With
no verb as the predicate, no rule sees the act. The repair gives the clause back its verb.

"Verbed to X and verbed": in "the president threatened to impose sanctions and called on the generals to
resign" the parser may join the second finite verb ("called", past tense) to the infinitive ("impose"), as
if it too were threatened. An infinitive has no past-tense coordinate: the repair joins the finite verb to
the verb above the infinitive, so its act is read as told, not as part of the threat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

REPAIR_PIPE = "eventwire_parse_repair"

_PARTICIPLE_TAGS = {"VBD", "VBN"}
_NAME_MODIFIER_DEPS = {"nmod", "compound", "nsubj"}


@Language.component(REPAIR_PIPE)
def repair_parse(doc: Doc) -> Doc:
    """Every repair, in place, on one parsed text."""
    for sentence in doc.sents:
        verb = _verb_between_names(sentence.root)
        if verb is not None:
            _make_predicate(verb, sentence.root)
        for finite in [t for t in sentence if _finite_joined_to_infinitive(t)]:
            _join_above(finite)
    return doc


def _finite_joined_to_infinitive(verb: Token) -> bool:
    """ "threatened to impose sanctions and (called) on ...": a past-tense verb the parser coordinated with
    a "to" infinitive that hangs on another verb."""
    infinitive = verb.head
    return (verb.dep_ == "conj" and verb.tag_ == "VBD" and infinitive.tag_ == "VB"
            and infinitive.dep_ == "xcomp" and infinitive.head.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children))


def _join_above(verb: Token) -> None:
    """The finite verb (and the "and" before it) is coordinated with the verb the infinitive hangs on."""
    infinitive = verb.head
    above = infinitive.head
    for word in infinitive.children:
        if word.dep_ == "cc" and word.i == verb.i - 1:
            word.head = above
    verb.head = above


def _verb_between_names(root: Token) -> Token | None:
    """The past-tense verb of 'Name verbed Name' misparsed as a modifier of the second name, when the
    sentence has no verb at its root: the verb directly follows a name that modifies the same root or
    is already the verb's subject (no
    hyphen between, so "Kremlin-backed forces" and "U.S.-led talks" stay modifiers), and only the
    second name's own words stand between the verb and the root."""
    if root.pos_ not in ("PROPN", "NOUN"):
        return None
    for verb in root.lefts:
        if verb.dep_ != "amod" or verb.pos_ != "VERB" or verb.tag_ not in _PARTICIPLE_TAGS or verb.i == 0:
            continue
        name = verb.doc[verb.i - 1]
        if name.pos_ != "PROPN" or name.head not in (root, verb) or name.dep_ not in _NAME_MODIFIER_DEPS:
            continue
        if all(t.head == root and t.dep_ == "compound" for t in verb.doc[verb.i + 1:root.i]):
            return verb
    return None


def _make_predicate(verb: Token, root: Token) -> None:
    """The verb becomes the root, the name before it its subject (with the words of that name), the
    old root its object; everything else the old root governed (time phrases, prepositional phrases,
    punctuation) now hangs on the verb."""
    subject = verb.doc[verb.i - 1]
    name_words = _name_words_before(subject, root)
    verb.head = verb
    verb.dep_ = "ROOT"
    verb.tag_ = "VBD"
    for child in list(root.children):
        if child == verb or verb.i < child.i < root.i:
            continue  # the object's own words stay with it
        child.head = subject if child in name_words else verb
    for word in name_words:
        word.dep_ = "compound"
    subject.dep_ = "nsubj"
    root.head = verb
    root.dep_ = "dobj"


def _name_words_before(subject: Token, root: Token) -> set[Token]:
    """Proper names right before the subject that the parser also hung on the root ("President" of
    "President Smith hosted ..."): part of the subject's name."""
    words: set[Token] = set()
    i = subject.i - 1
    while i >= 0 and subject.doc[i].pos_ == "PROPN" and subject.doc[i].head == root:
        words.add(subject.doc[i])
        i -= 1
    return words
