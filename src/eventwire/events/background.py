"""Acts a sentence names without telling them: no event of their own.

Two constructions name an act that a coder of the sentence does not record:
- a relative clause that describes its noun by what it does as a rule or has been doing all along
  ("bases that host foreign troops", "a state which buys most of its grain", "the militia, which is
  backed by its neighbour", "an envoy who had been sheltering there for months"): its verb is in the
  simple present, or the perfect progressive, or a present passive. It tells what the noun is, not
  something done at a time. A speech act keeps its event ("the ministry, which denies any role"): what
  a party says is its standing word, coded as the stance it is.
- a clause offered as the alternative the actor did not choose ("... instead of helping them fight",
  "shelled the town rather than negotiate"): the act it names did not happen.
- the condition of another act ("if Kenya rejects the plan, ...", "unless Russia agrees"): an act
  that may happen, whatever its type (what may happen otherwise is dropped as hypothetical already).
- what a negated reporting verb does not report ("has not said it carried out the strike", "did not
  confirm that jets had bombed the depot"). A clause of "when", "how" or "why" ("did not say when the
  troops attacked") takes the act as done, and stays.
- a yes/no question ("asked the minister if Kenya had expelled the envoy", "asked whether he agreed"):
  the asking is a question, not a request, and the act asked about is not told as done.
A relative clause in the past ("the militia that attacked the base") tells an act and stays, and so does
a request ("asked Kenya to free the journalist").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.events.reframe import SPEECH_ACTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.events.modality import ModalityWords

_PRESENT = {"VBZ", "VBP"}
_PERFECT = {"have", "has", "had"}
# the links by which a clause goes on from the one above it, up to the clause the alternative introduces
_CLAUSE_CHAIN = {"xcomp", "ccomp", "pcomp", "conj"}
_QUESTION_MARKS = {"if", "whether"}
_QUESTION_CLAUSES = {"ccomp", "advcl"}
_MAX_HOPS = 4
_WH_TAGS = {"WRB", "WP", "WDT"}


def named_not_told(head: Token, event_type: str, words: ModalityWords) -> str | None:
    """Why the act whose trigger `head` heads is named in the sentence but not told as done, or None."""
    if event_type not in SPEECH_ACTS and _describes_its_noun(head):
        return (f"'{head.text}' describes the noun '{head.head.text}' in a relative clause (what it does "
                "as a rule or all along): a state, not an act done at a time")
    marker = _alternative(head, words.alternative_markers)
    if marker is not None:
        return f"'{head.text}' follows '{marker}': the alternative not chosen, an act that did not happen"
    if _asks_a_question(head, words.question_verbs):
        return f"'{head.text}' asks a yes/no question: a question, not a request"
    asking = _asked_about(head, words.question_verbs)
    if asking is not None:
        return f"'{head.text}' is asked about ('{asking.text}'): a question, not an act told as done"
    condition = _condition(head, words.conditional_markers)
    if condition is not None:
        return f"'{head.text}' is the condition '{condition.text}' sets: an act that may happen, not one told"
    unsaid = _not_reported(head, words)
    if unsaid is not None:
        return f"'{head.text}' is what '{unsaid.text}' does not report: an act not told as done"
    return None


def _describes_its_noun(head: Token) -> bool:
    """A relative clause in the simple present ("that host"), a present passive ("which is backed") or
    the perfect progressive ("who had been sheltering")."""
    if head.dep_ != "relcl" or head.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries:
        return head.tag_ in _PRESENT
    if head.tag_ == "VBN" and [a.tag_ for a in auxiliaries] in (["VBZ"], ["VBP"]):
        return any(a.dep_ == "auxpass" for a in auxiliaries)
    return head.tag_ == "VBG" and [a.lower_ for a in auxiliaries][-1] == "been" and any(
        a.lower_ in _PERFECT for a in auxiliaries)


def _alternative(head: Token, markers: frozenset[str]) -> str | None:
    """The marker ("instead of", "rather than") just before the clause that tells the act, or one of the
    clauses it goes on from ("instead of helping them (fight)")."""
    node = head
    while True:
        before = head.doc[max(node.left_edge.i - 2, 0):node.left_edge.i].text.lower()
        if before in markers:
            return before
        if node.dep_ not in _CLAUSE_CHAIN or node.head.i == node.i:
            return None
        node = node.head


def _question_clause(verb: Token) -> Token | None:
    """The yes/no question clause ("if ...", "whether ...") the verb takes, or None."""
    return next((c for c in verb.children if c.dep_ in _QUESTION_CLAUSES and any(
        m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS for m in c.children)), None)


def _asks_a_question(head: Token, question_verbs: frozenset[str]) -> bool:
    """"asked the minister if (whether) ...", with no act asked of anyone ("asked Kenya to free ...")."""
    if head.lemma_.lower() not in question_verbs or _question_clause(head) is None:
        return False
    return not any(c.dep_ == "xcomp" for c in head.children)


def _asked_about(head: Token, question_verbs: frozenset[str]) -> Token | None:
    """The verb of asking whose yes/no question clause tells the act ("asked him if he (agreed)")."""
    clause = head.head if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") else head
    asking = clause.head
    if asking.i == clause.i or asking.lemma_.lower() not in question_verbs:
        return None
    question = _question_clause(asking)
    return asking if question is not None and question.i == clause.i else None


def _condition(head: Token, conditional_markers: frozenset[str]) -> Token | None:
    """The marker ("if", "unless") of the conditional clause the act is told in ("if Kenya (rejects) the
    plan, ...", "unless Russia (agrees) to ..."), on the trigger's clause or a clause it is told in."""
    node = head
    for _ in range(_MAX_HOPS):
        marker = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in conditional_markers),
                      None)
        if marker is not None and node.dep_ == "advcl":
            return marker
        if node.dep_ not in _CLAUSE_CHAIN or node.head.i == node.i:
            return None
        node = node.head
    return None


def _not_reported(head: Token, words: ModalityWords) -> Token | None:
    """The negated reporting verb whose "that" clause tells the act ("has not (said) it carried out", "never
    (claimed) that it attacked"), or None."""
    clause = head.head if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") else head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.i == clause.i or verb.lemma_.lower() not in words.reporting_verbs:
        return None
    if any(t.tag_ in _WH_TAGS for t in clause.children if t.i < clause.i):
        return None  # "did not say when they attacked": the act is taken as done
    negated = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in words.negators)
                  for c in verb.children)
    return verb if negated else None
