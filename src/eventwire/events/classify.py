"""What happened: a trigger in a spaCy parse -> PLOVER type, mode, CAMEO code and quad class.

A verb is matched against the patterns of the verb lexicon (object words, particles, prepositional
phrases, subject-side words); the most specific matching pattern decides, else the verb's default
code. Light verbs ("held talks") take the code of their event-noun object; intent verbs ("agreed to",
"threatened to", "urged ... to") take a code refined by the act they embed. Event nouns on their own
("the attack on X") are triggers only with a sign that they name an event here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from eventwire.events.arguments import (
    CONFINEMENT_CODE,
    ArgumentWords,
    act_subject,
    count_head,
    names_the_doer,
    names_the_sufferer,
    reduced_relative,
    small_clause_subject,
    state_of_confinement,
    told_as_done,
    undergoing_verb,
)
from eventwire.events.lexicon import (
    LexiconData,
    Pattern,
    VerbEntry,
    cameo_of,
    plover_of,
    quad_class_of,
)
from eventwire.events.reframe import HOSTILE_ROOTS, THREAT_FRAME, intent_code, modal_frame, nonagent_subject
from eventwire.nlp import is_time_token
from eventwire.records import VERBAL_QUADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.events.modality import ModalityWords

__all__ = ["WEAK_SPECIFICITY", "Classification", "VerbLexicon", "quad_class_of", "plover_of",
           "cameo_of"]

# Below this specificity a reading is only a synonym block's generic code ("gave" -> 060, "issued" -> 060):
# classify() reports it, triggers() leaves it out (on the PLOVER gold such readings were right 4 times in 17).
WEAK_SPECIFICITY = 0.25
_INHERITED_SPECIFICITY = 0.2
_FRAME_SPECIFICITY = 0.5  # an explicit frame ("vowed to", "will", "must") is evidence of its own

_OBJECT_DEPS = {"dobj", "obj", "attr", "oprd", "acomp", "dative", "advmod", "npadvmod", "prt"}
_PREP_DEPS = {"prep", "agent", "dative"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod", "poss"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "csubj"}
_EMBED_DEPS = {"xcomp", "ccomp"}
_NOUN_EVIDENCE_PREPS = {"on", "against", "between", "with", "in", "by", "at", "near", "from", "over"}
_NOUN_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "appos", "conj", "attr"}
_MODIFIER_VERB_DEPS = {"amod", "compound", "acl", "nmod"}
_SUBJECT_HOPS = 3  # how far up coordinated/controlled verbs the acting subject is looked for
# Violence (CAMEO 18-20): a violent act that is the subject of a violent verb is the act the verb tells
# the outcome of ("the airstrike killed six").
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# "agreed (decided, voted) to impose sanctions on X": a sanction decided is the sanction itself, as one
# announced is (docs/annotation.md), not an intent to cooperate
_INTENT_FRAME = "03"
_SANCTION_ROOT = "16"
_LIGHT_NOUN_WINDOW = 5  # tokens between a light verb and its noun still shown as one trigger span


@dataclass(frozen=True)
class Classification:
    event_type: str  # one of records.EVENT_TYPES
    mode: str | None  # PLOVER mode, e.g. "visit", "phone", "heavy-weapons", or None
    cameo: str  # CAMEO code such as "042"
    quad_class: str  # one of records.QUAD_CLASSES
    trigger: tuple[int, int]  # token index range [start, end) in the parsed sentence
    pattern: str  # the lexicon pattern that matched, human readable
    reason: str  # e.g. "verb 'condemn' pattern '*' -> CAMEO 111 -> ACCUSE"
    specificity: float  # 0..1: bare verb low, verb + object/preposition high
    target_preps: tuple[str, ...] = ()  # prepositions whose object is this event's target


@dataclass(frozen=True)
class _Match:
    """An intermediate decision before it is turned into a Classification."""

    cameo: str | None
    pattern: str
    specificity: float
    span: tuple[int, int]
    consumed: frozenset[int]  # tokens this decision accounts for (object nouns, embedded verbs)
    preps: tuple[str, ...] = ()  # prepositions named by the matched pattern
    how: str = "verb"


class _Context:
    """Words around one verb, gathered once: what the patterns are matched against."""

    def __init__(self, token: Token, words: ArgumentWords, consumed_preps: frozenset[str] = frozenset()):
        self.token = token
        children = list(token.children)
        reduced = reduced_relative(token)
        self.passive = reduced or any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
        self.objects: set[str] = set()
        if reduced or _passive_relative(token):
            self.objects |= _phrase_words(token.head)  # "protesters (detained) by police": what was detained
        self.subject: set[str] = set()
        self.preps: list[tuple[str, set[str]]] = []
        self.prep_words: set[str] = set()  # the prepositions of `preps`, for a quick membership test
        self.prep_heads: set[str] = set()  # the nouns the prepositions govern, without their modifiers
        self.object_nouns: list[Token] = []
        for child in children:
            dep = child.dep_
            if dep in _OBJECT_DEPS or (self.passive and dep == "nsubjpass"):
                self.objects |= _phrase_words(child)
                if child.pos_ in ("NOUN", "PROPN") and dep in ("dobj", "obj", "nsubjpass", "attr"):
                    self.object_nouns.append(child)
                if dep in ("dobj", "obj") and _counts(child, words):
                    counted = _counted_nouns(child)  # "carried out (hundreds) of strikes"
                    self.object_nouns += counted
                    if child.pos_ not in ("NOUN", "PROPN"):  # "destroyed 120 of its missile silos"
                        for noun in counted:
                            self.objects |= _phrase_words(noun)
            if dep in ("advcl", "ccomp") and (child.pos_ == "ADJ" or small_clause_subject(child) is not None):
                # "set the homes ablaze", "declared the envoy persona non grata": the parser makes the result
                # of the act a clause with no verb (a copula would head it), whose word the patterns name
                self.objects |= _words(child)
            if dep == "xcomp":
                self.objects |= _words(child)
                for grandchild in child.children:
                    if grandchild.dep_ in ("dobj", "obj", "prt"):
                        self.objects |= _phrase_words(grandchild)
            if dep in _SUBJECT_DEPS:
                self.subject |= _phrase_words(child) if dep.startswith("nsubj") else _words(child)
                if dep.startswith("nsubj") and _counts(child, words):
                    for counted in _counted_nouns(child):  # "hundreds of peacekeepers patrolled"
                        self.subject |= _phrase_words(counted)
            if dep in _PREP_DEPS and child.lower_ not in consumed_preps:
                self._add_prep(child)
        for noun in self.object_nouns:
            if noun.dep_ == "nsubjpass":
                continue  # "a camp for refugees was attacked": the phrase names the target, not the act
            for grandchild in noun.children:
                if grandchild.dep_ == "prep":
                    self._add_prep(grandchild)
                    if grandchild.lower_ == "of":
                        self._add_of_phrase(grandchild, measured=noun.lemma_.lower() in words.measure_nouns)

    def _add_of_phrase(self, of: Token, measured: bool) -> None:
        """'state of emergency' is one object; in '700 kg of medicine' the measured thing is the object."""
        for pobj in of.children:
            if pobj.dep_ == "pobj":
                self.objects |= _phrase_words(pobj) if measured else _words(pobj)
                if not measured:
                    self.objects.add("of")

    def _add_prep(self, prep: Token) -> None:
        """A prepositional phrase; time phrases ("on Tuesday") are no pattern evidence."""
        words: set[str] = set()
        for pobj in prep.children:
            if is_time_token(pobj):
                return
            if pobj.dep_ in ("pobj", "pcomp"):
                words |= _phrase_words(pobj)
                self.prep_heads |= _words(pobj)
                for nested in pobj.children:
                    if nested.dep_ == "prep":
                        self._add_prep(nested)
        self.preps.append((prep.lower_, words))
        self.prep_words.add(prep.lower_)

    def has_prep(self, prep: str) -> bool:
        return prep in self.prep_words

    @cached_property
    def words(self) -> set[str]:
        """Every word a pattern element could be matched against."""
        return self.subject.union(self.objects, self.prep_words, *(bag for _, bag in self.preps))


def _passive_relative(verb: Token) -> bool:
    """'a study (to be released) next week', 'the report that was (released)': a passive relative clause
    whose subject is the noun it follows (none of its own, or a relative pronoun), what was acted on."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return all(c.tag_ in ("WDT", "WP") for c in verb.children if c.dep_ == "nsubjpass")


def _shows_something(verb: Token) -> bool:
    """'demonstrated that the plan works', 'demonstrated the value of the project', 'as was demonstrated':
    the verb has an object, a clause or a passive subject, so it shows something rather than tells a
    crowd's act ('thousands demonstrated in the capital')."""
    return any(c.dep_ in ("dobj", "obj", "ccomp", "nsubjpass", "auxpass") for c in verb.children)


def _words(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _phrase_words(token: Token) -> set[str]:
    """A head word with its compounds and adjectives ('new economic sanctions')."""
    words = _words(token)
    for child in token.children:
        if child.dep_ in _MODIFIER_DEPS:
            words |= _words(child)
            for grandchild in child.children:
                if grandchild.dep_ in ("compound", "amod"):
                    words |= _words(grandchild)
    return words


def _misparsed_predicate(token: Token) -> bool:
    """'Thousands protested in ...' parsed as a clause modifying 'Thousands', the sentence's root: with no
    verb at the root, the modifier is the sentence's predicate."""
    return token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ in ("NOUN", "PROPN", "NUM")


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class VerbLexicon:
    """Classifies triggers of a parsed sentence with the verb lexicon."""

    def __init__(self, data: LexiconData, modality_words: ModalityWords, argument_words: ArgumentWords):
        self.data = data
        self.modality_words = modality_words
        self.argument_words = argument_words
        # pattern element -> the words (and their singulars) that satisfy it; filled as elements are met
        self._element_words: dict[str, frozenset[str]] = {}
        # verb key -> (patterns without a gate, gate word -> pattern numbers); built on first use
        self._pattern_index: dict[str, tuple[list[int], dict[str, list[int]]]] = {}
        # pattern -> its gate words: a synonym block's patterns are shared by every verb of the block
        self._gates: dict[Pattern, frozenset[str] | None] = {}
        # what may follow a modifier in a multi-word event noun ("air strike" -> "strike"): a noun whose
        # lemma is none of these cannot be one, so its children need not be read
        self._modified_noun_ends = frozenset(key[i + 1:] for key in data.nouns
                                             for i, char in enumerate(key) if char == " ")

    # ------------------------------------------------------------------ cheap filter

    def is_candidate(self, text: str) -> bool:
        """Does the text contain a surface form of any trigger? No parse."""
        return self.data.candidates.match(text)

    # ------------------------------------------------------------------ public API

    def classify(self, token: Token) -> Classification | None:
        match = self._match(token)
        return self._classification(token, match) if match else None

    def triggers(self, doc: Doc) -> list[Classification]:
        """Every trigger of a sentence, in order; acts folded into another trigger are not repeated, and
        readings weaker than WEAK_SPECIFICITY are left out."""
        matches: dict[int, _Match] = {}
        consumed: set[int] = set()
        tokens = list(doc)
        for token in tokens:
            if not (token.tag_.startswith("VB") or (token.pos_ == "NOUN" and token.dep_ == "ROOT")):
                continue
            predicate = (_misparsed_predicate(token) or reduced_relative(token)
                         or self._speaks_for_issuer(token))
            if token.dep_ in _MODIFIER_VERB_DEPS and not predicate:
                continue  # "ousted president", "alleged bombers": not predicates
            match = self._match_verb(token)
            if match:
                matches[token.i] = match
                consumed |= match.consumed | self._act_told_by(token, match)
        for token in tokens:
            if token.pos_ not in ("NOUN", "PROPN") or token.i in matches or token.i in consumed:
                continue
            match = self._match_event_noun(token)  # "condemned the attack on X": an event of its own
            if match:
                matches[token.i] = match
        found = []
        for i in sorted(matches):
            if i in consumed or matches[i].specificity < WEAK_SPECIFICITY:
                continue  # folded into another trigger, or only a generic dictionary reading
            classification = self._classification(tokens[i], matches[i])
            if classification:
                found.append(classification)
        return found

    def _speaks_for_issuer(self, verb: Token) -> bool:
        """ "a statement (accusing) X of ...", "a letter (urging) Y to ...": the participle of a text tells
        what its issuer says; a predicate, not an adjective of the noun."""
        noun = verb.head
        return verb.dep_ == "acl" and verb.tag_ == "VBG" and (
            noun.lemma_.lower() in self.argument_words.document_nouns or
            noun.lower_ in self.argument_words.document_nouns)

    def _act_told_by(self, verb: Token, match: _Match) -> set[int]:
        """'(Turkish strikes) killed 12', 'dozens of (airstrikes) hit the town': a violent act that is the
        subject of a violent verb is the act the verb tells the outcome of, not an event of its own."""
        violent = match.cameo is not None and match.cameo[:2] in _VIOLENT_ROOTS
        if not violent or match.specificity < WEAK_SPECIFICITY:
            return set()
        act = act_subject(verb, frozenset(self.data.nouns), self.argument_words)
        noun = act and self._match_event_noun(act, require_evidence=False)
        return {act.i} if noun and noun.cameo[:2] in _VIOLENT_ROOTS else set()

    # ------------------------------------------------------------------ matching

    def _match(self, token: Token) -> _Match | None:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "ROOT":
            return self._match_event_noun(token, require_evidence=False)
        return self._match_verb(token) or self._match_event_noun(token, require_evidence=False)

    def _match_verb(self, token: Token, allow_intent: bool = True) -> _Match | None:
        """The most specific reading among the verb's entries (phrasal first on ties)."""
        readings = [reading for lemma in self._lemmas(token) for reading in self._entries(token, lemma)]
        if not readings or self._inanimate_subject(token):
            return None  # not in the lexicon; "the storm killed", "the striker attacked": no political act
        if token.lemma_.lower() in self.data.standing_verbs and _simple_present(token):
            return None  # "peacekeepers patrol the zone": how things stand, not an act on a day
        if token.lemma_.lower() in self.data.question_verbs and _reporters_question(token):
            return None  # "asked if ...", "was asked to comment": the reporter asks, nobody demands
        best: _Match | None = None
        contexts: dict[str | None, _Context] = {}  # the words around the verb, less a phrasal preposition
        for entry, particle_ids, used_prep in readings:
            context = contexts.get(used_prep)
            if context is None:
                consumed = frozenset({used_prep}) if used_prep else frozenset()
                context = contexts[used_prep] = _Context(token, self.argument_words, consumed)
            match = self._match_entry(token, entry, context, particle_ids)
            if match is not None and (best is None or match.specificity > best.specificity):
                best = match
        if best is None or best.cameo is None:
            return None  # None code: a pattern that says "no event", e.g. "killed in an accident"
        best = self._with_phrasal_span(token, best)
        if not allow_intent:
            return best
        return self._refine_by_modal(token, self._refine_by_embedded_act(token, best))

    def _refine_by_modal(self, token: Token, match: _Match) -> _Match:
        """The statement the verb's own frame words make of its act (events.reframe decides which)."""
        framed = modal_frame(token, match.cameo, self.data, self.modality_words)
        if framed is None:
            return match
        marker, code = framed
        return replace(match, cameo=code, pattern=f"{marker} + {match.pattern}", how="modal frame",
                       specificity=max(match.specificity, _FRAME_SPECIFICITY))

    def _inanimate_subject(self, token: Token) -> bool:
        """Is the doer of this verb a common noun that does no political act (weather, sport, markets)?"""
        node = token
        for _ in range(_SUBJECT_HOPS):
            for child in node.children:
                doer = child
                if child.dep_ == "agent":
                    doer = next((g for g in child.children if g.dep_ == "pobj"), child)
                elif child.dep_ != "nsubj":
                    continue
                return doer.pos_ == "NOUN" and doer.lemma_.lower() in self.data.inanimate_subjects
            if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _with_phrasal_span(self, token: Token, match: _Match) -> _Match:
        """Show 'called on' / 'called for' as the trigger when the next word makes a phrasal verb."""
        if match.span != (token.i, token.i + 1) or token.i + 1 >= len(token.doc):
            return match
        following = token.doc[token.i + 1]
        phrasal = f"{token.lemma_.lower()} {following.lower_}"
        if following.head.i == token.i and following.dep_ in ("prt", "prep") and phrasal in self.data.verbs:
            return replace(match, span=(token.i, token.i + 2))
        return match

    def _lemmas(self, token: Token) -> list[str]:
        """The tagger's lemma, else the lexicon's reading of the word form ('staged' is not 'stag')."""
        lemma = token.lemma_.lower()
        if lemma in self.data.verbs:
            return [lemma]
        # a verb known only with its particle ("hand over") keeps the tagger's lemma
        return [lemma, *(k for k in self.data.lemmas_of_form.get(token.lower_, ()) if k != lemma)]

    def _entries(self, token: Token, lemma: str):
        """Lexicon entries for a verb token: phrasal ones ('set up', 'ask for') before the bare verb."""
        verbs = self.data.verbs
        for child in token.children:
            if child.dep_ == "prt" and f"{lemma} {child.lower_}" in verbs:
                yield verbs[f"{lemma} {child.lower_}"], (child.i,), None
        for child in token.children:
            if child.dep_ == "prep" and f"{lemma} {child.lower_}" in verbs:
                yield verbs[f"{lemma} {child.lower_}"], (child.i,), child.lower_
        if lemma in verbs:
            yield verbs[lemma], (), None

    def _match_entry(self, token: Token, entry: VerbEntry, context: _Context,
                     particle_ids: tuple[int, ...]) -> _Match | None:
        span = (token.i, max((token.i, *particle_ids)) + 1)
        best = self._best_pattern(entry, context)
        light = entry.key in self.data.light_verbs or token.lemma_.lower() in self.data.light_verbs
        if best is not None and best.size > 0:
            preps = tuple(prep for prep, words in best.preps if not words)
            # "stepped up (attacks) on X", "intensified (airstrikes) on X": a violent pattern whose object is
            # the act itself shows it, like a light verb's, and the act's own target is the target
            names_act = best.cameo is not None and best.cameo[:2] in HOSTILE_ROOTS and any(
                self._is_event_noun(noun) for noun in context.object_nouns)
            if light or names_act:
                span = self._span_with_object(token, span, context, best)
            consumed = self._consumed_objects(context, best.cameo, light)
            return _Match(best.cameo, f"{entry.key} | {best.text}", min(0.95, 0.5 + 0.1 * best.size),
                          span, consumed, preps)
        if light:
            light = self._match_light_verb(token, entry, context, span)
            if light:
                return light
        keeps_default = not light or entry.key in self.data.light_keep_default
        if not keeps_default:
            return None
        cameo = best.cameo if best is not None else entry.cameo  # a pattern of size 0 is a default too
        if cameo is None or self._nonpolitical(context):
            return None
        if entry.key in self.data.argument_verbs and not self._names_recipient_or_act(token, cameo):
            return None
        if entry.key in self.data.warning_verbs and not self._announces_act(token):
            return None
        if entry.key in self.data.intransitive_verbs and _shows_something(token):
            return None
        # a synonym block's generic code (040 "consult", 060 "cooperate"), never written for this verb,
        # is weak evidence; a specific one (111 "denounce") still holds for the block's members
        weak = entry.inherited and best is None and cameo.endswith("0")
        specificity = _INHERITED_SPECIFICITY if weak else 0.4 if particle_ids else 0.3
        return _Match(cameo, f"{entry.key} | *", specificity, span, frozenset())

    def _names_recipient_or_act(self, token: Token, cameo: str) -> bool:
        """'offered to mediate', 'offered troops to Lebanon', 'will allow refugees to return': an offer
        or a permission is an act when it names who gets it or what is to be done, or is announced;
        'offers a view', 'the decree allows ...' is none."""
        if nonagent_subject(token, self.data):
            return False
        for child in token.children:
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX") or child.dep_ == "dative":
                return True
            if child.dep_ == "prep" and child.lower_ == "to" and any(
                    g.dep_ == "pobj" for g in child.children):
                return True
        return modal_frame(token, cameo, self.data, self.modality_words) is not None

    def _announces_act(self, token: Token) -> bool:
        """'warned it would retaliate', 'warned that police will not tolerate rallies': a warning is a
        threat when it announces an act; 'warned that the truce could collapse', 'warned it could become
        a target', 'warned of a crisis' foretell what may happen, no act of anyone's."""
        for child in token.children:
            if child.dep_ not in _EMBED_DEPS or child.pos_ not in ("VERB", "AUX"):
                continue
            if self._match_verb(child, allow_intent=False) is not None:
                return True  # the intent frame reads the embedded act
            if child.dep_ == "ccomp" and _modal(child) and not _copular(child) and self._actor_subject(child):
                return True
        return False

    def _actor_subject(self, verb: Token) -> bool:
        """Is the verb's subject someone who can act ('police', 'we'), not a thing ('it', 'the deal') nor
        an event ('the truce', 'the fighting')?"""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in self.modality_words.pronouns_of_things:
            return False
        lemma = subject.lemma_.lower()
        return not any(lemma in words for words in (self.data.nonagent_subjects, self.data.inanimate_subjects,
                                                    self.data.nouns))

    def _nonpolitical(self, context: _Context) -> bool:
        """'captured the title', 'cut jobs', 'withdrew from the tournament': a bare verb's default
        reading does not hold for these objects."""
        return not self.data.nonpolitical_objects.isdisjoint(context.objects | context.prep_heads)

    def _best_pattern(self, entry: VerbEntry, context: _Context) -> Pattern | None:
        best: Pattern | None = None
        best_rank = (-1, False)
        for pattern in self._patterns_that_may_match(entry, context):
            foreign = pattern.verb is not None and pattern.verb != entry.key
            if (foreign and not pattern.has_content) or not self._pattern_matches(pattern, context):
                continue
            rank = (pattern.size, pattern.verb == entry.key)
            if rank > best_rank:
                best, best_rank = pattern, rank
        return best

    def _pattern_matches(self, pattern: Pattern, context: _Context) -> bool:
        if not all(self._element_in(e, context.subject) for e in pattern.subject):
            return False
        if not all(self._element_in(e, context.objects) or context.has_prep(e) for e in pattern.objects):
            return False
        for prep, words in pattern.preps:
            alternatives = prep.split("/")
            if not any(word in alternatives and all(self._element_in(e, bag) for e in words)
                       for word, bag in context.preps):
                return False
        return True

    def _element_in(self, element: str, bag: set[str]) -> bool:
        if element.startswith("&"):
            by_head = self.data.word_set_heads.get(element[1:].strip("_"), {})
            members = [m for word in bag for m in by_head.get(word, ()) + by_head.get(_singular(word), ())]
            return any(all(w in bag or _singular(w) in bag for w in member) for member in members)
        return not bag.isdisjoint(self._words_of(element))

    def _words_of(self, element: str) -> frozenset[str]:
        """The words that satisfy a plain pattern element: its alternatives and their singulars."""
        words = self._element_words.get(element)
        if words is None:
            alternatives = element.split("/")
            words = frozenset(alternatives + [_singular(w) for w in alternatives])
            self._element_words[element] = words
        return words

    def _patterns_that_may_match(self, entry: VerbEntry, context: _Context) -> list[Pattern]:
        """The entry's patterns, in lexicon order, less those whose gate words are all absent from
        the context (a verb can have hundreds of patterns; a sentence meets a few of them)."""
        index = self._pattern_index.get(entry.key)
        if index is None:
            index = self._pattern_index[entry.key] = self._index_patterns(entry)
        ungated, by_word = index
        numbers = set(ungated)
        for word in context.words:
            numbers.update(by_word.get(word, ()))
        return [entry.patterns[number] for number in sorted(numbers)]

    def _index_patterns(self, entry: VerbEntry) -> tuple[list[int], dict[str, list[int]]]:
        ungated: list[int] = []
        by_word: dict[str, list[int]] = {}
        for number, pattern in enumerate(entry.patterns):
            gate = self._gate(pattern)
            if gate is None:
                ungated.append(number)
            for word in gate or ():
                by_word.setdefault(word, []).append(number)
        return ungated, by_word

    def _gate(self, pattern: Pattern) -> frozenset[str] | None:
        """Words of which a context must hold one for the pattern to match (None: no such words).
        Taken from one plain element, which `_pattern_matches` can satisfy only with these words."""
        if pattern not in self._gates:
            self._gates[pattern] = self._find_gate(pattern)
        return self._gates[pattern]

    def _find_gate(self, pattern: Pattern) -> frozenset[str] | None:
        for element in pattern.objects:
            if not element.startswith("&"):
                return self._words_of(element) | {element}  # an object word, or the element as a preposition
        for element in pattern.subject:
            if not element.startswith("&"):
                return self._words_of(element)
        for prep, _ in pattern.preps:
            return frozenset(prep.split("/"))
        return None

    def _span_with_object(self, token: Token, span: tuple[int, int], context: _Context,
                          pattern: Pattern) -> tuple[int, int]:
        """'held talks': a light verb's trigger shows the object noun its pattern named."""
        for noun in context.object_nouns:
            near = 0 < noun.i - token.i <= _LIGHT_NOUN_WINDOW
            if near and any(self._element_in(e, _words(noun)) for e in pattern.objects):
                return (span[0], max(span[1], noun.i + 1))
        return span

    def _consumed_objects(self, context: _Context, cameo: str | None, light: bool) -> frozenset[int]:
        """Object nouns the verb's reading accounts for. A material event named under a verbal one
        ("condemned the attack on X") stays an event of its own when the noun shows its arguments."""
        if light or cameo is None or quad_class_of(cameo) not in VERBAL_QUADS:
            return frozenset(noun.i for noun in context.object_nouns)
        return frozenset(noun.i for noun in context.object_nouns if not self._names_material_event(noun))

    def _names_material_event(self, noun: Token) -> bool:
        match = self._match_event_noun(noun)
        return match is not None and quad_class_of(match.cameo) not in VERBAL_QUADS

    def _match_light_verb(self, token: Token, entry: VerbEntry, context: _Context,
                          span: tuple[int, int]) -> _Match | None:
        for noun in context.object_nouns:
            noun_match = self._match_event_noun(noun, require_evidence=False)
            if noun_match is None:
                continue
            end = noun.i + 1 if 0 < noun.i - token.i <= _LIGHT_NOUN_WINDOW else span[1]
            return _Match(noun_match.cameo, f"{entry.key} + {noun_match.pattern}",
                          min(0.9, noun_match.specificity + 0.2), (span[0], max(end, span[1])),
                          frozenset({noun.i}), how="light verb")
        return None

    def _match_event_noun(self, token: Token, require_evidence: bool = True) -> _Match | None:
        lemma = token.lemma_.lower()
        noun = self.data.nouns.get(lemma) or self.data.nouns.get(token.lower_)
        if noun is None and lemma not in self._modified_noun_ends:
            return None
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod")]
        if noun is None and modifiers:
            noun = self.data.nouns.get(f"{modifiers[-1].lower_} {lemma}")
        if noun is None:
            return None
        modifier_words = set().union(*(_words(m) for m in modifiers)) if modifiers else set()
        cameo, pattern, specificity = noun.cameo, f"noun {noun.lemma}", 0.4
        for words, code in noun.modified:
            if all(w in modifier_words for w in words):
                cameo, pattern, specificity = code, f"noun {' '.join(words)} {noun.lemma}", 0.5
                break
        if cameo is None:
            return None
        if require_evidence and not self._noun_names_event(token, specificity > 0.4, cameo):
            return None
        start = min([token.i, *(m.i for m in modifiers)])
        return _Match(cameo, pattern, specificity, (start, token.i + 1), frozenset(), how="noun")

    def _noun_names_event(self, token: Token, modified: bool, cameo: str) -> bool:
        """Conservative: a bare event noun is a trigger only in an argument position with a sign."""
        sign = self._sign_of_event(token, modified, cameo)
        if sign is not None:
            return sign
        anchor = count_head(token, self.argument_words) or token
        if anchor.dep_ == "pobj" or (token.text[:1].isupper() and token.i > 0):
            # "captured in the U.S.-led invasion": a circumstance, told as background; "the Battle of X",
            # "the Tet Offensive": the name of a past event
            return False
        # "Russia's offensive", "Israeli strikes", "the arrest of Ana Silva": a party named on the noun;
        # "the blockade has cut off the port": the act is the subject of a clause told as done
        sufferer = names_the_sufferer(token)
        # not "the threat of sanctions": an act of an act is a topic
        named_party = sufferer is not None and not self._is_event_noun(sufferer)
        return any(map(names_the_doer, token.children)) or named_party or \
            told_as_done(anchor, self.argument_words)

    def _sign_of_event(self, token: Token, modified: bool, cameo: str) -> bool | None:
        """The signs that an event noun tells an event of its own, whatever party it names: True or False
        when one decides, None when none does (the noun may still name its parties)."""
        if cameo == CONFINEMENT_CODE and state_of_confinement(token) is not None:
            return True  # "has been in custody since May": a detention told as the state of the subject
        counted = count_head(token, self.argument_words)
        if counted is None and _topic_of(token):
            return False  # "the anniversary of the massacre by X", "the threat of raids on X": a topic
        anchor = counted or token  # "dozens of (airstrikes)": the count stands in the clause
        if anchor.dep_ not in _NOUN_DEPS:
            return False
        verb = anchor.head
        standing = verb.lemma_.lower() in self.data.standing_verbs and _simple_present(verb)
        if anchor.dep_ == "dobj" and standing:
            return False  # "the EU has a ban in place": a standing state, as the verb alone is
        if modified or token.dep_ == "ROOT" or self._subject_of_occurrence(anchor):
            return True
        if _existential(anchor) or undergoing_verb(token) is not None:
            return True
        if any(c.dep_ == "prep" and c.lower_ in _NOUN_EVIDENCE_PREPS for c in token.children):
            return True
        return None

    def _is_event_noun(self, token: Token) -> bool:
        return token.lemma_.lower() in self.data.nouns or token.lower_ in self.data.nouns

    def told_as_happening(self, token: Token) -> bool:
        """'The blast occurred ...', 'the fighting continued', 'there was an attack': an event noun the
        sentence says took place."""
        return token.pos_ in ("NOUN", "PROPN") and (self._subject_of_occurrence(token) or _existential(token))

    def _subject_of_occurrence(self, token: Token) -> bool:
        """'The attack occurred', 'riots broke out', 'the raid took place': the verb says it happened."""
        if token.dep_ != "nsubj":
            return False
        verb = token.head
        lemma = verb.lemma_.lower()
        if lemma in self.data.occurrence_verbs:
            return True
        return any(f"{lemma} {c.lower_}" in self.data.occurrence_verbs for c in verb.children
                   if c.dep_ in ("prt", "dobj"))

    def _refine_by_embedded_act(self, token: Token, match: _Match) -> _Match:
        """'agreed to set up', 'threatened to attack', 'urged X to withdraw': the frame's code, refined."""
        commissive = token.lemma_.lower() in self.data.commissives
        frame = self.data.intent.get(match.cameo[:2])
        if frame is None and not commissive:
            return match
        for child in token.children:
            if child.dep_ not in _EMBED_DEPS or child.pos_ not in ("VERB", "AUX") or self._attributive(child):
                continue
            embedded = self._match_verb(child, allow_intent=False)
            if commissive and embedded and embedded.cameo[:2] in HOSTILE_ROOTS:
                frame = self.data.intent[THREAT_FRAME]  # "vowed to fight", "pledged to retaliate"
            if frame is None:
                return match
            consumed = match.consumed | {child.i}
            sanction = self._decided_sanction(child) if match.cameo[:2] == _INTENT_FRAME else None
            if sanction is not None:
                pattern = f"{match.pattern} + to {sanction.pattern}"
                return replace(match, cameo=sanction.cameo, pattern=pattern,
                               specificity=max(match.specificity, 0.6), consumed=consumed | sanction.consumed,
                               how="sanction decided")
            code = embedded and embedded.cameo and intent_code(frame, embedded.cameo)
            if not code:
                return replace(match, consumed=consumed)
            return replace(match, cameo=code, pattern=f"{match.pattern} + to {embedded.pattern}",
                           specificity=max(match.specificity, 0.6), consumed=consumed | embedded.consumed,
                           how="intent frame")
        return match

    def _decided_sanction(self, act: Token) -> _Match | None:
        """ "agreed to impose sanctions", "agreed to close the airspace and (to impose) sanctions": the
        sanction among the acts agreed, or None."""
        for verb in (act, *(c for c in act.children if c.dep_ == "conj" and c.pos_ == "VERB")):
            embedded = self._match_verb(verb, allow_intent=False)
            if embedded is not None and embedded.cameo[:2] == _SANCTION_ROOT:
                return embedded
        return None

    def _attributive(self, verb: Token) -> bool:
        """'assured visiting ministers': a gerund without 'to' that the parser made the complement of a
        verb, where it is an adjective of the noun after it (its object to the parser)."""
        return (verb.tag_ == "VBG" and verb.lower_ in self.data.attributive_participles
                and not any(c.dep_ == "aux" for c in verb.children))

    # ------------------------------------------------------------------ result

    def _classification(self, token: Token, match: _Match) -> Classification | None:
        if match.cameo is None:
            return None
        plover = plover_of(match.cameo)
        if plover is None:
            return None  # CAMEO 01x statements have no PLOVER type
        event_type, mode = plover
        preps = tuple(dict.fromkeys((*match.preps, *self.data.target_preps.get(event_type, ()))))
        reason = (f"{match.how} '{token.lemma_.lower()}' pattern '{match.pattern}' -> CAMEO {match.cameo} "
                  f"-> {event_type}" + (f" ({mode})" if mode else ""))
        return Classification(event_type, mode, match.cameo, quad_class_of(match.cameo), match.span,
                              match.pattern, reason, round(match.specificity, 2), preps)


def _simple_present(verb: Token) -> bool:
    """'patrol', 'patrols', 'is patrolled': the simple present, active or passive (not 'are patrolling',
    'patrolled', 'will patrol', 'to patrol'). The tagger reads a bare present after a plural as VB."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP", "VB"):
        return not auxiliaries
    return (verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass"
            and auxiliaries[0].tag_ in ("VBZ", "VBP"))


def _modal(verb: Token) -> bool:
    """'will', 'would', 'could', 'may' on the verb: what is announced or foreseen, not what happened."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _copular(verb: Token) -> bool:
    """'could be the last chance', 'could become targets', 'would remain tense': a state, no act."""
    return verb.lemma_.lower() == "be" or any(c.dep_ in ("attr", "acomp") for c in verb.children)


def _reporters_question(verb: Token) -> bool:
    """'Asked if ..., X said', 'said when asked', 'was asked to comment', 'asked not to be named': a
    question put to the speaker or an unnamed asker, not one actor's request of another."""
    if verb.dep_ == "advcl":
        return True
    if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
        return True
    return any(c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children) for c in verb.children)


def _topic_of(noun: Token) -> bool:
    """Is the noun the "of" phrase of another noun that is no count: "the anniversary (of the massacre)",
    "the fear (of raids)"? It is what that noun is about, not an act the sentence reports."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ == "of" and prep.dep_ == "prep"
            and prep.head.pos_ in ("NOUN", "PROPN"))


def _existential(noun: Token) -> bool:
    """'There was an attack', 'there have been clashes': the sentence says the act took place."""
    verb = noun.head
    return (noun.dep_ in ("attr", "nsubj") and verb.lemma_.lower() == "be"
            and any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children))


def _counts(token: Token, words: ArgumentWords) -> bool:
    """A counted or quantified object: "hundreds (of strikes)", "a series (of raids)", "12 (of them)"."""
    return token.like_num or token.lower_ in words.count_words or token.lemma_.lower() in words.measure_nouns


def _counted_nouns(quantity: Token) -> list[Token]:
    return [pobj for prep in quantity.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN")]
