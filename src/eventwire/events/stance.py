"""What was asked for, denied or suffered in an accident is not the act it names.

- "The army denied targeting civilians": a rejection (REJECT) by the army, never an attack.
- "Protesters chanted for the president to resign": a demand (REQUEST) by the protesters of the
  president, never a resignation.
- "Twelve people were killed when their bus fell off a bridge", "died in a flood": casualties of an
  accident or a disaster, never an attack.

Read from the dependency parse around the trigger; the word lists are in data/verbs/stance.json.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.events.arguments import (
    ArgumentWords,
    clause_subject,
    reduced_relative,
    to_infinitive,
    word_in,
)
from eventwire.events.lexicon import cameo_of, inflections, quad_class_of
from eventwire.jsondata import read_json

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from eventwire.events.classify import Classification
    from eventwire.records import EventDate

# Links by which a denied act hangs under the denial: "denied (targeting)", "denied that it (attacked)",
# "denied involvement in (attacking)".
_DENIED_LINKS = {"xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep"}
_MAX_HOPS = 3
_CONDITIONS = {"if", "unless"}
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
    instruction_verbs: frozenset[str] = frozenset()  # "told X to (act)": a demand of X, not X's act
    ultimatum_verbs: frozenset[str] = frozenset()  # "gave X 48 hours to (act)": a threat to X
    ultimatum_nouns: frozenset[str] = frozenset()
    fear_nouns: frozenset[str] = frozenset()  # "the threat of attacks": feared, not done
    evaluation_words: frozenset[str] = frozenset()  # "it was a mistake to (act)": a judgement
    # "They demanded ...", "There, X asked ...": a sentence that goes on with the one before it
    continuation_openers: frozenset[str] = frozenset()
    # "the villagers", "four", "others": who a passive act with no doer named happened to
    victim_nouns: frozenset[str] = frozenset()
    # "a car bomb killed ...", "the blast destroyed ...": what struck, never who struck
    weapon_doers: frozenset[str] = frozenset()
    # "killed in clashes with X", "after a battle with X": fighting whose parties the act is told between
    clash_nouns: frozenset[str] = frozenset()
    place_taking_verbs: frozenset[str] = frozenset()  # "captured <a town>": an attack, not a seizure
    # "usually patrol", "have often clashed": a habit told, not an act that took place
    frequency_adverbs: frozenset[str] = frozenset()
    # "have patrolled it for years": a span of time over which a state went on
    duration_nouns: frozenset[str] = frozenset()
    # "have died in the fighting since 2015", "the war has killed": a whole war's toll, not an act
    lasting_conflicts: frozenset[str] = frozenset()
    # "killed", "injured": the casualties an accident can cause; "shot", "detonated" are always meant
    casualty_verbs: frozenset[str] = frozenset()
    # "three guards died in an ambush": the subject of a dying verb suffered the act, never did it
    dying_verbs: frozenset[str] = frozenset()
    # "says (that) ...", "reported ...": verbs whose clause may carry the speaker's criticism
    statement_verbs: frozenset[str] = frozenset()
    concern_verbs: frozenset[str] = frozenset()  # "expressed (concern) that ...": a criticism told as worry
    concern_nouns: frozenset[str] = frozenset()
    # "is illegal", "has become a farce": what a statement says of an actor or its policy to criticise it
    negative_evaluations: frozenset[str] = frozenset()
    failure_verbs: frozenset[str] = frozenset()  # "the policy has failed"
    success_verbs: frozenset[str] = frozenset()  # negated: "the policy is not working"
    evaluative_adverbs: frozenset[str] = frozenset()  # "is illegally seizing": the act told as a wrong
    judging_verbs: frozenset[str] = frozenset()  # "amounts to (a war crime)", "represents (a disregard) for"
    shortfall_words: frozenset[str] = frozenset()  # negated "do": "is not doing enough"
    # "X must (should) stop ...", "X needs to withdraw": an act asked of another actor (a demand)
    demand_modals: frozenset[str] = frozenset()
    demand_verbs: frozenset[str] = frozenset()
    penalty_nouns: frozenset[str] = frozenset()  # "sanctions could follow if X ...": a threat to X
    priority_adjectives: frozenset[str] = frozenset()  # "more interested in X than in Y": a criticism
    accusing_speakers: frozenset[str] = frozenset()  # "prosecutors said X ...": a charge against X
    # "alleged that X ...", "shot back that X ...": verbs whose clause charges its subject, whatever the act;
    # a phrasal one ("shoot back") is a retort, never the attack its verb alone names
    accusing_verbs: frozenset[str] = frozenset()
    threat_modals: frozenset[str] = frozenset()  # "sanctions could follow if ...": a penalty threatened
    uncertain_modals: frozenset[str] = frozenset()  # "it may have failed": a statement not told as fact
    not_a_party: frozenset[str] = frozenset()  # "it", "we", "you": no party criticised or asked
    third_person_pronouns: frozenset[str] = frozenset()  # "he", "they": read as the speaker's, not asked
    concern_prepositions: frozenset[str] = frozenset()  # "concern (about) X": what the concern is about
    personal_pronouns: frozenset[str] = frozenset()  # "he", "them": people an act can happen to
    question_modals: frozenset[str] = frozenset()  # "whether X (will) attack": a question left open
    positive_evaluations: frozenset[str] = frozenset()  # "is a positive step": an act or actor endorsed
    dismissive_evaluations: frozenset[str] = frozenset()  # "the charges are baseless": an accusation rejected
    accusation_nouns: frozenset[str] = frozenset()
    choice_words: frozenset[str] = frozenset()  # "it is (up) to X what follows": a veiled threat to X
    protest_verbs: frozenset[str] = frozenset()  # "hundreds (protested) the visit": a crowd demonstrating
    crowd_words: frozenset[str] = frozenset()
    # "said Peru had (violated) the (treaty)": a rule broken, a charge against who broke it
    transgression_verbs: frozenset[str] = frozenset()
    norm_nouns: frozenset[str] = frozenset()
    retribution_verbs: frozenset[str] = frozenset()  # "vowed to make Peru (pay)": a threat to the payer
    retribution_objects: frozenset[str] = frozenset()  # "Peru would pay a high (price)", "pay (dearly)"
    # "warned Serbia it would face new (sanctions)": a statement whose penalty threatens the one warned
    warning_verbs: frozenset[str] = frozenset()
    # "detonated a bomb near the base": what is set off to strike what it is set off near
    explosive_weapons: frozenset[str] = frozenset()
    # "air defences (shot down) most of the (drones)": an interception, toward whoever sent the weapons;
    # munitions are the attack's own, aircraft anyone's (their owner must be named)
    interception_verbs: frozenset[str] = frozenset()  # lemmas, with their particle
    intercepted_munitions: frozenset[str] = frozenset()
    intercepted_aircraft: frozenset[str] = frozenset()
    reciprocal_pronouns: frozenset[str] = frozenset()  # "accused (each other)": the parties one to another
    # "(shot) himself": a suicide, no act between actors; a bomber who "blew himself up" still attacks
    reflexive_pronouns: frozenset[str] = frozenset()
    self_harm_verbs: frozenset[str] = frozenset()
    # "denied the (allegations)", "welcomed the (release)": the act a response answers, by the types
    # of the earlier event that did it (events/responses.py)
    answered_acts: dict[str, frozenset[str]] = field(default_factory=dict)
    # "refused to (attend) the (hearing)": a meeting kept away from, whose other party is the target
    meeting_nouns: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()  # "a summit (hosted) by X": who holds the meeting
    attendance_verbs: frozenset[str] = frozenset()
    protest_nouns: frozenset[str] = frozenset()  # "marched in (protest) at X": what the protest is against
    # "to protest the new (restrictions)": a measure of the authorities of the protesters' own country
    policy_nouns: frozenset[str] = frozenset()
    # "calls for the (release) of the writer (detained) in X": a demand of whoever holds the person
    release_nouns: frozenset[str] = frozenset()
    # "either country", "each side", "both capitals": a quantifier and a party noun (singular) name a pair
    pair_quantifiers: frozenset[str] = frozenset()
    pair_nouns: frozenset[str] = frozenset()
    # "were killed when gunmen (stormed) a market": a clause that tells the attack a suffered act was in
    attacking_verbs: frozenset[str] = frozenset()
    release_verbs: frozenset[str] = frozenset()  # "called for the writer to be (freed)" (lemmas)
    # "(Israeli) strikes killed 12", "the raid (by police) left two dead": acts whose doer, named on
    # them, did what the verb they are the subject of tells (lemmas)
    act_nouns: frozenset[str] = frozenset()
    detention_verbs: frozenset[str] = frozenset()
    # "I reject that", "we deny it", "I disagree": a denial naming nothing it denies but a pronoun
    flat_denial_verbs: frozenset[str] = frozenset()
    flat_denial_objects: frozenset[str] = frozenset()
    # "as", "after", "because": conjunctions of a clause that tells the time or cause of the main act
    subordinators: frozenset[str] = frozenset()

    @cached_property
    def criticism_cues(self) -> frozenset[str]:
        """Word forms without one of which a sentence tells no criticism (events/criticism.py)."""
        words = self.negative_evaluations | self.failure_verbs | self.concern_nouns | self.attack_words
        # "has to" is too common a word form to parse for
        words |= (self.demand_verbs - {"have"}) | self.penalty_nouns | self.priority_adjectives
        words |= {verb.split()[0] for verb in self.accusing_verbs}
        words |= {phrase.split()[-1] for phrase in self.positive_evaluations}
        words |= self.dismissive_evaluations | self.choice_words
        words |= self.transgression_verbs | self.retribution_verbs
        return frozenset(form for word in words for form in inflections(word)) | self.evaluative_adverbs | \
            self.demand_modals

    @cached_property
    def success_forms(self) -> frozenset[str]:
        """Word forms that tell a criticism when negated: "is not working", "is not doing enough"."""
        forms = frozenset(form for word in self.success_verbs for form in inflections(word))
        return forms | self.shortfall_words

    @cached_property
    def interceptable(self) -> frozenset[str]:
        """What may be shot down or intercepted: munitions and aircraft."""
        return self.intercepted_munitions | self.intercepted_aircraft

    @cached_property
    def detention_forms(self) -> frozenset[str]:
        """Word forms of the detention verbs: "arrested", "jails", "held"."""
        return frozenset(form for word in self.detention_verbs for form in inflections(word))

    @cached_property
    def attack_nouns(self) -> frozenset[str]:
        """What a passive act may be told in, with its doer: "killed in an ambush (by X)", "in a blast"."""
        return self.attack_words | self.weapon_doers


def read_stance_words() -> StanceWords:
    raw = read_json(resources.files("eventwire") / "data" / "verbs" / "stance.json")
    return StanceWords(frozenset(raw["denial_verbs"]), frozenset(raw["accident_words"]),
                       frozenset(raw["plural_references"]), tuple(raw["credit_lines"]),
                       frozenset(raw["wish_verbs"]), frozenset(raw["attack_words"]),
                       frozenset(raw["instruction_verbs"]), frozenset(raw["ultimatum_verbs"]),
                       frozenset(raw["ultimatum_nouns"]), frozenset(raw["fear_nouns"]),
                       frozenset(raw["evaluation_words"]), frozenset(raw["continuation_openers"]),
                       frozenset(raw["victim_nouns"]), frozenset(raw["weapon_doers"]),
                       frozenset(raw["clash_nouns"]), frozenset(raw["place_taking_verbs"]),
                       frozenset(raw["frequency_adverbs"]), frozenset(raw["duration_nouns"]),
                       frozenset(raw["lasting_conflicts"]), frozenset(raw["casualty_verbs"]),
                       dying_verbs=frozenset(raw["dying_verbs"]),
                       explosive_weapons=frozenset(raw["explosive_weapons"]),
                       interception_verbs=frozenset(raw["interception_verbs"]),
                       intercepted_munitions=frozenset(raw["intercepted_munitions"]),
                       intercepted_aircraft=frozenset(raw["intercepted_aircraft"]),
                       reciprocal_pronouns=frozenset(raw["reciprocal_pronouns"]),
                       reflexive_pronouns=frozenset(raw["reflexive_pronouns"]),
                       self_harm_verbs=frozenset(raw["self_harm_verbs"]),
                       answered_acts={noun: frozenset(types) for noun, types in raw["answered_acts"].items()},
                       meeting_nouns=frozenset(raw["meeting_nouns"]),
                       holding_verbs=frozenset(raw["holding_verbs"]),
                       attendance_verbs=frozenset(raw["attendance_verbs"]),
                       protest_nouns=frozenset(raw["protest_nouns"]),
                       policy_nouns=frozenset(raw["policy_nouns"]),
                       release_nouns=frozenset(raw["release_nouns"]),
                       release_verbs=frozenset(raw["release_verbs"]),
                       pair_quantifiers=frozenset(raw["pair_quantifiers"]),
                       pair_nouns=frozenset(raw["pair_nouns"]),
                       attacking_verbs=frozenset(raw["attacking_verbs"]),
                       act_nouns=frozenset(raw["act_nouns"]),
                       detention_verbs=frozenset(raw["detention_verbs"]),
                       flat_denial_verbs=frozenset(raw["flat_denial_verbs"]),
                       flat_denial_objects=frozenset(raw["flat_denial_objects"]),
                       subordinators=frozenset(raw["subordinators"]),
                       **{name: frozenset(raw[name]) for name in _CRITICISM_LISTS})


_CRITICISM_LISTS = ("statement_verbs", "concern_verbs", "concern_nouns", "negative_evaluations",
                    "failure_verbs", "success_verbs", "evaluative_adverbs", "judging_verbs",
                    "shortfall_words", "demand_modals", "demand_verbs", "penalty_nouns",
                    "priority_adjectives", "accusing_speakers", "accusing_verbs", "threat_modals",
                    "uncertain_modals", "not_a_party", "third_person_pronouns", "concern_prepositions",
                    "personal_pronouns", "question_modals", "positive_evaluations", "dismissive_evaluations",
                    "accusation_nouns", "choice_words", "protest_verbs", "crowd_words", "transgression_verbs",
                    "norm_nouns", "retribution_verbs", "retribution_objects", "warning_verbs")


# What a flat denial may still hang on itself: "of course", "totally", "with them", "not"
_FLAT_DENIAL_MODIFIERS = {"advmod", "neg", "aux", "punct", "prep", "dobj", "nsubj", "cc", "intj", "npadvmod"}


def flat_denial(head: Token, words: StanceWords, first_person_subjects: frozenset[str]) -> bool:
    """'I totally reject that', 'we deny these claims', 'of course I disagree (with them)': the speaker's
    own denial that names nothing it denies but a pronoun or the accusation itself. It answers what
    was said of the speaker before (the caller finds that accusation in the article); a denial with a
    noun or a clause of its own ("I reject the plan", "we deny that troops crossed") tells what it
    rejects itself."""
    if head.lemma_.lower() not in words.flat_denial_verbs:
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in first_person_subjects for c in head.children):
        return False
    for child in head.children:
        if child.dep_ not in _FLAT_DENIAL_MODIFIERS:
            return False
        if child.dep_ == "dobj" and not _denied_thing(child, words):
            return False
        if child.dep_ == "prep" and not all(_denied_thing(o, words) for o in child.children):
            return False
    return True


def _denied_thing(token: Token, words: StanceWords) -> bool:
    """A pronoun ("it", "that") or the accusation itself ("these claims", "the charges")."""
    return word_in(token, words.flat_denial_objects)


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


def habitual(head: Token, words: StanceWords) -> Token | None:
    """The word that tells the trigger's act as a habit or as a state that has gone on for a long
    span, not as an act that took place: a frequency adverb ("usually patrol", "often clash"), "every
    day", or a span reaching back years on a perfect or progressive verb ("have patrolled the zone
    since 1985", "have been fighting for years", "have been killed since the war began in 2011").
    A span from a recent day ("have been shelling the town since Friday") is the news. None otherwise."""
    verb = head.head if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") else head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lasting = _perfect_or_progressive(verb)
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in words.frequency_adverbs:
            return child
        if child.dep_ == "npadvmod" and any(d.dep_ == "det" and d.lower_ in ("every", "each")
                                            for d in child.children):
            return child
        if lasting and _span_word(child) is not None and _reaches_back_years(child, words):
            return child
    return None


def done_to_oneself(head: Token, words: StanceWords) -> Token | None:
    """The reflexive pronoun that is all a shooting or killing is done to ("fatally shot himself", "was
    found to have hanged herself"): a suicide, not an act between actors. None when the verb harms
    anyone else too ("killing himself and three tourists") or is not one of the self-harm verbs (a
    bomber who "blew himself up" attacked)."""
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in words.self_harm_verbs:
        return None
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    objects += [c for o in objects for c in o.conjuncts]
    if not objects or any(o.lower_ not in words.reflexive_pronouns for o in objects):
        return None
    return objects[0]


def toll_of_a_war(head: Token, words: StanceWords) -> Token | None:
    """The war or conflict whose toll the trigger counts ("some 7,500 fighters have died in the
    fighting so far", "the civil war has killed thousands", "were killed since the uprising began"): a
    running count of a long war's dead, not an act between actors. A death told on the perfect or
    over a span; "were killed in the war on Monday" stays an act. None otherwise."""
    verb = head.head if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") else head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    doer = next((c for c in verb.children
                 if c.dep_ == "nsubj" and c.lemma_.lower() in words.lasting_conflicts), None)
    if doer is not None:
        return doer
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "prep" and (child.lower_ in _SPAN_PREPOSITIONS or
                                     (perfect and child.lower_ in _CIRCUMSTANCE_PREPOSITIONS)):
            war = _war_named(child, words)
        elif child.dep_ == "advcl" and _span_word(child) is not None:  # "since the war began"
            war = next((c for c in child.children
                        if c.dep_ == "nsubj" and c.lemma_.lower() in words.lasting_conflicts), None)
        else:
            continue
        if war is not None:
            return war
    return None


_SPAN_PREPOSITIONS = {"since", "throughout", "over"}
_CIRCUMSTANCE_PREPOSITIONS = {"in", "during"}


def _war_named(preposition: Token, words: StanceWords) -> Token | None:
    """The war a preposition's object names: "in the conflict", "since the start of the uprising"."""
    node = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    for _ in range(_MAX_HOPS):
        if node is None:
            return None
        if node.lemma_.lower() in words.lasting_conflicts:
            return node
        of = next((c for c in node.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        node = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return None


def _span_word(child: Token) -> Token | None:
    """ "since" or "for" opening a span on the verb: "since 1985", "since the war began", "for years"."""
    if child.dep_ == "prep" and child.lower_ in ("since", "for"):
        return child
    if child.dep_ == "advcl":
        return next((m for m in child.children if m.dep_ == "mark" and m.lower_ == "since"), None)
    return None


def _reaches_back_years(span: Token, words: StanceWords) -> bool:
    """The span names a year ("since 1985", "since March 2011") or years ("for a decade", "since it
    was set up years ago"); "since a week ago" is recent."""
    return any(t.shape_ == "dddd" or t.lemma_.lower() in words.duration_nouns for t in span.subtree)


def _perfect_or_progressive(verb: Token) -> bool:
    """ "has (been) patrolled", "had fought", "are patrolling": an aspect that spans time."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lemma_.lower() == "have" for a in auxiliaries) or (
        verb.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in auxiliaries))


_QUESTION_MARKS = {"whether", "if"}
_QUESTION_CLAUSES = {"ccomp", "pcomp", "csubj", "csubjpass"}
_WH_TAGS = {"WDT", "WP", "WRB"}


def open_question(head: Token, words: StanceWords) -> Token | None:
    """The word that makes the trigger's clause an open question ("unclear whether X will attack", "a
    question of if X will be attacked", "to what extent X will defend Y was not made clear"), or None.
    An act asked about is not an act; an act in a wh-clause only when still to come (a modal)."""
    node = head.head if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") else head
    mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS), None)
    if mark is not None and node.dep_ in _QUESTION_CLAUSES:
        return mark
    modal = any(c.dep_ == "aux" and c.lower_ in words.question_modals for c in node.children)
    if node.dep_ == "relcl" or not modal:
        return None
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    return next((t for c in node.children if c.i < subject.i and c.dep_ != "mark" for t in c.subtree
                 if t.tag_ in _WH_TAGS), None)


def feared(head: Token, words: StanceWords) -> Token | None:
    """The noun of fear an act hangs on ("the threat (of) attacks", "the risk of (clashes)"), or None."""
    prep = head.head
    if head.dep_ not in ("pobj", "pcomp") or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    noun = prep.head
    return noun if noun.lemma_.lower() in words.fear_nouns else None


_EXPLETIVES = {"it", "this", "that"}


def evaluated(head: Token, words: StanceWords) -> Token | None:
    """The word of an evaluation the act is the infinitive of ("it was a mistake to (support)", "it is
    important to (attack)", "now is not the time for X to (offer)"), or None: a judgement, no act.
    Only after "it", "this" or no subject: in "Chile was ready to support" Chile commits itself."""
    node = head
    for _ in range(_MAX_HOPS):
        parent = node.head
        if parent.i == node.i:
            return None
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            word = parent if parent.dep_ in ("attr", "acomp") else next(
                (c for c in parent.children if c.dep_ in ("attr", "acomp")), None)
            copula = word.head if word is not None else None
            if word is None or word.lemma_.lower() not in words.evaluation_words or copula.lemma_ != "be":
                return None
            subject = next((c for c in copula.children if c.dep_ in ("nsubj", "expl")), None)
            return word if subject is None or subject.lower_ in _EXPLETIVES else None
        if node.dep_ not in ("xcomp", "conj"):
            return None
        node = parent
    return None


def continues(text: str, words: StanceWords) -> bool:
    """The sentence opens with a word that goes on with the sentence before ("They", "There,", "Then"), or
    its speaker adds to what was said before ("The official added that ...", '"...," she added.')."""
    first = text.lstrip(' "“(').split(maxsplit=1)
    return (bool(first) and first[0].strip(",").lower() in words.continuation_openers) or \
        _ADDED.search(text) is not None


# "added that", "added:", '..., she added.': a speaker going on with the statement told before
_ADDED = re.compile(r"\badd(?:ed|s)\b(?=\s+that\b|\s*[,.:;]|\s*$)", re.IGNORECASE)


# How recent an act told in a background clause must be to be news ("the pupils, who were abducted
# last Friday, ...") rather than history ("the army, which intervened in 2015, ...").
RECENT_DAYS = 31


def recent(date: EventDate, published: dt.date | None, clause: Token) -> bool:
    """The event's date is told inside the background clause (`clause`, its relative pronoun) and falls
    within RECENT_DAYS before publication."""
    if date.text is None or date.value is None or published is None:
        return False
    verb = clause.head
    told = verb.doc[verb.left_edge.i:verb.right_edge.i + 1].text
    return date.text in told and dt.timedelta(0) <= published - date.value <= dt.timedelta(days=RECENT_DAYS)


_YEAR = re.compile(r"\b(1[89]|20)\d\d")  # "in 2019", "in the 1970s"


def dated_relative(head: Token, date: EventDate, published: dt.date | None) -> Token | None:
    """The participle of a reduced relative clause holding the trigger whose own date lies in the past
    ("the envoy expelled in 2019", "the town, captured by rebels last year,"): background about the noun,
    not the news. Without a publication date, only a date that names a year is so read. None when the
    trigger is in no reduced relative, or its date is recent or not told in it ("protesters detained by
    police on Monday")."""
    node = head
    for _ in range(_MAX_HOPS):
        if reduced_relative(node):
            break
        if node.dep_ != "conj" or node.head.i == node.i:
            return None
        node = node.head
    else:
        return None
    if date.text is None:
        return None
    told = node.doc[node.left_edge.i:node.right_edge.i + 1].text
    if date.text not in told:
        return None
    if published is None or date.value is None:
        return node if _YEAR.search(date.text) else None
    return node if published - date.value > dt.timedelta(days=RECENT_DAYS) else None


_CLAUSE_OF_A_NOUN = {"relcl", "acl"}
_PHRASE_LINKS = {"pobj", "pcomp"}


def subordinate_clause(head: Token, words: StanceWords, clauses: ArgumentWords) -> Token | None:
    """The head of the subordinate clause or phrase that tells the trigger's act beside the sentence's main
    act: a clause of time or cause ("(as) troops shelled the town", "(after) police raided"), a purpose
    ("to prevent a rally"), a relative clause ("rebels who (stole) cattle"), a prepositional phrase
    ("killed (in) Russian strikes", "after (fleeing) the fighting"). None for an act of the main clause,
    its coordinated acts, what it reports and a participle that goes on with it ("..., killing five");
    nor for a clause on a text that speaks for its issuer ("a statement (condemning) ...")."""
    node = head
    while node.head.i != node.i:
        parent = node.head
        if node.dep_ in _CLAUSE_OF_A_NOUN and not _speaks_for_its_issuer(parent, clauses) and not (
                parent.dep_ == "ROOT" and parent.pos_ in ("NOUN", "PROPN", "NUM")):
            return node  # the root noun's clause is a misparsed predicate: "Thousands (protested) ..."
        if node.dep_ == "advcl" and (to_infinitive(node) or any(
                c.dep_ in ("mark", "advmod") and c.lower_ in words.subordinators for c in node.children)):
            return node
        if node.dep_ in _PHRASE_LINKS and parent.dep_ == "prep":
            return node
        node = parent
    return None


def _speaks_for_its_issuer(noun: Token, clauses: ArgumentWords) -> bool:
    return noun.lemma_.lower() in clauses.document_nouns or noun.lower_ in clauses.document_nouns


_NEGATORS = {"not", "n't", "never", "no"}


def may_criticise(text: str, words: StanceWords) -> bool:
    """Does the text hold a word a criticism is told with ("illegal", "failed", "concern", "not
    working")? No parse: a sentence without one is not parsed for a criticism alone."""
    found = set(text.lower().replace("n't", " n't").replace(",", " ").replace(".", " ").split())
    if not found.isdisjoint(words.criticism_cues):
        return True
    return not found.isdisjoint(words.success_forms) and not found.isdisjoint(_NEGATORS)


def is_credit_line(text: str, words: StanceWords) -> bool:
    lowered = text.lower()
    return any(line in lowered for line in words.credit_lines)


def is_plural_reference(text: str, words: StanceWords) -> bool:
    """ "the two leaders", "both sides", "either country", "each side": a reference to parties already
    named."""
    lowered = " ".join(text.lower().split())
    for article in ("the ", "their ", "its "):
        lowered = lowered.removeprefix(article)
    quantifier, _, noun = lowered.partition(" ")
    return lowered in words.plural_references or (
        quantifier in words.pair_quantifiers and _singular(noun) in words.pair_nouns)


def addressed_pair(text: str, words: StanceWords) -> bool:
    """ "both leaders", "either country", "each side": a pair spoken to or of as others, never one the
    speaker is in (unlike "the two countries", which may be the speaker's own and another)."""
    quantifier = " ".join(text.lower().split()).partition(" ")[0]
    return quantifier in words.pair_quantifiers - {"two"} and is_plural_reference(text, words)


def _singular(noun: str) -> str:
    """ "countries" -> "country", "sides" -> "side", "heads of state" -> "head of state": enough for the
    party nouns of a pair."""
    head, _, rest = noun.partition(" of ")
    if head.endswith("ies"):
        head = head[:-3] + "y"
    elif head.endswith("s"):
        head = head[:-1]
    return f"{head} of {rest}" if rest else head


def denial_of(head: Token, words: StanceWords) -> Token | None:
    """The denial verb above an act ("denied (attacking)", "denied that its jets were lost or that it had
    (used) them"), or None. A verb coordinated with the denial itself ("denied it and (attacked)") is no
    part of what is denied."""
    node = head
    for _ in range(_MAX_HOPS):
        if node.head.i == node.i:
            return None
        if node.dep_ == "conj":  # the second of two denied clauses: denied as the first is
            node = node.head
            continue
        if node.dep_ not in _DENIED_LINKS:
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


def demanded(head: Token, clauses: ArgumentWords) -> Demand | None:
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
    asker, _ = clause_subject(verb, clauses)
    return Demand(asker, subject, verb)


def instructed(head: Token, words: StanceWords, clauses: ArgumentWords) -> Demand | None:
    """'told X to (act)', 'instructed X to draft rules to (act)', 'pushed X to (act)', 'pleaded with X to
    (act)': an act under an instruction verb with an object (or one pleaded with), through one or two
    infinitives (or an infinitive on their object), is asked of that object, not done by it."""
    node = head
    for _ in range(3):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        purpose = infinitive and node.dep_ in ("advcl", "acl")
        if purpose and node.dep_ == "acl" and node.head.dep_ in ("dobj", "obj"):
            node = node.head.head  # "to draft rules to (ban)": the infinitive hangs on the object noun
            continue
        if purpose and node.dep_ == "advcl":
            # "pushed X (to reopen)", parsed as a purpose
            demand = _instruction(node.head, node, words, clauses)
            if demand is not None:
                return demand
            node = node.head  # "to draft rules (to ban)": an infinitive of purpose
            continue
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return None
        demand = _instruction(node.head, node, words, clauses)
        if demand is not None:
            return demand
        node = node.head
    return None


def _instruction(verb: Token, infinitive: Token, words: StanceWords, clauses: ArgumentWords) -> Demand | None:
    """The demand an instruction verb makes of whom it names before the infinitive: its object ("told
    X"), whom it pleads with ("pleaded with X"), or the infinitive's own subject after "with" (the
    parser's reading of "pleading with X to (act)")."""
    if verb.lemma_.lower() not in words.instruction_verbs:
        return None
    before = [c for c in verb.children if c.i < infinitive.i]
    asked = next((c for c in before if c.dep_ in ("dobj", "obj")), None) or next(
        (o for p in before if p.dep_ == "prep" and p.lower_ == "with"
         for o in p.children if o.dep_ == "pobj"), None)
    if asked is None and any(c.dep_ == "mark" and c.lower_ == "with" for c in infinitive.children):
        asked = next((c for c in infinitive.children if c.dep_ == "nsubj"), None)
    if asked is None:
        return None
    asker, _ = clause_subject(verb, clauses)
    return Demand(asker, asked, verb)


# Links from a wished act up to the wish verb: "wants (to close)", "had hoped (that) it might
# become possible (to settle)", "hopes talks (will) resume".
_WISHED_LINKS = {"xcomp", "ccomp", "acomp"}


def wished_by(head: Token, words: StanceWords) -> Token | None:
    """The wish verb whose complement holds the act, a few clauses up, or None."""
    node = head
    for _ in range(_MAX_HOPS):
        if node.dep_ not in _WISHED_LINKS or node.head.i == node.i:
            return None
        node = node.head
        if is_wish(node, words):
            return node
    return None


def is_wish(token: Token, words: StanceWords) -> bool:
    """A wish verb by its lemma or, where the tagger's lemma fails ("hopes" -> "hop"), by its form."""
    if token.lemma_.lower() in words.wish_verbs:
        return True
    word = token.lower_
    stems = (word, word.removesuffix("s"), word.removesuffix("d"), word.removesuffix("ed"),
             word.removesuffix("ing"), word.removesuffix("ing") + "e")
    return token.pos_ in ("VERB", "AUX") and any(stem in words.wish_verbs for stem in stems)


def ultimatum_of(head: Token, words: StanceWords, clauses: ArgumentWords) -> Demand | None:
    """'gave X 14 days to (act)': an act with a time limit set by someone else is that one's threat
    to X (an ultimatum), not X's act. The time and X are objects of the giving verb."""
    verb = head.head
    if head.dep_ not in ("advcl", "acl", "xcomp") or verb.i == head.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return None
    if verb.lemma_.lower() in words.ultimatum_nouns and verb.dep_ in ("dobj", "npadvmod"):
        verb = verb.head  # "14 days (to present)": the infinitive hangs on the time noun
    if verb.lemma_.lower() not in words.ultimatum_verbs:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj", "npadvmod")]
    if not any(c.lemma_.lower() in words.ultimatum_nouns for c in objects):
        return None
    asked = next((c for c in objects if c.lemma_.lower() not in words.ultimatum_nouns
                  and c.dep_ in ("dative", "dobj")), None)
    if asked is None:
        return None
    asker, _ = clause_subject(verb, clauses)
    return Demand(asker, asked, verb)


def conditional_threat(clause_head: Token) -> Token | None:
    """ "sanctions could follow if Chile goes ahead", "we will strike back if Peru attacks": a hostile act
    told as what happens if another actor acts is a threat to that actor; its subject, or None. The
    actor must be named (not "we", "it" or "there")."""
    for clause in clause_head.children:
        if clause.dep_ != "advcl" or not conditional(clause):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            return subject
    return None


def conditional(clause: Token) -> bool:
    """A clause introduced by "if" or "unless", not "as if" (a comparison)."""
    marks = [c for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i]
    return any(m.lower_ in _CONDITIONS for m in marks) and not any(m.lower_ == "as" for m in marks)


def refused_wish(head: Token, words: StanceWords) -> Token | None:
    """The negated wish verb above an act ("does not want to (meet)", "never wished to (sign)"): a
    refusal of the act by whoever does not want it, or None."""
    verb = head.head
    if head.dep_ != "xcomp" or verb.i == head.i or not is_wish(verb, words):
        return None
    if not any(c.dep_ == "neg" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subject is not None and subject.lower_ == "you" else verb  # "you don't want ...": anyone


def crowd_protest(head: Token, event_type: str, words: StanceWords) -> Token | None:
    """ "Hundreds of demonstrators protested the visit", "thousands protested against the arrest": the
    crowd that protested (a number, a count or a crowd noun as the subject of a protest verb read as
    criticism), or None: a crowd protests in the street (PROTEST), it issues no statement."""
    if event_type != "ACCUSE" or head.lemma_.lower() not in words.protest_verbs:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.pos_ == "NUM" or word_in(subject, words.crowd_words):
        return subject
    return None


def accident_of(head: Token, source_found: bool, event_type: str, words: StanceWords) -> Token | None:
    """The word that makes casualties with no attacker an accident or a disaster, or None. Only a
    casualty verb can be told of an accident: "shot in his car", "a bomb detonated on a bus" are
    attacks whatever vehicle they name."""
    if event_type not in _CASUALTY_TYPES or head.lemma_.lower() not in words.casualty_verbs:
        return None
    mishap = _mishap_it_follows(head, words)
    if mishap is not None or source_found:
        return mishap
    for child in head.children:
        if child.dep_ in _CIRCUMSTANCE_LINKS:
            subtree = list(child.subtree)
            if any(t.lemma_.lower() in words.attack_words or t.lower_ in words.attack_words for t in subtree):
                continue  # "killed in a car bombing", "died in a rocket attack"
            for token in subtree:
                if token.lemma_.lower() in words.accident_words or token.lower_ in words.accident_words:
                    return token
    return None


def _mishap_it_follows(head: Token, words: StanceWords) -> Token | None:
    """The accident verb a casualty verb goes on from ("a military helicopter (crashed) near the base,
    killing five", "a ferry (capsized) and drowned 30"): the vehicle its subject names did no act, whatever
    its country. None when the sentence tells an attack there ("crashed after a missile hit it") or the
    verb is done to something ("(crashed) their car into the checkpoint and killed three")."""
    verb = head.head
    if head.dep_ not in ("advcl", "conj") or verb.i == head.i:
        return None
    if verb.lemma_.lower() not in words.accident_words or any(c.dep_ == "dobj" for c in verb.children):
        return None
    # how it came about: "(after) a missile hit it", "(in) an airstrike"; not when ("hours after the strikes")
    causes = [t for c in verb.children if c.dep_ in _CIRCUMSTANCE_LINKS and c.i != head.i for t in c.subtree]
    if any(t.lemma_.lower() in words.attack_words or t.lower_ in words.attack_words for t in causes):
        return None
    return verb


_NAMED_VICTIMS = {"PERSON", "NORP", "ORG"}


def names_victim(span: Span, words: StanceWords) -> bool:
    """Does the phrase name people an act can happen to ("the villagers", "four of them", "he", a
    name), rather than a thing ("the book", "millions of dogs")? Quantities are judged by what they
    count."""
    root = span.root
    counted = [p for prep in root.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj"]
    if counted and root.pos_ in ("NUM", "NOUN") and root.lower_ not in words.personal_pronouns:
        root = counted[0]
    if root.pos_ == "PRON":
        return root.lower_ in words.personal_pronouns
    if root.pos_ == "PROPN" or root.ent_type_ in _NAMED_VICTIMS:
        return True
    return word_in(root, words.victim_nouns)
