"""Document -> events. The contract between the pipeline and the event stage.

The pipeline splits a document into sentences, asks `is_candidate` which ones may hold an
event (cheap, no model), parses only those, and hands the parses to `code`.

For each trigger the lexicon finds, the coder reads its arguments and modality from the
parse, folds acts that are only the content of another event ("threatened to attack" is one
THREATEN), resolves actors, date and place, scores confidence, and drops triggers with no
actor behind them unless their pattern is strong on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from eventwire.actors import ActorResolver, ArticleContext, load_resolver
from eventwire.dates import resolve_event_date
from eventwire.events.arguments import ArgumentGroup, Arguments, find_arguments, phrase, trigger_head
from eventwire.events.classify import Classification, VerbLexicon, load_lexicon
from eventwire.events.confidence import STRONG_PATTERN, ArgumentState, Evidence, event_confidence
from eventwire.events.learned import Decisions, load_decisions
from eventwire.events.modality import REPORTING_VERBS, analyse
from eventwire.events.reframe import Reframing, reframe
from eventwire.places.locate import EventLocator, SentenceLocator, load_locator
from eventwire.records import VERBAL_QUADS, Actor, Document, Event, EventDate, Sentence, Trigger

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc, Span, Token

_NAMED_ACTOR_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}
FIRST_PERSON = {"we", "i", "us"}
# Types whose direct object is what is given, sent, withdrawn or imposed, not who receives it.
THEME_OBJECT_TYPES = frozenset({"AID", "MOBILIZE", "SANCTION", "RETREAT", "CONCEDE"})
# Links under which an act is what a verbal event is about: "threatened to attack",
# "condemned the attack", "accused X of attacking", "warned that Y would strike".
_CONTENT_LINKS = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubjpass", "acl", "attr", "oprd"}
# Links that join two acts told side by side: "met Putin and agreed", "attacked; police said".
_SEPARATE_LINKS = {"conj", "parataxis"}


@dataclass
class _Draft:
    """A classified trigger with its parse-derived arguments, before actors are resolved."""

    classification: Classification
    head: Token
    arguments: Arguments
    folded: list[_Draft] = field(default_factory=list)


@dataclass(frozen=True)
class _Role:
    actors: list[Actor]
    state: ArgumentState
    reasons: list[str]
    inherited: bool = False


class EventCoder:
    """Codes PLOVER events with actors, dates, places and evidence. Resources load lazily.

    `decisions` rescores each sentence's candidate events after the rules (which to keep, their
    confidence); by default the shipped learned model, `RuleDecisions()` for the rules alone.
    """

    def __init__(self, decisions: Decisions | None = None):
        self._decisions = decisions

    @cached_property
    def decisions(self) -> Decisions:
        return self._decisions if self._decisions is not None else load_decisions()

    @cached_property
    def lexicon(self) -> VerbLexicon:
        return load_lexicon()

    @cached_property
    def resolver(self) -> ActorResolver:
        return load_resolver()

    @cached_property
    def locator(self) -> EventLocator:
        return load_locator()

    def is_candidate(self, sentence: Sentence) -> bool:
        """True when the sentence may hold an event: decided without parsing."""
        return self.lexicon.is_candidate(sentence.text)

    def code(self, doc: Document, sentences: list[Sentence], parsed: dict[int, Doc]) -> list[Event]:
        """Events of one document, in sentence order then trigger order.

        `sentences` are all sentences of `doc` (for context such as coreference);
        `parsed` maps a sentence index to the spaCy parse of that sentence's text alone, so a
        token's document offset is `sentence.start + token.idx`.
        """
        if not parsed:
            return []
        context = self.resolver.start_document(doc, sentences)
        events: list[Event] = []
        for sentence in sentences:
            if sentence.index in parsed:
                events.extend(self._code_sentence(doc, sentence, parsed[sentence.index], context))
        return events

    def _code_sentence(self, doc: Document, sentence: Sentence, parsed: Doc,
                       context: ArticleContext) -> list[Event]:
        drafts = [_draft(parsed, c) for c in self.lexicon.triggers(parsed)]
        places = SentenceLocator(self.locator, parsed)
        events = (self._event(doc, sentence, parsed, d, context, places) for d in fold_content(drafts))
        found = sorted((e for e in events if e is not None), key=lambda e: (e.trigger.start, e.trigger.end))
        return self.decisions.decide(sentence, parsed, found) if found else found

    def _event(self, doc: Document, sentence: Sentence, parsed: Doc, draft: _Draft,
               context: ArticleContext, places: SentenceLocator) -> Event | None:
        c = draft.classification
        trigger = _trigger(sentence, parsed, c.trigger)
        reasons = [f"trigger '{trigger.text}' -> {c.event_type}: {c.reason}"]
        reasons += [f"'{f.head.text}' ({f.classification.event_type}) is what this event is about, "
                    "not an event of its own" for f in draft.folded]
        date, date_reason = self._date(doc, sentence, draft.head)
        reasons.append(date_reason)
        when = date.value or doc.date
        modality = analyse(draft.head, draft.arguments.clause_head)
        if modality.commentary:
            return None  # an analyst's forecast or opinion: no act between actors
        reasons += modality.reasons
        reframing = reframe(c, modality, self.lexicon.data.intent)
        if reframing is not None:
            c = reframing.classification
            reasons.append(reframing.reason)
        candidates = _candidates(draft, modality.reporter, reframing)
        source = self._role("source", candidates.sources, sentence, when, context, set())
        taken = {i for a in source.actors for i in range(a.start, a.end)}
        target = self._role("target", candidates.targets, sentence, when, context, taken)
        if not _enough_actors(source, target, c.specificity, draft.arguments.passive):
            return None
        reasons += source.reasons + target.reasons
        reported_by = self._reporter(candidates.reporter, sentence, when, context, reasons)
        location, location_reason = places.locate(draft.head.i, sentence, doc)
        reasons.append(location_reason)
        confidence, confidence_reason = event_confidence(Evidence(
            specificity=c.specificity, source=source.state, target=target.state,
            nominal=draft.head.pos_ in ("NOUN", "PROPN"), source_inherited=source.inherited,
            negated=modality.negated, hypothetical=modality.hypothetical))
        reasons.append(confidence_reason)
        return Event(
            doc_id=doc.id, event_type=c.event_type, mode=c.mode, cameo=c.cameo, quad_class=c.quad_class,
            sentence=sentence, trigger=trigger, source=source.actors, target=target.actors, date=date,
            location=location, negated=modality.negated, hypothetical=modality.hypothetical,
            future=modality.future, reported_by=reported_by, confidence=confidence, reasons=reasons)

    def _date(self, doc: Document, sentence: Sentence, head: Token) -> tuple[EventDate, str]:
        return resolve_event_date(sentence.text, head.idx, doc.date)

    def _role(self, role: str, groups: tuple[ArgumentGroup, ...], sentence: Sentence,
              when: dt.date | None, context: ArticleContext, taken: set[int]) -> _Role:
        """The first candidate group that resolves to a known actor; else, for the source, the
        first phrase that names someone, else the first phrase found."""
        unresolved: list[tuple[ArgumentGroup, list[Span]]] = []
        for group in groups:
            phrases = [p for p in group.phrases if not _overlaps(sentence, p, taken)]
            resolved = [r for p in phrases for r in self.resolver.resolve(p, sentence, when, context)]
            known = _unique([r.actor for r in resolved if _known(r.actor)])
            if known:
                reasons = [f"{role} '{_phrase_text(phrases)}' ({group.rule})"]
                reasons += [reason for r in resolved if _known(r.actor) for reason in r.reasons]
                return _Role(known, "known", reasons, inherited="inherited" in group.rule)
            if phrases:
                unresolved.append((group, phrases))
        if not unresolved:
            return _Role([], "missing", [f"{role}: no candidate phrase in the parse"])
        named = [(g, phrases) for g, phrases in unresolved if any(_names_someone(p) for p in phrases)]
        group, phrases = (named or unresolved)[0]
        reason = f"{role} '{_phrase_text(phrases)}' ({group.rule}) resolves to no country, sector or actor"
        if role != "source":
            return _Role([], "unresolved", [reason])
        return _Role([_bare_actor(sentence, p) for p in phrases], "named" if named else "unresolved",
                     [reason], inherited="inherited" in group.rule)

    def _reporter(self, token: Token | None, sentence: Sentence, when: dt.date | None,
                  context: ArticleContext, reasons: list[str]) -> list[Actor] | None:
        if token is None:
            return None
        span = phrase(token)
        resolved = self.resolver.resolve(span, sentence, when, context)
        actors = _unique([r.actor for r in resolved]) or [_bare_actor(sentence, span)]
        reasons += [reason for r in resolved for reason in r.reasons]
        return actors


def _enough_actors(source: _Role, target: _Role, specificity: float, passive: bool) -> bool:
    """An event needs someone behind it: a resolved or named source; or a strong pattern with some
    argument; or, for a passive ("three soldiers were killed"), a resolved victim."""
    if source.state in ("known", "named"):
        return True
    if specificity >= STRONG_PATTERN:
        return source.state == "unresolved" or target.state == "known"
    return passive and target.state == "known"


@dataclass(frozen=True)
class _Candidates:
    sources: tuple[ArgumentGroup, ...]
    targets: tuple[ArgumentGroup, ...]
    reporter: Token | None  # who reported the event, when that is not its source


def _candidates(draft: _Draft, reporter: Token | None, reframing: Reframing | None) -> _Candidates:
    """Source and target candidates, with the speaker of reported speech where the speaker is meant."""
    sources = draft.arguments.sources
    # "urged Iran to stop", "threatened to attack Iran": who does or suffers the act embedded
    # directly under a verbal event is its target (a subject shared with the host is skipped later)
    direct = [f for f in draft.folded if f.head.head.i == draft.head.i]
    inherited = (g for f in direct for g in (*f.arguments.sources, *f.arguments.targets))
    targets = draft.arguments.targets + tuple(inherited)
    if reporter is None:
        return _Candidates(sources, targets, None)
    if reframing is not None and reframing.speaker_is_source:
        speaker = ArgumentGroup((phrase(reporter),), f"'{reporter.text}' demands it")
        return _Candidates((speaker,), sources, None)
    pronoun = _leading_pronoun(sources)
    if pronoun in FIRST_PERSON:
        sources = (ArgumentGroup((phrase(reporter),), f"'{pronoun}' is the speaker"), *sources[1:])
    elif pronoun is not None:
        # "X said it would ...": without another antecedent in the article, the speaker is meant
        speaker = ArgumentGroup((phrase(reporter),), f"'{pronoun}' read as the speaker")
        sources = (sources[0], speaker, *sources[1:])
    return _Candidates(sources, targets, reporter)


def _leading_pronoun(groups: tuple[ArgumentGroup, ...]) -> str | None:
    """The first source candidate when it is a lone personal pronoun ("we", "it", "they")."""
    if not groups or len(groups[0].phrases) != 1:
        return None
    first = groups[0].phrases[0]
    return first.text.lower() if len(first) == 1 and first[0].tag_ == "PRP" else None


def _draft(parsed: Doc, classification: Classification) -> _Draft:
    start, end = classification.trigger
    theme_object = classification.event_type in THEME_OBJECT_TYPES
    return _Draft(classification, trigger_head(parsed, start, end),
                  find_arguments(parsed, start, end, classification.target_preps, theme_object))


def fold_content(drafts: list[_Draft]) -> list[_Draft]:
    """Drafts that are events of their own; the others are folded into the event they are the content of.

    A reporting verb the lexicon coded because of its complement ("said ... attack") gives way
    to the act it reports, which keeps the speaker as `reported_by`.
    """
    drafts = [d for d in drafts if not _attribution(d) and not _reports_another(d, drafts)]
    kept = []
    for draft in drafts:
        host = next((other for other in drafts if other is not draft and _hosts(other, draft)), None)
        if host is None:
            kept.append(draft)
        else:
            host.folded.append(draft)
    return kept


def _attribution(draft: _Draft) -> bool:
    """'according to X' names a source of information, never an act."""
    head = draft.head
    return head.lower_ == "according" and any(c.lower_ == "to" for c in head.children)


def _reports_another(draft: _Draft, drafts: list[_Draft]) -> bool:
    if draft.head.lemma_.lower() not in REPORTING_VERBS:
        return False
    return any(_link_below(draft.head, other.head) in ("ccomp", "parataxis", "xcomp")
               for other in drafts if other is not draft)


def _hosts(outer: _Draft, inner: _Draft) -> bool:
    link = _link_below(outer.head, inner.head)
    anchor = outer.arguments.clause_head  # the verb of a noun trigger: "continued their (strike) to demand"
    if link is None and anchor.i != outer.head.i and _link_below(anchor, outer.head) in ("dobj", "obj"):
        link = _link_below(anchor, inner.head)
    if link is None or link in _SEPARATE_LINKS:
        return False
    outer_type = outer.classification.event_type
    if outer_type == inner.classification.event_type:
        return True
    if outer_type == "PROTEST" and inner.classification.quad_class in VERBAL_QUADS:
        return link in _CONTENT_LINKS or link == "advcl"  # "demonstrated, calling for ...": its cause
    return outer.classification.quad_class in VERBAL_QUADS and link in _CONTENT_LINKS


def _link_below(ancestor: Token, token: Token) -> str | None:
    """The dependency of the child of `ancestor` on the path down to `token`; None if not below it."""
    node = token
    while node.head.i != node.i:
        if node.head == ancestor:
            return node.dep_
        node = node.head
    return None


def _trigger(sentence: Sentence, parsed: Doc, token_range: tuple[int, int]) -> Trigger:
    tokens = parsed[token_range[0]:token_range[1]]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Trigger(sentence.text[start:end], sentence.start + start, sentence.start + end)


def _known(actor: Actor) -> bool:
    return bool(actor.country or actor.sector or actor.code)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple] = set()
    out = []
    for actor in actors:
        key = (actor.start, actor.end, actor.code, actor.country, actor.sector)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


def _overlaps(sentence: Sentence, span: Span, taken: set[int]) -> bool:
    return any(sentence.start + i in taken for i in range(span.start_char, span.end_char))


def _names_someone(span: Span) -> bool:
    """A proper name the dictionaries lack still names an actor ("the PRC", "the Kifaya movement")."""
    return any(t.ent_type_ in _NAMED_ACTOR_ENTITIES or (t.pos_ == "PROPN" and t.is_title) for t in span)


def _bare_actor(sentence: Sentence, span: Span) -> Actor:
    return Actor(text=span.text, start=sentence.start + span.start_char, end=sentence.start + span.end_char)


def _phrase_text(phrases: list[Span]) -> str:
    return " + ".join(p.text for p in phrases)
