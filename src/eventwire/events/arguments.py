"""Who acted and on whom: candidate argument phrases of a trigger, read from the dependency parse.

The parse proposes candidates in order of preference (the grammatical subject before a
possessive, a dative before a direct object); the coder keeps the first candidate group
that resolves to an actor. Coordinated phrases are split: "Israel and Russia" is two phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.jsondata import read_word_lists
from eventwire.nlp import is_time_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventwire.records import Sentence

_SUBJECTS = {"nsubj", "csubj"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
_OBJECTS = {"dobj", "obj"}
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Children that carry another clause or a list, not part of an argument phrase.
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "parataxis", "ccomp"}
_PHRASE_EXCLUDED_DEPS = _CLAUSE_DEPS | {"conj", "cc"}  # punctuation is kept inside, trimmed at the edges
# Prepositions that may introduce the target, tried after those the lexicon names.
DEFAULT_TARGET_PREPS = ("against", "with", "on", "to")
# Prepositions that usually give the place, tried last: "clashed with rebels in Ingushetia".
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
_MAX_HOPS = 6  # how far a subject is inherited up the parse
# Links through which a clause without a subject takes the subject of the clause above it:
# "agreed to (set up)", "met and (agreed)", "..., (killing) five", "resorted to (throwing)".
_INHERITING_LINKS = {"conj", "xcomp", "advcl", "acl", "pcomp", "prep", "ccomp", "acomp"}


@dataclass(frozen=True)
class ArgumentWords:
    """The words argument finding reads (data/verbs/arguments.json)."""

    # "Israel is opposed to ...": the subject's own stance, not something done to it
    stative_participles: frozenset[str]
    document_nouns: frozenset[str]  # "issued a statement condemning ...": the text speaks for its issuer
    # "dozens of airstrikes", "a wave of arrests", "a platoon of peacekeepers": the "of" phrase names the
    # acts or the men
    count_words: frozenset[str]
    # "the attack was part of ...", "the talks seemed stalled": an event noun their subject is no act told
    # as done
    linking_verbs: frozenset[str]
    measure_nouns: frozenset[str]  # "sent 50 tonnes of food": the "of" phrase names the real object
    asking_verbs: frozenset[str]  # "appealed (for) a ceasefire in X": the "for" phrase is what is asked
    # "condemned what they (called) the annexation of X": the thing named is the object, not the namer
    naming_verbs: frozenset[str]


def read_argument_words() -> ArgumentWords:
    path = resources.files("eventwire") / "data" / "verbs" / "arguments.json"
    return ArgumentWords(**read_word_lists(path))


@dataclass(frozen=True)
class ArgumentGroup:
    """One candidate argument: its coordinated phrases and the rule that found it."""

    phrases: tuple[Span, ...]
    rule: str
    sentence: Sentence | None = None  # the sentence of the phrases when it is not the trigger's
    sides: bool = False  # the phrases are the two sides of one act: "talks (between) X and Y"


@dataclass(frozen=True)
class Arguments:
    """Ranked candidates for the source and the target of one trigger."""

    clause_head: Token  # the verb whose clause holds the trigger (the trigger itself for a verb)
    sources: tuple[ArgumentGroup, ...]
    targets: tuple[ArgumentGroup, ...]
    passive: bool


def trigger_head(parsed: Doc, start: int, end: int) -> Token:
    """The syntactic head of a trigger token range: the token whose head lies outside it."""
    tokens = list(parsed[start:end])
    for token in tokens:
        if token.head.i < start or token.head.i >= end or token.head.i == token.i:
            return token
    return tokens[0]


def find_arguments(parsed: Doc, start: int, end: int, words: ArgumentWords,
                   target_preps: tuple[str, ...] = (),
                   theme_object: bool = False, meeting: bool = False,
                   confinement: bool = False, of_doer: bool = False,
                   owner_suffers: bool = False) -> Arguments:
    """Candidate sources and targets for the trigger spanning tokens [start, end).

    The direct object is the target ("killed three gunmen in Gaza") unless `theme_object` says
    it is what is given or moved ("sent troops to Libya", "imposed sanctions on Iran"): then
    the objects of the target prepositions come first. A `meeting` noun in a time phrase ("after
    talks with X, the minister said") has the subject of the clause as a party. A `confinement`
    noun (a detention) told as the state of the clause's subject ("X has been in custody") has that
    subject as its target. The "of" phrase of a noun names the doer of `of_doer` acts (a visit, a
    withdrawal), else the target; the possessive of an `owner_suffers` act (an arrest) is its target.
    """
    head = trigger_head(parsed, start, end)
    named = [p for p in target_preps if p not in PLACE_PREPS]
    places = [p for p in target_preps if p in PLACE_PREPS]
    preps = tuple(dict.fromkeys((*named, *DEFAULT_TARGET_PREPS, *places)))
    excluded = set(range(start, end))
    if head.pos_ in ("NOUN", "PROPN") and not _is_verbal(head):
        return _nominal_arguments(head, preps, excluded, words, meeting, confinement, of_doer, owner_suffers)
    return _verbal_arguments(head, preps, excluded, theme_object, words)


def reduced_relative(verb: Token) -> bool:
    """A past participle that tells an act done to the noun it follows, with a doer or a time of its own:
    "protesters (detained) by police", "the envoy, (expelled) last week": a passive relative clause
    without "who was". A bare participle ("the ship seized", "troops stationed there") is a description.
    A participle with no doer right after a subject or a noun heading the sentence ("Some 50 women
    protested on Friday", "a million people protested in ... , and the cost ... is high") is the
    misparsed past tense of its predicate."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = verb.head
    if noun.dep_ == "ROOT":
        return False
    agent = _agent(verb) is not None
    set_off = verb.i > 0 and verb.doc[verb.i - 1].is_punct
    if not agent and not set_off and noun.dep_ in _SUBJECTS:
        return False
    return agent or any(_is_time_modifier(c) for c in verb.children)


def dated_clause(verb: Token) -> bool:
    """Does the clause of the verb tell its own time ("detained (on Monday)", "expelled (last week)")?"""
    return any(_is_time_modifier(c) for c in verb.children)


def _is_passive(verb: Token) -> bool:
    if _passive_marks(verb) or reduced_relative(verb):
        return True
    # "were shot and (wounded)": a bare participle coordinated with a passive is passive too
    own_subject = any(c.dep_ in _SUBJECTS or c.dep_ == "aux" for c in verb.children)
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and not own_subject and _passive_marks(verb.head)


def _passive_marks(verb: Token) -> bool:
    return any(c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def _is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _verbal_arguments(verb: Token, preps: tuple[str, ...], excluded: set[int],
                      theme_object: bool, words: ArgumentWords) -> Arguments:
    passive = _is_passive(verb)
    if passive and verb.lower_ in words.stative_participles and _agent(verb) is None:
        passive = False  # "Israel is opposed to ...": a stance of the subject, not something done to it
    sources: list[ArgumentGroup] = []
    targets: list[ArgumentGroup] = []
    if passive:
        # "were shot and wounded by a soldier": coordinated participles share subject and agent
        shared = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN")]
        if verb.dep_ == "conj" and _is_passive(verb.head):
            shared.append(verb.head)
        agent = next((a for a in map(_agent, shared) if a is not None), None)
        victim = next((v for v in (_child(t, _PASSIVE_SUBJECTS) for t in shared) if v is not None), None)
        if victim is not None and victim.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            victim = verb.head  # "the girls, who were kidnapped": the girls
        if victim is None and reduced_relative(verb):
            victim = verb.head  # "protesters detained by police": the protesters
        if victim is None:
            victim = _subject_of_time_clause(verb, words)
        counted = _counted_before(verb, victim)
        _add(sources, agent, f"agent of passive '{verb.text}'", excluded)
        for prep_head in filter(None, (verb, victim)):  # "talks were held between X and Y": the parties
            for obj, _ in _prep_objects(prep_head, ("between",)):
                _add(sources, obj, f"parties 'between' after '{prep_head.text}'", excluded, sides=True)
        if counted is not None:  # "and (more) were wounded": more of those told before
            _add(targets, counted, f"'{victim.text}' counts more of those '{verb.head.text}' before "
                                   f"'{verb.text}'", excluded)
        else:
            _add(targets, victim, f"subject of passive '{verb.text}'", excluded)
    else:
        subject, rule = clause_subject(verb, words)
        _add(sources, subject, rule, excluded)
    _add(targets, _dative(verb), f"indirect object of '{verb.text}'", excluded)
    obj = None if passive else _child(verb, _OBJECTS) or _small_clause_subject(verb)
    if obj is not None and not theme_object:
        _add(targets, obj, f"object of '{verb.text}'", excluded)
    # what is banned, withdrawn or recalled comes from someone: "banned imports (from) X", "withdrew
    # troops (from) X", "halted the sale of grain (from) X"
    theme_preps = (*preps, "from") if theme_object else preps
    # a counted event noun in the trigger keeps its own target: "carried out dozens of (raids) against X"
    counted = obj is not None and obj.i in excluded
    for prep_head in (verb, obj, *_of_objects(obj if theme_object or counted else None)):
        if prep_head is not None:
            for pobj, prep in _prep_objects(prep_head, theme_preps):
                _add(targets, pobj, f"object of '{prep}' after '{prep_head.text}'", excluded)
    if obj is not None and theme_object:
        _add(targets, obj, f"object of '{verb.text}'", excluded)
    asked = None if passive or obj is not None else _thing_asked_for(verb, excluded, words)
    if asked is not None:  # after the addressee: "called (on) X for the release of Y" asks X
        _add(targets, asked, f"what '{verb.text} {asked.head.text}' asks for", excluded)
    return Arguments(verb, tuple(sources), tuple(targets), passive)


def _small_clause_subject(verb: Token) -> Token | None:
    """ "declared the envoy persona non grata", "declared the vote void": the parser makes the result of the
    act a clause with no verb (a copula would head it); its subject is what the verb acts on."""
    for clause in verb.children:
        if clause.dep_ == "ccomp" and (clause.pos_ == "ADJ" or small_clause_subject(clause) is not None):
            return small_clause_subject(clause) or _child(clause, _SUBJECTS)
    return None


def small_clause_subject(clause: Token) -> Token | None:
    """The subject of a verbless clause headed by a noun, "(declared) [the envoy persona non grata]" (the
    parser may make the envoy a compound of the noun): None for a noun with "that" before it, the head of
    a reported clause misparsed ("said that the attacks ..."), or with no subject."""
    if clause.pos_ != "NOUN" or _child(clause, {"mark"}) is not None:
        return None
    return _child(clause, _SUBJECTS) or next((c for c in clause.children if c.dep_ == "compound"
                                               and c.i < clause.i and c.pos_ == "NOUN"), None)


def _thing_asked_for(verb: Token, excluded: set[int], words: ArgumentWords) -> Token | None:
    """What a phrasal verb acts on, when its preposition is part of the trigger ("called (for) an end to
    the violence"), or what a verb of asking asks for ("appealed (for) the release of X"): asked for as
    "demanded X" asks for its object, whose actor or place is the target."""
    asking = verb.lemma_.lower() in words.asking_verbs
    prep = next((c for c in verb.children if c.dep_ == "prep"
                 and (c.i in excluded or (asking and c.lower_ == "for"))), None)
    obj = _child(prep, {"pobj"}) if prep is not None else None
    return obj if obj is not None and not is_time_token(obj) else None


# Counts with their noun left out: "three were killed and (more) were wounded" counts more of the same.
_ELLIPTIC_COUNTS = frozenset({"more", "others"})


def _counted_before(verb: Token, victim: Token | None) -> Token | None:
    """Who an elliptic count that suffered a passive stands for: the sufferers of the passive it is
    coordinated with ("dozens of protesters were arrested, and (many more) were injured": protesters).
    None when the victim is no such count or the clause before names no sufferer."""
    if victim is None or victim.lower_ not in _ELLIPTIC_COUNTS or verb.dep_ != "conj":
        return None
    before = _child(verb.head, _PASSIVE_SUBJECTS) if _passive_marks(verb.head) else None
    return before if before is not None and before.lower_ not in _ELLIPTIC_COUNTS else None


# Prepositions of a time phrase that place a meeting before or after the clause's own act.
_TIME_PREPS = frozenset({"after", "before", "following"})


def _in_time_phrase(verb: Token, clause: Token) -> bool:
    """Is the verb a time phrase's own verb ("after (apologizing)") hanging directly on the clause?"""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.lower_ in _TIME_PREPS and prep.head.i == clause.i


def _subject_of_time_clause(verb: Token, words: ArgumentWords) -> Token | None:
    """Who suffered a passive told in a time phrase with no subject of its own: "the pastor returned
    home (after being freed) by his captors": the subject of the clause the phrase hangs on."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in _TIME_PREPS or not _is_verbal(prep.head):
        return None
    subject, _ = clause_subject(prep.head, words)
    return subject


def _happening_verb(noun: Token) -> Token | None:
    """The verb a subject noun happens by, which may carry the parties: "talks (were held) between X
    and Y", "clashes (broke out) between X and Y"."""
    return noun.head if noun.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS and _is_verbal(noun.head) else None


def _of_objects(noun: Token | None) -> list[Token]:
    """The objects of 'of' after a noun, with those coordinated with them: "the sale of (rice) and
    (cotton)"."""
    if noun is None:
        return []
    return [c for pobj, _ in _prep_objects(noun, ("of",)) for c in conjuncts(pobj)]


def _nominal_arguments(noun: Token, preps: tuple[str, ...], excluded: set[int], words: ArgumentWords,
                       meeting: bool = False, confinement: bool = False, of_doer: bool = False,
                       owner_suffers: bool = False) -> Arguments:
    """A noun trigger ("talks", "an attack"): its own modifiers first, then the verb that governs it.
    A counted noun ("dozens of airstrikes") stands in its clause by its count. The object of "of" is the
    target ("the arrest of X"), or for `of_doer` acts the doer ("the withdrawal of X", "the visit of X").
    For `owner_suffers` acts with no "of" phrase the possessive is the one who suffered it ("X's arrest")."""
    sources: list[ArgumentGroup] = []
    targets: list[ArgumentGroup] = []
    clause_noun = count_head(noun, words) or noun
    for prep_head in (noun, _happening_verb(clause_noun)):
        for obj, _ in _prep_objects(prep_head, ("between", "among")) if prep_head is not None else ():
            _add(sources, obj, f"parties 'between' in '{noun.text}'", excluded, sides=True)
    owner = _child(noun, {"poss"})
    suffered = False
    if owner is not None and owner_suffers and not _of_objects(noun):
        _add(targets, owner, f"possessive of '{noun.text}' (who suffered it)", excluded)
        suffered = True
    elif owner is not None and not is_time_token(owner):  # "Tuesday's strike" names its day, not its doer
        _add(sources, owner, f"possessive of '{noun.text}'", excluded)
    for prep_head in dict.fromkeys((noun, clause_noun)):  # "a series of raids (by) police"
        for obj, _ in _prep_objects(prep_head, ("by",)):
            _add(sources, obj, f"object of 'by' after '{prep_head.text}'", excluded)
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        # "an attack carried out by X", "airstrikes launched by X"
        _add(sources, _agent(participle), f"agent of '{participle.text}' after '{noun.text}'", excluded)
    governed = clause_noun.dep_ in _OBJECTS | {"attr"} and _is_verbal(clause_noun.head)
    verb = clause_noun.head if governed else None
    if verb is not None:
        subject, rule = clause_subject(verb, words)
        _add(sources, subject, f"{rule} (governs '{noun.text}')", excluded)
    host = _time_phrase_verb(noun) if meeting else None
    if host is not None and not _is_passive(host):
        # "after a meeting with X, the governor told ...": the governor took part in the meeting
        subject, rule = clause_subject(host, words)
        _add(sources, subject, f"{rule} (after or before '{noun.text}')", excluded)
    for modifier in noun.children:
        if modifier.dep_ in ("amod", "compound") and _may_name_actor(modifier):
            # the lexicon may count the modifier in the trigger ("Palestinian riots"): it is still the actor
            _add(sources, modifier, f"modifier '{modifier.text}' of '{noun.text}'", excluded - {modifier.i})
    undergoing = undergoing_verb(noun)
    if undergoing is not None:
        # "the convoy came under attack from X": X attacked, the convoy suffered it
        for prep_head in (noun, undergoing):
            for obj, prep in _prep_objects(prep_head, ("from", "by")):
                _add(sources, obj, f"object of '{prep}' after '{prep_head.text}'", excluded)
        subject, rule = clause_subject(undergoing, words)
        _add(targets, subject, f"{rule} (came under '{noun.text}')", excluded)
    held = state_of_confinement(noun) if confinement else None
    if held is not None:
        subject, rule = clause_subject(held, words)
        _add(targets, subject, f"{rule} (held in '{noun.text}')", excluded)
    for obj in _of_objects(noun):  # before any place: "the killing of (X) in Y"
        _add(sources if of_doer else targets, obj, f"object of 'of' after '{noun.text}'", excluded)
        suffered = suffered or not (of_doer or sources)
    for prep_head in (noun, verb):
        if prep_head is not None:
            for obj, prep in _prep_objects(prep_head, preps):
                _add(targets, obj, f"object of '{prep}' after '{prep_head.text}'", excluded)
    if verb is not None:
        _add(targets, _dative(verb), f"indirect object of '{verb.text}'", excluded)
    # "air strikes could follow", "clashes broke out": the verb that says the act happens heads its clause;
    # a detention told as a state is a passive ("is held"): the subject suffered it; so is "the arrest of
    # X" or "X's arrest" with no doer named, told in the clause (not in a phrase): X suffered it
    suffered = suffered and clause_noun.dep_ != "pobj"
    head = verb or _happening_verb(clause_noun) or noun
    return Arguments(head, tuple(sources), tuple(targets), held is not None or suffered)


def act_subject(verb: Token, act_nouns: frozenset[str], words: ArgumentWords) -> Token | None:
    """The act an active verb has for its subject, counted or not: "(the attack) killed six", "(dozens)
    of airstrikes hit the town" (the airstrikes). `act_nouns` are lower-case words and lemmas."""
    if not _is_verbal(verb) or _is_passive(verb):
        return None
    subject = _child(verb, _SUBJECTS)
    if subject is not None and (subject.like_num or subject.lower_ in words.count_words):
        subject = next(iter(_of_objects(subject)), None)
    if subject is None or not word_in(subject, act_nouns):
        return None
    return subject


def doers_named_on_the_act(verb: Token, act_nouns: frozenset[str],
                           words: ArgumentWords) -> tuple[ArgumentGroup, ...]:
    """Who did the act that is the subject of a verb, named on it: "(Israeli) strikes killed 12", "the
    raid by (police) left two dead", "(the army's) shelling destroyed the bridge"."""
    act = act_subject(verb, act_nouns, words)
    if act is None:
        return ()
    groups: list[ArgumentGroup] = []
    for owner in filter(names_the_doer, act.children):
        _add(groups, owner, f"'{owner.text}' named on '{act.text}' (subject of '{verb.text}')", set())
    for doer, _ in _prep_objects(act, ("by",)):
        _add(groups, doer, f"object of 'by' after '{act.text}' (subject of '{verb.text}')", set())
    for participle in (c for c in act.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        _add(groups, _agent(participle), f"agent of '{participle.text}' after '{act.text}' (subject of "
                                         f"'{verb.text}')", set())
    return tuple(groups)


def doers_of_the_act_joined(verb: Token) -> tuple[ArgumentGroup, ...]:
    """Who does the act a verb of joining is about: "refused to take part in a (French) counteroffensive",
    "will not participate in (NATO's) offensive": the party a refusal to join is toward."""
    groups: list[ArgumentGroup] = []
    for act, _ in _prep_objects(verb, ("in",)):
        for owner in filter(names_the_doer, act.children):
            _add(groups, owner, f"'{owner.text}' named on '{act.text}', the act joined", set())
    return tuple(groups)


def count_head(noun: Token, words: ArgumentWords) -> Token | None:
    """The word that counts a noun of acts: "(dozens) of airstrikes", "(a wave) of arrests"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    count = prep.head
    if count.like_num or word_in(count, words.count_words):
        return count
    return None


def names_the_sufferer(noun: Token) -> Token | None:
    """The object of "of" after an event noun when it names a party: a name ("the arrest of Ana Silva"),
    counted people ("the killing of three aid workers") or a noun with a name ("the opposition leader
    Ana Silva")."""
    for obj in _of_objects(noun):
        if is_time_token(obj):
            continue
        named = any(c.dep_ in ("compound", "appos") and c.pos_ == "PROPN" for c in obj.children)
        if obj.pos_ == "PROPN" or named or any(c.dep_ == "nummod" for c in obj.children):
            return obj
    return None


def told_as_done(noun: Token, words: ArgumentWords) -> bool:
    """Is the noun the subject of a clause told as done: "the blockade (has cut off) the port", "the
    offensive (stalled)"? Not a modal, a future, a present or a linking verb ("the attack was part of")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() in words.linking_verbs:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False
    if verb.tag_ == "VBD":
        return not auxiliaries
    return verb.tag_ == "VBN" and any(a.lemma_.lower() == "have" for a in auxiliaries)


def doers_of_the_attack(verb: Token, attack_nouns: frozenset[str],
                        dying: bool = False) -> tuple[ArgumentGroup, ...]:
    """Who did a passive act with no agent of its own, or the act a `dying` verb tells, named on the attack
    it was told in: "were killed in an ambush by (X)", "died in airstrikes launched by (X)", "died in a
    (Taliban) ambush". `attack_nouns` are lower-case words."""
    if not (_is_passive(verb) or dying) or _agent(verb) is not None:
        return ()
    groups: list[ArgumentGroup] = []
    suffered = [verb, *(c for c in verb.children if _suffered_alike(c))]
    for attack, _ in (found for v in suffered for found in _prep_objects(v, _ATTACK_PREPS)):
        if not word_in(attack, attack_nouns):
            continue
        for doer, _ in _prep_objects(attack, ("by",)):
            _add(groups, doer, f"object of 'by' after '{attack.text}' (in which '{verb.text}')", set())
        _add_launchers(groups, attack, f"(in which '{verb.text}')")
        for owner in filter(names_the_doer, attack.children):
            _add(groups, owner, f"'{owner.text}' named on '{attack.text}' (in which '{verb.text}')", set())
    return tuple(groups)


# Prepositions of the attack a suffered act was told in: "killed (in|during|amid|under) X airstrikes".
_ATTACK_PREPS = ("in", "during", "amid", "under")


def _suffered_alike(conj: Token) -> bool:
    """A participle coordinated with a passive, itself passive or with no auxiliary of its own, and told
    with no doer: "were killed and (dozens) wounded in an ambush", "... and two were injured in a strike"
    tell the attack of both."""
    active = any(c.dep_ == "aux" for c in conj.children)  # "and (have) wounded": done, not suffered
    return conj.dep_ == "conj" and conj.tag_ == "VBN" and not active and _agent(conj) is None


# Conjunctions of a clause that tells the attack a suffered act happened in: "were killed (when) gunmen
# stormed the market", "died (after) a bomber blew himself up".
_ATTACK_TIME_MARKS = frozenset({"when", "as", "after", "while"})


def attackers_in_time_clause(verb: Token, attack_nouns: frozenset[str], attacking_verbs: frozenset[str],
                             dying: bool = False) -> tuple[ArgumentGroup, ...]:
    """Who did a passive act with no agent of its own (or the act a `dying` verb tells), named as the
    subject of a time clause under it that tells an attack: "nine villagers were killed (when) gunmen
    stormed a market", "were wounded as rebel artillery shelled the town", "died after a bomber blew himself
    up". The clause tells an attack by its verb (`attacking_verbs`, lemmas) or its object ("conducted
    attacks", "dropped a bomb"; `attack_nouns`). Not "were killed when they tried to cross": no attack."""
    if not (_is_passive(verb) or dying) or _agent(verb) is not None:
        return ()
    groups: list[ArgumentGroup] = []
    rule = f"the attack in which '{verb.text}'"
    clauses = [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in _ATTACK_TIME_MARKS for m in c.children)]
    # "after being (targeted) by X"
    clauses += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in _ATTACK_TIME_MARKS
                for c in p.children if c.dep_ == "pcomp"]
    for clause in clauses:
        if _is_passive(clause):  # "when their car was ambushed (by) X"
            if clause.lemma_.lower() in attacking_verbs:
                _add(groups, _agent(clause), f"agent of '{clause.text}', {rule}", set())
            continue
        subject, obj = _child(clause, _SUBJECTS), _child(clause, _OBJECTS)
        attack = subject is not None and word_in(subject, attack_nouns)
        owners = [o for o in subject.children if names_the_doer(o)] if attack else []
        for owner in owners:  # "when a (US) airstrike hit their convoy"
            _add(groups, owner, f"'{owner.text}' named on '{subject.text}', {rule}", set())
        if not owners and (clause.lemma_.lower() in attacking_verbs or
                           (obj is not None and word_in(obj, attack_nouns))):
            _add(groups, subject, f"subject of '{clause.text}', {rule}", set())
    return tuple(groups)


# Determiners by which an attack is named as one told before: "died in (the) ambush", "in (that) attack".
_BACK_REFERENCES = frozenset({"the", "this", "that", "these", "those"})


def attack_told_before(verb: Token, attack_nouns: frozenset[str]) -> Token | None:
    """The attack a suffered act was told in, named as one told before: "were killed in (the) ambush",
    "died in (that) attack". None for an attack told first here ("in an ambush", "in airstrikes").
    `attack_nouns` are lower-case words."""
    for attack, _ in _prep_objects(verb, ("in", "during")):
        definite = any(c.dep_ == "det" and c.lower_ in _BACK_REFERENCES for c in attack.children)
        if definite and word_in(attack, attack_nouns):
            return attack
    return None


def launchers_of(weapon: Token, how: str) -> tuple[ArgumentGroup, ...]:
    """Who launched, fired or carried out what `weapon` names, told by a participle's agent on it: "an ambush
    (carried out by) X", "drones (launched by) X". `how` closes each group's rule."""
    groups: list[ArgumentGroup] = []
    _add_launchers(groups, weapon, how)
    return tuple(groups)


def _add_launchers(groups: list[ArgumentGroup], weapon: Token, how: str) -> None:
    for participle in (c for c in weapon.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        _add(groups, _agent(participle), f"agent of '{participle.text}' after '{weapon.text}' {how}", set())


def intercepted_weapon(verb: Token, interception_verbs: frozenset[str],
                       weapons: frozenset[str]) -> Token | None:
    """The weapon an interception stops: the object (or passive subject) of "shot down", "intercepted",
    "downed", or the noun after "of" in a quantity ("most (of) the drones", "12 (of) the missiles").
    `interception_verbs` are lemmas, with their particle ("shoot down"); `weapons` lower-case words. None
    when the verb intercepts nothing of the kind ("intercepted a ship", "shot two protesters")."""
    if not _is_verbal(verb):
        return None
    particle = _child(verb, {"prt"})
    lemma = verb.lemma_.lower()
    if (f"{lemma} {particle.lower_}" if particle is not None else lemma) not in interception_verbs:
        return None
    stopped = _child(verb, _PASSIVE_SUBJECTS if _is_passive(verb) else _OBJECTS)
    if stopped is not None and not word_in(stopped, weapons):
        stopped = next((obj for obj, _ in _prep_objects(stopped, ("of",))), None)
    return stopped if stopped is not None and word_in(stopped, weapons) else None


def word_in(token: Token, words: frozenset[str]) -> bool:
    """The token's form or lemma is one of the lower-case `words`."""
    return token.lower_ in words or token.lemma_.lower() in words


# Prepositions that tell where a weapon was set off, and so what it was aimed at: "detonated a car bomb
# (near) the base", "planted a mine (under) his car".
_AIMED_PREPS = ("near", "outside", "under", "beside", "at", "inside", "on", "against")
# Conjunctions of a clause that tells who was passing when a weapon went off: "(when) a convoy passed".
_WHEN_MARKS = frozenset({"when", "as", "while"})


def targets_of_a_weapon(verb: Token, weapons: frozenset[str],
                        excluded: set[int]) -> tuple[ArgumentGroup, ...]:
    """What a weapon set off was aimed at, when the act's object (or passive subject) is the weapon
    itself: "detonated a bomb (near) the base", "the bomb was detonated when (a convoy) passed by",
    "detonated explosives, killing (two guards)", or when the weapon went off by itself, the subject of
    a verb with no object: "a roadside bomb detonated (near) a patrol". The weapon is what struck, never
    whom. `weapons` are lower-case words. Empty when the object is no weapon."""
    if not _is_verbal(verb):
        return ()
    passive = _is_passive(verb)
    weapon = _child(verb, _PASSIVE_SUBJECTS if passive else _OBJECTS)
    if weapon is None and not passive:
        weapon = _child(verb, _SUBJECTS)
    if weapon is None or not word_in(weapon, weapons):
        return ()
    groups: list[ArgumentGroup] = []
    for obj, prep in _prep_objects(verb, _AIMED_PREPS):
        _add(groups, obj, f"object of '{prep}' after '{verb.text}' (where '{weapon.text}' was set off)",
             excluded)
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        passing = _child(clause, _SUBJECTS)
        timed = any(m.dep_ in ("mark", "advmod") and m.lower_ in _WHEN_MARKS for m in clause.children)
        if timed and passing is not None and passing.pos_ != "PRON":  # "when he reached": the bomber
            _add(groups, passing, f"subject of '{clause.text}' (when '{weapon.text}' went off)", excluded)
        elif clause.tag_ == "VBG" and not timed:  # "..., killing (two guards)", "..., targeting (the convoy)"
            _add(groups, _child(clause, _OBJECTS), f"object of '{clause.text}' (what '{weapon.text}' struck)",
                 excluded)
    return tuple(groups)


def names_the_doer(modifier: Token) -> bool:
    """ "(Russian) airstrikes", "(NATO) raids", "(the rebels') attack": a possessive, a capitalised
    adjective or an acronym; never "its", a day ("Tuesday's attack"), a kind ("artillery") or a place name
    ("the Gaza airstrike")."""
    if modifier.dep_ == "poss":
        return modifier.tag_ != "PRP$" and not is_time_token(modifier)
    if modifier.dep_ not in ("amod", "compound") or not modifier.text[:1].isupper():
        return False
    return modifier.pos_ == "ADJ" or (modifier.pos_ == "PROPN" and modifier.text.isupper())


# Prepositions that tell the fighting an act happened in: "killed (in|during|amid) clashes with X",
# "seized the town (after) a battle with X", "died (due) to clashes with X".
_CLASH_PREPS = frozenset({"in", "during", "amid", "amidst", "after", "following", "through", "due", "owing"})
# Verbs by which an act's own clause goes on to the fighting it set off: "..., (resulting) in a battle".
_RESULT_VERBS = frozenset({"result", "lead", "spark", "trigger"})


def fighting_told(verb: Token, clash_nouns: frozenset[str]) -> Token | None:
    """The fighting a verbal act is told in: "were killed (during) clashes with X", "captured the hill
    after a battle with X", "stormed the town, resulting in a battle with X", "were killed when
    fighting broke out between X and Y". `clash_nouns` are lower-case words. None when the act names
    no fighting."""
    if not _is_verbal(verb):
        return None
    results = (c for c in verb.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in _RESULT_VERBS)
    hosts = [verb, *results]
    for host in hosts:
        preps = _CLASH_PREPS if host is verb else {"in", "to"}
        for prep in (c for c in host.children if c.dep_ == "prep" and c.lower_ in preps):
            noun = _child(prep, {"pobj"})
            if noun is None:  # "due to", "owing to": the fighting is the object of "to"
                to = next((c for c in prep.children if c.lower_ == "to"), None)
                noun = _child(to, {"pobj"}) if to is not None else None
            if noun is not None and word_in(noun, clash_nouns):
                return noun
        if host is not verb:
            noun = _child(host, _OBJECTS)  # "sparking clashes with X"
            if noun is not None and word_in(noun, clash_nouns):
                return noun
    for clause in (c for c in verb.children if c.dep_ == "advcl"):  # "... when fighting erupted between"
        noun = _child(clause, _SUBJECTS)
        if noun is not None and word_in(noun, clash_nouns):
            return noun
    return None


def fighting_parties(noun: Token, excluded: set[int]) -> tuple[ArgumentGroup | None, ArgumentGroup | None]:
    """Who fought in the fighting `noun` names, on it or on the verb it happened by ("fighting broke out
    between ..."): both sides ("clashes between (X) and (Y)"), and the other side ("clashes with (X)");
    each None when not named."""
    between: list[ArgumentGroup] = []
    other: list[ArgumentGroup] = []
    for prep_head in filter(None, (noun, _happening_verb(noun))):
        for obj, _ in _prep_objects(prep_head, ("between",)):
            _add(between, obj, f"the sides 'between' in '{noun.text}'", excluded, sides=True)
        for obj, prep in _prep_objects(prep_head, ("with", "against")):
            _add(other, obj, f"the other side ('{prep}') in '{noun.text}'", excluded)
    return (between[0] if between else None), (other[0] if other else None)


def undergoing_verb(noun: Token) -> Token | None:
    """'came under (attack)', 'came under heavy (fire)': the verb whose subject suffered the act."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head.i == prep.i:
        return None
    return prep.head if prep.head.lemma_.lower() == "come" else None


CONFINEMENT_CODE = "173"  # CAMEO: arrest, detain
# "has been in custody", "remains under house arrest", "stayed in detention": the subject is held
_STATE_VERBS = frozenset({"be", "remain", "stay"})
_STATE_PREPS = frozenset({"in", "under"})


def state_of_confinement(noun: Token) -> Token | None:
    """'(has been) in (pretrial) detention', '(remains) under house (arrest)': the verb of being whose
    subject the noun holds. The caller decides that the noun is a confinement."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _STATE_PREPS or prep.head.i == prep.i:
        return None
    return prep.head if prep.head.lemma_.lower() in _STATE_VERBS else None


def _time_phrase_verb(noun: Token) -> Token | None:
    """The verb a time phrase holding the noun hangs on: "(told) ..., after a meeting"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _TIME_PREPS or not _is_verbal(prep.head):
        return None
    return prep.head


# Links to a clause that says what a verbal act is about: "threatened (to use) force against X",
# "agreed (to strengthen) coordination with X", "warned (that) if X ...".
_EMBEDDED_LINKS = {"xcomp", "ccomp"}
# "on" names a topic after a verb alone ("cooperate on Syria") but the target after a noun or a verb
# with an object ("sanctions on X", "impose sanctions on X"); "from" the other side last ("negotiating
# to import eggs from X").
_EMBEDDED_VERB_PREPS = ("against", "with", "to", "at", "toward", "towards", "from")
_EMBEDDED_NOUN_PREPS = ("against", "on", "with", "to", "by", "from")


def embedded_targets(head: Token, excluded: set[int], words: ArgumentWords,
                     statement: bool = True) -> tuple[ArgumentGroup, ...]:
    """Targets read from the clause embedded under a trigger: the subject of a that-clause ("demanded
    that X ..."), the object of its verb, the objects of its prepositions (also on that object:
    "impose sanctions on X"), "by" after a noun object ("efforts by X") or as the doer of a participle
    on it ("rejected the allegations made by X": a statement only), and the subject of a
    condition in it ("warned that if X attacks"). The subject of a that-clause is a target only
    of a `statement` (a demand, an accusation, a threat), never of a material act. A material act
    also takes its target from the clause that says how or what for it was done ("began the assault
    by storming X's positions", "launched an offensive to seize the town from X"); the owner of what
    that clause acts on comes before the thing ("X's positions": X). A clause that only names the
    object ("condemned what they called the annexation of X") gives the thing named, never the namer."""
    groups: list[ArgumentGroup] = []
    clauses = _embedded_clauses(head) + ([] if statement else _manner_clauses(head))
    for clause in clauses:
        rule = f"inherited from the clause '{clause.text}' under '{head.text}'"
        named = thing_named(clause, words)
        if named is not None:
            _add_thing_named(groups, head, clause, named, statement, excluded)
            continue
        if statement and clause.dep_ == "ccomp":  # "demanded that (X) change", "warned that (X) would pay"
            _add(groups, _child(clause, _SUBJECTS | _PASSIVE_SUBJECTS), rule, excluded)
        if statement and clause.dep_ == "acl":  # "rejected the allegations made by (X)": X's claim answered
            _add(groups, _agent(clause), rule, excluded)
        obj = _child(clause, _OBJECTS)
        for prep_head in (obj, clause):  # the actor inside a topic before the topic: "sanctions on (X)"
            if prep_head is not None:
                preps = _EMBEDDED_NOUN_PREPS if prep_head is obj or obj is not None else _EMBEDDED_VERB_PREPS
                for pobj, _ in _prep_objects(prep_head, preps):
                    _add(groups, pobj, rule, excluded)
        owner = _child(obj, {"poss"}) if obj is not None and not statement else None
        if owner is not None and owner.tag_ != "PRP$":  # "its presence" names no one new
            _add(groups, owner, rule, excluded)
        _add(groups, obj, rule, excluded)
        for condition in (c for c in clause.children if c.dep_ == "advcl"):
            if any(m.lower_ in ("if", "unless") for m in condition.children if m.dep_ == "mark"):
                _add(groups, _child(condition, _SUBJECTS), f"subject of the condition under '{head.text}'",
                     excluded)
    return tuple(groups)


def thing_named(clause: Token, words: ArgumentWords) -> Token | None:
    """The thing a free relative names as the object of the verb above it: "what they (called) the
    (annexation) of X", "what India (described) as a training (camp)". None for any other clause."""
    what = _child(clause, _OBJECTS)
    if clause.lemma_.lower() not in words.naming_verbs or what is None or what.lower_ != "what":
        return None
    named = _child(clause, {"oprd"})
    if named is None:
        named = next((o for o, _ in _prep_objects(clause, ("as",))), None)
    return named


def _add_thing_named(groups: list[ArgumentGroup], head: Token, clause: Token, named: Token, statement: bool,
                     excluded: set[int]) -> None:
    """The candidates of a clause that names the object ("condemned what they called the annexation (by)
    X"): the doer the parse hangs on the naming verb, then the thing named, then (for a statement only:
    "rejected what X called a fair offer" answers X's words) the namer, unless a pronoun, which mostly
    refers back to the speaker ("what they called")."""
    rule = f"what '{head.text}' is done to, named by '{clause.text}'"
    for doer, _ in _prep_objects(clause, ("by",)):
        _add(groups, doer, f"doer of {rule}", excluded)
    _add(groups, named, rule, excluded)
    namer = _child(clause, _SUBJECTS)
    if statement and namer is not None and namer.pos_ != "PRON":
        _add(groups, namer, f"who named {rule}", excluded)


def partner_of_the_first_act(verb: Token) -> tuple[ArgumentGroup, ...]:
    """Who the act a verb is coordinated with was done with: "met (the Nigerian president) and signed a
    deal", "held talks (with) X and agreed to ...": the object of the first verb, then its "with". The
    caller keeps it for acts done together, after the verb's own targets."""
    if verb.dep_ != "conj" or not _is_verbal(verb.head) or not _is_verbal(verb):
        return ()
    first = verb.head
    groups: list[ArgumentGroup] = []
    rule = f"partner of '{first.text}', the act '{verb.text}' is coordinated with"
    obj = _child(first, _OBJECTS)
    _add(groups, obj, rule, set())
    for prep_head in (first, obj):
        if prep_head is not None:
            for pobj, _ in _prep_objects(prep_head, ("with",)):
                _add(groups, pobj, rule, set())
    return tuple(groups)


def _embedded_clauses(head: Token) -> list[Token]:
    """The clauses under a trigger, and under its object noun: "issued warnings (demanding) that X ..."."""
    clauses = [c for c in head.children if c.dep_ in _EMBEDDED_LINKS and _is_verbal(c)]
    obj = _child(head, _OBJECTS)
    nouns = [obj, *_of_objects(obj)] if obj is not None else []  # "issued a series of (warnings) demanding"
    for acl in (c for noun in nouns for c in noun.children if c.dep_ == "acl" and _is_verbal(c)):
        clauses += [acl, *(c for c in acl.children if c.dep_ == "ccomp" and _is_verbal(c))]
    return clauses


def _manner_clauses(head: Token) -> list[Token]:
    """The clauses under a verbal trigger that say how or what for it was done: "(began) the assault by
    (storming) ...", "(launched) an offensive to (seize) ..."."""
    if not _is_verbal(head) or _is_passive(head):
        return []  # "was captured in the invasion to topple X": the purpose is the invaders', X no victim
    clauses = [c for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "by"
               for c in prep.children if c.dep_ == "pcomp" and _is_verbal(c)]
    return clauses + [c for c in head.children if c.dep_ == "advcl" and to_infinitive(c)]


def to_infinitive(verb: Token) -> bool:
    """A verb with its own "to": "vowed (to) strike", "asked X (to) leave"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_subject(verb: Token, words: ArgumentWords) -> tuple[Token | None, str]:
    """The subject of a verb, inherited through coordination, control and participles."""
    speaker = _speaker_of_misattached_conjunct(verb)
    if speaker is not None:
        return speaker, f"subject of '{verb.head.head.text}' (the parser joined '{verb.text}' to the " \
                        f"clause '{verb.head.text}' it reports)"
    current = verb
    raised = False  # reached through an infinitive: "is expected (to send)"
    for _ in range(_MAX_HOPS):
        subject = _child(current, _SUBJECTS)
        if subject is None and (current.lower_ in words.stative_participles or raised):
            # "Israel is opposed to ...", "Iran is expected to (send)": the passive subject acts
            subject = _child(current, _PASSIVE_SUBJECTS)
        if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
            return current.head, f"head of the relative clause '{current.text}'"
        if subject is not None:
            where = "" if current.i == verb.i else f" (inherited by '{verb.text}')"
            return subject, f"subject of '{current.text}'{where}"
        if _child(current, _PASSIVE_SUBJECTS) is not None or current.head.i == current.i:
            if current.i != verb.i and _in_time_phrase(verb, current):
                # "was released (after apologizing) to X": who was released apologized
                rule = f"subject of passive '{current.text}' (inherited by '{verb.text}' in a time phrase)"
                return _child(current, _PASSIVE_SUBJECTS), rule
            return None, ""
        if current.dep_ in ("xcomp", "ccomp") and _child(current.head, _OBJECTS) is not None:
            return _child(current.head, _OBJECTS), f"object of '{current.head.text}' (controls '{verb.text}')"
        if current.dep_ == "relcl":
            return current.head, f"head of the relative clause '{current.text}'"
        if current.dep_ == "acl" and current.tag_ != "VBN" and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            issuer = noun.head if noun.dep_ in _OBJECTS else \
                noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
            if noun.lemma_.lower() in words.document_nouns and issuer is not None and _is_verbal(issuer):
                # "issued a declaration demanding ...", "voted for a resolution calling on ...": whoever
                # issued (backed) the text demands
                current = issuer
                continue
            return noun, f"noun modified by '{current.text}'"
        if current.dep_ not in _INHERITING_LINKS:
            return None, ""
        raised = current.dep_ == "xcomp"
        current = current.head
    return None, ""


def _speaker_of_misattached_conjunct(verb: Token) -> Token | None:
    """ "The president told reporters the vote was fair and (demanded) that ...": the parser joins the second
    verb to the copula of the reported clause, whose subject (a thing said to be so) did not demand anything;
    the verb, in the reporting verb's tense and with no auxiliary of its own, is the speaker's act. A verb
    with an auxiliary ("said the army was ready and would attack") continues the reported clause."""
    copula = verb.head
    if verb.dep_ != "conj" or _child(verb, _SUBJECTS | _PASSIVE_SUBJECTS | {"aux", "auxpass"}) is not None:
        return None
    if copula.lemma_ != "be" or copula.dep_ != "ccomp" or copula.i > verb.i:
        return None
    reporting = copula.head
    return _child(reporting, _SUBJECTS) if reporting.tag_ == verb.tag_ == copula.tag_ else None


def phrase(token: Token) -> Span:
    """The argument phrase headed by `token`: the unbroken run of its own words around it, without
    clauses (relative, participial), the phrases coordinated with it, dates or edge punctuation."""
    kept = {token.i}
    for child in token.children:
        if child.dep_ not in _PHRASE_EXCLUDED_DEPS and not _is_time_modifier(child):
            kept.update(_outside_clauses(child))
    first = last = token.i
    while first - 1 in kept:
        first -= 1
    while last + 1 in kept:
        last += 1
    doc = token.doc
    opening = next((t.i for t in doc[token.i:last + 1] if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening:last + 1]):
        last = opening - 1  # "Liberian Peace Council (LPC": the parenthesis was cut off by the parse
    while last > first and (doc[last].is_punct or doc[last].dep_ == "case"):
        last -= 1  # edge punctuation, and the "'s" of a possessive: "the army's" is "the army"
    while first < last and doc[first].is_punct:
        first += 1
    return doc[first:last + 1]


def _outside_clauses(token: Token):
    """Indices of the subtree of `token` less the clauses inside it and everything below them."""
    stack = [token]
    while stack:
        node = stack.pop()
        if node.dep_ not in _CLAUSE_DEPS:
            yield node.i
            stack.extend(node.children)


def _may_name_actor(modifier: Token) -> bool:
    """A capitalised adjective or proper noun before an event noun: "Palestinian riots", "NATO strikes"."""
    return modifier.pos_ in ("ADJ", "PROPN") and modifier.text[:1].isupper()


def _is_time_modifier(child: Token) -> bool:
    """'on Tuesday' attached to a noun by the parser is the event's date, not part of the actor."""
    if child.dep_ == "npadvmod" or is_time_token(child):
        return True
    return child.dep_ == "prep" and any(is_time_token(o) for o in child.children)


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it, in sentence order."""
    return sorted([token, *token.conjuncts], key=lambda t: t.i)


def _add(groups: list[ArgumentGroup], head: Token | None, rule: str, excluded: set[int],
         sides: bool = False) -> None:
    if head is None or head.i in excluded:
        return
    phrases = tuple(phrase(t) for t in conjuncts(head) if t.i not in excluded)
    already = any(p.start <= head.i < p.end for g in groups for p in g.phrases)
    if phrases and not already:
        groups.append(ArgumentGroup(phrases, rule, sides=sides))


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _dative(verb: Token) -> Token | None:
    """The indirect object: "gave (Ukraine) aid"; the parser also labels "sent troops (to) Libya" so."""
    dative = _child(verb, {"dative"})
    if dative is not None and dative.pos_ == "ADP":
        return _child(dative, {"pobj"})
    return dative


def _agent(verb: Token) -> Token | None:
    agent = _child(verb, {"agent"})
    return _child(agent, {"pobj"}) if agent is not None else None


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[tuple[Token, str]]:
    """Objects of the given prepositions attached to `token`, in the order of `preps`."""
    found = []
    prep_children = [child for child in token.children if child.dep_ in ("prep", "agent", "dative")]
    for prep in preps:
        for child in prep_children:
            if child.lower_ == prep:
                obj = _child(child, {"pobj"})
                if obj is not None and not is_time_token(obj):
                    found.append((obj, prep))
    return found
