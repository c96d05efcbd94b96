"""Place candidates in a parsed sentence and the features that tell the event's place from the others.

Shared by the locator at run time and by models/train_locator.py at build time, so that the
model is trained on exactly the features it sees in use.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.jsondata import read_word_lists
from eventwire.places.gazetteer import Gazetteer, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventwire.places.capitals import CapitalTable

_MAX_PATH = 4
_MAX_PART = 4  # words of the longest gazetteer name looked for inside a longer name
_DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 13, 21)


@dataclass(frozen=True)
class PlaceWords:
    """The English words the place finder reads (data/places/words.json)."""

    calendar_words: frozenset[str]  # weekday and month names: proper nouns the tagger cannot tell from places
    of_names: frozenset[str]  # geographic nouns that take "of" inside a name: "Gulf of Aden"
    place_nouns: frozenset[str]  # nouns that introduce a place: "the town of X", "X province"
    trailing_nouns: frozenset[str]  # generic nouns after a name, not part of it: "Aleppo province"
    place_prepositions: frozenset[str]  # "in", "near": a place follows
    other_prepositions: frozenset[str]  # the others whose word a candidate's head feature keeps

    @cached_property
    def head_words(self) -> frozenset[str]:
        """Head words kept as such in the locator's features: place nouns and prepositions."""
        return self.place_nouns | self.place_prepositions | self.other_prepositions


def read_place_words() -> PlaceWords:
    return PlaceWords(**read_word_lists(resources.files("eventwire") / "data" / "places" / "words.json"))


@dataclass(frozen=True)
class Candidate:
    """A span of the sentence that may name the event's place (token indices, end exclusive)."""

    start: int
    end: int
    text: str
    origin: str  # "known", "known:place-word", "name", "name:place-word" or "part" (see find_candidates)
    place: Place | None
    capital_of: str | None = None  # ISO3 when the span names a country's capital ("the Egyptian capital")
    capital_from: str = ""  # how that country was found, for the reason


def find_candidates(parsed: Doc, gazetteer: Gazetteer, words: PlaceWords,
                    capitals: CapitalTable | None = None,
                    context_country: str | None = None) -> list[Candidate]:
    """Place-like spans without named entities: every proper-noun name of the sentence, and the
    gazetteer names inside a longer name that the gazetteer does not know as a whole
    ("Deir ez-Zor" in "Deir ez-Zor Governor Amer"). Origins: "known" or "name" (is the whole name in
    the gazetteer), with ":place-word" after a place preposition or noun, and "part" for inner names.
    With `capitals`, a capital named by its country ("the Egyptian capital", "Kenya's capital", "the
    capital of Sudan", and "the capital" alone when the sentence names one country or else
    `context_country` is given) is a known place, the city, in place of the country's name."""
    found = _names(parsed, gazetteer, words)
    if capitals is not None:
        found = _with_capitals(parsed, found, capitals, context_country, words)
    return sorted(found, key=lambda c: (c.start, -c.end))


def _names(parsed: Doc, gazetteer: Gazetteer, words: PlaceWords) -> list[Candidate]:
    found: list[Candidate] = []
    for run in _proper_noun_runs(parsed, words):
        name = _trim(run, words)
        if len(name) == 0 or _is_calendar(name, words):
            continue
        text = name.text
        place = gazetteer.lookup(text)
        context = ":place-word" if _after_place_word(name, words) else ""
        found.append(Candidate(name.start, name.end, text, f"{'known' if place else 'name'}{context}", place))
        if place is None and len(name) > 1:
            found.extend(_known_parts(name, gazetteer, words))
    return found


def _with_capitals(parsed: Doc, found: list[Candidate], capitals: CapitalTable,
                   context_country: str | None, words: PlaceWords) -> list[Candidate]:
    """`found` with each capital phrase added; the country name inside one ("Kenya" in "Kenya's
    capital") gives way to it."""
    countries = {c.place.country for c in found if c.place and c.place.kind == "country"}
    sentence_country = next(iter(countries)) if len(countries) == 1 else None
    for noun in parsed:
        if noun.lower_ not in capitals.nouns or noun.pos_ != "NOUN" or noun.dep_ == "compound":
            continue
        end = noun.i + 1
        if end < len(parsed) and f"{noun.lower_} {parsed[end].lower_}" in capitals.nouns:
            end += 1  # "capital city"
        if _names_the_city(parsed, end, found):
            continue  # "the Afghan capital, Kabul": the city's own name is the candidate
        context_how = "the sentence's country" if sentence_country else "the article's country"
        reading = (_capital_by_adjective(parsed, noun, end, capitals)
                   or _capital_by_country(parsed, noun, end, found)
                   or _capital_alone(parsed, noun, end, sentence_country or context_country, context_how))
        if reading is None:
            continue
        start, end, country, how = reading
        place = capitals.capital_of(country)
        if place is None:
            continue
        inside = [c for c in found if start <= c.start and c.end <= end]
        found = [c for c in found if c not in inside]
        context = ":place-word" if _after_place_word(parsed[start:end], words) else ""
        found.append(Candidate(start, end, parsed[start:end].text, f"known{context}", place, country, how))
    return found


def _names_the_city(parsed: Doc, end: int, found: list[Candidate]) -> bool:
    """A name right after the capital phrase, after its comma or its "of" ("the Tunisian capital of
    Tunis"), is the city's own name; a country after "of" is not ("the capital of Sudan")."""
    following = end + 1 if end < len(parsed) and parsed[end].text in {",", "of"} else end
    return any(c.start == following and not (c.place and c.place.kind == "country") for c in found)


def _capital_by_adjective(parsed: Doc, noun: Token, end: int, capitals: CapitalTable):
    """ "the Egyptian capital", "the South Korean capital": (start, end, country, how)."""
    for width in (2, 1):
        start = noun.i - width
        if start >= 0 and all(t.pos_ in {"ADJ", "PROPN"} for t in parsed[start:noun.i]):
            adjective = parsed[start:noun.i].text
            country = capitals.country_of_adjective(adjective)
            if country:
                return start, end, country, f"the adjective '{adjective}'"
    return None


def _capital_by_country(parsed: Doc, noun: Token, end: int, found: list[Candidate]):
    """ "Kenya's capital", "the capital of Sudan": (start, end, country, how)."""
    countries = [c for c in found if c.place and c.place.kind == "country"]
    if noun.i >= 2 and parsed[noun.i - 1].tag_ == "POS":
        owner = next((c for c in countries if c.end == noun.i - 1), None)
        if owner:
            return owner.start, end, owner.place.country, f"the country '{owner.text}'"
    if end + 1 < len(parsed) and parsed[end].lower_ == "of":
        first = end + 2 if parsed[end + 1].lower_ == "the" else end + 1
        owner = next((c for c in countries if c.start == first), None)
        if owner:
            return noun.i, owner.end, owner.place.country, f"the country '{owner.text}'"
    return None


def _capital_alone(parsed: Doc, noun: Token, end: int, country: str | None, how: str):
    """ "the capital", not followed by "of": the capital of the context's country."""
    after = parsed[end].lower_ if end < len(parsed) else ""
    if country and noun.i >= 1 and parsed[noun.i - 1].lower_ == "the" and after != "of":
        return noun.i, end, country, how
    return None


def _known_parts(name: Span, gazetteer: Gazetteer, words: PlaceWords):
    """The longest gazetteer names inside a name, not overlapping, left to right."""
    i = first = name.start
    tokens = list(name)
    capitalized = {t.i for t in tokens if t.text[:1].isupper()}  # a part starts and ends with one of these
    while i < name.end:
        ends = range(min(name.end, i + _MAX_PART), i, -1) if i in capitalized else ()
        for j in ends:
            if j - i >= len(name) or j - 1 not in capitalized:
                continue
            part = tokens[i - first:j - first]
            if len(part) == 1 and part[0].lower_ in words.calendar_words:
                continue
            text = tokens_text(part)
            if place := gazetteer.lookup(text):
                yield Candidate(i, j, text, "part", place)
                i = j
                break
        else:
            i += 1


def tokens_text(tokens: list[Token]) -> str:
    """The text of adjacent tokens, as their Span's `text` gives it, without making the Span."""
    return "".join([t.text_with_ws for t in tokens[:-1]]) + tokens[-1].text


def _is_calendar(span: Span, words: PlaceWords) -> bool:
    return len(span) == 1 and span[0].lower_ in words.calendar_words


def _trim(span: Span, words: PlaceWords) -> Span:
    """The name alone: "the West Bank's" -> "West Bank", "Aleppo province" -> "Aleppo"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (span.doc[end - 1].tag_ in {"POS", "."}
                           or span.doc[end - 1].text in words.trailing_nouns):
        end -= 1
    return span.doc[start:end]


def _proper_noun_runs(parsed: Doc, words: PlaceWords):
    """Maximal runs of proper nouns, with inner hyphens and a geographic "of": "Tal Sha'rah",
    "Dahiyat al-Assad", "Gulf of Aden"."""
    pos = [t.pos_ for t in parsed]
    i = 0
    while i < len(pos):
        if pos[i] != "PROPN":
            i += 1
            continue
        j = i + 1
        while j + 1 < len(pos) and (pos[j] == "PROPN"
                                    or pos[j + 1] == "PROPN" and _joins_name(parsed, j, words)):
            j += 1
        if j < len(pos) and pos[j] == "PROPN":
            j += 1
        yield parsed[i:j]
        i = j


def _joins_name(parsed: Doc, j: int, words: PlaceWords) -> bool:
    """Token j, before a proper noun, links the proper nouns around it into one name: a hyphen, or "of"
    after "Gulf"."""
    return parsed[j].text == "-" or parsed[j].lower_ == "of" and parsed[j - 1].lower_ in words.of_names


def _after_place_word(span: Span, words: PlaceWords) -> bool:
    """True when the span follows a place preposition or a place noun ("in X", "the town of X")."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    head = root.head
    return head.lower_ in words.place_prepositions or \
        head.lower_ == "of" and head.head.lower_ in words.place_nouns


def candidate_features(parsed: Doc, trigger_index: int, candidates: list[Candidate],
                       words: PlaceWords) -> list[dict[str, float]]:
    """Sparse features of each candidate for one trigger. The dependency path from the trigger to every
    candidate is found once: the features of one candidate rank it by the path lengths of all."""
    trigger = parsed[trigger_index]
    ancestry = _Ancestry(trigger)
    roots = [_root(parsed, c) for c in candidates]
    paths = [ancestry.path_from(root) for root in roots]
    # Ranks among all candidates by tree and by linear distance, found by bisection in sorted lists:
    # a sentence of n candidates costs n log n per trigger, not n squared.
    tree = sorted(len(up) + len(down) for up, down in paths)
    linear = sorted(_linear(c, trigger_index) for c in candidates)
    return [_features(parsed, trigger, candidate, candidates, root, path, tree, linear, words)
            for candidate, root, path in zip(candidates, roots, paths)]


def _root(parsed: Doc, candidate: Candidate) -> Token:
    """The syntactic head of a candidate's words; a one-word name is its own, without making a Span."""
    if candidate.end - candidate.start == 1:
        return parsed[candidate.start]
    return parsed[candidate.start:candidate.end].root


def _features(parsed: Doc, trigger: Token, candidate: Candidate, candidates: list[Candidate], root: Token,
              path: tuple[list[str], list[str]], tree: list[int], linear: list[int],
              words: PlaceWords) -> dict[str, float]:
    """The features of one candidate whose name has the syntactic head `root`; `path` leads from it to
    the trigger; `tree` and `linear` are the sorted tree and linear distances of every candidate."""
    trigger_index = trigger.i
    path_up, path_down = path
    tree_rank = bisect.bisect_left(tree, len(path_up) + len(path_down))  # candidates strictly closer
    kind = candidate.place.kind if candidate.place else "unknown"
    features = {
        "bias": 1.0,
        f"origin={candidate.origin}": 1.0,
        f"kind={kind}": 1.0,
        f"origin_kind={candidate.origin}|{kind}": 1.0,
        f"shape={_shape(parsed[candidate.start:candidate.end])}": 1.0,
        f"dep={root.dep_}": 1.0,
        f"dep_head={root.dep_}|{_head_word(root, words)}": 1.0,
        f"path_up={'>'.join(path_up[:_MAX_PATH])}": 1.0,
        f"path_len={min(len(path_up) + len(path_down), 6)}": 1.0,
        f"down_len={min(len(path_down), 3)}": 1.0,
        f"side={'before' if candidate.start < trigger_index else 'after'}": 1.0,
        f"distance={_bucket(abs(candidate.start - trigger_index))}": 1.0,
        f"n_candidates={min(len(candidates), 4)}": 1.0,
        f"rank_linear={min(bisect.bisect_left(linear, _linear(candidate, trigger_index)), 2)}": 1.0,
        f"rank_tree={min(tree_rank, 2)}": 1.0,
        f"trigger_pos={trigger.pos_}": 1.0,
        "log_population": math.log10(1 + candidate.place.population) / 7 if candidate.place else 0.0,
    }
    if candidate.end - candidate.start > 1:
        features[f"last_word={parsed[candidate.end - 1].lower_}"] = 1.0
    if not path_down:
        features[f"up_to_trigger={'>'.join(path_up[:_MAX_PATH])}"] = 1.0
    preposition = _governing_preposition(root, trigger)
    if preposition:
        features[f"prep={preposition}"] = 1.0
        features[f"prep_down={preposition}|{min(len(path_down), 2)}"] = 1.0
    place_nouns = words.place_nouns
    if root.head.lower_ in place_nouns or root.head.head.lower_ in place_nouns and root.head.lower_ == "of":
        features["under_place_noun"] = 1.0
    if root.dep_ in {"nsubj", "nsubjpass", "dobj"} and root.head == trigger:
        features[f"argument_of_trigger={root.dep_}"] = 1.0
    return features


def _shape(name: Span) -> str:
    """What a name looks like, in place of an entity label: "ISIS" -> "acronym", "Tel Abyad" -> "2-words"."""
    if len(name) == 1 and name.text.isupper() and len(name.text) > 1:
        return "acronym"
    if any(t.text == "-" or "-" in t.text for t in name):
        return "hyphenated"
    return f"{min(len(name), 3)}-words"


def _head_word(token: Token, words: PlaceWords) -> str:
    head = token.head
    return head.lower_ if head.pos_ in {"ADP", "NOUN"} and head.lower_ in words.head_words else head.pos_


class _Ancestry:
    """A trigger and its ancestors, for the dependency paths from candidates up to them."""

    def __init__(self, trigger: Token):
        self.chain = [trigger, *trigger.ancestors]
        # tokens of one sentence compare by index: a dict of positions is much cheaper than Token equality
        self.position = {t.i: k for k, t in enumerate(self.chain)}

    def path_from(self, token: Token) -> tuple[list[str], list[str]]:
        """Dependency labels from `token` up to the common ancestor, and from the trigger up to it."""
        up: list[str] = []
        node = token
        while node.i not in self.position:
            label = f"{node.dep_}:{node.lower_}" if node.pos_ == "ADP" else node.dep_
            up.append(label)
            head = node.head
            if head.i == node.i:
                break
            node = head
        meet = self.position.get(node.i, len(self.chain))
        return up, [t.dep_ for t in self.chain[:meet]]


def _governing_preposition(token: Token, trigger: Token) -> str | None:
    """The nearest preposition above the candidate, within its own noun phrase chain."""
    node = token
    for _ in range(_MAX_PATH):
        if node.head == node or node == trigger:
            return None
        node = node.head
        if node.pos_ == "ADP" and node.lower_ != "of":
            return node.lower_
        if node.pos_ == "VERB":
            return None
    return None


def _linear(candidate: Candidate, trigger_index: int) -> int:
    return abs(candidate.start - trigger_index)


def _bucket(value: int) -> str:
    for limit in _DISTANCE_BUCKETS:
        if value <= limit:
            return str(limit)
    return "more"
