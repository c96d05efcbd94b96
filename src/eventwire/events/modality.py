"""Did it happen? Negation, hypotheticals, future intent and reported speech around a trigger.

Read from the dependency parse of the trigger's clause: its auxiliaries and negators, the
"if" clause it sits in, and the reporting verb ("said", "according to") that governs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.events.arguments import ArgumentWords, clause_subject
from eventwire.jsondata import read_json
from eventwire.records import Reason, reasons_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_NEGATOR_DEPS = {"advmod", "det", "preconj"}


@dataclass(frozen=True)
class ModalityWords:
    """The words modality reads (data/verbs/modality.json, data/verbs/auxiliaries.json)."""

    # verbs that attribute a clause to a speaker: "X said Y attacked Z" is Y's act, reported by X
    reporting_verbs: frozenset[str]
    negators: frozenset[str]  # "not", "never", "no"
    conditional_markers: frozenset[str]  # "if", "unless": the act is a condition
    obligation_modals: frozenset[str]  # "must", "should": what someone demands, not what happened
    possibility_modals: frozenset[str]  # "could", "might": a hypothetical
    # verbs whose infinitive complement is not yet done: "plans to attack", "is expected to meet"
    intent_verbs: frozenset[str]
    negating_verbs: frozenset[str]  # verbs whose complement did not happen: "failed to reach a deal"
    forecast_words: frozenset[str]  # words that forecast an act rather than report or intend one
    # people whose statements about what will or may happen are commentary, not events
    commentators: frozenset[str]
    pronouns_of_things: frozenset[str]  # "it", "this", "that": no speaker
    # a speaker's words of their own side: "we will respond", "our troops", "I reject it"
    first_person: frozenset[str]
    first_person_subjects: frozenset[str]  # the speaker's side itself, not a force of it ("our troops")
    future_modifiers: frozenset[str]  # "planned talks", "upcoming visit"
    quote_attribution_forms: tuple[str, ...]  # "said", "according to": may attribute a quote from outside it
    sentence_modals: frozenset[str]  # the modals the decisions model reads as a cue (events.learned)
    sentence_conditions: frozenset[str]  # the condition words it reads as a cue
    # "will not (take) part in the attack", "would not (join) it": a hostile act refused (events.reframe)
    participation_verbs: frozenset[str]
    # "instead of", "rather than": the clause after them is the alternative not chosen (events.background)
    alternative_markers: frozenset[str]
    # "ask", "wonder": with an "if"/"whether" clause, a question asked, not a request (events.background)
    question_verbs: frozenset[str]
    # "boycott": announced, a threat, where an announced sanction is the sanction itself (events.reframe)
    announced_boycotts: frozenset[str]
    # "will", "'ll", "shall": the act is announced, not done (read also by events.reframe)
    future_auxiliaries: frozenset[str]
    # "would": the future of reported speech ("said it would send troops"), else a hypothetical
    reported_future: frozenset[str]

    @cached_property
    def hypothetical_modals(self) -> frozenset[str]:
        return self.possibility_modals | self.reported_future

    @cached_property
    def quote_attribution(self) -> re.Pattern[str]:
        """Any of the quote attribution forms, as a whole word in any case."""
        forms = "|".join(re.escape(form) for form in self.quote_attribution_forms)
        return re.compile(rf"\b(?:{forms})\b", re.IGNORECASE)


def read_modality_words() -> ModalityWords:
    folder = resources.files("eventwire") / "data" / "verbs"
    raw = read_json(folder / "modality.json")
    auxiliaries = read_json(folder / "auxiliaries.json")
    lists = {name: frozenset(words) for name, words in raw.items()
             if not name.startswith("_") and name != "quote_attribution_forms"}
    return ModalityWords(**lists, quote_attribution_forms=tuple(raw["quote_attribution_forms"]),
                         future_auxiliaries=frozenset(auxiliaries["future"]),
                         reported_future=frozenset(auxiliaries["reported_future"]))


# Dependencies that embed a clause in another; the walk up to reporting verbs follows them.
_CLAUSE_LINKS = {"ccomp", "xcomp", "acomp", "conj", "advcl", "parataxis", "pcomp", "acl", "relcl"}
_MAX_HOPS = 8
# clauses that tell something else than the trigger's own manner: never a modifier of it ("talks (scheduled)
# for Monday", an `acl`, still is one)
_CLAUSES_OF_THEIR_OWN = {"advcl", "ccomp", "conj", "relcl", "parataxis"}


@dataclass(frozen=True)
class Modality:
    negated: bool
    hypothetical: bool
    future: bool
    obliged: bool  # "must", "should", "has to": what someone demands, not what happened
    reporter: Token | None  # head of the phrase naming who reported the event
    commentary: bool  # an analyst's forecast or opinion, not an act
    reasons: tuple[Reason, ...]  # of the flags ("modality") and of the reporter ("reported_by")


def analyse(trigger: Token, clause_head: Token, words: ModalityWords, clauses: ArgumentWords) -> Modality:
    """Modality of the event whose trigger is `trigger` in the clause headed by `clause_head`; `clauses`
    are the words by which a speaker's or a forecaster's subject is found."""
    reasons: list[str] = []
    chain = _control_chain(clause_head)
    negated = _negated(trigger, chain, words, reasons)
    hypothetical, would = _hypothetical(clause_head, chain, words, reasons)
    flags = len(reasons)
    reporter, reporting_verb = _reporter(clause_head, words, clauses, reasons)
    reasons[flags:] = reasons_of("reported_by", reasons[flags:])
    future = _future(trigger, chain, words, reasons)
    obliged = _obliged(chain, words, reasons)
    if would:
        if reporting_verb is not None and not hypothetical:
            future = True
            reasons.append(f"future: 'would' under the reporting verb '{reporting_verb.text}'")
        else:
            hypothetical = True
            reasons.append("hypothetical: modal 'would'")
    forecaster = (_forecast(clause_head, words, clauses, reasons)
                  or _forecast_of(trigger, words, clauses, reasons))
    if forecaster is not None:
        future = hypothetical = True
    commentary = _commentary(reporter, forecaster, future or hypothetical, words, reasons)
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


def _negated(trigger: Token, chain: list[Token], words: ModalityWords, reasons: list[str]) -> bool:
    for token in [trigger, *chain]:
        for child in token.children:
            if child.dep_ == "neg" or (child.lower_ in words.negators and child.dep_ in _NEGATOR_DEPS):
                reasons.append(f"negated: '{child.text}' modifies '{token.text}'")
                return True
    for controller in chain[1:]:
        if controller.lemma_ in words.negating_verbs:
            reasons.append(f"negated: '{controller.text}' governs the event")
            return True
    return False


def _hypothetical(clause_head: Token, chain: list[Token], words: ModalityWords,
                  reasons: list[str]) -> tuple[bool, bool]:
    """Whether the clause is conditional or under a modal; also whether its modal is 'would'."""
    node = clause_head
    for _ in range(_MAX_HOPS):
        marker = next((c for c in node.children
                       if c.dep_ == "mark" and c.lower_ in words.conditional_markers), None)
        if marker is not None:
            reasons.append(f"hypothetical: inside a clause introduced by '{marker.text}'")
            return True, False
        if node.head.i == node.i or node.dep_ not in _CLAUSE_LINKS:
            break
        node = node.head
    would = False
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in words.hypothetical_modals:
                if child.lower_ in words.reported_future:
                    would = True
                else:
                    reasons.append(f"hypothetical: modal '{child.text}'")
                    return True, False
    return False, would



def _forecast(clause_head: Token, words: ModalityWords, clauses: ArgumentWords,
              reasons: list[str]) -> Token | None:
    """Whoever forecasts the act ("analysts expect Iran to ...", "Iran is likely to ..."), or the
    forecasting word itself when nobody is named; None when the act is not a forecast."""
    node = clause_head
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in words.forecast_words:
            reasons.append(f"hypothetical: a forecast ('{node.text}')")
            subject, _ = clause_subject(node, clauses)
            return subject if subject is not None and subject.lower_ not in words.pronouns_of_things else node
    return None


def _forecast_of(trigger: Token, words: ModalityWords, clauses: ArgumentWords,
                 reasons: list[str]) -> Token | None:
    """Whoever forecasts the act named as the object of a forecasting verb ("she expected further
    attacks", "diplomats predict fresh sanctions"), or that verb when nobody is named; None otherwise."""
    verb = trigger.head
    if trigger.dep_ != "dobj" or trigger.pos_ != "NOUN" or verb.lemma_.lower() not in words.forecast_words:
        return None
    reasons.append(f"hypothetical: an act forecast ('{verb.text}')")
    subject, _ = clause_subject(verb, clauses)
    return subject if subject is not None and subject.lower_ not in words.pronouns_of_things else verb


def _commentary(reporter: Token | None, forecaster: Token | None, unrealised: bool, words: ModalityWords,
                reasons: list[str]) -> bool:
    """A forecast or an unrealised act told by an analyst, expert or observer is commentary."""
    for who in (forecaster, reporter):
        if who is not None and unrealised and who.lemma_.lower() in words.commentators:
            reasons.append(f"commentary: told by '{who.text}'")
            return True
    return False


def _auxiliary(chain: list[Token], auxiliaries: frozenset[str]) -> Token | None:
    """The first auxiliary among `auxiliaries` on a verb of the chain, nearest verb first."""
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in auxiliaries:
                return child
    return None


def _obliged(chain: list[Token], words: ModalityWords, reasons: list[str]) -> bool:
    modal = _auxiliary(chain, words.obligation_modals)
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


def _future(trigger: Token, chain: list[Token], words: ModalityWords, reasons: list[str]) -> bool:
    aux = _auxiliary(chain, words.future_auxiliaries)
    if aux is not None:
        reasons.append(f"future: auxiliary '{aux.text}'")
        return True
    for controlled, controller in zip(chain, chain[1:]):
        if controller.lemma_ == "go" and controller.tag_ == "VBG":
            reasons.append(f"future: 'going to {controlled.text}'")
            return True
        if controller.lemma_ in words.intent_verbs:
            reasons.append(f"future: '{controlled.text}' is intended ('{controller.text}')")
            return True
    # "planned talks", "a possible strike": a modifier of the trigger, not a clause of its own ("was killed
    # days before he (planned) to travel" tells when the killing happened)
    modifier = next((c for c in trigger.children if c.lower_ in words.future_modifiers
                     and c.dep_ not in _CLAUSES_OF_THEIR_OWN), None)
    if modifier is not None:
        reasons.append(f"future: '{modifier.text} {trigger.text}'")
        return True
    return False


def _reporter(clause_head: Token, words: ModalityWords, clauses: ArgumentWords,
              reasons: list[str]) -> tuple[Token | None, Token | None]:
    """Who reported the event, and the reporting verb: "X said ...", "..., X said", "according to X"."""
    node = clause_head
    for _ in range(_MAX_HOPS):
        for child in node.children:
            if child.lower_ == "according":
                source = next((o for p in child.children for o in p.children if o.dep_ == "pobj"), None)
                if source is not None:
                    reasons.append(f"reported: 'according to {source.text}'")
                    return source, None
            if child.dep_ == "parataxis" and child.lemma_ in words.reporting_verbs:
                return _speaker(child, clauses, reasons), child
        if node.head.i == node.i or node.dep_ not in _CLAUSE_LINKS:
            return None, None
        if node.head.lemma_ in words.reporting_verbs and node.dep_ in ("ccomp", "parataxis"):
            return _speaker(node.head, clauses, reasons), node.head
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


def _speaker(verb: Token, clauses: ArgumentWords, reasons: list[str]) -> Token | None:
    speaker, _ = clause_subject(verb, clauses)
    if speaker is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if speaker is None:
        speaker = _quoted(verb)
    if speaker is not None:
        reasons.append(f"reported speech: '{speaker.text}' {verb.text} it")
    return speaker
