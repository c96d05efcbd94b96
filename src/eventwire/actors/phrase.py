"""What an argument phrase says about who acts, before any article context.

A phrase is cut into conjuncts ("Hungarian and Romanian officials" -> "Hungarian",
"Romanian officials"); in each, dictionary names, country names and adjectives, agent nouns
and places are found by longest match, and the head (the words before the first
preposition) decides: a named actor wins, else a country plus the sector of the agent noun.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from eventwire.actors.codes import primary_sector
from eventwire.actors.dictionary import ActorDictionary, DictionaryActor, Match
from eventwire.actors.text import POSSESSIVE, Token
from eventwire.jsondata import read_word_lists

# Sectors of every role of a one-word Phoenix "group" that is one ruler known by a given name.
RULER_SECTORS = frozenset({"GOV", "ELI"})


@dataclass(frozen=True)
class PhraseWords:
    """The words that cut and read an actor phrase (data/actors/phrase.json)."""

    coordinators: frozenset[str]  # "and", "or": where a phrase splits into conjuncts
    prepositions: frozenset[str]  # "of", "in", "loyal": where the head of a conjunct ends
    quantity_words: frozenset[str]  # "thousands of", "up to", "a group of": they count the actor after them
    determiners: frozenset[str]  # "the", "its", "senior": they open a phrase and name no one
    # "Russian-backed separatists": the country before one of these supports the actor, it is not its own
    sponsor_words: frozenset[str]
    former_words: frozenset[str]  # "former President X" is no longer in office
    not_names: frozenset[str]  # "the", "said": may follow a title but do not start a name


def read_phrase_words() -> PhraseWords:
    return PhraseWords(**read_word_lists(resources.files("eventwire") / "data" / "actors" / "phrase.json"))


@dataclass
class Conjunct:
    """One coordinated part of a phrase, with what was recognised in it."""

    tokens: list[Token]
    head_end: int  # tokens[:head_end] are the head, the rest prepositional modifiers
    words: PhraseWords
    actors: list[tuple[int, DictionaryActor]] = field(default_factory=list)  # (token index, actor)
    agents: list[tuple[int, str, bool]] = field(default_factory=list)  # (token index, code, weak)
    titles: list[tuple[int, str]] = field(default_factory=list)  # (token index, office)
    peoples: list[tuple[int, str, bool]] = field(default_factory=list)  # (token index, ISO3, ethnic)
    # (token index, capitalised words no dictionary knows)
    names: list[tuple[int, list[Token]]] = field(default_factory=list)
    ends: dict[int, int] = field(default_factory=dict)  # token index of a recognised piece -> its end index
    places: set[int] = field(default_factory=set)  # indices of names found to be places
    labels: dict[int, str] = field(default_factory=dict)  # token index -> the parser's entity label

    @property
    def start(self) -> int:
        for token in self.tokens:
            if token.norm not in self.words.determiners:
                return token.start
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def label_entities(self, entities) -> None:
        """Attach the parser's entity labels ((start, end, label), phrase offsets) to the tokens inside."""
        for start, end, label in entities:
            for i, token in enumerate(self.tokens):
                if start <= token.start and token.end <= end:
                    self.labels[i] = label

    def in_head(self, index: int) -> bool:
        return index < self.head_end

    def text_at(self, index: int) -> str:
        """The words of the piece recognised at token `index`."""
        return " ".join(t.text for t in self.tokens[index:self.ends.get(index, index + 1)])

    def countries(self) -> list[tuple[int, DictionaryActor]]:
        """Countries the phrase places its actor in: not a sponsor ("Russian-backed", "pro-Iranian")."""
        return [(i, a) for i, a in self.actors if a.kind == "country" and not self._sponsor(i)]

    def _sponsor(self, index: int) -> bool:
        """ "Russian-backed", "pro-Iranian": the country supports the actor. A sponsor word that opens an
        armed-forces noun of its own ("Egyptian armed forces") is the country's own military, not a sponsor
        ("Russian-armed separatists")."""
        end = self.ends.get(index, index + 1)
        after = self.tokens[end].norm if end < len(self.tokens) else ""
        before = self.tokens[index - 1].norm if index > 0 else ""
        own_military = any(i == end and primary_sector(code) == "MIL" for i, code, _ in self.agents)
        return (after in self.words.sponsor_words and not own_military) or before in ("pro", "anti")

    def named(self) -> list[tuple[int, DictionaryActor]]:
        return [(i, a) for i, a in self.actors if a.kind != "country"]

    def sector_agent(self) -> tuple[str, str] | None:
        """(code, word) of the agent that gives the sector: a strong one in the head, the last; the head
        proper before an apposition ("the main rebel group, Forces for ...") before the apposition."""
        for weak_ok in (False, True):
            for zone in (0, 1, 2):
                for i, code, weak in reversed(self.agents):
                    if (weak_ok or not weak) and self._zone(i) == zone and code:
                        return code, self.text_at(i)
        return None

    def _zone(self, index: int) -> int:
        """0: the head before any comma, 1: an apposition in the head, 2: a prepositional modifier."""
        if not self.in_head(index):
            return 2
        return int(any(t.text == "," for t in self.tokens[:index]))


def conjunct_office(conjunct: Conjunct, dictionary: ActorDictionary) -> tuple[str, bool] | None:
    """The first title in the conjunct, inside a name or not ("President Bush"), and whether a word
    before it makes it a past office."""
    tokens = conjunct.tokens
    for i in range(len(tokens)):
        title = dictionary.titles.match_at(tokens, i)
        if title is not None and title.value != "leader":  # party and rebel leaders hold no office
            former = any(t.norm in conjunct.words.former_words for t in tokens[:i])
            return " ".join(t.text for t in tokens[title.start:title.end]), former
    return None


def split_conjuncts(tokens: list[Token], dictionary: ActorDictionary, words: PhraseWords) -> list[Conjunct]:
    """Recognise names, agents and titles, then cut at coordinators outside any name."""
    pieces: list[tuple[str, int, int, object]] = []  # (kind, start, end, value)
    i = 0
    while i < len(tokens):
        match = dictionary.actor_at(tokens, i)
        if match is not None and inside_longer_name(tokens, match, dictionary, words):
            match = None
        people = dictionary.people_at(tokens, i)
        if people is not None and (match is None or people.end >= match.end):
            country, ethnic = people.value
            ethnic = bool(ethnic) or (i > 0 and tokens[i - 1].norm == "ethnic")
            pieces.append(("people", people.start, people.end, (country, ethnic)))
            i = people.end
            continue
        if match is not None:
            pieces.append(("actor", match.start, match.end, match.value))
            i = match.end
            continue
        agent = _cut_before_name(tokens, dictionary.agents.match_at(tokens, i), dictionary)
        title = _cut_before_name(tokens, dictionary.titles.match_at(tokens, i), dictionary)
        if title is not None:
            pieces.append(("title", title.start, title.end, title.value))
        if agent is not None:
            phrase = " ".join(t.norm for t in tokens[agent.start:agent.end])
            pieces.append(("agent", agent.start, agent.end, (agent.value, phrase in dictionary.weak_agents)))
            i = agent.end
            continue
        if title is not None:
            i = title.end
            continue
        pieces.append(("word", i, i + 1, None))
        i += 1
    return _group(tokens, pieces, words)


def _is_quantity(token: Token, words: PhraseWords) -> bool:
    """ "Thousands of", "up to 100", "a group of": words that count the actor named after them."""
    return token.norm in words.quantity_words or token.norm.replace(",", "").isdigit()


def _cut_before_name(tokens: list[Token], match: Match | None, dictionary: ActorDictionary) -> Match | None:
    """ "former President Bush": an agent or title that runs into a dictionary name ("President Bush")
    ends where the name starts."""
    if match is None:
        return None
    for k in range(match.start + 1, match.end):
        name = dictionary.actor_at(tokens, k)
        if name is not None and name.end > match.end:
            return Match(match.start, k, match.value)
    return match


def inside_longer_name(tokens: list[Token], match, dictionary: ActorDictionary, words: PhraseWords) -> bool:
    """A one-word person alias ("Hassan") next to other capitalised words is part of another name: "Ahmed
    Hassan", "Abdullah Ocalan" are not the king of the dictionary."""
    if match.end - match.start != 1 or not _one_person(match.value):
        return False
    neighbours = [j for j in (match.start - 1, match.end) if 0 <= j < len(tokens)]
    return any(tokens[j].capitalized and tokens[j].norm not in words.determiners
               and tokens[j].norm != POSSESSIVE
               and dictionary.agents.match_at(tokens, j) is None
               and dictionary.titles.match_at(tokens, j) is None
               and _given_name_or_none(dictionary.actor_at(tokens, j)) for j in neighbours)


def _given_name_or_none(neighbour: Match | None) -> bool:
    """No dictionary name, or one more ruler's given name: "Khalid Hassan Yusuf" is one person."""
    return neighbour is None or (neighbour.end - neighbour.start == 1 and _one_person(neighbour.value))


def _one_person(actor: DictionaryActor) -> bool:
    """A person, or a one-word Phoenix "group" that is a ruler known by a given name ("Hassan", "Abdullah"):
    every role of it a government or elite one."""
    if actor.kind == "person":
        return True
    return (actor.kind == "group" and " " not in actor.name and bool(actor.roles)
            and all(role.code[3:6] in RULER_SECTORS for role in actor.roles))


def _group(tokens: list[Token], pieces: list[tuple[str, int, int, object]],
           words: PhraseWords) -> list[Conjunct]:
    has_and = any(kind == "word" and tokens[s].norm in words.coordinators for kind, s, _, _ in pieces)
    conjuncts: list[Conjunct] = []
    current: list[tuple[str, int, int, object]] = []
    for piece in pieces:
        kind, start, _, _ = piece
        is_comma_in_list = has_and and tokens[start].text == ","
        if kind == "word" and (tokens[start].norm in words.coordinators or is_comma_in_list):
            conjuncts.extend(_conjunct(tokens, current, words))
            current = []
        else:
            current.append(piece)
    conjuncts.extend(_conjunct(tokens, current, words))
    return conjuncts


def _conjunct(tokens: list[Token], pieces: list[tuple[str, int, int, object]],
              words: PhraseWords) -> list[Conjunct]:
    if not pieces:
        return []
    first, last = pieces[0][1], pieces[-1][2]
    part = tokens[first:last]
    head_end = len(part)
    for kind, start, end, _ in pieces:
        if kind == "word" and tokens[start].norm in words.prepositions and start > first \
                and not all(_is_quantity(t, words) for t in tokens[first:start]):
            head_end = start - first
            break
        # "the U.S. embassy in Baghdad", "Britain's ambassador to Russia": an agent that closes on its
        # preposition ends the head there; the place after it says where the agent serves, not whose it is.
        if kind == "agent" and end - start > 1 and tokens[end - 1].norm in words.prepositions:
            head_end = end - 1 - first
            break
    conjunct = Conjunct(part, head_end, words)
    name_run: list[Token] = []
    for kind, start, end, value in pieces:
        local = start - first
        if kind == "word" and tokens[start].capitalized and tokens[start].norm not in words.determiners \
                and tokens[start].norm not in words.prepositions and tokens[start].norm != POSSESSIVE:
            name_run.append(tokens[start])
            continue
        if name_run:
            conjunct.names.append((local - len(name_run), name_run))
            name_run = []
        conjunct.ends[local] = end - first
        if kind == "actor":
            conjunct.actors.append((local, value))
        elif kind == "agent":
            code, weak = value
            conjunct.agents.append((local, code, weak))
        elif kind == "title":
            conjunct.titles.append((local, value))
        elif kind == "people":
            conjunct.peoples.append((local, *value))
    if name_run:
        conjunct.names.append((len(part) - len(name_run), name_run))
    return [conjunct]
