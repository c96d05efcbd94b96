"""Document -> events. The contract between the pipeline and the event stage.

The pipeline splits a document into sentences, asks `is_candidate` which ones may hold an
event (cheap, no model), parses only those, and hands the parses to `code`.

For each trigger the lexicon finds, the coder reads its arguments and modality from the
parse, folds acts that are only the content of another event ("threatened to attack" is one
THREATEN), resolves actors, date and place, scores confidence, and drops triggers with no
actor behind them unless their pattern is strong on its own.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from eventwire.actors import ActorResolver, ArticleContext
from eventwire.actors.located import at_the_scene, local_branch, with_place_country
from eventwire.dates import resolve_event_date, told_date
from eventwire.events.acts import one_event_per_act
from eventwire.events.arguments import (
    CONFINEMENT_CODE,
    ArgumentGroup,
    Arguments,
    ArgumentWords,
    attack_told_before,
    attackers_in_time_clause,
    clause_subject,
    dated_clause,
    doers_named_on_the_act,
    doers_of_the_act_joined,
    doers_of_the_attack,
    embedded_targets,
    fighting_parties,
    fighting_told,
    find_arguments,
    intercepted_weapon,
    launchers_of,
    partner_of_the_first_act,
    phrase,
    reduced_relative,
    targets_of_a_weapon,
    to_infinitive,
    trigger_head,
    word_in,
)
from eventwire.events.article_gate import ArticleGate, KeepEvery
from eventwire.events.article_roles import ArticleRoles, RulesRoles
from eventwire.events.background import named_not_told
from eventwire.events.classify import Classification, VerbLexicon
from eventwire.events.confidence import (
    STRONG_PATTERN,
    ArgumentState,
    Evidence,
    event_confidence,
    historical_confidence,
)
from eventwire.events.criticism import (
    CRITICISM_CODE,
    PRAISE_CODE,
    REJECTION_CODE,
    THREAT_CODE,
    Criticism,
    accusing_verb,
    breaks_a_norm,
    broken_norm_word,
    criticisms,
)
from eventwire.events.dating import date_clauses, in_the_days_before, narrated_in_the_past
from eventwire.events.learned import Decisions
from eventwire.events.lexicon import plover_of, quad_class_of
from eventwire.events.magnitudes import MagnitudeWords, find_magnitudes
from eventwire.events.modality import Modality, ModalityWords, analyse
from eventwire.events.quotes import Attribution, Quotations
from eventwire.events.reframe import HOSTILE_ROOTS, SPEECH_ACTS, Reframing, reframe
from eventwire.events.responses import (
    answered_act,
    doer_named_on,
    holders_of_the_released,
    hosts_named,
    meeting_holders,
    meeting_kept_away_from,
    names_in_sentence,
    policy_protested,
    protested_against_elsewhere,
    release_asked,
    summed_act_doer,
)
from eventwire.events.sense import Sense
from eventwire.events.stance import (
    StanceWords,
    accident_of,
    addressed_pair,
    as_type,
    background_clause,
    conditional_threat,
    continues,
    crowd_protest,
    dated_relative,
    demanded,
    denial_of,
    done_to_oneself,
    evaluated,
    feared,
    flat_denial,
    habitual,
    instructed,
    is_credit_line,
    is_plural_reference,
    is_wish,
    may_criticise,
    names_victim,
    open_question,
    recent,
    refused_wish,
    subordinate_clause,
    toll_of_a_war,
    ultimatum_of,
    wished_by,
)
from eventwire.nlp import split_sentences
from eventwire.places.locate import EventLocator, SentenceLocator
from eventwire.records import (
    VERBAL_QUADS,
    Actor,
    Document,
    Event,
    EventDate,
    Location,
    Reason,
    Sentence,
    Trigger,
    reasons_of,
)
from eventwire.resources import Resources

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator
    from collections.abc import Set as AbstractSet

    from spacy.tokens import Doc, Span, Token

_NAMED_ACTOR_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}
# sentences after an accusation of no one known within which a flat denial still answers it
_DENIAL_REACH = 2
# How many sentences back an attack named again ("died in the ambush") may have been told with its doer.
_TOLD_BEFORE_REACH = 3
# Types whose direct object is what is given, sent, withdrawn or imposed, not who receives it.
THEME_OBJECT_TYPES = frozenset({"AID", "MOBILIZE", "SANCTION", "RETREAT", "CONCEDE"})
# Acts whose noun's "of" phrase names the doer, not the target: "the visit of X", "the deployment of X",
# "the withdrawal of X" (else "the arrest of X", "the shelling of X": the target).
OF_DOER_TYPES = frozenset({"CONSULT", "MOBILIZE", "RETREAT"})
# Acts done to a person, whose noun's possessive is the one who suffered it when no "of" phrase names
# another: "X's arrest", "her detention", "the writer's killing" (CAMEO: arrest, deportation, abduction,
# torture, execution, assassination, killing, release)
ACTS_ON_A_PERSON = frozenset({"173", "174", "181", "1822", "1823", "186", "180", "0841"})
# Links under which an act is what a verbal event is about: "threatened to attack",
# "condemned the attack", "accused X of attacking", "warned that Y would strike".
_CONTENT_LINKS = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubjpass", "acl", "attr", "oprd"}
# Links that join two acts told side by side: "met Putin and agreed", "attacked; police said".
_SEPARATE_LINKS = {"conj", "parataxis"}
ARMED_SECTORS = frozenset({"MIL", "REB"})
# Links by which a gerund hangs on the verb whose tense it shares: "assured (visiting)", "stormed, (killing)".
_GERUND_LINKS = {"xcomp", "advcl", "conj"}
CONFLICT_QUADS = frozenset({"verbal_conflict", "material_conflict"})
# CAMEO "occupy territory", an ASSAULT: a named place taken by armed forces.
OCCUPY_TERRITORY = "192"
POLICE_SECTORS = frozenset({"COP"})
# Seizures, arrests and wrecking of property done by an armed non-state group are violence (PLOVER's
# ASSAULT), not the coercion a state's forces or police exercise: taking people is an abduction (181),
# taking ground or things or wrecking property an attack (180). On the development sentences, COERCE
# events with such a source were labelled ASSAULT 44 times, COERCE 9 times. Weapons and supplies seized
# (1711) stay COERCE (labelled so more often), and so do troops' captures (COERCE twice as often).
ARMED_GROUP_SECTORS = frozenset({"REB"})
ARMED_GROUP_ACTS = {"173": "181", "171": "180", "1712": "180"}
# Sides that are never the crowd of a street clash: the state, armed groups, police, criminals.
_NOT_A_CROWD = ARMED_SECTORS | POLICE_SECTORS | {"GOV", "CRM", "SPY"}
_SUBORDINATE_MARGIN = 0.01  # how far below the main act an act of a subordinate clause is put
# Types whose parties act together: "A and B met" codes A as the source and B as the target,
# as "A met with B" does, so that mentions of one meeting give one dyad (store.merge matches the
# first three in either order).
# Fighting named with both sides as one subject ("A and B clashed", "clashes between A and B") is
# split the same way; an attack by two as one subject ("A and B attacked the town") is not.
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "ASSAULT"})
# Acts two parties do together, whose partner a coordinated act names for both: "met X and agreed".
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Acts a response answers that are not aimed at the responder: "praised the release", "hailed the deal".
_UNAIMED_ACTS = frozenset({"AGREE", "CONCEDE", "RETREAT"})
# Acts that may leave someone held, told by a detention verb: "arrested" (COERCE), "kidnapped" (ASSAULT).
_HOLDING_ACTS = frozenset({"COERCE", "ASSAULT"})
# Acts done to anyone, which a third party condemns as readily as the victim: "the U.N. condemned the coup".
_DONE_ACTS = frozenset({"ASSAULT", "COERCE"})
# Acts whose sides may be told only as the fighting they happened in ("were killed in clashes with X").
FIGHTING_TYPES = frozenset({"ASSAULT", "COERCE"})


@dataclass
class _Draft:
    """A classified trigger with its parse-derived arguments, before actors are resolved."""

    classification: Classification
    head: Token
    arguments: Arguments
    folded: list[_Draft] = field(default_factory=list)
    # a statement that criticises (makes a demand of) an actor (events/criticism.py)
    criticism: Criticism | None = None


@dataclass
class _Article:
    """What coding one document remembers from sentence to sentence."""

    doc: Document
    context: ArticleContext
    quotations: Quotations
    alone: bool  # the document is one sentence: the learned confidence is calibrated by this context
    pairs: list[tuple[int, list[Actor]]] = field(default_factory=list)  # (sentence, sides) of acts
    #                                      between two named sides, latest last
    dated: dict[tuple, Event] = field(default_factory=dict)  # the first dated event of each kind and dyad
    acts: list[Event] = field(default_factory=list)  # every event the rules coded so far, latest last
    interceptions: set[int] = field(default_factory=set)  # trigger starts of weapons shot down: defences
    # The story's clock: the date the current paragraph stands at, the date told last anywhere ("the
    # same day" counts from it), and the latest day the story has reached in the days before publication.
    clock: EventDate | None = None
    told: EventDate | None = None
    latest: EventDate | None = None
    before: EventDate = field(default_factory=EventDate)  # the date the sentence before told, if any

    @cached_property
    def has_paragraphs(self) -> bool:
        return "\n" in self.doc.text

    def read_on(self, sentence: Sentence, previous: Sentence | None) -> None:
        """Before coding `sentence`: the story's clock after the sentence before. A paragraph's undated
        acts happen on the latest day the story has reached ("The army seized power on Monday." ...
        a new paragraph: "It accused the commission of fraud."), until it tells a date of its own."""
        self.before = EventDate()
        if previous is not None and self.doc.date is not None:
            self.before = date = told_date(previous.text, self.doc.date, self.told)
            if date.value is not None:
                self.clock = self.told = date
                if in_the_days_before(date, self.doc.date) and (
                        self.latest is None or self.latest.value < date.value):
                    self.latest = date
            elif not self.has_paragraphs:
                self.clock = None  # paragraphs flattened: only the sentence right before keeps the clock
        new_paragraph = previous is not None and "\n" in self.doc.text[previous.end:sentence.start]
        if new_paragraph:
            self.clock = self.latest

    def continue_date(self, event: Event) -> None:
        """An event told again without a date of its own ("the attack also damaged ...") takes the
        date of the earlier event of the same type between the same sides (the lead's date)."""
        key = _dated_key(event)
        if not any(key[1] | key[2]):
            return
        earlier = self.dated.get(key)
        if event.date.text is None and earlier is not None and earlier.date.value != event.date.value:
            event.date = earlier.date
            told = f"('{earlier.trigger.text}', {earlier.date.text!r})"
            event.reasons.append(Reason("date", f"no date of its own: the date of the same "
                                                f"{event.event_type} told earlier {told}"))

    def remember_date(self, event: Event) -> None:
        """The first event of each kind and dyad with a date of its own (or one its narrative gave it)
        dates the same act told again later (`continue_date`)."""
        key = _dated_key(event)
        if event.date.text is not None and any(key[1] | key[2]):
            self.dated.setdefault(key, event)

    def continue_narrative(self, event: Event, sentence: Sentence, previous: Sentence | None,
                           words: StanceWords, parsed: Doc) -> None:
        """An event without a date of its own, told in a sentence that goes on with the one before
        ("They demanded reforms." after "... began protesting late last year."), or narrated in the
        simple past where the story's clock stands in the week before publication (a sentence of its
        paragraph dated then: "The agency put out a statement last week. It offered to help."; at a new
        paragraph, the latest day the story reached), happened then, not on the publication date."""
        if event.date.text is not None or previous is None or self.doc.date is None:
            return
        goes_on = continues(sentence.text, words) and not event.future
        # "said it would help": an act to come, announced in the past, is dated by the announcement
        if not goes_on and not narrated_in_the_past(parsed, event.trigger.start - sentence.start):
            return
        before = self.before if goes_on else EventDate()
        if before.value is not None:
            told = "goes on with the one before"
        else:  # "They also asked ..." after a sentence that tells no date: where the story stands
            before = self.clock or EventDate()
            if before.value is None or not in_the_days_before(before, self.doc.date):
                return
            told = "follows, in the simple past, one dated days before"
        if before.value >= self.doc.date:
            return
        event.date = before
        event.reasons.append(Reason("date", f"no date of its own in a sentence that {told}: its date "
                                            f"{before.text!r}"))

    def remember_parties(self, event: Event) -> None:
        sides = [a for a in (*event.source[:1], *event.target[:1]) if _party(a)]
        if len(event.source) >= 2 and not event.target:
            sides = [a for a in event.source if _party(a)]
        if len({_party(a) for a in sides}) >= 2:
            self.pairs.append((event.sentence.index, sides))

    def parties_without(self, side: str) -> tuple[list[Actor] | None, bool]:
        """The two sides of the latest act between two sides that does not include `side`: whom "both
        leaders" or "either country" means when `side` speaks to or of them."""
        pair = next((sides for _, sides in reversed(self.pairs) if side not in map(_party, sides)), None)
        return pair, pair is not None

    def parties(self, side: str | None = None) -> tuple[list[Actor] | None, bool]:
        """The two sides of the latest act between two sides, and whether they are surely the ones meant.
        With `side` (the country of the act's source), the latest pair that includes it is: Russia
        praising "cooperation between the two countries" speaks of a pair Russia is in."""
        if not self.pairs:
            return None, False
        if side is not None:
            for _, sides in reversed(self.pairs):
                if side in {_party(a) for a in sides}:
                    return sides, True
        return self.pairs[-1][1], False

    def earlier_act(self, types: frozenset[str], responder: Actor | None, aimed: bool, *,
                    in_person: bool = False, told_by: frozenset[str] | None = None, reach: int | None = None,
                    passing: AbstractSet[int] = frozenset()) -> Event | None:
        """The earlier act a response answers ("the ministry denied the allegations", "'Nonsense,' she
        said" after an accusation, air defences downing the drones of an attack told before): the
        latest event coded before of one of `types` (with `told_by`, whose trigger opens with one of those
        words; never one whose trigger starts at an offset in `passing`).

        The responder is compared as a side (its country), or as itself when the latest act was aimed at
        it in person (or `in_person`, for a speaker's own "I reject that"). An `aimed` act (an
        accusation, a demand) must be aimed at the responder so compared, or at no one known (when told
        at sentence `reach` or later, with `reach`). Told again by no one known ("the activist was freed
        after two years"), it is the same act as an earlier one of those types with a doer, aimed at the
        same side. None when no doer is found or the doer is the responder: the opposition accusing the
        government of its own country is another, but a country's own forces whose attack its
        government denies are its own side."""
        kind = [e for e in self.acts if e.event_type in types and e.trigger.start not in passing
                and (told_by is None or e.trigger.text.split()[0].lower() in told_by)]
        if not kind:
            return None
        latest = kind[-1]
        side = _party(responder) if responder is not None else None
        personal = responder is not None and any(_same_actor(a, responder) for a in latest.target)
        if aimed and responder is not None and not _aimed_at(latest, side, personal, in_person, reach):
            return None
        aimed_at = {_party(a) for a in latest.target} - {None}
        for event in reversed(kind):
            doers = [a for a in event.source if _party(a)]
            if doers:
                own = responder is not None and any(
                    _same_actor(a, responder) if personal or in_person else _party(a) == side for a in doers)
                return None if own else event
            if not aimed_at & ({_party(a) for a in event.target} - {None}):
                return None  # another act with no doer named: who did the one answered is not told
        return None


def _aimed_at(act: Event, side: str | None, personal: bool, in_person: bool, reach: int | None) -> bool:
    """Whether `act` is aimed at the responder: at it in person (`personal`), at its side unless only the
    responder in person counts (`in_person`), or at no one known and told recently enough (`reach`: the
    first sentence that is)."""
    if not any(_known(a) for a in act.target):
        return reach is None or act.sentence.index >= reach
    return personal or (not in_person and any(_party(a) == side for a in act.target))


# Source and target candidates that come before those of the parse.
_RoleGroups = tuple[tuple[ArgumentGroup, ...], tuple[ArgumentGroup, ...]]


@dataclass(frozen=True)
class _Role:
    actors: list[Actor]
    state: ArgumentState
    reasons: list[str]
    inherited: bool = False
    sides: bool = False  # the actors are the two sides of one act ("between X and Y", "both sides")
    article_country: frozenset[int] = frozenset()  # starts of the actors whose country is the article's


def _relocated(role: _Role, name: str, changed: tuple[list[Actor], list[str]],
               reasons: list[Reason]) -> _Role:
    """The role with the actors a rule of actors.located gave it (`changed`: the actors and why), its
    reasons added to the event's, or the role as it was when the rule changed nothing."""
    actors, why = changed
    reasons += reasons_of(name, why)
    return replace(role, actors=actors) if why else role


# "In Seoul, police detained ...", "police in Lima arrested ...": a town or province named after "in" in
# the event's own sentence; the locator's other readings (a street, a word the gazetteer takes for a
# place) are too often wrong to override the article's country with.
_SCENE_PRECISIONS = frozenset({"city", "admin1"})
_IN = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)


def _named_in(location: Location | None, sentence: Sentence) -> bool:
    """The place was named after "in" in the sentence itself, as a town or a province."""
    if location is None or location.start is None or location.precision not in _SCENE_PRECISIONS:
        return False
    if not sentence.start <= location.start < sentence.end:
        return False
    return bool(_IN.search(sentence.text[:location.start - sentence.start]))


def _scene_of(location: Location | None, source: _Role, target: _Role) -> Location | None:
    """The event's scene, unless it was read inside the phrase of an actor the dictionary knows, of
    another country: "Arab" in "the Syrian Arab Army" and "Union" in "the European Union" name no place;
    "Lima" in "police in Lima" does."""
    if location is None or location.start is None:
        return location
    inside = [a for a in (*source.actors, *target.actors) if a.start <= location.start < a.end
              and (a.country or a.id)]
    return None if any(a.country != location.country for a in inside) else location


def _victims_abroad(target: _Role, source: _Role, scene: Location | None, reasons: list[Reason]) -> _Role:
    """The victims of an act abroad ("Russian jets killed 15 people in a Syrian town"): those named with no
    country, who took the article's main country only as a guess, when that country is the doer's own and
    the scene named in the text lies in another, are of the scene's country: the doer's own country was
    guessed because it was named first, not because the victims are its people."""
    if scene is None or scene.start is None or not scene.country or not target.article_country:
        return target
    doers = {a.country for a in source.actors if a.country and a.start not in source.article_country}
    abroad = [a.start for a in target.actors if a.start in target.article_country and a.country in doers
              and a.country != scene.country]
    if not abroad:
        return target
    actors = [replace(a, country=scene.country, code=scene.country + (a.sector or "")) if a.start in abroad
              else a for a in target.actors]
    told = ", ".join(a.text for a in target.actors if a.start in abroad)
    reasons += reasons_of("target", [f"'{told}' named with no country: the article's main country was the "
                                     f"doer's own, the scene '{scene.text}' is in {scene.country}"])
    return replace(target, actors=actors)


def _place_struck(target: _Role, groups: tuple[ArgumentGroup, ...], sentence: Sentence,
                  location: Location | None) -> _Role | None:
    """The target of a material act that is the place the act is told at ("bombed Jarabulus", "shelled the
    northern X countryside"): a place stands for its country, read where the event locator found the place
    in the target phrase up to its head. None when the target resolved or is no such place."""
    if target.state == "known" or location is None or location.start is None or not location.country:
        return None
    for group in groups:
        where = group.sentence or sentence
        for told in group.phrases:
            start, head_end = where.start + told.start_char, where.start + told.root.idx + len(told.root)
            # the place names what is struck ("Jarabulus", "the X countryside"), not where it stood
            # ("drones near X", "barracks near the lake")
            if start <= location.start < head_end:
                end = where.start + told.end_char
                actor = Actor(text=told.text, start=start, end=end, country=location.country,
                              code=location.country)
                why = f"'{told.text}' ({group.rule}) is the place '{location.text}': {location.country}"
                return _Role([actor], "known", [why])
        return None  # only the first candidate is what the act is done to
    return None


def _arrested_at_home(source: _Role, target: _Role) -> _Role:
    """The target of an arrest ("broke up a terrorist cell", "arrested five members of a gang") by a
    country's own police, agency or government (not its armed forces, who also act abroad): those it
    names with no country of their own are local to the arresting country, not of the article's main
    country, which was only a guess."""
    country = next((a.country for a in source.actors if a.country and a.start not in source.article_country
                    and a.sector not in ARMED_SECTORS), None)
    if country is None or not target.article_country:
        return target
    local = [a.start for a in target.actors if a.start in target.article_country and a.country != country]
    if not local:
        return target
    actors = [replace(a, country=country, code=country + (a.sector or "")) if a.start in local else a
              for a in target.actors]
    why = f"arrested by {country}'s own with no country named: local to {country}, not of the article's"
    return replace(target, actors=actors, reasons=[*target.reasons, why])


def _authorities_protested(groups: tuple[ArgumentGroup, ...], source: _Role, target: _Role,
                           sentence: Sentence, words: StanceWords) -> _Role | None:
    """Whom a protest against a measure is toward ("held a sit-in to protest the new restrictions",
    "marched against the education law"), or against "the government" named with no country: the
    authorities of the protesters' own country, as a reader takes them. None when the protesters have
    no country or the target is already someone known."""
    country = next((a.country for a in source.actors if a.country), None)
    if country is None:
        return None
    policy = policy_protested(groups, words) if target.state != "known" else None
    if policy is not None:
        actor = replace(_bare_actor(sentence, policy), country=country, sector="GOV", code=country + "GOV")
        return _Role([actor], "known", [f"'{policy.text}' is a measure of those who govern: the protest is "
                                        f"toward the authorities of the protesters' own country {country}"])
    if target.state == "known" and all(a.country is None and a.id is None and a.sector == "GOV"
                                       for a in target.actors):
        actors = [replace(a, country=country, code=country + "GOV") for a in target.actors]
        why = f"the government protested, named with no country: the protesters' own, {country}"
        return replace(target, actors=actors, reasons=[*target.reasons, why])
    return None


class EventCoder:
    """Codes PLOVER events with actors, dates, places and evidence, with the models and data of
    `resources` (by default its own Resources of the default Settings), each loaded on first use.

    `decisions` rescores each sentence's candidate events after the rules (which to keep, their
    confidence); by default those the settings name (the shipped learned model unless
    `Settings(decisions="rules")`); a Decisions object given here replaces them in this coder only.
    `article_roles` and `article_gate` likewise choose an article's events' source and target among the
    article's parties (events/article_roles.py) and which of its events are kept (events/article_gate.py).
    """

    def __init__(self, resources: Resources | None = None, decisions: Decisions | None = None,
                 article_gate: ArticleGate | KeepEvery | None = None,
                 article_roles: ArticleRoles | RulesRoles | None = None):
        self.resources = resources if resources is not None else Resources()
        self._decisions = decisions
        self._article_gate = article_gate
        self._article_roles = article_roles

    @property
    def decides_by_settings(self) -> bool:
        """Whether the decisions and the article models are those the settings name (so that a worker
        process can rebuild them)."""
        return self._decisions is None and self._article_gate is None and self._article_roles is None

    @cached_property
    def decisions(self) -> Decisions:
        return self._decisions if self._decisions is not None else self.resources.decisions

    @cached_property
    def article_gate(self) -> ArticleGate | KeepEvery:
        return self._article_gate if self._article_gate is not None else self.resources.article_gate

    @cached_property
    def article_roles(self) -> ArticleRoles | RulesRoles:
        return self._article_roles if self._article_roles is not None else self.resources.article_roles

    @cached_property
    def sense(self) -> Sense:
        return self.resources.sense

    @cached_property
    def lexicon(self) -> VerbLexicon:
        return self.resources.lexicon

    @cached_property
    def resolver(self) -> ActorResolver:
        return self.resources.resolver

    @cached_property
    def magnitude_words(self) -> MagnitudeWords:
        return self.resources.magnitude_words

    @cached_property
    def stance(self) -> StanceWords:
        return self.resources.stance_words

    @cached_property
    def modality_words(self) -> ModalityWords:
        return self.resources.modality_words

    @cached_property
    def argument_words(self) -> ArgumentWords:
        return self.resources.argument_words

    @cached_property
    def locator(self) -> EventLocator:
        return self.resources.locator

    def load(self) -> None:
        """Load what coding needs now, so that no document's time budget pays for it."""
        for name in ("decisions", "article_gate", "article_roles", "sense", "lexicon", "resolver",
                     "magnitude_words", "stance", "locator"):
            getattr(self, name)

    def is_candidate(self, sentence: Sentence) -> bool:
        """True when the sentence may hold an event (a trigger word, or a word a criticism is told
        with): decided without parsing. A credit line ("X contributed to this report") is never parsed."""
        if is_credit_line(sentence.text, self.stance):
            return False
        return self.lexicon.is_candidate(sentence.text) or may_criticise(sentence.text, self.stance)

    def worth_parsing(self, sentence: Sentence) -> bool:
        """Whether a candidate sentence is parsed: the pre-parse model's decision from its words
        (events/preparse.py); every candidate with `Settings(preparse="rules")`."""
        return self.resources.preparse.keeps(sentence.text)

    def code_document(self, doc: Document) -> list[Event]:
        """Events of one document, split and parsed here: the one-document form of a Pipeline batch
        (a Pipeline parses the sentences of many documents in one stream)."""
        sentences = split_sentences(doc.text)
        candidates = [s for s in sentences if self.is_candidate(s) and self.worth_parsing(s)]
        parsed = dict(zip((s.index for s in candidates), self.resources.nlp.pipe(s.text for s in candidates)))
        return self.code(doc, sentences, parsed)

    def code(self, doc: Document, sentences: list[Sentence], parsed: dict[int, Doc],
             deadline: float | None = None) -> list[Event]:
        """Events of one document, in sentence order then trigger order.

        `sentences` are all sentences of `doc` (for context such as coreference);
        `parsed` maps a sentence index to the spaCy parse of that sentence's text alone, so a
        token's document offset is `sentence.start + token.idx`. Past `deadline` (a
        time.monotonic() value) coding stops with TimeBudgetExceeded.
        """
        if not parsed:
            return []
        context = self.resolver.start_document(doc, sentences)
        quotations = Quotations(doc, sentences, _ParseOnce(self.resources.nlp, sentences, parsed),
                                self.modality_words)
        article = _Article(doc, context, quotations, alone=len(sentences) == 1)
        events: list[Event] = []
        previous = None
        for sentence in sentences:
            article.read_on(sentence, previous)
            if sentence.index in parsed and not is_credit_line(sentence.text, self.stance):
                coded = self._code_sentence(sentence, parsed[sentence.index], article, deadline)
                for event in coded:
                    if event.historical:
                        continue  # background dates no later event (nor names parties: _code_sentence)
                    article.continue_date(event)  # the same act told again first: the narrative next
                    article.continue_narrative(event, sentence, previous, self.stance, parsed[sentence.index])
                    article.remember_date(event)
                events.extend(coded)
            previous = sentence
        if article.alone:
            return events
        return self.article_gate.keep(self.article_roles.assign(events), doc.date)

    def _code_sentence(self, sentence: Sentence, parsed: Doc, article: _Article,
                       deadline: float | None = None) -> list[Event]:
        _check(deadline)
        drafts = [d for d in (_draft(parsed, c, self.argument_words) for c in self.lexicon.triggers(parsed))
                  if not _norm_broken(d, self.stance)]
        drafts += [d for d in _criticism_drafts(parsed, criticisms(parsed, self.stance), drafts, self.stance,
                                                   self.argument_words)
                   if self._criticism_holds(d, sentence, article)]
        places = SentenceLocator(self.locator, parsed)
        found = []
        told_in: list[Token | None] = []  # for each event found, the subordinate clause that tells it
        heads: dict[tuple[int, int], Token] = {}  # each event's trigger (start, end) -> its head token
        for draft in _checked(fold_content(drafts, self.modality_words.reporting_verbs), deadline):
            event = self._event(sentence, parsed, draft, article, places)
            if event is not None:
                found.append(event)
                heads[(event.trigger.start, event.trigger.end)] = draft.head
                told_in.append(subordinate_clause(draft.head, self.stance, self.argument_words))
                article.acts.append(event)
                if not event.historical:
                    article.remember_parties(event)  # "A met B, and the two leaders agreed": known at once
        current = _main_act_first([(e, c) for e, c in zip(found, told_in) if not e.historical])
        # The sense model may read a trigger word otherwise than the lexicon did, before the decisions.
        current = self.sense.choose(sentence, parsed, current)
        # The decisions weigh what the sentence reports; a historical act is never its main event.
        decided = (self.decisions.decide(sentence, parsed, _in_order(current), article.alone)
                   if current else [])
        # Two triggers of one act ("shot and killed") are one event, once the decisions have scored both.
        return one_event_per_act(decided + [_below(e, decided) for e in found if e.historical], heads)

    def _event(self, sentence: Sentence, parsed: Doc, draft: _Draft, article: _Article,
               places: SentenceLocator) -> Event | None:
        doc, context, quotations = article.doc, article.context, article.quotations
        draft = self._died_in_the_act(draft)
        c = draft.classification
        trigger = _trigger(sentence, parsed, c.trigger)
        reasons = reasons_of("type", [f"trigger '{trigger.text}' -> {c.event_type}: {c.reason}"] + [
            f"'{f.head.text}' ({f.classification.event_type}) is what this event is about, not an event of "
            "its own" for f in draft.folded])
        date, date_reason = self._date(doc, sentence, draft.head, article.told)
        reasons.append(Reason("date", date_reason))
        when = date.value or doc.date
        modality = analyse(draft.head, draft.arguments.clause_head, self.modality_words, self.argument_words)
        if modality.commentary:
            return None  # an analyst's forecast or opinion: no act between actors
        if self._wished(draft.head):
            return None  # a wish is not an act
        if _describes_its_noun(draft.head, c, self.stance):
            return None  # "rebels backed by X", "restrictions imposed by Y": a description, no act told here
        background = background_clause(draft.head)
        historical = background is not None and not recent(date, doc.date, background)
        dated_before = dated_relative(draft.head, date, doc.date) if not historical else None
        if open_question(draft.head, self.stance) is not None or feared(draft.head, self.stance) is not None:
            return None  # an act asked about ("unclear whether X will attack") or feared is not an act
        if evaluated(draft.head, self.stance) is not None:
            return None  # "it was a mistake to support X": a judgement of an act, not the act
        if draft.criticism is None and _retort(draft.head, self.stance):
            return None  # "shot back that ...", '"...," she fired back': words in reply, not an attack
        if c.quad_class not in VERBAL_QUADS and habitual(draft.head, self.stance) is not None:
            return None  # "usually patrol", "have patrolled it since 1985": a habit or a state, not an act
        if named_not_told(draft.head, c.event_type, self.modality_words) is not None:
            return None  # "bases that host troops", "instead of helping them fight", "asked if": not told
        if c.event_type == "ASSAULT" and toll_of_a_war(draft.head, self.stance) is not None:
            return None  # "thousands have been killed in the war": a war's running toll, not an act
        if c.event_type == "ASSAULT" and done_to_oneself(draft.head, self.stance) is not None:
            return None  # "fatally shot himself": a suicide, not an act between actors
        # a hostile act that would (will) follow if an actor acts: a threat to that actor
        unrealised = modality.hypothetical or modality.future or c.event_type == "THREATEN"
        hostile = c.cameo[:2] in HOSTILE_ROOTS or c.event_type == "THREATEN"
        threatened = conditional_threat(draft.arguments.clause_head) if hostile and unrealised else None
        if modality.hypothetical and c.event_type not in SPEECH_ACTS and threatened is None:
            return None  # what may, could or would happen, or happens only if: not an event
        reasons += modality.reasons
        if historical:  # a past act told in a relative clause is background, unless dated days ago
            reasons.append(Reason("modality", f"historical: a past act told in the background clause "
                                              f"'{_clause_text(background)}', not the news of the sentence"))
        elif dated_before is not None:
            historical = True
            reasons.append(Reason("modality", f"historical: an act told in the reduced relative clause "
                                              f"'{_subtree_text(dated_before)}' dated long before the news"))
        quote = quotations.around(trigger.start)
        unattributed = quote is not None and modality.reporter is None
        attribution = quotations.attribution(quote) if unattributed else None
        if attribution is not None:
            modality = _spoken_by(modality, attribution, self.modality_words, reasons)
            if modality.commentary:
                return None
        if threatened is not None and modality.reporter is None:
            return None  # what would happen if an actor acted, in the writer's voice: analysis, no threat
        if draft.criticism is not None:
            modality = replace(modality, negated=False)  # "is not working": the criticism is what happened
        speaker_sentence = attribution.sentence if attribution is not None else None
        stance_groups, c = self._stance(draft, c, reasons, modality.reporter, speaker_sentence, threatened)
        if refused_wish(draft.head, self.stance) is not None:
            modality = replace(modality, negated=False)  # the refusal is what happened, not negated
        reframing = reframe(c, modality, self.lexicon.data.intent) if stance_groups is None else None
        if reframing is not None:
            c = reframing.classification
            reasons.append(Reason("type", reframing.reason))
        candidates = _candidates(draft, modality.reporter, reframing, speaker_sentence, self.stance,
                                 self.modality_words, self.argument_words)
        if stance_groups is not None and draft.criticism is not None:
            first_sources, first_targets = stance_groups  # the critic and the criticised, nothing else
            candidates = _Candidates(first_sources or candidates.sources, first_targets, candidates.reporter)
        elif stance_groups is not None:
            first_sources, first_targets = stance_groups
            candidates = _Candidates(first_sources + candidates.sources, first_targets or candidates.targets,
                                     candidates.reporter)
        candidates = self._reaction_targets(c, draft.head, candidates)
        source = self._role("source", candidates.sources, sentence, when, context, set(),
                            article.parties())
        if quote is not None and modality.reporter is None and _first_person(source, self.modality_words):
            source = _Role([_bare(a) for a in source.actors], "unresolved",
                           [f"'{source.actors[0].text}' inside a quote whose speaker is not found: never "
                            "the countries named nearby"])
        taken = {i for a in source.actors for i in range(a.start, a.end)}
        responder = next((a for a in source.actors if _party(a)), None)
        side = _party(responder) if responder is not None else None
        with context.pronouns_not_for(source.actors):
            # the speaker's own side: only a statement's, and only of a country the source names itself
            own_side = side if responder is not None and c.quad_class in VERBAL_QUADS and \
                responder.start not in source.article_country else None
            target = self._role("target", candidates.targets, sentence, when, context, taken,
                                article.parties(side), own_side)
        if target.sides and side is not None and any(_party(a) == side for a in target.actors) and \
                addressed_pair(target.actors[0].text, self.stance):
            with context.pronouns_not_for(source.actors):  # "X spoke with (both leaders)": a pair X is not in
                target = self._role("target", candidates.targets, sentence, when, context, taken,
                                    article.parties_without(side), side)
        if source.state == "known":
            target = self._response_target(draft, c, sentence, when, article, taken, responder, target) \
                or target
        if c.cameo.startswith(CONFINEMENT_CODE):
            target = _arrested_at_home(source, target)
        if c.event_type == "PROTEST":
            target = _authorities_protested(candidates.targets, source, target, sentence, self.stance) \
                or target
        told_done = c.quad_class not in VERBAL_QUADS  # a downing, not "urged X to shoot down ..."
        intercepted = intercepted_weapon(draft.head, self.stance.interception_verbs,
                                         self.stance.interceptable) if told_done else None
        if intercepted is not None:
            article.interceptions.add(trigger.start)
            target = self._weapons_owner(intercepted, target, sentence, when, article, taken, responder)
        first_person = self.modality_words.first_person_subjects
        if source.state == "known" and target.state != "known" and \
                flat_denial(draft.head, self.stance, first_person):
            accusation = article.earlier_act(frozenset({"ACCUSE"}), responder, True, in_person=True,
                                             reach=sentence.index - _DENIAL_REACH)
            denied = _doer_of(accusation, draft.head, sentence, "the accusation a flat denial answers")
            if denied is not None:
                target = denied
                if c.event_type != "REJECT":
                    c = as_type(c, "REJECT")
                    reasons.append(Reason("type", f"'{draft.head.text}' denies the accusation made before: "
                                                  "a rejection"))
        if draft.criticism is not None and target.state != "known" and not draft.criticism.denies_a_clause:
            return None  # fault found with no one known ("the economy has failed") is no act between actors
        if _speaker_alone(draft, c, modality, target, self.modality_words):
            return None  # "we'll find out", "we need real talks": the speaker's own words toward no one
        armed = any(a.sector in ARMED_SECTORS for a in source.actors)
        if c.event_type == "PROTEST" and target.actors and armed:
            c = as_type(c, "ASSAULT")  # armed forces do not protest against an enemy: "strikes" are attacks
            reasons.append(Reason("type", "an armed source acting against a target: an attack, not a "
                                          "protest"))
        if _reciprocal(target, self.stance.reciprocal_pronouns):
            source, target = _toward_one_another(source, target, reasons)
        if _acts_together(c.event_type, draft.head, source, self.stance.clash_nouns):
            source, target = split_parties(source, target)
        street = _street_clash(c.event_type, draft.head, source, target, self.stance.clash_nouns)
        if street is not None:
            c = as_type(c, street[0])
            reasons.append(Reason("type", street[1]))
        accident = accident_of(draft.head, source.state in ("known", "named"), c.event_type, self.stance)
        if accident is not None:
            return None  # casualties of an accident or a disaster ('{accident.text}'), not an attack
        weapon = self._weapon_as_doer(source, c)
        if weapon is not None:
            unknown = f"'{weapon}' is what struck, not who: the attacker is unknown"
            source = _Role([], "missing", [*source.reasons, unknown])
        # a statement told as a noun ("criticism of X") with no one behind it is no act, even with a target
        nominal = draft.head.pos_ in ("NOUN", "PROPN")
        suffered = draft.arguments.passive and not (nominal and c.quad_class in VERBAL_QUADS)
        if source.state == "missing" and suffered:
            source = self._doer_told_before(draft.head, sentence, article) or source
        if not _enough_actors(source, target, c, suffered or weapon is not None):
            victim = self._unknown_doer(draft, c, source, target, weapon is not None)
            if victim is not None and target.state == "unresolved":
                target = replace(target, actors=[_bare_actor(draft.arguments.targets[0].sentence or sentence,
                                                             victim)])
            if victim is not None:
                reasons.append(Reason("source", f"the report names no doer: the act on '{victim.text}' is "
                                                "kept with an unknown source"))
            elif (used := self._weapon_used(draft, c)) is not None:
                reasons.append(Reason("source", f"'{used}' was used by no one named: an attack kept with an "
                                                "unknown source"))
            elif intercepted is not None:
                reasons.append(Reason("source", f"'{intercepted.text}' downed, neither side named: kept with "
                                                "no actor known"))
            elif c.quad_class in VERBAL_QUADS or not self.lexicon.told_as_happening(draft.head):
                return None
            else:
                reasons.append(Reason("source", f"'{trigger.text}' is told as having taken place, by no one "
                                                "named: kept with an unknown source"))
        elif source.state == "missing" and suffered and target.actors:
            victim = target.actors[0].text
            reasons.append(Reason("source", f"the act's own words name no doer: the act on '{victim}' is "
                                            "kept with an unknown source"))
        reasons += reasons_of("source", source.reasons) + reasons_of("target", target.reasons)
        reported_by = self._reporter(candidates.reporter, speaker_sentence or sentence, when, context,
                                     reasons)
        location, location_reason = places.locate(draft.head.i, sentence, doc)
        reasons.append(Reason("location", location_reason))
        if _place_taken(c.event_type, draft.head, armed or _a_state(source.actors), sentence, location,
                        self.stance.place_taking_verbs):
            c = replace(c, event_type="ASSAULT", mode=None, cameo=OCCUPY_TERRITORY,
                        quad_class=quad_class_of(OCCUPY_TERRITORY))
            reasons.append(Reason("type", f"armed forces or a state taking the place '{location.text}': "
                                          "fighting for ground, not a seizure of property"))
            holder = _taken_from(draft.head)
            if holder is not None:  # "captured the town from Chile": who held it is who the attack was on
                group = ArgumentGroup((phrase(holder),), f"object of 'from' after '{draft.head.text}'")
                with context.pronouns_not_for(source.actors):
                    held = self._role("target", (group,), sentence, when, context, taken,
                                      article.parties(side))
                if held.actors:
                    target = held
                    reasons += reasons_of("target", held.reasons)
        elif (violence := _armed_group_act(c, source.actors)) is not None:
            c = replace(c, event_type="ASSAULT", mode=plover_of(violence)[1], cameo=violence,
                        quad_class=quad_class_of(violence))
            reasons.append(Reason("type", "an armed group seizing, capturing or wrecking: violence, not the "
                                          "coercion of a state"))
        scene = location if location is not None and location.start is not None and location.country \
            else places.sole_country_place(sentence, doc)
        scene = _scene_of(scene, source, target)
        # unnamed agents of the scene's country when the article names none; armed groups of no country
        # as their local branch there
        source, target = (_relocated(role, name, with_place_country(role.actors, scene, context), reasons)
                          for role, name in ((source, "source"), (target, "target")))
        target = _relocated(target, "target", local_branch(target.actors, scene), reasons)
        struck = _place_struck(target, candidates.targets, sentence, location) \
            if c.quad_class not in VERBAL_QUADS else None
        if struck is not None:
            target = struck
            reasons += reasons_of("target", struck.reasons)
        if c.event_type in FIGHTING_TYPES:
            target = _victims_abroad(target, source, scene, reasons)
        # local agents at the place the locator found for the act in its own sentence (not the sentence's
        # sole country, whose gazetteer reading of a name may be a false place)
        told_here = scene if scene is location and _named_in(scene, sentence) else None
        source, target = (_relocated(role, name, at_the_scene(role.actors, role.article_country, told_here),
                                     reasons) for role, name in ((source, "source"), (target, "target")))
        confidence, confidence_reason = event_confidence(Evidence(
            specificity=c.specificity, source=source.state, target=target.state,
            nominal=nominal, source_inherited=source.inherited,
            negated=modality.negated, hypothetical=modality.hypothetical))
        reasons.append(Reason("confidence", confidence_reason))
        return Event(
            doc_id=doc.id, event_type=c.event_type, mode=c.mode, cameo=c.cameo, quad_class=c.quad_class,
            sentence=sentence, trigger=trigger, source=source.actors, target=target.actors, date=date,
            location=location, negated=modality.negated, hypothetical=modality.hypothetical,
            future=modality.future, historical=historical, reported_by=reported_by, confidence=confidence,
            reasons=reasons,
            magnitudes=find_magnitudes(parsed, sentence, c.event_type, draft.head, self.magnitude_words))

    def _doer_told_before(self, head: Token, sentence: Sentence, article: _Article) -> _Role | None:
        """ "Rebels ambushed a convoy. Four soldiers died in the ambush": an act suffered in an attack named
        as one told before ("the ambush", "that attack") was done by the doer of the latest attack the
        article coded in the sentences just before: one attack told twice, with one doer, not a second
        attack by no one. None when no such attack with a known doer was told."""
        attack = attack_told_before(head, self.stance.attack_nouns)
        earlier = article.earlier_act(frozenset({"ASSAULT"}), None, False) if attack is not None else None
        if earlier is None or earlier.sentence.index < sentence.index - _TOLD_BEFORE_REACH:
            return None
        doers = [a for a in earlier.source if _known(a)]
        reason = (f"'{phrase(attack).text}' is the attack '{earlier.trigger.text}' of sentence "
                  f"{earlier.sentence.index + 1}: its doer")
        return _Role(doers, "known", [reason], inherited=True) if doers else None

    def _died_in_the_act(self, draft: _Draft) -> _Draft:
        """ "Three guards died in an ambush", "two children died in the raid": the subject of a dying
        verb read as an attack suffered it, as a passive's subject does, and never did it; the doer is
        the one named on the attack ("died in a Taliban ambush", "in airstrikes by X") or no one. Dying
        in fighting ("died in clashes with X") keeps the sides the fighting names (`_fighting_sides`)."""
        arguments = draft.arguments
        if not _dying(draft.head, self.stance) or arguments.passive:
            return draft
        if fighting_told(draft.head, self.stance.clash_nouns) is not None:
            return draft
        # the attack noun folded into the verb ("died in a (Taliban) ambush on X") names its own parties
        attacks = [f.arguments for f in draft.folded
                   if f.head.dep_ == "pobj" and f.head.head.head.i == draft.head.i]
        sources = tuple(g for a in attacks for g in a.sources)
        targets = arguments.sources + tuple(g for a in attacks for g in a.targets) + arguments.targets
        return replace(draft, arguments=replace(arguments, sources=sources, targets=targets, passive=True))

    def _reaction_targets(self, c: Classification, head: Token, candidates: _Candidates) -> _Candidates:
        """A reaction (a protest, a statement) toward an act told as a noun is toward whoever did it, named
        on the noun ("protested against X's visit to Y", "condemned the shelling of Y by X"): that doer
        comes before the noun's phrase, which may name another party. A noun of an actor ("the U.N.'s
        court", "Iran's embassy") is no act: its phrase is the target as it stands. A protest with no
        target candidate takes what it is against from the place it is told at ("in towns against X") or from
        a protest noun ("marched in protest at X")."""
        if c.quad_class not in VERBAL_QUADS and c.event_type != "PROTEST":
            return candidates
        targets = candidates.targets
        if not targets and c.event_type == "PROTEST":
            targets = protested_against_elsewhere(head, self.stance)
        if not targets:
            return candidates
        noun = targets[0].phrases[0].root
        doer = None if (noun.lower_,) in self.resolver.dictionary.agents else doer_named_on(noun)
        return replace(candidates, targets=targets if doer is None else (doer, *targets))

    def _response_target(self, draft: _Draft, c: Classification, sentence: Sentence, when: dt.date | None,
                         article: _Article, taken: set[int], responder: Actor | None,
                         found: _Role) -> _Role | None:
        """Whom a response is toward when its own words name no actor (events/responses.py): the doer of
        the act it answers ("denied the allegations": who made them), the holder of the meeting a refusal
        keeps away from, the holder of a person whose release is asked for, the host of a gathering. None
        when the text names no one. A holder named on the person ("the release of the sailors held by
        X") comes first even when the person was `found` as the target; the rest only when none was."""
        head, excluded = draft.head, set(range(*c.trigger))
        side = _party(responder) if responder is not None else None
        release = release_asked(head, self.stance) if c.event_type == "REQUEST" else None
        holders = holders_of_the_released(release, self.stance) if release is not None else ()
        named_holder = self._first_other(holders, sentence, when, article, taken, side)
        found_stands = found.state == "known" and not _own_released(release, found, responder)
        if named_holder is not None or found_stands:
            return named_holder
        if c.event_type == "CONSULT":
            return self._first_other(hosts_named(head.doc, excluded), sentence, when, article, taken, side)
        if c.quad_class not in VERBAL_QUADS:
            return None
        summed = summed_act_doer(head, self.argument_words)
        doer = self._first_other((summed,), sentence, when, article, taken, side) if summed else None
        if doer is not None:
            return doer
        meeting = meeting_kept_away_from(head, self.stance) if c.event_type == "REJECT" else None
        if meeting is not None:
            holders = meeting_holders(meeting, excluded, self.stance)
            return self._first_other(holders, sentence, when, article, taken, side) or \
                self._sole_other(names_in_sentence(head.doc, excluded, self.modality_words.reporting_verbs),
                                 sentence, when, article, taken, side)
        if release is not None:
            detention = article.earlier_act(_HOLDING_ACTS, responder, False,
                                            told_by=self.stance.detention_forms)
            return _doer_of(detention, release, sentence, "who holds whom the release is of")
        answered = answered_act(head, c.trigger, self.stance)
        if answered is None:
            return None
        noun, types = answered
        aimed = c.event_type in ("REJECT", "ACCUSE") and not types & _UNAIMED_ACTS and not types <= _DONE_ACTS
        answered_earlier = article.earlier_act(types, responder, aimed)
        return _doer_of(answered_earlier, noun, sentence, "what the response answers")

    def _weapons_owner(self, weapon: Token, found: _Role, sentence: Sentence, when: dt.date | None,
                       article: _Article, taken: set[int], interceptor: Actor | None) -> _Role:
        """Whom an interception ("shot down most of the drones", "the missiles were intercepted") is
        toward: the weapons' owner, never the article's country by default. The owner named in the words
        before the weapon ("a Russian jet": the whole phrase `found`, RUSMIL; "a police helicopter": the
        police; not "drones near Kyiv": where, not whose; a pronoun is left to the attack told before),
        else their launcher ("drones launched by X"), else, for munitions (not aircraft, which the
        attacker told before may as well have shot down), the doer of the attack told before (not of the
        interceptor's side); else no one known."""
        how = f"(whose '{weapon.text}' were intercepted)"
        before = weapon.doc[weapon.left_edge.i:weapon.i]
        named = [r.actor for r in self.resolver.resolve_text(before.text, when)] if len(before) else []
        if found.state == "known" and {a.country for a in named} & {a.country for a in found.actors} - {None}:
            return found
        owner_words = (ArgumentGroup((before,), f"owner named on '{weapon.text}' {how}"),) \
            if any(_known(a) for a in named) else ()
        owner = self._role("target", owner_words + launchers_of(weapon, how), sentence, when, article.context,
                           taken)
        if owner.state == "known":
            return owner
        if word_in(weapon, self.stance.intercepted_munitions):
            attack = article.earlier_act(frozenset({"ASSAULT"}), interceptor, False,
                                         passing=article.interceptions)
            attacker = _doer_of(attack, weapon, sentence, "whose weapons were intercepted")
            if attacker is not None and attacker.actors:
                return attacker
        why = f"'{phrase(weapon).text}': intercepted weapons whose owner no word or earlier attack names"
        return _Role([], "missing", [f"target {why}: unknown, not the article's country"])

    def _first_other(self, groups: tuple[ArgumentGroup, ...], sentence: Sentence, when: dt.date | None,
                     article: _Article, taken: set[int], side: str | None) -> _Role | None:
        """The first group that resolves to a known actor of another side than the source's."""
        role = self._role("target", groups, sentence, when, article.context, taken)
        others = [a for a in role.actors if _party(a) != side]
        return replace(role, actors=others) if role.state == "known" and others else None

    def _sole_other(self, groups: tuple[ArgumentGroup, ...], sentence: Sentence, when: dt.date | None,
                    article: _Article, taken: set[int], side: str | None) -> _Role | None:
        """The one other side the sentence names ("a panel of the court heard it, but X refused to attend the
        session"): None when it names none, or more than one, as no word tells which is meant."""
        roles = [self._first_other((g,), sentence, when, article, taken, side) for g in groups]
        roles = [r for r in roles if r is not None]
        if len({_party(a) for r in roles for a in r.actors}) != 1:
            return None
        return replace(roles[0], reasons=[f"the only other side the sentence names: {roles[0].reasons[0]}",
                                          *roles[0].reasons[1:]])

    def _weapon_as_doer(self, source: _Role, c: Classification) -> str | None:
        """The weapon or attack a hostile act names as its doer ("a car bomb destroyed ...", "the
        blast killed ..."): no actor, the attacker is unknown. None when the source is an actor."""
        if source.state != "unresolved" or c.quad_class != "material_conflict" or not source.actors:
            return None
        words = source.actors[0].text.lower().replace("-", " ").split()
        return source.actors[0].text if words and words[-1] in self.stance.weapon_doers else None

    def _weapon_used(self, draft: _Draft, c: Classification) -> str | None:
        """The weapon a passive hostile act was done with, when it names no doer ("the bomb was
        detonated", "a rocket was fired at the base"): the attack happened, by an unknown hand. None
        when its subject names people, or when the weapon is what was acted on ("the explosives were
        seized")."""
        if not draft.arguments.passive or draft.arguments.sources or c.event_type != "ASSAULT":
            return None
        subject = draft.arguments.targets[0].phrases[0] if draft.arguments.targets else None
        if subject is None or names_victim(subject, self.stance):
            return None
        weapon = word_in(subject.root, self.stance.weapon_doers)
        return subject.text if weapon else None

    def _unknown_doer(self, draft: _Draft, c: Classification, source: _Role, target: _Role,
                      by_weapon: bool) -> Span | None:
        """The victim of a material act that names no doer ("he was arrested in May", "four were
        killed", "a bomb killed two guards"), when it names people: the act happened, by an unknown
        hand. None otherwise."""
        if not (draft.arguments.passive or by_weapon) or source.state != "missing":
            return None
        if target.state not in ("unresolved", "named"):
            return None
        if c.quad_class in VERBAL_QUADS or not draft.arguments.targets:
            return None
        return next((p for p in draft.arguments.targets[0].phrases if names_victim(p, self.stance)), None)

    def _stance(self, draft: _Draft, c: Classification, reasons: list[Reason], reporter: Token | None = None,
                speaker_sentence: Sentence | None = None,
                threatened: Token | None = None) -> tuple[_RoleGroups | None, Classification]:
        """A denied act is a REJECT by the denier; an act asked 'for X to' do is a REQUEST by the asker
        of X; a statement that finds fault with X is an ACCUSE of X by its speaker (`reporter`, for a
        quote's own clause); a hostile act a speaker says follows if X acts (`threatened`: X) is a
        THREATEN of X by the speaker. Returns the source and target candidates that come first, or
        None, and the classification."""
        if draft.criticism is not None:
            criticism = draft.criticism
            rule = f"asked to '{criticism.evaluation.text}'" if criticism.demand else \
                f"criticised in what '{criticism.trigger.text}' tells"
            targets = tuple(ArgumentGroup((phrase(t),), rule) for t in criticism.criticised)
            return (_speaker_of(criticism, reporter, speaker_sentence, self.argument_words), targets), c
        denial = denial_of(draft.head, self.stance)
        if denial is not None:
            denier, rule = clause_subject(denial, self.argument_words)
            reasons.append(Reason("type", f"'{draft.head.text}' is what '{denial.text}' denies: a rejection, "
                                          "not the act"))
            sources = (ArgumentGroup((phrase(denier),), rule),) if denier is not None else ()
            return (sources, ()), as_type(c, "REJECT")
        refusal = refused_wish(draft.head, self.stance)
        if refusal is not None:
            refuser, rule = clause_subject(refusal, self.argument_words)
            reasons.append(Reason("type", f"'{draft.head.text}' is what the negated '{refusal.text}' "
                                          "refuses: a rejection, not the act"))
            sources = (ArgumentGroup((phrase(refuser),), rule),) if refuser is not None else ()
            return (sources, ()), as_type(c, "REJECT")
        ultimatum = ultimatum_of(draft.head, self.stance, self.argument_words)
        if ultimatum is not None:
            reasons.append(Reason("type", f"'{ultimatum.verb.text}' gives '{ultimatum.asked.text}' a time "
                                          f"limit to '{draft.head.text}': an ultimatum, a threat"))
            sources = (ArgumentGroup((phrase(ultimatum.asker),), f"subject of '{ultimatum.verb.text}'"),) \
                if ultimatum.asker is not None else ()
            return (sources, (ArgumentGroup((phrase(ultimatum.asked),), "who is given the time limit"),)), \
                as_type(c, "THREATEN")
        if threatened is not None and reporter is not None:
            reasons.append(Reason("type", f"'{draft.head.text}' is told to follow if '{threatened.text}' "
                                          f"acts, by '{reporter.text}': a conditional threat, not the act"))
            speaker = ArgumentGroup((phrase(reporter),), "the speaker", speaker_sentence)
            warned = ArgumentGroup((phrase(threatened),), "subject of the condition")
            return ((speaker,), (warned,)), as_type(c, "THREATEN")
        warned = _warned_by_condition(draft.head) if c.event_type == "THREATEN" else None
        if warned is not None:
            reasons.append(Reason("target", f"'{draft.head.text}' tells what follows if '{warned.text}' "
                                            "acts: the warning is to that actor"))
            return ((), (ArgumentGroup((phrase(warned),), "subject of the condition"),)), c
        demand = demanded(draft.head, self.argument_words) or \
            instructed(draft.head, self.stance, self.argument_words)
        if demand is not None:
            reasons.append(Reason("type", f"'{demand.asked.text}' is asked to '{draft.head.text}' "
                                          f"('{demand.verb.text} ... to'): a demand, not the act"))
            sources = (ArgumentGroup((phrase(demand.asker),), f"subject of '{demand.verb.text}'"),) \
                if demand.asker is not None else ()
            return (sources, (ArgumentGroup((phrase(demand.asked),), "who is asked"),)), as_type(c, "REQUEST")
        crowd = crowd_protest(draft.head, c.event_type, self.stance)
        if crowd is not None:
            reasons.append(Reason("type", f"'{crowd.text}' protested: a crowd's protest is a demonstration, "
                                          "not a statement"))
            return None, as_type(c, "PROTEST")
        return None, c

    def _criticism_holds(self, draft: _Draft, sentence: Sentence, article: _Article) -> bool:
        """Whether a criticism draft is one, decided before it may take the acts it tells as its content
        (so that those stay events of their own when it is not): a quote's own clause needs the quote's
        speaker; an analyst's judgement is none; the actor criticised must be known."""
        reporter = None
        if draft.criticism.verb is None:
            attribution = article.quotations.attribution_at(sentence.start + draft.head.idx)
            if attribution is None:
                return False
            reporter = attribution.speaker
        if _told_by_commentator(draft, reporter, self.modality_words, self.argument_words):
            return False
        if draft.criticism.denies_a_clause:
            return True  # a denial whose accuser the sentence leaves open is a REJECT all the same
        criticised = tuple(ArgumentGroup((phrase(t),), "criticised") for t in draft.criticism.criticised)
        target = self._role("target", criticised, sentence, article.doc.date, article.context, set())
        return target.state == "known"

    def _wished(self, head: Token) -> bool:
        """The trigger is a wish verb, or the act a wish verb governs ("wants to close the camps", "had
        hoped it would be possible to settle the quarrel"); a negated wish ("does not want to meet") is a
        refusal, coded in `_stance`."""
        if is_wish(head, self.stance):
            return True
        if refused_wish(head, self.stance) is not None:
            return False
        return wished_by(head, self.stance) is not None

    def _date(self, doc: Document, sentence: Sentence, head: Token,
              anchor: EventDate | None) -> tuple[EventDate, str]:
        return resolve_event_date(sentence.text, head.idx, doc.date, past=_told_in_the_past(head),
                                  clauses=date_clauses(head), anchor=anchor)

    def _role(self, role: str, groups: tuple[ArgumentGroup, ...], sentence: Sentence,
              when: dt.date | None, context: ArticleContext, taken: set[int],
              parties: tuple[list[Actor] | None, bool] = (None, False), own_side: str | None = None) -> _Role:
        """The first candidate group that resolves to a known actor; else, for the source, the
        first phrase that names someone, else the first phrase found. A plural reference ("the two
        leaders", "both sides") stands for the two sides of an act between them (`parties`: the sides,
        and whether they are surely the ones meant). A target of `own_side` (the source's) read from a
        clause under the trigger ("warned that (Washington) would not sign deals with X") is the speaker's
        own side telling what it will do: any later candidate that resolves comes first."""
        unresolved: list[tuple[ArgumentGroup, list[Span]]] = []
        own: _Role | None = None
        for group in groups:
            where = group.sentence or sentence
            phrases = [p for p in group.phrases if not _overlaps(where, p, taken)]
            plural = next((p for p in phrases if is_plural_reference(p.text, self.stance)), None)
            sides = _sides(plural, where, context, self.resolver.words.person_agent_nouns, *parties) \
                if plural is not None else None
            if sides is not None:
                named = ", ".join(a.name or a.country or a.text for a in sides)
                reason = f"{role} '{plural.text}' ({group.rule}) refers to the parties named before: {named}"
                return _Role([replace(a, text=plural.text, start=where.start + plural.start_char,
                                      end=where.start + plural.end_char) for a in sides], "known",
                             [reason], inherited="inherited" in group.rule, sides=True)
            resolved = [r for p in phrases for r in self.resolver.resolve(p, where, when, context)]
            known = _unique([r.actor for r in resolved if _known(r.actor)])
            if known:
                reasons = [f"{role} '{_phrase_text(phrases)}' ({group.rule})"]
                reasons += [reason for r in resolved if _known(r.actor) for reason in r.reasons]
                guessed = frozenset(r.actor.start for r in resolved if r.country_from_article)
                found = _Role(known, "known", reasons, inherited="inherited" in group.rule, sides=group.sides,
                              article_country=guessed)
                from_clause = group.rule.startswith("inherited from the clause")
                if own is None and own_side is not None and from_clause and \
                        all(_party(a) == own_side for a in known):
                    own = found
                    continue
                if own is not None:
                    why = f"'{own.actors[0].text}' in the clause is the source's own side, not its target"
                    found = replace(found, reasons=[*found.reasons, why])
                return found
            if phrases:
                unresolved.append((group, phrases))
        if own is not None:
            return own
        if not unresolved:
            return _Role([], "missing", [f"{role}: no candidate phrase in the parse"])
        named = [(g, phrases) for g, phrases in unresolved if any(_names_someone(p) for p in phrases)]
        group, phrases = (named or unresolved)[0]
        reason = f"{role} '{_phrase_text(phrases)}' ({group.rule}) resolves to no country, sector or actor"
        if role != "source":
            told = f"{role} '{_phrase_text(phrases)}' ({group.rule})"
            where = group.sentence or sentence
            return _unlisted_of_the_article(phrases, where, context, told, self.stance) or \
                _Role([], "unresolved", [reason])
        where = group.sentence or sentence
        return _Role([_bare_actor(where, p) for p in phrases], "named" if named else "unresolved",
                     [reason], inherited="inherited" in group.rule)

    def _reporter(self, token: Token | None, sentence: Sentence, when: dt.date | None,
                  context: ArticleContext, reasons: list[Reason]) -> list[Actor] | None:
        if token is None:
            return None
        span = phrase(token)
        resolved = self.resolver.resolve(span, sentence, when, context)
        actors = _unique([r.actor for r in resolved]) or [_bare_actor(sentence, span)]
        reasons += reasons_of("reported_by", (reason for r in resolved for reason in r.reasons))
        return actors


class _ParseOnce:
    """A sentence's text parsed for the quotes: the batch's parse when the sentence was a candidate,
    else parsed here once (a speaker's sentence need hold no event trigger)."""

    def __init__(self, nlp, sentences: list[Sentence], parsed: dict[int, Doc]):
        self._nlp = nlp
        self._parses = {s.text: parsed[s.index] for s in sentences if s.index in parsed}

    def __call__(self, text: str) -> Doc:
        if text not in self._parses:
            self._parses[text] = self._nlp(text)
        return self._parses[text]


def _sides(plural: Span, sentence: Sentence, context: ArticleContext, person_nouns: frozenset[str],
           parties: list[Actor] | None, sure: bool) -> list[Actor] | None:
    """Who "the two presidents" or "both countries" are: the pair of an act that includes the source's
    side (`sure`); else the two sides named last before the phrase (people for a noun of people), unless
    the latest act between two sides came after them."""
    if parties and sure:
        return parties
    head = plural[-1].lower_
    people = head == "men" or head.removesuffix("s") in person_nouns
    named = context.pair_before(sentence.start + plural.start_char, people, sentence.index)
    if named is None:
        return parties
    if parties and min(a.start for a in named) <= max(a.start for a in parties):
        return parties
    return named


def _own_released(release: Token | None, found: _Role, responder: Actor | None) -> bool:
    """Whether a release is asked for one of the asker's own ("Ottawa demanded that the Canadian nurse be
    freed") or for someone of no country known: the demand is toward whoever holds them, not toward them."""
    released = {a.country for a in found.actors} - {None}
    own = responder is not None and responder.country is not None and released == {responder.country}
    return release is not None and (own or not released)


def _doer_of(earlier: Event | None, noun: Token, sentence: Sentence, how: str) -> _Role | None:
    """The doer of an earlier event as the target of a response, told by `noun` ("the allegations": its
    maker; "his release": who detained him). None without an earlier event."""
    if earlier is None:
        return None
    told = phrase(noun)
    names = ", ".join(a.name or a.country or a.text for a in earlier.source)
    reason = (f"target '{told.text}': the doer of the {earlier.event_type} '{earlier.trigger.text}' of "
              f"sentence {earlier.sentence.index + 1} ({how}): {names}")
    actors = [replace(a, text=told.text, start=sentence.start + told.start_char,
                      end=sentence.start + told.end_char) for a in earlier.source if _known(a)]
    return _Role(actors, "known", [reason])


def _reciprocal(target: _Role, pronouns: frozenset[str]) -> bool:
    """ "accused each other", "blamed one another": the act goes from each party of the source to the
    other. `pronouns` are lower-case words, one space between them."""
    return bool(target.actors) and all(" ".join(a.text.lower().split()) in pronouns for a in target.actors)


def _toward_one_another(source: _Role, target: _Role, reasons: list[Reason]) -> tuple[_Role, _Role]:
    """Two parties in the source: the first-named toward the others. One party ("rival rebel factions
    attacked each other"): that party toward itself."""
    told = target.actors[0]
    reasons.append(Reason("target", f"'{told.text}': the parties of the source toward one another"))
    split_source, split_target = split_parties(source, _Role([], "missing", []))
    if split_target.actors:
        return split_source, split_target
    itself = [replace(a, text=told.text, start=told.start, end=told.end) for a in source.actors]
    return source, _Role(itself, "known" if itself else "missing", target.reasons)


def _acts_together(event_type: str, head: Token, source: _Role, clash_nouns: frozenset[str]) -> bool:
    """Whether the parties named as one source act with each other: they meet, agree or cooperate; they
    fight ("clashed", "battles") or are the two sides named ("clashes between X and Y"). Two named as
    the doers of an attack ("X and Y shelled the town") attack together."""
    if event_type not in SYMMETRIC_TYPES:
        return False
    if event_type != "ASSAULT" or source.sides:
        return True
    return word_in(head, clash_nouns)


def _taken_from(head: Token) -> Token | None:
    """ "captured the port (from) Bolivia": the phrase of who held the place taken, or None."""
    return next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "from"
                 for o in p.children if o.dep_ == "pobj"), None)


def _a_state(actors: list[Actor]) -> bool:
    """ "Israel", "the Ethiopian government": a country acting as a state, whose forces take ground."""
    return any(a.country is not None and a.sector in (None, "GOV") for a in actors)


def _place_taken(event_type: str, head: Token, taker: bool, sentence: Sentence, location: Location | None,
                 verbs: frozenset[str]) -> bool:
    """Armed forces or a state capture or seize the event's place itself ("troops captured Avdiivka", "the
    town was seized by rebels", "Peru captured the port of Arica in 1880"): the place the locator found is
    what the verb takes (`taker`: the doer is armed or a state). Police seizing goods and forces capturing
    people stay coercion."""
    if event_type != "COERCE" or not taker or head.lemma_.lower() not in verbs:
        return False
    if location is None or location.start is None:
        return False
    taken = next((t for t in head.children if t.dep_ in ("dobj", "nsubjpass")), None)
    if taken is None:
        return False
    start = sentence.start + taken.idx  # the place must be the taken word itself, not a place named in it
    return location.start <= start < location.end


def _armed_group_act(c: Classification, sources: list[Actor]) -> str | None:
    """The ASSAULT code of a seizure, an arrest or a wrecking done by an armed non-state group ("rebels
    captured two aid workers", "insurgents took over a cargo ship"); None for any other act or doer."""
    if c.event_type != "COERCE" or not any(a.sector in ARMED_GROUP_SECTORS for a in sources):
        return None
    return ARMED_GROUP_ACTS.get(c.cameo)


def _street_clash(event_type: str, head: Token, source: _Role, target: _Role,
                  clash_nouns: frozenset[str]) -> tuple[str, str] | None:
    """A clash between a crowd (protesters, students, workers, supporters) and the police is no attack
    between armed sides: the crowd's clash with the police is a PROTEST, the police's clash with a
    crowd a COERCE (the police put it down). Returns the type and the reason, or None."""
    if event_type != "ASSAULT" or source.state != "known" or not target.actors:
        return None
    if not word_in(head, clash_nouns):
        return None
    def crowd(actors: list[Actor]) -> bool:
        return all(a.sector is not None and a.sector not in _NOT_A_CROWD for a in actors)

    def police(actors: list[Actor]) -> bool:
        return all(a.sector in POLICE_SECTORS for a in actors)

    if crowd(source.actors) and police(target.actors):
        return "PROTEST", (f"a crowd ('{source.actors[0].text}') clashing with the police: a protest, not an "
                           "attack")
    if police(source.actors) and crowd(target.actors):
        return "COERCE", (f"the police clashing with a crowd ('{target.actors[0].text}'): repression, not an "
                          "attack")
    return None


def split_parties(source: _Role, target: _Role) -> tuple[_Role, _Role]:
    """Both parties of a symmetric act named as one subject ("Egypt and Jordan held talks",
    "the Kenyan and Ugandan presidents signed"): the first-named party is the source, the others
    the target. A target already found, or a subject of one party only, is left as it is, unless
    the subject names the two sides of the act ("ten were killed in clashes between X and Y"): they
    are its parties, of one country or two, before those it fell on."""
    if (target.actors and not source.sides) or source.state != "known":
        return source, target
    parties = list(dict.fromkeys(_party(a) for a in source.actors if _party(a)))
    if len(parties) >= 2:
        first = [a for a in source.actors if _party(a) in (parties[0], None)]
        others = [a for a in source.actors if _party(a) not in (parties[0], None)]
    elif source.sides and len({a.start for a in source.actors}) >= 2:
        first = [a for a in source.actors if a.start == source.actors[0].start]
        others = [a for a in source.actors if a.start != source.actors[0].start]
    else:
        return source, target
    reason = (f"symmetric act: the first-named party '{first[0].text}' is the source, "
              f"{', '.join(repr(a.text) for a in others)} the target")
    return (_Role(first, source.state, [*source.reasons, reason], source.inherited),
            _Role(others, "known", target.reasons))


def _clause_text(pronoun: Token) -> str:
    """The words of the relative clause `pronoun` opens: "which intervened in 2015"."""
    verb = pronoun.head
    return verb.doc[min(pronoun.i, verb.left_edge.i):verb.right_edge.i + 1].text


def _describes_its_noun(head: Token, c: Classification, words: StanceWords) -> bool:
    """A reduced relative clause with no time of its own that describes its noun rather than tells an
    act: by a standing relation when the act is cooperative ("rebels (backed) by Turkey", "a truce
    (brokered) by Qatar"), by a state when the noun names a thing ("restrictions (imposed) by X", "a
    village (inhabited) by Y"). A hostile act done to people or a named place ("two men (shot) by troops",
    "Palmyra, (seized) by rebels") or an attack told with its doer ("airstrikes (launched) by X") is one."""
    if not reduced_relative(head) or dated_clause(head):
        return False
    if c.quad_class not in CONFLICT_QUADS:
        return True
    noun = head.head
    attack = word_in(noun, words.attack_nouns)
    return not (attack or names_victim(phrase(noun), words))


def _main_act_first(events: list[tuple[Event, Token | None]]) -> list[Event]:
    """The current events of a sentence, those told in a subordinate clause or phrase (`stance.
    subordinate_clause`: "(as) rebels retreated", "rebels who (stole) cattle", "to (prevent) a rally")
    given a confidence below the best event of the main clause: the act the sentence reports comes
    first, the acts that tell its time, cause or background after it. Unchanged without a main-clause
    event."""
    main = [e.confidence for e, clause in events if clause is None]
    if not main:
        return [e for e, _ in events]
    ceiling = round(max(main) - _SUBORDINATE_MARGIN, 2)
    kept = []
    for event, clause in events:
        if clause is not None and event.confidence > ceiling:
            why = (f"confidence {ceiling:.2f}: told in the subordinate '{_subtree_text(clause)}' "
                   f"(rules {event.confidence:.2f}), below the main act of its sentence")
            event = replace(event, confidence=ceiling, reasons=[*event.reasons, Reason("confidence", why)])
        kept.append(event)
    return kept


def _subtree_text(token: Token) -> str:
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text


def _in_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.trigger.start, e.trigger.end))


def _below(event: Event, current: list[Event]) -> Event:
    """A historical event with a confidence below every current event of its sentence."""
    confidence, reason = historical_confidence(event.confidence, [e.confidence for e in current])
    return replace(event, confidence=confidence, reasons=[*event.reasons, Reason("confidence", reason)])


def _same_actor(one: Actor, other: Actor) -> bool:
    """The same person or body: the same name, else the same country and sector, both known."""
    if one.name and other.name:
        return one.name == other.name
    return one.country is not None and (one.country, one.sector) == (other.country, other.sector)


def _dated_key(event: Event) -> tuple:
    """An act's kind and dyad: what tells the same act told again."""
    return event.event_type, frozenset(map(_party, event.source)), frozenset(map(_party, event.target))


def _party(actor: Actor) -> str | None:
    """The side an actor stands for: its country, else its dictionary code, else its sector."""
    return actor.country or actor.code or actor.sector


def _told_in_the_past(head: Token) -> bool:
    """ "assured", "has met", "was attacked": the trigger's verb (or the verb that governs a noun
    trigger) is in a past tense."""
    verb = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass") else head
    for _ in range(2):
        # "assured visiting ministers", "stormed the village, killing 15": a gerund without auxiliaries
        # takes the tense of the verb it hangs on
        if verb.tag_ != "VBG" or verb.dep_ not in _GERUND_LINKS or any(
                c.dep_ in ("aux", "auxpass") for c in verb.children):
            break
        verb = verb.head
    if verb.tag_ == "VBD" or reduced_relative(verb):
        return True  # "protesters detained on Monday": a participle telling what was done to them
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(a.tag_ == "VBD" or a.lower_ in ("has", "have") for a in auxiliaries)


def _dying(head: Token, words: StanceWords) -> bool:
    """ "died": a verb of dying, whose subject suffered what killed it."""
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in words.dying_verbs


def _enough_actors(source: _Role, target: _Role, c: Classification, passive: bool) -> bool:
    """An event needs someone behind it: a resolved or named source; a hostile material act by a doer who is
    there but resolves to no actor ("they shot two soldiers", "the men seized the mayor") on a resolved
    target; a strong pattern with a resolved target; or, for a passive ("three soldiers were killed"),
    a resolved victim. A thing acting on no one ("the talks failed", "these laws prevent ...") is no
    event; nor is a statement by no one known ("they said X was ...")."""
    if source.state in ("known", "named"):
        return True
    if source.state == "unresolved" and c.quad_class == "material_conflict":
        return target.state == "known"
    if c.specificity >= STRONG_PATTERN:
        return target.state == "known"
    return passive and target.state == "known"


@dataclass(frozen=True)
class _Candidates:
    sources: tuple[ArgumentGroup, ...]
    targets: tuple[ArgumentGroup, ...]
    reporter: Token | None  # who reported the event, when that is not its source


def _spoken_by(modality: Modality, attribution: Attribution, words: ModalityWords,
               reasons: list[Reason]) -> Modality:
    """The modality of an act told inside a quote whose speaker stands outside the sentence."""
    speaker = attribution.speaker
    reasons.append(Reason("reported_by",
                          f"quoted: spoken by '{speaker.text}' (attribution {attribution.how})"))
    commentary = (modality.future or modality.hypothetical) and speaker.lemma_.lower() in words.commentators
    if commentary:
        reasons.append(Reason("modality", f"commentary: told by '{speaker.text}'"))
    return replace(modality, reporter=speaker, commentary=commentary)


def _speaker_of(criticism: Criticism, reporter: Token | None, speaker_sentence: Sentence | None,
                clauses: ArgumentWords) -> tuple[ArgumentGroup, ...]:
    """Who criticises or demands: the subject of the statement verb, or the quote's speaker. The
    statement verb's subject is the trigger's own source unless the trigger is the act demanded."""
    if criticism.verb is not None:
        if criticism.trigger is criticism.verb:
            return ()  # the trigger's own subject
        speaker, rule = clause_subject(criticism.verb, clauses)
        return (ArgumentGroup((phrase(speaker),), rule),) if speaker is not None else ()
    if reporter is None:
        return ()
    return (ArgumentGroup((phrase(reporter),), "the quote's speaker", speaker_sentence),)


def _told_by_commentator(draft: _Draft, reporter: Token | None, words: ModalityWords,
                         clauses: ArgumentWords) -> bool:
    """A criticism whose speaker is an analyst or an expert ("analysts say the plan has failed")."""
    speaker = reporter
    if draft.criticism is not None and draft.criticism.verb is not None:
        speaker, _ = clause_subject(draft.criticism.verb, clauses)
    return speaker is not None and speaker.lemma_.lower() in words.commentators


def _speaker_alone(draft: _Draft, c: Classification, modality: Modality, target: _Role,
                   words: ModalityWords) -> bool:
    """A speaker telling of "we" or "I" saying, wanting or planning something toward no one ("we will find
    out", "I need real talks", "we were not fighting for her alone"): the speaker's plans, needs or
    feelings, not an act between actors. A material act told as done ("we arrested the bomb makers")
    stays the report of an act, and so do a force of the speaker's side ("our forces took the town"), a
    counterpart named ("we will retaliate against X") and someone else acted on ("I will get him out",
    "we attacked their camps"), even when no actor is resolved for them."""
    done = c.quad_class not in VERBAL_QUADS and not (modality.future or modality.negated
                                                      or modality.hypothetical or modality.obliged)
    speakers_side = _leading_pronoun(draft.arguments.sources) in words.first_person_subjects
    return speakers_side and modality.reporter is not None and not done and not target.actors and \
        not _person_acted_on(draft.head, words)


def _person_acted_on(head: Token, words: ModalityWords) -> bool:
    """Is the object of the verb someone else ("get him out", "free Mandela") or someone else's ("attacked
    their camps"), not a thing alone ("need talks")?"""
    objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
    owners = [c for o in objects for c in o.children if c.dep_ == "poss"]
    return any(_someone_else(t, words) for t in objects + owners)


def _someone_else(token: Token, words: ModalityWords) -> bool:
    """A name or a personal pronoun that is not the speaker's ("him", "their", "Russia")."""
    if token.pos_ == "PROPN":
        return True
    return token.tag_ in ("PRP", "PRP$") and token.lower_ not in words.first_person | words.pronouns_of_things


def _bare(actor: Actor) -> Actor:
    return replace(actor, name=None, country=None, sector=None, code=None, id=None)


def _first_person(role: _Role, words: ModalityWords) -> bool:
    return bool(role.actors) and role.actors[0].text.split()[0].lower() in words.first_person


def _candidates(draft: _Draft, reporter: Token | None, reframing: Reframing | None,
                speaker_sentence: Sentence | None, words: StanceWords,
                modality_words: ModalityWords, clauses: ArgumentWords) -> _Candidates:
    """Source and target candidates, with the speaker of reported speech where the speaker is meant.
    `speaker_sentence` is the sentence of the speaker when the attribution stands in another one;
    `words` name the attacks whose doer a passive act told in them takes ("killed in an ambush by X"),
    the fighting whose sides an act told in it takes ("killed in clashes with X") and the weapons set
    off at a target ("detonated a bomb near X")."""
    # "Israeli strikes killed 12": who did the act that is the verb's subject comes before the act itself
    sources = (doers_named_on_the_act(draft.head, words.act_nouns, clauses) + draft.arguments.sources
               + doers_of_the_attack(draft.head, words.attack_nouns, _dying(draft.head, words))
               + attackers_in_time_clause(draft.head, words.attack_nouns, words.attacking_verbs,
                                          _dying(draft.head, words)))
    if draft.head.pos_ in ("NOUN", "PROPN"):
        # "the arrest of X sparked (protests)": an act is no actor of the act it causes
        sources = tuple(g for g in sources if g.phrases[0].root.lemma_.lower() not in words.act_nouns)
    # "urged Iran to stop", "threatened to attack Iran": who does or suffers the act embedded
    # directly under a verbal event is its target (a subject shared with the host is skipped later)
    direct = [f for f in draft.folded if f.head.head.i == draft.head.i]
    statement = draft.classification.quad_class in VERBAL_QUADS
    # a material act takes only the victims of an act of its kind told in a clause under it: in "when
    # militants stormed the base, they killed two guards" the militants did the killing, never suffered it
    inherited = (g for f in direct for g in ((*f.arguments.sources, *f.arguments.targets) if statement
                                              else f.arguments.targets))
    excluded = {t.i for g in draft.arguments.sources for p in g.phrases for t in p}
    aimed_at = targets_of_a_weapon(draft.head, words.explosive_weapons, excluded)
    targets = (aimed_at + draft.arguments.targets + tuple(inherited)
               + embedded_targets(draft.head, excluded, clauses, statement))
    if draft.classification.event_type in JOINT_TYPES:
        targets += partner_of_the_first_act(draft.head)  # "met X and (signed) a deal": with X
    if draft.classification.event_type == "REJECT":
        targets += doers_of_the_act_joined(draft.head)  # "would not take part in any Israeli attack"
    fights = draft.classification.event_type in FIGHTING_TYPES
    fighting = fighting_told(draft.head, words.clash_nouns) if fights else None
    if fighting is not None:
        sources, targets = _fighting_sides(draft, fighting, sources, targets)
    if reporter is None:
        return _Candidates(sources, targets, None)
    if reframing is not None and reframing.speaker_is_source:
        speaker = ArgumentGroup((phrase(reporter),), f"'{reporter.text}' demands it", speaker_sentence)
        told = _told(reporter, sources, speaker_sentence, modality_words.first_person)
        return _Candidates((speaker,), told + sources, None)
    threat = draft.classification.event_type == "THREATEN" or (
        reframing is not None and reframing.classification.event_type == "THREATEN")
    if not sources and threat and (draft.arguments.passive or draft.head.pos_ in ("NOUN", "PROPN")):
        # "those behind the bombing will be punished," the minister said: an act announced with no doer
        # named is the speaker's side's to do
        speaker = ArgumentGroup((phrase(reporter),), f"'{reporter.text}' announces an act no one else is "
                                                     "named to do: the speaker's threat", speaker_sentence)
        return _Candidates((speaker,), targets, reporter)
    pronoun = _leading_pronoun(sources)
    owner = _owned_by_pronoun(sources)
    if pronoun in modality_words.first_person:
        sources = (ArgumentGroup((phrase(reporter),), f"'{pronoun}' is the speaker's side", speaker_sentence),
                   *sources[1:])
    elif owner is not None and reporter.dep_ == "nsubj":
        # "the air force said one of its jets shot down ...": the doer reported is the speaker's own
        sources = (ArgumentGroup((phrase(reporter),), f"'{owner}' in '{sources[0].phrases[0].text}' is the "
                                                      "speaker's side", speaker_sentence), *sources[1:])
    elif pronoun is not None:
        # "X said it would ...": without another antecedent in the article, the speaker is meant
        speaker = ArgumentGroup((phrase(reporter),), f"'{pronoun}' read as the speaker", speaker_sentence)
        sources = (sources[0], speaker, *sources[1:])
    return _Candidates(sources, targets, reporter)


def _fighting_sides(draft: _Draft, fighting: Token, sources: tuple[ArgumentGroup, ...],
                    targets: tuple[ArgumentGroup, ...]) -> tuple[tuple[ArgumentGroup, ...], ...]:
    """The sides of an act told in fighting. A passive act with no doer named ("ten were killed in
    clashes between X and Y", "... in clashes with Y") happened between the sides of the fighting: both
    sides named are its parties (the first the source, split as a symmetric act is), else the other side
    is the doer and the victims stay the target. An act with a doer of its own ("seized the town after a
    battle with Y") has the other side as a target after its own."""
    both, other = fighting_parties(fighting, set(range(*draft.classification.trigger)))
    if draft.arguments.passive and not sources:
        if both is not None:
            return (both,), targets  # the victims stay the target only when the sides name no actor
        return ((other,), targets) if other is not None else (sources, targets)
    return (sources, targets + (other,)) if other is not None else (sources, targets)


def _told(reporter: Token, sources: tuple[ArgumentGroup, ...], speaker_sentence: Sentence | None,
          first_person: frozenset[str]) -> tuple[ArgumentGroup, ...]:
    """ "X told the governments that they should not close ...": the pronoun that must act is whom the
    speaker told, when a verb of telling has an object."""
    pronoun = _leading_pronoun(sources)
    verb = reporter.head
    told = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if reporter.dep_ != "nsubj" or pronoun is None or pronoun in first_person:
        return ()
    if told is None or told.pos_ == "PRON":
        return ()
    return (ArgumentGroup((phrase(told),), f"'{pronoun}' is whom '{verb.text}' addresses", speaker_sentence),)


_SPEAKERS_POSSESSIVES = ("its", "their")  # "the ministry said its troops ...": the speaker's troops


def _leading_pronoun(groups: tuple[ArgumentGroup, ...]) -> str | None:
    """The first source candidate when it is a lone personal pronoun ("we", "it", "they"), or the
    first-person possessive that opens it ("our forces", "my government")."""
    if not groups or len(groups[0].phrases) != 1:
        return None
    first = groups[0].phrases[0]
    if len(first) == 1 and first[0].tag_ == "PRP":
        return first.text.lower()
    return first[0].lower_ if first[0].lower_ in ("our", "my") else None


def _owned_by_pronoun(groups: tuple[ArgumentGroup, ...]) -> str | None:
    """ "its jets", "one of their soldiers": the third-person possessive on the first source candidate,
    which in reported speech names the speaker's own side."""
    if not groups or len(groups[0].phrases) != 1:
        return None
    root = groups[0].phrases[0].root
    heads = [root, *(o for p in root.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj")]
    return next((c.lower_ for head in heads for c in head.children
                 if c.dep_ == "poss" and c.lower_ in _SPEAKERS_POSSESSIVES), None)


def _criticism_drafts(parsed: Doc, found: list[Criticism], triggered: list[_Draft],
                      stance: StanceWords, clauses: ArgumentWords) -> list[_Draft]:
    """ACCUSE drafts of the criticisms told by statements whose verb is no trigger of its own (or is a
    retort, whose attack reading _event drops). A doer judged by an adjective in the report of a material
    act ("the unlawful militia attacked ...") is the act's description, not a criticism."""
    triggers = {d.head.i for d in triggered}
    material = {d.head.i for d in triggered if d.classification.quad_class not in VERBAL_QUADS}
    drafts = []
    for criticism in found:
        head = criticism.trigger
        retort = criticism.verb is not None and _retort(criticism.verb, stance)
        judged_doer = criticism.judges_the_doer and criticism.clause.i in material
        if (head.i in triggers and not retort) or judged_doer:
            continue
        verb = criticism.verb
        told = f"statement '{verb.text}'" if verb is not None else "the quote's own clause"
        event_type, _ = plover_of(criticism.code)
        if criticism.retribution:
            reason = (f"{told} tells '{criticism.criticised[0].text}' will be made to pay "
                      f"('{criticism.clause.text}'): "
                      f"a threat of retribution -> CAMEO {criticism.code} -> {event_type}")
        elif criticism.code == THREAT_CODE:
            reason = (f"{told} tells '{head.text}' to follow if '{criticism.criticised[0].text}' acts: "
                      f"a threat -> CAMEO {criticism.code} -> {event_type}")
        elif criticism.code == PRAISE_CODE:
            reason = (f"{told} says '{criticism.evaluation.text}' of '{criticism.criticised[0].text}': "
                      f"an endorsement -> CAMEO {criticism.code} -> {event_type}")
        elif criticism.open_denial:
            reason = (f"{told} denies what '{criticism.clause.text}' tells, of no other party named: a "
                      f"rejection -> CAMEO {criticism.code} -> {event_type}")
        elif criticism.code == REJECTION_CODE and criticism.evaluation is criticism.clause:
            reason = (f"{told} denies what '{criticism.clause.text}' tells of "
                      f"'{criticism.criticised[0].text}': a rejection -> CAMEO {criticism.code} -> "
                      f"{event_type}")
        elif criticism.code == REJECTION_CODE:
            reason = (f"{told} calls the accusation '{criticism.evaluation.text}': a rejection -> CAMEO "
                      f"{criticism.code} -> {event_type}")
        elif criticism.demand:
            reason = (f"{told} asks '{criticism.criticised[0].text}' to '{head.text}' (a modal of "
                      f"obligation): a demand -> CAMEO {criticism.code} -> {event_type}")
        elif criticism.charge:
            reason = (f"{told} charges '{criticism.criticised[0].text}' with '{criticism.evaluation.text}': "
                      f"an accusation -> CAMEO {criticism.code} -> {event_type}")
        else:
            reason = (f"{told} tells '{criticism.evaluation.text}' of '{criticism.criticised[0].text}': "
                      f"a criticism -> CAMEO {criticism.code} -> {event_type}")
        patterns = {CRITICISM_CODE: "statement + negative evaluation", THREAT_CODE: "statement + penalty if",
                    PRAISE_CODE: "statement + positive evaluation",
                    REJECTION_CODE: "statement + accusation denied"}
        pattern = patterns.get(criticism.code, "statement + demand")
        classification = Classification(event_type, None, criticism.code, quad_class_of(criticism.code),
                                        (head.i, head.i + 1), pattern, reason, 0.5)
        draft = _draft(parsed, classification, clauses)
        drafts.append(replace(draft, criticism=criticism))
    return drafts


def _warned_by_condition(verb: Token) -> Token | None:
    """ "warned that Iran would respond if Israel struck back": the actor of the condition told in a
    warning's clause, or None; a warning with its own object ("warned Peru that ...") is to that one."""
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    return next((w for c in verb.children if c.dep_ == "ccomp" for w in (conditional_threat(c),)
                 if w is not None), None)


def _norm_broken(draft: _Draft, stance: StanceWords) -> bool:
    """ "violated the treaty", "abused the immunity of its mission": the rule broken is no agreement and
    its breach no attack; the statement that tells it is a charge (events/criticism.py)."""
    if broken_norm_word(draft.head, stance):
        return True
    return draft.classification.quad_class not in VERBAL_QUADS and breaks_a_norm(draft.head, stance)


def _retort(verb: Token, stance: StanceWords) -> bool:
    """ "shot back that ...", "fired back": a phrasal accusing verb told as a statement
    (events/criticism.py)."""
    name = accusing_verb(verb, stance)
    return name is not None and " " in name


def _draft(parsed: Doc, classification: Classification, clauses: ArgumentWords) -> _Draft:
    start, end = classification.trigger
    theme_object = classification.event_type in THEME_OBJECT_TYPES
    meeting = classification.event_type == "CONSULT"
    confinement = classification.cameo == CONFINEMENT_CODE
    of_doer = classification.event_type in OF_DOER_TYPES
    owner_suffers = classification.cameo in ACTS_ON_A_PERSON
    return _Draft(classification, trigger_head(parsed, start, end),
                  find_arguments(parsed, start, end, clauses, classification.target_preps, theme_object,
                                 meeting, confinement, of_doer, owner_suffers))


class TimeBudgetExceeded(Exception):
    """Coding a document ran past its time budget."""


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeBudgetExceeded


def _checked(drafts: list[_Draft], deadline: float | None) -> Iterator[_Draft]:
    for draft in drafts:
        _check(deadline)
        yield draft


def fold_content(drafts: list[_Draft], reporting_verbs: frozenset[str]) -> list[_Draft]:
    """Drafts that are events of their own; the others are folded into the event they are the content of.

    A reporting verb the lexicon coded because of its complement ("said ... attack") gives way
    to the act it reports, which keeps the speaker as `reported_by`.
    """
    links_below = _links_below(drafts)
    drafts = [d for d in drafts
              if not _attribution(d) and not _reports_another(d, links_below, reporting_verbs)]
    # Only a draft whose head (or clause head) is above this one's head can host it: looking among
    # those, found by walking up the tree, keeps a run-on sentence of n triggers from costing n squared.
    by_token: dict[int, list[int]] = {}
    for position, draft in enumerate(drafts):
        for token in {draft.head.i, draft.arguments.clause_head.i}:
            by_token.setdefault(token, []).append(position)
    kept = []
    for draft in drafts:
        above = sorted({p for token in _ancestors(draft.head) for p in by_token.get(token.i, ())})
        host = next((drafts[p] for p in above if drafts[p] is not draft and _hosts(drafts[p], draft)), None)
        if host is None:
            kept.append(draft)
        else:
            host.folded.append(draft)
    return kept


def _ancestors(token: Token) -> Iterator[Token]:
    node = token
    while node.head.i != node.i:
        node = node.head
        yield node


def _links_below(drafts: list[_Draft]) -> dict[int, set[str]]:
    """For each token above a draft's head: the dependencies by which the paths down to draft heads
    leave it (what `_link_below(token, head)` answers for each of them)."""
    links: dict[int, set[str]] = {}
    for draft in drafts:
        child = draft.head
        for ancestor in _ancestors(draft.head):
            links.setdefault(ancestor.i, set()).add(child.dep_)
            child = ancestor
    return links


def _attribution(draft: _Draft) -> bool:
    """'according to X' names a source of information, never an act."""
    head = draft.head
    return head.lower_ == "according" and any(c.lower_ == "to" for c in head.children)


def _reports_another(draft: _Draft, links_below: dict[int, set[str]],
                     reporting_verbs: frozenset[str]) -> bool:
    if draft.head.lemma_.lower() not in reporting_verbs or draft.criticism is not None:
        return False
    links = links_below.get(draft.head.i, set())
    if draft.classification.event_type == "ACCUSE" and "xcomp" not in links:
        return False  # "alleged that X (killed) ...": the report is the accusation, the act its content
    return not links.isdisjoint(("ccomp", "parataxis", "xcomp"))  # "claiming to have (killed)": the act


def _hosts(outer: _Draft, inner: _Draft) -> bool:
    link = _link_below(outer.head, inner.head)
    anchor = outer.arguments.clause_head  # the verb of a noun trigger: "continued their (strike) to demand"
    if link is None and anchor.i != outer.head.i and _link_below(anchor, outer.head) in ("dobj", "obj"):
        link = _link_below(anchor, inner.head)
    if link is None or link in _SEPARATE_LINKS:
        return False
    outer_type = outer.classification.event_type
    if outer.criticism is not None and outer.criticism.code == CRITICISM_CODE and not outer.criticism.charge \
            and inner.classification.quad_class not in VERBAL_QUADS:
        return False  # "says X is illegally seizing ...": the act criticised is told as having happened
    if outer.criticism is not None and outer.criticism.code == PRAISE_CODE:
        return False  # "said the accord is a positive step": the act praised took place
    if inner.head.dep_ == "relcl" and inner.classification.event_type == "REJECT":
        return False  # "accused X, a charge (that) Y rejected": the answer is an act of its own
    if outer_type == inner.classification.event_type:
        return True
    if outer_type in ("THREATEN", "REQUEST") and link == "advcl" and to_infinitive(inner.head):
        return True  # "gave X 48 hours (to withdraw)", "pressed X hard (to leave)": what is demanded
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


def _unlisted_of_the_article(phrases: list[Span], sentence: Sentence, context: ArticleContext, named: str,
                             words: StanceWords) -> _Role | None:
    """People or a place named in a way no dictionary lists, when no candidate resolves: a proper name
    ("Jane Doe was shot", "troops entered Kafr Qasim") or people counted without a noun ("killed four
    soldiers and wounded (six)", "(dozens of others) were hurt"). As a reader takes them, of the country
    the article is about; still only named, so that they make no event on their own. None when a phrase
    is neither or the article names no country."""
    country = context.main_country
    if country is None or not all(_unlisted_name(p) or _counted_people(p, words) for p in phrases):
        return None
    actors = [replace(_bare_actor(sentence, p), country=country, code=country) for p in phrases]
    why = f"{named}: named in no dictionary, of the article's main country {country}"
    return _Role(actors, "named", [why])


def _unlisted_name(span: Span) -> bool:
    """A name as people and hamlets are named ("Jane Doe", "Kafr Qasim"), not a region, a body or a work
    named with an article ("the Middle East", "the Alliance of ...")."""
    root = span.root
    return root.pos_ == "PROPN" and not any(c.dep_ == "det" for c in root.children)


def _counted_people(span: Span, words: StanceWords) -> bool:
    """People counted with no noun of their own: "six", "at least 15", "21 others", "dozens of others";
    never a pronoun, whose antecedent is for the resolver to find, nor a name (`_unlisted_name`)."""
    root = span.root
    return root.pos_ == "NUM" or (root.pos_ not in ("PRON", "PROPN") and names_victim(span, words))


def _bare_actor(sentence: Sentence, span: Span) -> Actor:
    return Actor(text=span.text, start=sentence.start + span.start_char, end=sentence.start + span.end_char)


def _phrase_text(phrases: list[Span]) -> str:
    return " + ".join(p.text for p in phrases)
