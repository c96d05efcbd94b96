"""Criticism and demands told as a statement: ACCUSE (REQUEST) from the speaker to the actor criticised
(asked to act).

- "The party says the government is illegally seizing its offices", "the minister said the sanctions
  policy of Chile is not working", '"The mission has become a farce," she said': a statement
  verb whose clause says something negative of an actor (a negative evaluation, a failure, an act
  told as a wrong) criticises that actor.
- "The group expressed concern that Peru's police are abusing detainees", "voiced alarm over Chile's
  crackdown": a worry voiced about what an actor does.
- Inside a quote whose speaker stands in another sentence ('"The policy has failed."'), the quoted
  clause is the statement: the coder keeps such a reading only when the quote has a speaker.

- "The rights group said the Thai government must stop the deportations", '"Peru needs to withdraw its
  troops," she said': a clause whose subject, an actor other than the speaker, must, should, ought to or
  needs to act is the speaker's demand of that actor (REQUEST), whatever the act demanded.
- "A diplomat added that penalties could follow if Bolivia builds the dam", "Peru will face
  consequences unless it withdraws": a penalty told as what follows if an actor acts threatens that actor
  (THREATEN).
- "The ministry is far more interested in X than in Y": an actor said to care for the wrong thing first
  is criticised (ACCUSE).
- "Prosecutors said Peru's agents offered to pay the gunmen": what a prosecutor tells a named actor did
  is a charge against it (ACCUSE).
- '... says the "illegal" government is confiscating ...': an evaluation the reporter quotes word for word is
  the speaker's own, even on the doer of an act the clause reports.

Forecasts and possibilities ("would fail", "could be illegal"), questions, negated evaluations ("is not
illegal") and the speaker's own side ("we have failed") are no criticism. Read from the dependency parse;
the word lists are in data/verbs/stance.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.events.arguments import to_infinitive
from eventwire.events.stance import conditional, conditional_threat

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.events.stance import StanceWords

CRITICISM_CODE = "111"  # CAMEO "criticize or denounce": PLOVER ACCUSE
DEMAND_CODE = "100"  # CAMEO "make a demand, not specified below": PLOVER REQUEST
THREAT_CODE = "130"  # CAMEO "threaten, not specified below": PLOVER THREATEN
PRAISE_CODE = "051"  # CAMEO "praise or endorse": PLOVER SUPPORT
REJECTION_CODE = "120"  # CAMEO "reject, not specified below": PLOVER REJECT
_SPEECH_CODES = (CRITICISM_CODE, PRAISE_CODE, REJECTION_CODE)  # told by the statement verb itself
_CLAUSE_LINKS = ("ccomp", "parataxis")
_QUESTION_MARKS = {"whether", "if"}
_EVALUATED_LINKS = {"acomp", "attr", "oprd"}
_QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’"}
_PERFECT = {"have", "'ve"}  # "should have acted": a judgement of the past, not a demand
_PARTICIPLE_LINKS = {"advcl", "acl", "xcomp"}


@dataclass(frozen=True)
class Criticism:
    """What a statement criticises (or demands): the statement verb (None for a quote's own clause), the
    word of the criticism (the act demanded), and the heads of the phrases that may name the actor
    criticised (asked to act), best first."""

    verb: Token | None
    clause: Token  # the verb of the clause (the preposition of the phrase) that tells what is wrong
    evaluation: Token
    criticised: tuple[Token, ...]
    code: str = CRITICISM_CODE  # DEMAND_CODE for a demand
    charge: bool = False  # "prosecutors said X (hired) ...": the act is alleged, not told as having happened
    retribution: bool = False  # "vowed to make Peru pay": the statement itself is the threat

    @property
    def demand(self) -> bool:
        return self.code == DEMAND_CODE

    @property
    def open_denial(self) -> bool:
        """ "the navy denied that its patrol was a provocation": a denial of what a clause tells that names no
        other party; a REJECT whose target (the accuser) the sentence leaves open."""
        return self.code == REJECTION_CODE and not self.criticised

    @property
    def denies_a_clause(self) -> bool:
        """ "denied that X ...": a REJECT of what a clause tells, held whether or not its party is known."""
        return self.code == REJECTION_CODE and self.evaluation is self.clause

    @property
    def judges_the_doer(self) -> bool:
        """ "the illegal regime is seizing ...": the doer of the clause's act judged by an adjective."""
        return self.evaluation.dep_ == "amod" and not _quoted_word(self.evaluation)

    @property
    def trigger(self) -> Token:
        """The statement verb of a criticism, a praise or a rejection (the quote's evaluation word); the act
        demanded of a demand, the penalty of a threat."""
        if self.retribution and self.verb is not None:
            return self.verb
        if self.code not in _SPEECH_CODES:
            return self.evaluation
        return self.verb if self.verb is not None else self.evaluation


def criticisms(doc: Doc, words: StanceWords) -> list[Criticism]:
    """The criticisms a parsed sentence tells: by a statement verb or a voiced concern, or, where the
    sentence has no statement verb, by its own main clause (for a quote whose speaker is elsewhere)."""
    found = [c for c in (statement_criticism(token, words) for token in doc) if c is not None]
    if found or any(_states(t, words) for t in doc):
        return found
    roots = [t for t in doc if t.head.i == t.i]
    own = (_clause_criticism(None, clause, words) for root in roots for clause in (root, *_conjoined(root)))
    return [c for c in own if c is not None]


def statement_criticism(verb: Token, words: StanceWords) -> Criticism | None:
    """The criticism a statement verb or a voiced concern tells, or None."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    if lemma in words.concern_verbs:
        return _concern(verb, words)
    if lemma in words.denial_verbs:
        return _denied_statement(verb, words)
    if lemma not in words.statement_verbs and accusing_verb(verb, words) is None:
        return None
    clauses = _statement_clauses(verb)
    for clause in clauses:
        for part in (clause, *_conjoined(clause), *_run_on(clause)):
            found = _clause_criticism(verb, part, words)
            if found is not None:
                return found
    return _charge(verb, clauses, words)


def accusing_verb(verb: Token, words: StanceWords) -> str | None:
    """ "alleged", "shot back", "fired back": a verb that charges what its clause tells (with its particle,
    as the word list names it), or None. A phrasal one counts only as a statement, with a clause or a quote
    ("shot back that ...", '"...," she fired back'); "troops shot back at the rebels" is fire returned."""
    # the parser makes "back" a particle or an adverb ("shot (back) that ...")
    particle = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1
                     and c.pos_ in ("ADP", "ADV", "PART")), None)
    if particle is not None and f"{verb.lemma_.lower()} {particle}" not in words.accusing_verbs:
        particle = None
    name = verb.lemma_.lower() if particle is None else f"{verb.lemma_.lower()} {particle}"
    if verb.pos_ not in ("VERB", "AUX") or name not in words.accusing_verbs:
        return None
    return name if particle is None or _statement_clauses(verb) or _quoted_before(verb) else None


def _statement_clauses(verb: Token) -> list[Token]:
    """The clauses a statement verb reports: after it ("said (that) ..."), or a quote before it."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_LINKS and c.i > verb.i]
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:  # '"... has failed," she said'
        clauses.append(verb.head)
    return clauses + [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]  # '..., she said'


def _quoted_before(verb: Token) -> bool:
    """ '"...," she fired back', 'he shot back: "..."': a quote closing just before the verb's clause or
    opening just after the verb."""
    doc = verb.doc
    start = verb.left_edge.i
    before = doc[max(0, start - 2):start].text
    after = doc[verb.i + 1:verb.i + 4].text
    quote_after = ":" in after and any(mark in after for mark in _QUOTE_MARKS)
    return quote_after or any(mark in before for mark in _QUOTE_MARKS)


def _charge(verb: Token, clauses: list[Token], words: StanceWords) -> Criticism | None:
    """ "Prosecutors said Peru's agents offered to pay the gunmen", "the opposition alleged that Peru's
    police tortured them", "the senator shot back that Chile's minister was lying": what a prosecutor
    tells, or an accusing verb's clause tells, an actor did is a charge against that actor, whatever the
    act."""
    speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    accusing = accusing_verb(verb, words) is not None
    # "a lawsuit (alleging) ...", "..., (claiming) that ...": a participle's speaker is its noun or clause's
    participle = accusing and verb.dep_ in _PARTICIPLE_LINKS and verb.tag_ == "VBG"
    if (speaker is None and not participle) or (
            speaker is not None and not _accusing_speaker(speaker, words) and not accusing):
        return None
    for clause in clauses:
        if clause.pos_ not in ("VERB", "AUX") or not _asserted(clause, words) or \
                any(c.dep_ == "neg" for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        named = subject.pos_ == "PROPN" or any(c.dep_ == "poss" and c.pos_ == "PROPN"
                                               for c in subject.children)  # "Peru's agents"
        # "claimed that 55 percent (of pupils) are illiterate": a share counted, no party charged
        party = subject.pos_ == "NOUN" and not any(c.dep_ == "nummod" for c in subject.children)
        if named or (accusing and party and _another_party(subject, verb, words)):
            return Criticism(verb, clause, clause, (subject,), charge=True)
    return None


def _denied_statement(verb: Token, words: StanceWords) -> Criticism | None:
    """ "Rebels deny that Peru's militia controls the valley", "Lima denied that Chilean envoys were
    mistreated": a denial of what a clause tells of another actor, done by it or to it, is a rejection
    (REJECT) of what was said of it, whatever the clause's verb. A clause that names no other party ("the
    navy denied that its patrol was a provocation", "the court denied that ballots had been burned")
    still rejects what was said: a REJECT whose accuser the sentence does not name (docs/annotation.md:
    denials are REJECT)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")]
    for clause in clauses:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and _another_party(subject, verb, words):
            return Criticism(verb, clause, clause, (subject,), REJECTION_CODE)
    told = next((c for c in clauses if not any(m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS
                                               for m in c.children)), None)
    return Criticism(verb, told, told, (), REJECTION_CODE) if told is not None else None


def _accusing_speaker(speaker: Token, words: StanceWords) -> bool:
    """ "prosecutors", "the indictment", or a name with such a title ("federal prosecutor Ann Smith",
    "Ann Smith, the prosecutor")."""
    titles = [speaker] + [c for c in speaker.children if c.dep_ in ("compound", "appos")]
    return any(t.lemma_.lower() in words.accusing_speakers for t in titles)


def _states(token: Token, words: StanceWords) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in ("VERB", "AUX") and (lemma in words.statement_verbs or lemma in words.concern_verbs
                                              or accusing_verb(token, words) is not None)


def _run_on(clause: Token) -> list[Token]:
    """ '"X appears more interested in A than in B — they should ...," she said': a quote of two
    sentences run together, the first parsed as a clause of the second."""
    return [c for c in clause.children
            if c.dep_ in _CLAUSE_LINKS and c.i < clause.i and c.pos_ in ("VERB", "AUX")]


def _conjoined(clause: Token) -> list[Token]:
    """ "says X is not working (and) that Y has become a sieve": the clauses coordinated with the first."""
    return [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def _clause_criticism(verb: Token | None, clause: Token, words: StanceWords) -> Criticism | None:
    demand = _demand(verb, clause, words) or _threat(verb, clause, words) or _choice_left(verb, clause, words)
    if demand is not None:
        return demand
    if not _asserted(clause, words):
        return None
    rejection = _dismissed_accusation(verb, clause, words)
    if rejection is not None:
        return rejection
    evaluation = _negative_evaluation(clause, words)
    if evaluation is None:
        return _praise(verb, clause, words)
    owner = _owner(evaluation, words) if evaluation.dep_ in ("nsubj", "nsubjpass") else None
    criticised = ((owner,) if owner is not None else ()) + _criticised(clause, words)
    if not criticised:
        return None
    return Criticism(verb, clause, evaluation, criticised)


def _praise(verb: Token | None, clause: Token, words: StanceWords) -> Criticism | None:
    """ "the accord is a positive step", "the release was a good sign", "the talks were encouraging": a
    statement that says something good of an act or an actor endorses it (SUPPORT), of the actors its
    clause names."""
    if verb is None or any(c.dep_ == "neg" for c in clause.children):
        return None
    evaluation = next((c for c in clause.children if c.dep_ in _EVALUATED_LINKS and _praising(c, words)),
                      None)
    if evaluation is None:
        return None
    praised = _criticised(clause, words)
    return Criticism(verb, clause, evaluation, praised, PRAISE_CODE) if praised else None


def _praising(word: Token, words: StanceWords) -> bool:
    """ "positive", "encouraging", "a welcome step", "a good sign" (an adjective of a word the list pairs
    it with)."""
    if any(c.dep_ == "neg" for c in word.children):
        return False
    if word.lemma_.lower() in words.positive_evaluations or word.lower_ in words.positive_evaluations:
        return True
    return any(c.dep_ == "amod" and (c.lower_ in words.positive_evaluations or
                                     f"{c.lower_} {word.lemma_.lower()}" in words.positive_evaluations)
               for c in word.children)


def _dismissed_accusation(verb: Token | None, clause: Token, words: StanceWords) -> Criticism | None:
    """ "said the allegations were baseless", "called the charges politically motivated", '"These claims
    are lies," he said': an accusation the speaker calls false is rejected by the speaker (REJECT)."""
    if verb is None or any(c.dep_ == "neg" for c in clause.children):
        return None
    accusation = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                       and c.lemma_.lower() in words.accusation_nouns), None)
    judged = next((c for c in clause.children if c.dep_ in _EVALUATED_LINKS
                   and c.lemma_.lower() in words.dismissive_evaluations), None)
    if accusation is None or judged is None:
        return None
    return Criticism(verb, clause, judged, _owned_by(accusation), REJECTION_CODE)


def _owned_by(noun: Token) -> tuple[Token, ...]:
    """Who made an accusation: "Peru's (charges)", "the charges (by) Peru", "the (Chilean) claims"."""
    owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
    owners += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("by", "from")
               for o in p.children if o.dep_ == "pobj"]
    return tuple(owners) or (noun,)


def _choice_left(verb: Token | None, clause: Token, words: StanceWords) -> Criticism | None:
    """ "it is up to Peru what happens next", "it is entirely up to Chile whether ...": the speaker leaves
    to a named actor the choice of what follows, a veiled threat (THREATEN) to that actor."""
    if verb is None or clause.lemma_.lower() != "be":
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ != "it":
        return None
    for up in (c for c in clause.children if c.lower_ in words.choice_words):
        named = [o for p in up.children if p.dep_ == "prep" and p.lower_ == "to"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        if named:
            return Criticism(verb, clause, up, (named[0],), THREAT_CODE)
    return None


def _owner(noun: Token, words: StanceWords) -> Token | None:
    """ "their (hostility)", "Iran's (contempt)": who the noun belongs to, not the speaker's side."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner if owner is not None and owner.lower_ not in words.not_a_party else None


def _demand(verb: Token | None, clause: Token, words: StanceWords) -> Criticism | None:
    """ "X must (should, ought to) stop ...", "X needs to withdraw": the act asked of an actor other than
    the speaker, told in the active voice ("detainees must be freed" names no one asked)."""
    if clause.pos_ not in ("VERB", "AUX") or any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS
                                                 for c in clause.children):
        return None
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if auxiliaries & words.demand_modals and not auxiliaries & _PERFECT:
        asked = clause
    elif clause.lemma_.lower() in words.demand_verbs:
        asked = next((c for c in clause.children if c.dep_ == "xcomp" and to_infinitive(c)), None)
    else:
        return None
    foretold = auxiliaries & words.threat_modals
    if foretold and (_conditioned(clause) or (asked is not None and _conditioned(asked))):
        return None  # "X will have to look elsewhere if ...": a consequence foretold, not a demand
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if asked is None or subject is None or subject.dep_ == "nsubjpass" or \
            not _another_party(subject, verb, words):
        return None
    return Criticism(verb, clause, asked, (subject,), DEMAND_CODE)


def _threat(verb: Token | None, clause: Token, words: StanceWords) -> Criticism | None:
    """ "sanctions could follow if Chile goes ahead", "Peru will face consequences unless it withdraws":
    a penalty told as what follows if an actor acts threatens that actor (named in the condition, or
    the subject who would face the penalty)."""
    if not {c.lower_ for c in clause.children if c.dep_ == "aux"} & words.threat_modals or \
            any(c.dep_ == "neg" for c in clause.children):
        return None
    payer = _made_to_pay(clause, words) or _to_pay(verb, clause, words)
    if payer is not None and _another_party(payer, verb, words):
        return Criticism(verb, clause, clause, (payer,), THREAT_CODE, retribution=True)
    warning = verb is not None and verb.lemma_.lower() in words.warning_verbs
    penalty = next((c for c in clause.children if c.dep_ in ("nsubj", "dobj")
                    and c.lemma_.lower() in words.penalty_nouns), None)
    if penalty is None and warning:
        penalty = _penalty_borne(clause, words)
    if penalty is None:
        return None
    warned = conditional_threat(clause)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if warned is None and subject is not None and subject is not penalty and subject.pos_ == "PROPN":
        warned = subject if _conditioned(clause) else None
    if warned is None and warning:
        warned = _warned(verb, subject, penalty, words)
    return Criticism(verb, clause, penalty, (warned,), THREAT_CODE) if warned is not None else None


def _to_pay(verb: Token | None, clause: Token, words: StanceWords) -> Token | None:
    """ "(said) Peru would pay a high price", "(vowed that) Chile would pay dearly": who is told he will
    pay for what he did, or None. A debt or a bill paid ("will pay for the reconstruction") is none: the
    price or "dearly" must be named, or the statement must be a warning."""
    if clause.lemma_.lower() not in words.retribution_verbs:
        return None
    priced = any(c.lemma_.lower() in words.retribution_objects for c in clause.children
                 if c.dep_ in ("dobj", "advmod"))
    if not priced and (verb is None or verb.lemma_.lower() not in words.warning_verbs):
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)


def _penalty_borne(clause: Token, words: StanceWords) -> Token | None:
    """ "(warned that) it would face sanctions", "would bear (be responsible for) the consequences": a
    penalty named as what a party will meet, one phrase below the clause's verb."""
    for child in clause.children:
        if child.dep_ in ("dobj", "attr"):
            phrases = [child]
        elif child.dep_ == "prep":
            phrases = _objects_of(child)
        elif child.dep_ == "acomp":
            phrases = [o for p in child.children if p.dep_ == "prep" for o in _objects_of(p)]
        else:
            continue
        found = next((w for w in phrases if w.lemma_.lower() in words.penalty_nouns), None)
        if found is not None:
            return found
    return None


def _objects_of(preposition: Token) -> list[Token]:
    return [o for o in preposition.children if o.dep_ == "pobj"]


def _warned(verb: Token, subject: Token | None, penalty: Token, words: StanceWords) -> Token | None:
    """Who a warning of a penalty is to: the one warned ("warned Serbia it would face new sanctions"),
    else the clause's subject when it names another party ("warned that Peru would face ...")."""
    warned = next((c for c in verb.children
                   if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")), None)
    if warned is not None and _another_party(warned, verb, words):
        return warned
    if subject is not None and subject is not penalty and subject.pos_ in ("PROPN", "NOUN") and \
            _another_party(subject, verb, words):
        return subject
    return None


def _made_to_pay(clause: Token, words: StanceWords) -> Token | None:
    """ "(Israel would) make Iran pay", "will make them regret it": who is to be made to pay, or None."""
    if clause.lemma_.lower() != "make":
        return None
    for child in clause.children:
        if child.dep_ in ("ccomp", "xcomp") and child.lemma_.lower() in words.retribution_verbs:
            payer = next((c for c in child.children if c.dep_ == "nsubj"), None)
            payer = payer or next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
            if payer is not None:
                return payer
    return None


def _conditioned(clause: Token) -> bool:
    """ "... if it deploys them", "... unless it withdraws": the clause holds a condition."""
    return any(c.dep_ == "advcl" and conditional(c) for c in clause.children)


def _another_party(subject: Token, verb: Token | None, words: StanceWords) -> bool:
    """A party other than the speaker: no "we", "you" or "it", no one of the speaker's own ("his
    government", "our troops"), not the subject of the statement verb itself."""
    if subject.lower_ in words.not_a_party or subject.lower_ in words.third_person_pronouns:
        return False
    if any((c.dep_ == "poss" and c.pos_ == "PRON") or (c.dep_ == "prep" and c.lower_ != "of")
           for c in subject.children):
        return False  # "his government"; "immigration to France should stop" asks no one
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    return speaker is None or speaker.lemma_.lower() != subject.lemma_.lower()


def _quoted_word(word: Token) -> bool:
    """ 'the "illegal" government': a word set in quotation marks of its own, the speaker's word."""
    doc = word.doc
    return 0 < word.i < len(doc) - 1 and doc[word.i - 1].text in _QUOTE_MARKS and \
        doc[word.i + 1].text in _QUOTE_MARKS


def _asserted(clause: Token, words: StanceWords) -> bool:
    """Told as a fact: no modal of possibility or future, no question ("whether it has failed")."""
    return not any((c.dep_ == "aux" and c.lower_ in words.uncertain_modals) or
                   (c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS) for c in clause.children)


def _negative_evaluation(clause: Token, words: StanceWords) -> Token | None:
    """The word that says something negative of the clause's subject, or None."""
    negated = any(c.dep_ == "neg" for c in clause.children)
    lemma = clause.lemma_.lower()
    if lemma in words.success_verbs:
        return clause if negated else None  # "is not working", "has not succeeded"
    if lemma == "do" and negated:  # "is not doing enough"
        return next((c for c in clause.children if c.lower_ in words.shortfall_words), None)
    if negated:
        return None
    if breaks_a_norm(clause, words):  # "Peru had violated the treaty": a rule broken
        return clause
    if lemma in words.failure_verbs:  # "the policy has failed"; "failed to agree" tells a failed act
        return None if any(c.dep_ == "xcomp" for c in clause.children) else clause
    for child in clause.children:
        evaluated = child.dep_ in _EVALUATED_LINKS
        if evaluated and (_evaluative(child, words) or _misplaced_priority(child, words)):
            return child
        if lemma in words.judging_verbs and _judged_as(child, words) is not None:
            return _judged_as(child, words)
        if child.dep_ == "prep" and child.lower_ == "behind" and _names_attack(child, words):
            return child  # "militants were behind the bombing": blame for an attack
        if child.dep_ == "advmod" and child.lower_ in words.evaluative_adverbs:
            return child
        owned = child.dep_ in ("nsubj", "nsubjpass") and _owner(child, words) is not None
        if owned and _evaluative(child, words):
            return child  # "Iran's hostility is aimed at ...": an attitude of its owner, judged
        if child.dep_ in ("nsubj", "nsubjpass"):  # "the illegal regime is seizing ...": the doer so judged
            judged = next((m for subject in (child, *child.conjuncts) for m in subject.children
                           if m.dep_ == "amod" and _evaluative(m, words)), None)
            if judged is not None:
                return judged
    return None


def breaks_a_norm(verb: Token, words: StanceWords) -> bool:
    """ "violated the treaty", "broke the Vienna Convention", "abused the immunity of its mission": a
    verb of transgression whose object is a rule, a right or a promise."""
    return verb.lemma_.lower() in words.transgression_verbs and \
        any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in words.norm_nouns for c in verb.children)


def broken_norm_word(head: Token, words: StanceWords) -> bool:
    """ "violated the (treaty)": a rule named as the object of its breach, no agreement made."""
    return head.lemma_.lower() in words.norm_nouns and head.dep_ in ("dobj", "obj") and \
        breaks_a_norm(head.head, words)


def _misplaced_priority(word: Token, words: StanceWords) -> bool:
    """ "is far more interested in X than in Y", "more concerned with its image than with the victims":
    an actor said to care for the wrong thing first."""
    return word.lemma_.lower() in words.priority_adjectives and \
        any(c.dep_ == "advmod" and c.lower_ == "more" for c in word.children) and \
        any(t.dep_ == "prep" and t.lower_ == "than" for t in word.subtree)  # "than" may hang lower


def _judged_as(child: Token, words: StanceWords) -> Token | None:
    """The evaluation a judging verb gives its subject: "amount (to) a war crime", "represent a disregard"."""
    if child.dep_ in ("dobj", "obj") and _evaluative(child, words):
        return child
    if child.dep_ == "prep" and child.lower_ == "to":
        return next((o for o in child.children if o.dep_ == "pobj" and _evaluative(o, words)), None)
    return None


def _names_attack(preposition: Token, words: StanceWords) -> bool:
    return any(o.dep_ == "pobj" and (o.lemma_.lower() in words.attack_nouns or o.lower_ in words.attack_nouns)
               for o in preposition.children)


def _evaluative(word: Token, words: StanceWords) -> bool:
    """ "illegal", "a sieve", "a complete failure", "an affront to ...", "guilty of ..."."""
    if any(c.dep_ == "neg" for c in word.children):
        return False
    return word.lemma_.lower() in words.negative_evaluations or word.lower_ in words.negative_evaluations


def _criticised(clause: Token, words: StanceWords) -> tuple[Token, ...]:
    """Who the criticism is of: the doer of a passive act ("are being detained (by) the police"), else
    the subject, else an actor named elsewhere in the clause ("the trial is an example of how Chile
    ..."); never the speaker's own side or an empty "it"."""
    agent = next((o for c in clause.children if c.dep_ == "agent"
                  for o in c.children if o.dep_ == "pobj"), None)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (subject is None and agent is None) or (subject is not None and subject.lower_ in words.not_a_party):
        return ()  # "it was a mistake to ...", "we have failed": no actor found fault with
    heads = [t for t in (agent, subject) if t is not None]
    others = [t for t in _named_in(clause, words) if t not in heads]
    heads += sorted(others, key=lambda t: t.pos_ != "PROPN" and not t.ent_type_)  # names first
    return tuple(t for t in heads if t.lower_ not in words.not_a_party)


def _concern(verb: Token, words: StanceWords) -> Criticism | None:
    """ "expressed concern that Chile's police are abusing detainees", "voiced alarm over Peru's
    crackdown": the phrases of what is worried about, its subject first."""
    noun = next((c for c in verb.children if c.dep_ in ("dobj", "obj")
                 and c.lemma_.lower() in words.concern_nouns), None)
    if noun is None:
        return None
    for holder in (noun, verb):
        for child in holder.children:
            if child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX") and _asserted(child, words):
                return Criticism(verb, child, noun, _named_in(child, words))
            if child.dep_ == "prep" and child.lower_ in words.concern_prepositions:
                return Criticism(verb, child, noun, _named_in(child, words))
    return None


def _named_in(part: Token, words: StanceWords) -> tuple[Token, ...]:
    """The nouns of a clause or phrase that may name an actor, its subject first, then in order."""
    nouns = [t for t in part.subtree if t.pos_ in ("NOUN", "PROPN") or t.dep_ in ("nsubj", "nsubjpass")]
    subjects = [t for t in nouns if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == part.i]
    ordered = subjects + [t for t in nouns if t not in subjects]
    return tuple(t for t in ordered if t.lower_ not in words.not_a_party)
