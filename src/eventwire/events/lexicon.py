"""The verb lexicon and the CAMEO<->PLOVER crosswalk: data files, loaded once, queried read-only.

Files (built by models/build_lexicon.py, see NOTICE next to them):
  data/verbs/lexicon.json      verbs, their pattern blocks, word sets, event nouns, light verbs, intent codes,
                               the candidate filter's word forms (derived from the rest: `candidate_words`)
  data/plover/cameo_plover.tsv CAMEO code -> PLOVER event type and mode
  data/plover/quad_classes.tsv CAMEO root range -> quad class
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.jsondata import long_lived, read_json

_DATA = resources.files("eventwire") / "data"
_AUXILIARIES = {"be", "is", "are", "was", "were", "been", "have", "has", "had", "do", "does", "did", "will",
                "would", "shall", "should", "can", "could", "may", "might", "must"}
# Characters that separate words for the candidate filter (hyphens join words: "cease-fire").
_SEPARATORS = "".join(c for c in string.punctuation + string.digits + "\u2018\u2019\u201c\u201d" if c != "-")
_TO_SPACES = str.maketrans(_SEPARATORS, " " * len(_SEPARATORS))


# --------------------------------------------------------------------------- crosswalk


@dataclass(frozen=True)
class CrosswalkRow:
    cameo: str
    event_type: str
    mode: str | None
    description: str


@dataclass(frozen=True)
class Crosswalk:
    rows: dict[str, CrosswalkRow]
    quad_by_root: dict[str, str]
    canonical: dict[tuple[str, str | None], str]  # (event_type, mode) -> first CAMEO code listed

    def row(self, cameo: str) -> CrosswalkRow | None:
        """The row of a code, else of its parent code ('0874' -> '087'), else of the root ('19' -> '190')."""
        for key in (cameo, cameo[:3], cameo[:2] + "0"):
            if key in self.rows:
                return self.rows[key]
        return None


@lru_cache(maxsize=1)
def load_crosswalk() -> Crosswalk:
    rows: dict[str, CrosswalkRow] = {}
    canonical: dict[tuple[str, str | None], str] = {}
    lines = (_DATA / "plover" / "cameo_plover.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        cameo, event_type, mode, _context, description, _origin = line.split("\t")
        row = CrosswalkRow(cameo, event_type, mode or None, description)
        rows[cameo] = row
        canonical.setdefault((event_type, row.mode), cameo)
    for (event_type, _mode), cameo in list(canonical.items()):
        canonical.setdefault((event_type, None), cameo)
    quad_by_root: dict[str, str] = {}
    for line in (_DATA / "plover" / "quad_classes.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "first_root")) or not line.strip():
            continue
        first, last, quad = line.split("\t")
        for root in range(int(first), int(last) + 1):
            quad_by_root[f"{root:02d}"] = quad
    return Crosswalk(rows, quad_by_root, canonical)


def quad_class_of(cameo: str) -> str:
    """Quad class of a CAMEO code, from its root (the first two digits)."""
    return load_crosswalk().quad_by_root[cameo[:2]]


def plover_of(cameo: str) -> tuple[str, str | None] | None:
    """(PLOVER event type, mode) of a CAMEO code; None for codes PLOVER does not code (01x statements)."""
    row = load_crosswalk().row(cameo)
    return (row.event_type, row.mode) if row else None


def cameo_of(event_type: str, mode: str | None = None) -> str:
    """The canonical CAMEO code of a PLOVER type and mode (falls back to the type's first code)."""
    canonical = load_crosswalk().canonical
    return canonical.get((event_type, mode)) or canonical[(event_type, None)]


# --------------------------------------------------------------------------- verb lexicon


@dataclass(frozen=True)
class Pattern:
    """One verb pattern: every element must be found around the verb."""

    subject: tuple[str, ...]  # words on the subject side (subject, auxiliaries, adverbs)
    objects: tuple[str, ...]  # words among the complements (object, particle, complement verb)
    preps: tuple[tuple[str, tuple[str, ...]], ...]  # (preposition, words of its object)
    cameo: str | None  # None: the pattern says "no event here"
    verb: str | None  # the verb the pattern was written for

    # cached: the matcher asks for these for every candidate verb (a frozen dataclass keeps them in __dict__)
    @cached_property
    def size(self) -> int:
        return len(self.subject) + len(self.objects) + sum(1 + len(words) for _, words in self.preps)

    @cached_property
    def has_content(self) -> bool:
        """Names a word beyond prepositions and particles (those are specific to one verb)."""
        return any(e not in STOP_WORDS for e in self.objects) or any(words for _, words in self.preps)

    @property
    def text(self) -> str:
        parts = [*self.subject, "*", *self.objects]
        parts += ["(" + " ".join((prep, *words)) + ")" for prep, words in self.preps]
        return " ".join(parts)


@dataclass(frozen=True)
class VerbEntry:
    key: str  # lemma, or "lemma particle" for phrasal verbs
    cameo: str | None  # default code; None: only patterns code this verb
    patterns: tuple[Pattern, ...]
    inherited: bool = False  # the default is its synonym block's, not written for this verb


@dataclass(frozen=True)
class NounEntry:
    lemma: str
    cameo: str | None
    modified: tuple[tuple[tuple[str, ...], str], ...]  # (modifier words, code)


@dataclass(frozen=True)
class LexiconData:
    verbs: dict[str, VerbEntry]
    nouns: dict[str, NounEntry]
    word_sets: dict[str, tuple[tuple[str, ...], ...]]  # name -> members, each a tuple of words
    word_set_heads: dict[str, dict[str, tuple[tuple[str, ...], ...]]]  # name -> last word -> members
    light_verbs: frozenset[str]
    light_keep_default: frozenset[str]  # light verbs whose own default code still counts ("impose")
    modals: dict[str, str]  # "ready" -> "03": a cooperative act so framed is an intent; "must" -> "10"
    conflict_modals: frozenset[str]  # "will", "would": a conflictual act so marked is a threat (13x)
    commissives: frozenset[str]  # "vow", "pledge": promise a cooperative act, threaten a hostile one
    intent: dict[str, dict[str, str]]  # frame root -> embedded code or root -> code
    inanimate_subjects: frozenset[str]  # "storm", "striker": subjects that make no political event
    nonpolitical_objects: frozenset[str]  # "title", "earnings": objects that make a bare verb no event
    nonagent_subjects: frozenset[str]  # "deal", "plan": "the deal will allow" announces nobody's intent
    target_preps: dict[str, tuple[str, ...]]  # event type -> prepositions introducing the target
    candidates: CandidateWords
    lemmas_of_form: dict[str, tuple[str, ...]]  # word form -> verb lemmas, for the tagger's odd lemmas
    # "occur", "take place": an event noun that is their subject names an event ("the attack occurred")
    occurrence_verbs: frozenset[str] = frozenset()
    # "offer", "allow": their bare default holds only with a recipient or an embedded act
    argument_verbs: frozenset[str] = frozenset()
    # "patrol": told in the simple present ("UN troops patrol the zone") a standing arrangement, no event
    standing_verbs: frozenset[str] = frozenset()
    # "ask": in "asked if ...", "when asked", "was asked to comment", "asked not to be named" no request
    question_verbs: frozenset[str] = frozenset()
    # "warn": its threat holds only when it announces an act ("warned it would retaliate"), not a forecast
    warning_verbs: frozenset[str] = frozenset()
    # "visiting": a gerund the parser hangs on a verb ("assured visiting ministers") is an adjective of
    # the noun after it, not an act embedded in the verb's frame
    attributive_participles: frozenset[str] = frozenset()
    # "demonstrate": its bare default (a protest) holds only told without an object or a clause; "demonstrated
    # that X", "demonstrated the value of Y", "it was demonstrated" show something, no act
    intransitive_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CandidateWords:
    """Lower-cased word forms that make a sentence worth parsing.

    A strong word (a verb that codes an event by itself, an event noun) is enough; a weak word (a
    light verb, a verb that codes only through a pattern, a phrasal verb) needs one of the words its
    own patterns name (its cues) somewhere in the sentence too: "said" with "in" is no candidate
    because another verb's pattern names "in".
    """

    strong: frozenset[str]
    weak: dict[str, tuple[frozenset[str], ...]]  # weak word form -> its cue sets (shared between verbs)

    def match(self, text: str) -> bool:
        words = set(text.lower().translate(_TO_SPACES).split())
        words |= {part for word in words if "-" in word for part in word.split("-")}  # "counter-offensive"
        if not self.strong.isdisjoint(words):
            return True
        return any(not cues.isdisjoint(words)
                   for word in words if word in self.weak for cues in self.weak[word])

    def cues(self, form: str) -> frozenset[str]:
        """Every cue of a weak word form."""
        return frozenset().union(*self.weak.get(form, ()))


def _pattern(raw: dict) -> Pattern:
    return Pattern(tuple(raw["subject"]), tuple(raw["object"]),
                   tuple((prep, tuple(words)) for prep, words in raw["preps"]), raw["code"], raw["verb"])


def inflections(word: str) -> set[str]:
    """Regular English inflections of a verb or noun (over-generating is harmless here)."""
    forms = {word}
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", word):
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _codes_event(cameo: str | None) -> bool:
    return cameo is not None and plover_of(cameo) is not None


def read_lexicon_data(path: Path | None = None) -> LexiconData:
    """The compiled lexicon at `path`, by default the shipped data/verbs/lexicon.json."""
    with long_lived():
        return _lexicon_data(read_json(path or _DATA / "verbs" / "lexicon.json"))


def _lexicon_data(raw: dict) -> LexiconData:
    verbs, nouns, word_sets, light_verbs = _entries(raw)
    target_preps = {event_type: tuple(preps) for event_type, preps in raw.get("target_preps", {}).items()}
    candidates = _candidate_filter(raw["candidate_words"])
    heads: dict[str, dict[str, list]] = {}
    for name, members in word_sets.items():
        for member in members:
            heads.setdefault(name, {}).setdefault(member[-1], []).append(member)
    word_set_heads = {name: {w: tuple(m) for w, m in by_head.items()} for name, by_head in heads.items()}
    return LexiconData(verbs, nouns, word_sets, word_set_heads, light_verbs,
                       frozenset(raw["light_keep_default"]), raw["modals"], frozenset(raw["conflict_modals"]),
                       frozenset(raw["commissives"]), raw["intent"], frozenset(raw["inanimate_subjects"]),
                       frozenset(raw["nonpolitical_objects"]), frozenset(raw["nonagent_subjects"]),
                       target_preps, candidates,
                       _lemmas_of_forms(raw["verbs"]), frozenset(raw.get("occurrence_verbs", ())),
                       frozenset(raw.get("argument_verbs", ())), frozenset(raw.get("standing_verbs", ())),
                       frozenset(raw.get("question_verbs", ())), frozenset(raw.get("warning_verbs", ())),
                       frozenset(raw.get("attributive_participles", ())),
                       frozenset(raw.get("intransitive_verbs", ())))


def _candidate_filter(shipped: dict) -> CandidateWords:
    """The filter of lexicon.json's candidate words: each weak form with the cue sets of every verb it is
    a form of (its own cues and those of the verb's pattern blocks, one set per block, shared)."""
    blocks = {name: frozenset(cues) for name, cues in shipped["cue_blocks"].items()}
    weak: dict[str, list[frozenset[str]]] = {}
    for group in shipped["weak"]:
        sets = [frozenset(group["cues"])] + [blocks[name] for name in group["blocks"] if name in blocks]
        for form in group["forms"]:
            known = weak.setdefault(form, [])
            known.extend(cues for cues in sets if cues and cues not in known)
    return CandidateWords(frozenset(shipped["strong"]),
                          {form: tuple(sets) for form, sets in weak.items() if sets})


def _entries(raw: dict) -> tuple[dict[str, VerbEntry], dict[str, NounEntry], dict, frozenset[str]]:
    """Verbs with their patterns, event nouns, word sets and light verbs of the raw lexicon."""
    blocks = _blocks(raw)
    word_sets = {name: tuple(tuple(m.split()) for m in members) for name, members in raw["word_sets"].items()}
    light_verbs = frozenset(raw["light_verbs"])
    verbs: dict[str, VerbEntry] = {}
    for key, entry in raw["verbs"].items():
        own = tuple(_pattern(p) for p in entry.get("patterns", ()))
        shared = tuple(p for name in entry["blocks"] for p in blocks[name])
        verbs[key] = VerbEntry(key, entry["code"], own + shared, entry.get("inherited", False))
    nouns: dict[str, NounEntry] = {}
    for lemma, entry in raw["nouns"].items():
        modified = tuple((tuple(w.lower() for w in p["modifiers"]), p["code"]) for p in entry["patterns"])
        nouns[lemma] = NounEntry(lemma, entry["code"], modified)
    return verbs, nouns, word_sets, light_verbs


def candidate_words(raw: dict) -> dict:
    """The candidate filter's word forms of a raw lexicon, sorted, as lexicon.json ships them: the strong
    forms, the cues of each shared pattern block, and per weak verb its forms, its own cues and blocks.

    Run by models/build_lexicon.py, after it has written the crosswalk (which codes count as events):
    inflecting every verb and pattern word takes a quarter of a second, too long for each process start.
    """
    verbs, nouns, word_sets, light_verbs = _entries(raw)
    strong, weak = _candidate_words(raw, verbs, nouns, light_verbs, word_sets)
    blocks = {name: _pattern_cues(patterns, word_sets) for name, patterns in _blocks(raw).items()}
    strong |= {form for group in weak if any(blocks[name] is None for name in group["blocks"])
               for form in group["forms"]}
    weak = [group for group in weak if group["forms"][0] not in strong]
    return {"strong": sorted(strong),
            "cue_blocks": {name: sorted(cues) for name, cues in sorted(blocks.items()) if cues},
            "weak": sorted(weak, key=lambda g: (g["forms"], g["cues"], g["blocks"]))}


def _lemmas_of_forms(raw_verbs: dict) -> dict[str, tuple[str, ...]]:
    lemmas: dict[str, list[str]] = {}
    for key, entry in raw_verbs.items():
        if " " in key:
            continue
        for form in inflections(key) | set(entry["forms"]):
            lemmas.setdefault(form, []).append(key)
    return {form: tuple(keys) for form, keys in lemmas.items()}


def _candidate_words(raw: dict, verbs: dict[str, VerbEntry], nouns: dict[str, NounEntry],
                     light_verbs: frozenset[str], word_sets: dict) -> tuple[set[str], list[dict]]:
    """The strong forms, and each weak verb's forms, own cues and pattern blocks."""
    strong: set[str] = set()
    weak: list[dict] = []
    for key, verb in verbs.items():
        coding_patterns = [p for p in verb.patterns if _codes_event(p.cameo)]
        if not (_codes_event(verb.cameo) or coding_patterns or key in light_verbs):
            continue
        head, *rest = key.split()
        if head in _AUXILIARIES:
            continue  # "is determined", "has to": auxiliaries are no evidence of an event
        forms = inflections(head) | set(raw["verbs"][key]["forms"])
        if _codes_event(verb.cameo) and not rest:
            strong |= forms  # the verb alone codes (a light verb too, when nothing better is found)
            continue
        own = _pattern_cues([_pattern(p) for p in raw["verbs"][key].get("patterns", ())], word_sets)
        if own is None:
            strong |= forms
            continue
        # a phrasal verb's own particle or preposition is a cue even when it is a stop word: "side (with)"
        # had no cue at all, so no sentence telling it ever reached the parser
        cues = own | set(rest)
        weak.append({"forms": sorted(forms), "cues": sorted(cues),
                     "blocks": sorted(raw["verbs"][key]["blocks"])})
    for noun in nouns.values():
        strong |= inflections(noun.lemma.split()[-1])
    return strong, weak


def _blocks(raw: dict) -> dict[str, tuple[Pattern, ...]]:
    return {name: tuple(_pattern(p) for p in block["patterns"]) for name, block in raw["blocks"].items()}


def _pattern_cues(patterns, word_sets: dict) -> set[str] | None:
    """Word forms of which the sentence must hold one for one of the coding `patterns` to match: for each
    pattern, the forms of the words it names (subject, object, phrase), its small words ("with", "down")
    only when it names no other. None when some pattern names no word: the verb alone may code."""
    cues: set[str] = set()
    for pattern in patterns:
        if not _codes_event(pattern.cameo):
            continue
        elements = pattern.subject + pattern.objects + tuple(
            word for prep, words in pattern.preps for word in (prep, *words))
        small = {word for element in elements for word in element.lower().split() if word in STOP_WORDS}
        named = {form for element in elements if element.lower() not in STOP_WORDS
                 for form in _element_forms(element, word_sets)} - STOP_WORDS
        if not (named or small):
            return None
        cues |= named or small
    return cues


def _element_forms(element: str, word_sets: dict) -> set[str]:
    """Word forms a pattern element may show in text: the last word of each alternative, inflected, as
    the filter splits text into words (digits and punctuation other than hyphens separate words)."""
    if element.startswith("&"):
        alternatives = [member[-1] for member in word_sets.get(element[1:].strip("_"), ())]
    else:
        alternatives = [alternative.split()[-1] for alternative in element.split("/") if alternative]
    words = {word for alternative in alternatives for word in alternative.translate(_TO_SPACES).split()}
    return {form for word in words if len(word.strip("-")) > 2 for form in _cue_forms(word)}


_INFLECTED = re.compile(r"(?:[^aisu]s|[^e]ed|ing)$")


def _cue_forms(word: str) -> set[str]:
    """A pattern word and the forms of it a sentence may show. A word already inflected ('soldiers',
    'banned', 'building') is not inflected as a verb again ('soldiersed'); a plural also stands for its
    singular, a form in -ing for its plural ('buildings')."""
    if word.endswith("-"):
        return {word}  # "MiG-29" is "mig-" to the filter
    if len(word) <= 4 or not _INFLECTED.search(word):
        return inflections(word)
    if word.endswith("ing"):
        return {word, word + "s"}
    if not word.endswith("s") or word.endswith("series"):
        return {word}
    if word.endswith("ies"):
        return {word, word[:-3] + "y"}
    if word.endswith("ves"):
        return {word}  # "knives": no regular singular
    if re.search(r"(?:ch|sh|ss|x|z)es$", word):
        return {word, word[:-2]}
    return {word, word[:-1]}
