"""Did it happen? Negation, hypotheticals, future intent and reported speech around a trigger.

Read from the dependency parse of the trigger's clause: its auxiliaries and negators, the
"if" clause it sits in, and the reporting verb ("said", "according to") that governs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.events.arguments import clause_subject
from eventwire.jsondata import read_json
from eventwire.records import Reason, reasons_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that attribute a clause to a speaker: "X said Y attacked Z" is Y's act, reported by X.
REPORTING_VERBS = frozenset({
    "say", "tell", "announce", "report", "state", "add", "claim", "confirm", "declare", "note",
    "insist", "stress", "explain", "write", "disclose", "reveal", "indicate", "acknowledge",
    "quote", "tweet", "assert", "maintain", "argue", "allege", "admit", "reiterate", "recall",
})
_NEGATORS = {"not", "n't", "never", "no", "neither", "nor"}
_NEGATOR_DEPS = {"advmod", "det", "preconj"}
_CONDITIONAL_MARKERS = {"if", "unless", "whether", "lest"}
_OBLIGATION_MODALS = {"must", "should", "ought"}
_AUXILIARIES = read_json(resources.files("eventwire") / "data" / "verbs" / "auxiliaries.json")
# "will", "'ll", "shall": the act is announced, not done (read also by events.reframe)
FUTURE_AUXILIARIES = frozenset(_AUXILIARIES["future"])
# "would": the future of reported speech ("said it would send troops"), else a hypothetical
REPORTED_FUTURE = frozenset(_AUXILIARIES["reported_future"])
_HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "can"}) | REPORTED_FUTURE
# Verbs whose infinitive complement is not yet done: "plans to attack", "is expected to meet".
_INTENT_VERBS = frozenset({
    "plan", "intend", "prepare", "prepared", "aim", "schedule", "set", "hope", "seek",
    "willing", "ready", "determined", "vow", "pledge", "swear", "promise",
})
# Verbs whose complement did not happen: "failed to reach a deal".
_NEGATING_VERBS = frozenset({"fail", "refuse", "decline"})
# Words that forecast an act rather than report one or announce an intent.
_FORECAST_WORDS = frozenset({"expect", "likely", "unlikely", "predict", "forecast", "anticipate", "project"})
# People whose statements about what will or may happen are commentary, not events.
COMMENTATORS = frozenset({
    "analyst", "expert", "observer", "commentator", "economist", "pundit", "strategist", "scholar",
    "researcher", "columnist", "editorial", "poll", "survey",
})
PRONOUNS_OF_THINGS = {"it", "this", "that"}
# A speaker's words of their own side: "we will respond", "our troops", "I reject it".
FIRST_PERSON = frozenset({"we", "i", "us", "me", "our", "my"})
FIRST_PERSON_SUBJECTS = frozenset({"we", "i"})  # the speaker's side itself, not a force of it ("our troops")
_FUTURE_MODIFIERS = {"planned", "upcoming", "future", "proposed", "scheduled", "possible", "potential"}
# Dependencies that embed a clause in another; the walk up to reporting verbs follows them.
_CLAUSE_LINKS = {"ccomp", "xcomp", "acomp", "conj", "advcl", "parataxis", "pcomp", "acl", "relcl"}
_MAX_HOPS = 8


@dataclass(frozen=True)
class Modality:
    negated: bool
    hypothetical: bool
    future: bool
    obliged: bool  # "must", "should", "has to": what someone demands, not what happened
    reporter: Token | None  # head of the phrase naming who reported the event
    commentary: bool  # an analyst's forecast or opinion, not an act
    reasons: tuple[Reason, ...]  # of the flags ("modality") and of the reporter ("reported_by")


def analyse(trigger: Token, clause_head: Token) -> Modality:
    """Modality of the event whose trigger is `trigger` in the clause headed by `clause_head`."""
    reasons: list[str] = []
    chain = _control_chain(clause_head)
    negated = _negated(trigger, chain, reasons)
    hypothetical, would = _hypothetical(clause_head, chain, reasons)
    flags = len(reasons)
    reporter, reporting_verb = _reporter(clause_head, reasons)
    reasons[flags:] = reasons_of("reported_by", reasons[flags:])
    future = _future(trigger, chain, reasons)
    obliged = _obliged(chain, reasons)
    if would:
        if reporting_verb is not None and not hypothetical:
            future = True
            reasons.append(f"future: 'would' under the reporting verb '{reporting_verb.text}'")
        else:
            hypothetical = True
            reasons.append("hypothetical: modal 'would'")
    forecaster = _forecast(clause_head, reasons)
    if forecaster is not None:
        future = hypothetical = True
    commentary = _commentary(reporter, forecaster, future or hypothetical, reasons)
    return Modality(negated, hypothetical, future, obliged, reporter, commentary,
                    tuple(r if isinstance(r, Reason) else Reason("modality", r) for r in reasons))


def _control_chain(clause_head: Token) -> list[Token]:
    """The clause head and the verbs it takes modality from: "will not (allow)", "plans to (attack)"."""
    chain = [clause_head]
    while len(chain) < _MAX_HOPS and _controlled(chain[-1]):
        chain.append(chain[-1].head)
    return chain


def _controlled(token: Token) -> bool:
    """Does the verb take its auxiliaries from the one above: "ready to (mediate)", "must drop or (face)"."""
    if token.dep_ in ("xcomp", "acomp"):
        return True
    own = any(c.dep_ in ("aux", "nsubj", "nsubjpass", "neg") for c in token.children)
    return token.dep_ == "conj" and not own and token.head.pos_ in ("VERB", "AUX")


def _negated(trigger: Token, chain: list[Token], reasons: list[str]) -> bool:
    for token in [trigger, *chain]:
        for child in token.children:
            if child.dep_ == "neg" or (child.lower_ in _NEGATORS and child.dep_ in _NEGATOR_DEPS):
                reasons.append(f"negated: '{child.text}' modifies '{token.text}'")
                return True
    for controller in chain[1:]:
        if controller.lemma_ in _NEGATING_VERBS:
            reasons.append(f"negated: '{controller.text}' governs the event")
            return True
    return False


def _hypothetical(clause_head: Token, chain: list[Token], reasons: list[str]) -> tuple[bool, bool]:
    """Whether the clause is conditional or under a modal; also whether its modal is 'would'."""
    node = clause_head
    for _ in range(_MAX_HOPS):
        marker = next((c for c in node.children
                       if c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKERS), None)
        if marker is not None:
            reasons.append(f"hypothetical: inside a clause introduced by '{marker.text}'")
            return True, False
        if node.head.i == node.i or node.dep_ not in _CLAUSE_LINKS:
            break
        node = node.head
    would = False
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL_MODALS:
                if child.lower_ in REPORTED_FUTURE:
                    would = True
                else:
                    reasons.append(f"hypothetical: modal '{child.text}'")
                    return True, False
    return False, would



def _forecast(clause_head: Token, reasons: list[str]) -> Token | None:
    """Whoever forecasts the act ("analysts expect Iran to ...", "Iran is likely to ..."), or the
    forecasting word itself when nobody is named; None when the act is not a forecast."""
    node = clause_head
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in _FORECAST_WORDS:
            reasons.append(f"hypothetical: a forecast ('{node.text}')")
            subject, _ = clause_subject(node)
            return subject if subject is not None and subject.lower_ not in PRONOUNS_OF_THINGS else node
    return None


def _commentary(reporter: Token | None, forecaster: Token | None, unrealised: bool,
                reasons: list[str]) -> bool:
    """A forecast or an unrealised act told by an analyst, expert or observer is commentary."""
    for who in (forecaster, reporter):
        if who is not None and unrealised and who.lemma_.lower() in COMMENTATORS:
            reasons.append(f"commentary: told by '{who.text}'")
            return True
    return False


def _auxiliary(chain: list[Token], words) -> Token | None:
    """The first auxiliary among `words` on a verb of the chain, nearest verb first."""
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in words:
                return child
    return None


def _obliged(chain: list[Token], reasons: list[str]) -> bool:
    modal = _auxiliary(chain, _OBLIGATION_MODALS)
    if modal is not None:
        reasons.append(f"obligation: modal '{modal.text}'")
        return True
    head = chain[0]
    if head.lemma_ == "need" and any(c.dep_ == "xcomp" and any(t.lower_ == "to" for t in c.children)
                                     for c in head.children):
        reasons.append(f"obligation: '{head.text} to'")  # "X needs to withdraw": what X is asked to do
        return True
    for controlled, controller in zip(chain, chain[1:]):
        if controller.lemma_ in ("have", "need") and any(c.lower_ == "to" for c in controlled.children):
            reasons.append(f"obligation: '{controller.text} to {controlled.text}'")
            return True
    return False


def _future(trigger: Token, chain: list[Token], reasons: list[str]) -> bool:
    aux = _auxiliary(chain, FUTURE_AUXILIARIES)
    if aux is not None:
        reasons.append(f"future: auxiliary '{aux.text}'")
        return True
    for controlled, controller in zip(chain, chain[1:]):
        if controller.lemma_ == "go" and controller.tag_ == "VBG":
            reasons.append(f"future: 'going to {controlled.text}'")
            return True
        if controller.lemma_ in _INTENT_VERBS:
            reasons.append(f"future: '{controlled.text}' is intended ('{controller.text}')")
            return True
    modifier = next((c for c in trigger.children if c.lower_ in _FUTURE_MODIFIERS), None)
    if modifier is not None:
        reasons.append(f"future: '{modifier.text} {trigger.text}'")
        return True
    return False


def _reporter(clause_head: Token, reasons: list[str]) -> tuple[Token | None, Token | None]:
    """Who reported the event, and the reporting verb: "X said ...", "..., X said", "according to X"."""
    node = clause_head
    for _ in range(_MAX_HOPS):
        for child in node.children:
            if child.lower_ == "according":
                source = next((o for p in child.children for o in p.children if o.dep_ == "pobj"), None)
                if source is not None:
                    reasons.append(f"reported: 'according to {source.text}'")
                    return source, None
            if child.dep_ == "parataxis" and child.lemma_ in REPORTING_VERBS:
                return _speaker(child, reasons), child
        if node.head.i == node.i or node.dep_ not in _CLAUSE_LINKS:
            return None, None
        if node.head.lemma_ in REPORTING_VERBS and node.dep_ in ("ccomp", "parataxis"):
            return _speaker(node.head, reasons), node.head
        node = node.head
    return None, None


def _quoted(verb: Token) -> Token | None:
    """"X was quoted as saying ...": the passive subject of 'quoted' is the speaker."""
    node = verb
    for _ in range(3):
        node = node.head
        if node.lemma_ == "quote":
            return next((c for c in node.children if c.dep_ == "nsubjpass"), None)
    return None


def _speaker(verb: Token, reasons: list[str]) -> Token | None:
    speaker, _ = clause_subject(verb)
    if speaker is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if speaker is None:
        speaker = _quoted(verb)
    if speaker is not None:
        reasons.append(f"reported speech: '{speaker.text}' {verb.text} it")
    return speaker
