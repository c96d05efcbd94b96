"""Whom a response is toward, when its own words name no actor: the act it answers, the meeting it
keeps away from, the host of a gathering.

A speech act or a reaction often names what it answers rather than who did it: "the ministry denied
the allegations", "the group praised the release", "Chile refused to attend the session". The
target is whoever made the allegation, did the release, or held the session, when the text names
them: on the answered noun itself, in the sentence, or (for an answered act) in an earlier event
of the article. Read from the dependency parse; the word lists are in data/verbs/stance.json.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.events.arguments import PLACE_PREPS, ArgumentGroup, ArgumentWords, clause_subject, phrase
from eventwire.nlp import is_time_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventwire.events.stance import StanceWords

_OBJECTS = {"dobj", "obj"}
_RELATIVE_PRONOUNS = frozenset({"that", "which"})
# Links of a name that stands for a party, not for a place or a modifier ("Geneva-based", "in Geneva").
_PARTY_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "conj", "appos"}
# Clauses under a response that carry what it answers: "refused (to accept) the deal".
_ANSWER_CLAUSES = {"xcomp", "ccomp"}
# Clauses under a demand that tell a release asked for: "called for X to be freed", "demanded that X be
# freed".
_RELEASE_CLAUSES = {"advcl", "ccomp", "xcomp"}
# Prepositions that name who holds a meeting: "talks (with) X", "the session (before) the court".
_MEETING_PREPS = ("with", "before", "by", "at")
# Prepositions that tell what a protest noun is against: "in protest (at) X".
_PROTESTED_PREPS = ("against", "at", "over")


def answered_act(head: Token, trigger: tuple[int, int],
                 words: StanceWords) -> tuple[Token, frozenset[str]] | None:
    """The act a verbal response answers, told as a noun: its object ("denied the (allegations)",
    "welcomed the (release)") or the object of a clause under it ("refused to accept the (deal)"),
    with the event types of the act that noun names. None when the response answers no such noun, or
    the noun is part of the `trigger` token range ("struck a deal" is the act itself, no answer)."""
    for verb in (head, *(c for c in head.children if c.dep_ in _ANSWER_CLAUSES)):
        obj = next((c for c in verb.children if c.dep_ in _OBJECTS), None)
        if obj is not None and obj.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            obj = verb.head  # "..., a (charge) that Y rejected": the noun the relative clause tells of
        if obj is not None and obj.pos_ == "NOUN" and not trigger[0] <= obj.i < trigger[1]:
            types = words.answered_acts.get(obj.lemma_.lower()) or words.answered_acts.get(obj.lower_)
            if types:
                return obj, types
    return None


def summed_act_doer(head: Token, clauses: ArgumentWords) -> ArgumentGroup | None:
    """Who did the act that a response in a relative clause answers, when the clause hangs on a noun set
    off after that act to sum it up: "X freed the hostages, a move that Y welcomed", "X accused Y of
    spying, a charge that Y rejected": the doer of the act (X). None otherwise."""
    noun = head.head
    if head.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.head.i == noun.i:
        return None
    act = noun.head
    first = min(t.i for t in noun.subtree)
    set_off = first > 0 and noun.doc[first - 1].text in (",", "—", "-", ";")
    if not set_off or act.i > noun.i or not (act.pos_ == "VERB" or act.tag_.startswith("VB")):
        return None
    subject, rule = clause_subject(act, clauses)
    if subject is None:
        return None
    return ArgumentGroup((phrase(subject),), f"the doer of '{act.text}' ({rule}), summed up as '{noun.text}'")


def doer_named_on(noun: Token) -> ArgumentGroup | None:
    """Who did the act a reaction is toward, named on the noun of the act: "protested against (X's)
    visit to Y", "condemned the bombing of Y (by) X", "the occupation of Y carried out (by) X". Only a
    common noun names an act; a pronoun owner ("their policy") names no one new. None otherwise."""
    if noun.pos_ != "NOUN":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None:
        return ArgumentGroup((phrase(owner),), f"the doer of '{noun.text}', its owner '{owner.text}'")
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    agents = _objects_of(noun, ("by",)) + [o for p in participles for o in _objects_of(p, ("by",))]
    if agents:
        return ArgumentGroup((phrase(agents[0]),), f"the doer of '{noun.text}', by '{agents[0].text}'")
    return None


def protested_against_elsewhere(head: Token, words: StanceWords) -> tuple[ArgumentGroup, ...]:
    """What a protest is against when the parse hangs it on a phrase of the protest verb: "against X" on
    the place ("rallied at several ports (against) X", "marched in the capital (against) X"), or
    what a protest noun after "in" is at ("marched in protest (at|against|over) X"), or what it is held in
    front of ("in front of the X embassy")."""
    places = [c for o in _objects_of(head, tuple(PLACE_PREPS)) for c in (o, *o.conjuncts)]
    groups = [ArgumentGroup((phrase(o),), f"object of 'against' after the place '{place.text}' of "
                                          f"'{head.text}'")
              for place in places if place.lemma_.lower() not in words.protest_nouns
              for o in _objects_of(place, ("against",))]
    protests = [o for o in _objects_of(head, ("in",)) if o.lemma_.lower() in words.protest_nouns]
    groups += [ArgumentGroup((phrase(o),), f"object of '{o.head.text}' after '{noun.text}' of '{head.text}'")
               for noun in protests for o in _objects_of(noun, _PROTESTED_PREPS)]
    # "protested in front of the X embassy": at the door of X, as "outside" the embassy is
    fronts = [o for o in _objects_of(head, ("in",)) if o.lower_ == "front"]
    groups += [ArgumentGroup((phrase(o),), f"what '{head.text}' is in front of")
               for front in fronts for o in _objects_of(front, ("of",))]
    return tuple(groups)


def policy_protested(groups: tuple[ArgumentGroup, ...], words: StanceWords) -> Span | None:
    """What a protest is against when it is a measure of those who govern, named by no one: "to protest
    the new import (restrictions)", "marched against the education (law)". None otherwise."""
    for group in groups:
        root = group.phrases[0].root
        if root.lemma_.lower() in words.policy_nouns or root.lower_ in words.policy_nouns:
            return group.phrases[0]
    return None


def release_asked(head: Token, words: StanceWords) -> Token | None:
    """The release a demand asks for: "calls (for) his release", "demanded the release of X", or told as
    a passive clause, "called for X to be (freed)", "demanded that X be (released)"; "urged X to free Y"
    is a plain demand of X. None when the demand asks for no release."""
    nouns = [c for c in head.children if c.dep_ in _OBJECTS]
    nouns += _objects_of(head, ("for",))
    noun = next((n for n in nouns if n.lemma_.lower() in words.release_nouns), None)
    if noun is not None:
        return noun
    clauses = [head] + [c for c in head.children if c.dep_ in _RELEASE_CLAUSES]  # the trigger may be "freed"
    return next((c for c in clauses if c.lemma_.lower() in words.release_verbs
                 and any(s.dep_ == "nsubjpass" for s in c.children)), None)


def holders_of_the_released(release: Token, words: StanceWords) -> tuple[ArgumentGroup, ...]:
    """Who holds the person a release is asked for, named on that person: "the release of the writer
    (detained) in X", "... of the activist (jailed) by X"; the place a person is held in stands for its
    government."""
    people = [c for c in release.children if c.dep_ in ("poss", "nsubjpass")]  # "X to be freed"
    people += _objects_of(release, ("of",))
    groups: list[ArgumentGroup] = []
    for person in people:
        for held in (c for c in person.children if c.dep_ in ("acl", "relcl")
                     and c.lemma_.lower() in words.detention_verbs):
            groups += [ArgumentGroup((phrase(h),), f"who holds '{person.text}' ('{held.text}' {h.head.text} "
                                                   f"'{h.text}')") for h in _objects_of(held, ("by", "in"))]
    return tuple(groups)


def meeting_kept_away_from(head: Token, words: StanceWords) -> Token | None:
    """The meeting a refusal keeps away from: "refused to (attend) the (session)", "declined to take
    part in the (talks)", "will not join the (summit)", or what is joined when an organisation is named
    on it by acronym ("declined to participate in the EU (plan)"). None when the refusal names neither."""
    for verb in (c for c in head.children if c.dep_ in _ANSWER_CLAUSES):
        if verb.lemma_.lower() not in words.attendance_verbs:
            continue
        nouns = [c for c in verb.children if c.dep_ in _OBJECTS]
        nouns += [o for n in (verb, *nouns) for o in _objects_of(n, ("in", "at"))]  # "take part (in)"
        meeting = next((n for n in nouns if n.lower_ in words.meeting_nouns or _acronym_on(n)), None)
        if meeting is not None:
            return meeting
    return None


def _acronym_on(noun: Token) -> Token | None:
    """An organisation named on a noun by its acronym: "the (EU) plan", "the (NATO) summit". A name of
    a place on a meeting ("the Geneva talks") names no party."""
    return next((c for c in noun.children if c.dep_ == "compound" and len(c.text) > 1 and c.text.isupper()),
                None)


def meeting_holders(meeting: Token, excluded: set[int], words: StanceWords) -> tuple[ArgumentGroup, ...]:
    """Who holds a meeting, named on it: "talks (with) X", "the session (before) X", "a summit hosted
    (by) X" (`holding_verbs`), "(X's) conference"."""
    owner = next((c for c in meeting.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
    holders = [owner] if owner is not None else []
    holders += [acronym] if (acronym := _acronym_on(meeting)) is not None else []
    holders += _objects_of(meeting, _MEETING_PREPS)
    participles = (c for c in meeting.children if c.dep_ == "acl" and c.lemma_.lower() in words.holding_verbs)
    holders += [o for participle in participles for o in _objects_of(participle, ("by",))]
    return tuple(ArgumentGroup((phrase(holder),), f"who holds the '{meeting.text}' kept away from")
                 for holder in holders if holder.i not in excluded)


def hosts_named(parsed: Doc, excluded: set[int]) -> tuple[ArgumentGroup, ...]:
    """The host of a gathering, named as such in the sentence: "as (host) country X", "X, the (host)",
    "hosted by X"."""
    groups: list[ArgumentGroup] = []
    for token in parsed:
        named = None
        if token.lower_ == "host" and token.dep_ in ("compound", "amod", "nmod"):
            named = token.head  # "host nation (Japan)": the name the host word is a modifier of
            while named.dep_ == "compound":
                named = named.head
            named = next((c for c in named.children if c.dep_ == "appos"), named)  # "the host nation, X"
        elif token.lower_ == "host" and token.dep_ == "appos":
            named = token.head  # "Canada, the host"
        elif token.lemma_.lower() == "host" and token.tag_ == "VBN":
            named = next(iter(_objects_of(token, ("by",))), None)  # "hosted by X"
        if named is not None and named.i not in excluded:
            groups.append(ArgumentGroup((phrase(named),), f"'{named.text}' named as the host"))
    return tuple(groups)


def names_in_sentence(parsed: Doc, excluded: set[int], reporting_verbs: frozenset[str]) \
        -> tuple[ArgumentGroup, ...]:
    """Every proper name the sentence holds outside `excluded`, one group each ("the World Court", "the
    African Union"): the other parties a refusal may be toward when no word ties it to one. A place
    ("in Geneva") is none, nor is who reports the news ("Reuters reported", "according to X")."""
    heads = (t for t in parsed if t.pos_ == "PROPN" and t.dep_ in _PARTY_DEPS and t.i not in excluded
             and not is_time_token(t) and not (t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS)
             and not _reports(t, reporting_verbs))
    return tuple(ArgumentGroup((_name(head),), f"'{head.text}' named in the sentence") for head in heads)


def _reports(name: Token, reporting_verbs: frozenset[str]) -> bool:
    """Whether a name is who reports the news: the subject of a reporting verb, or after "according to"."""
    if name.dep_ == "nsubj" and name.head.lemma_.lower() in reporting_verbs:
        return True
    return name.dep_ == "pobj" and name.head.lower_ == "to" and name.head.head.lower_ == "according"


def _name(head: Token) -> Span:
    """The proper name a token heads, without its modifiers: "the Geneva-based (World Health Organization)"
    is the organisation, not Geneva."""
    start, doc = head.i, head.doc
    while start > 0 and doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head.i >= start:
        start -= 1
    return head.doc[start:head.i + 1]


def _objects_of(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the given prepositions (or of the agent "by") attached to `token`."""
    return [o for p in token.children if p.dep_ in ("prep", "agent") and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]
