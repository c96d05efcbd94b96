"""Per-article memory of who was mentioned where, from a cheap scan of every sentence.

No parse is needed: dictionary names (with the titles and country words before them), "Title
Firstname Lastname" patterns and "country + agent" phrases ("Fijian rebels", "Iraq's interim
government") are found by the same longest-match lookups as in phrases, and read by the
resolver's own phrase reading so that a mention means what the phrase would. The resolver adds
what it finds later ("Jordan's foreign minister, Ayman Safadi"). Pronouns, titles and short
names resolve to the latest fitting mention before them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from eventwire.actors.codes import primary_sector
from eventwire.actors.dictionary import ActorDictionary, Match
from eventwire.actors.phrase import PhraseWords, inside_longer_name
from eventwire.actors.text import POSSESSIVE, Token, tokenize
from eventwire.records import Actor, Document, Sentence

# How many words before a name may carry its title or country ("Iranian Foreign Minister X").
_PREFIX_WORDS = 4
# Words allowed between a country and its agent noun ("Iraq's interim government").
_GAP_WORDS = 2

# Reads a phrase out of context: (text, date) -> the actor it names, or None.
PhraseReader = Callable[[str, "dt.date | None"], "Actor | None"]


@dataclass
class Mention:
    start: int  # document offsets
    end: int
    sentence_index: int
    actor: Actor  # what the mention was resolved to (text/offsets of the mention itself)
    kind: str  # person, group, country, igo, ...
    offices: frozenset[str] = frozenset()  # offices named by a title next to it or held on the date
    surname: str | None = None  # normalized last word of a person's name
    reason: str = ""


def identity(actor: Actor) -> tuple:
    """Who an actor is, whatever words name it: "Peru's president" and a later "he" are one."""
    return actor.name, actor.country, actor.sector, actor.code, actor.id


@dataclass
class ArticleContext:
    doc_id: str | None
    date: dt.date | None
    mentions: list[Mention] = field(default_factory=list)  # in document order
    main_country: str | None = None  # the country the article is most about
    # who a pronoun may not refer to while an event's target is resolved: its own source (`identity`)
    not_referred_to: frozenset[tuple] = frozenset()

    def before(self, offset: int):
        """Mentions that end before `offset`, latest first."""
        for mention in reversed(self.mentions):
            if mention.end <= offset:
                yield mention

    def pair_before(self, offset: int, people: bool, sentence_index: int) -> list[Actor] | None:
        """The two sides named last in the sentences before `sentence_index` (the one holding `offset`),
        in document order: the latest two mentions of different countries (or bodies), people only when
        `people` ("the two presidents"). None when fewer than two sides were named."""
        found: dict[str, Mention] = {}
        for mention in self.before(offset):
            side = mention.actor.country or mention.actor.code
            if mention.sentence_index == sentence_index:
                continue  # "the UN called on both sides": who speaks of the sides is not one of them
            if side and side not in found and (mention.kind == "person") == people:
                found[side] = mention
                if len(found) == 2:
                    return [m.actor for m in sorted(found.values(), key=lambda m: m.start)]
        return None

    @contextmanager
    def pronouns_not_for(self, actors: Iterable[Actor]) -> Iterator[None]:
        """While the target of an act is resolved, "him" or "her" is not its own source: '"We are
        releasing him," Khan said' releases someone else (the source would say "himself")."""
        saved = self.not_referred_to
        self.not_referred_to = frozenset(identity(a) for a in actors)
        try:
            yield
        finally:
            self.not_referred_to = saved

    def add(self, mention: Mention) -> None:
        """Record a mention found while resolving, in document order. It replaces a scanned mention at the
        same place: the resolver read the whole argument ("X's foreign minister, Firstname Lastname")."""
        starts = [m.start for m in self.mentions]
        at = bisect.bisect_left(starts, mention.start)
        if at < len(starts) and starts[at] == mention.start:
            self.mentions[at] = mention
        else:
            self.mentions.insert(at, mention)


def scan_document(dictionary: ActorDictionary, person_nouns: frozenset[str], phrase_words: PhraseWords,
                  doc: Document | None, sentences: list[Sentence],
                  read: PhraseReader | None = None) -> ArticleContext:
    """The mentions of a whole article and its main country. `person_nouns`: agent nouns that name one
    person ("Somalia's president"), whom a later "he" or "she" may refer to."""
    context = ArticleContext(doc.id if doc else None, doc.date if doc else None)
    scanner = _Scanner(dictionary, person_nouns, phrase_words, read, context.date)
    countries: Counter = Counter()
    starts = dictionary.mention_starts
    for sentence in sentences:
        tokens = tokenize(sentence.text)
        i = 0
        while i < len(tokens):
            if tokens[i].norm not in starts:
                i += 1  # most words: skipped here at once, without a call
                continue
            mention, i = scanner.mention_at(tokens, i, sentence)
            if mention is not None:
                context.mentions.append(mention)
                if mention.actor.country:
                    countries[mention.actor.country] += 1
    if countries:
        context.main_country = countries.most_common(1)[0][0]
    return context


@dataclass
class _Scanner:
    dictionary: ActorDictionary
    person_nouns: frozenset[str]
    phrase_words: PhraseWords
    read: PhraseReader | None
    when: dt.date | None

    def mention_at(self, tokens: list[Token], i: int, sentence: Sentence) -> tuple[Mention | None, int]:
        """The mention at token i, which begins a name, a people or a title, and the token after it."""
        match = self.dictionary.actor_at(tokens, i)
        if match is not None and inside_longer_name(tokens, match, self.dictionary, self.phrase_words):
            match = None  # "Ahmed Hassan" is no mention of Jordan's king, nor of Jordan
        if match is not None and match.value.kind == "country":
            group = self._country_agent(tokens, match, sentence)
            if group is not None:
                return group
        if match is not None and match.value.kind != "person":
            speaker = self._body_person(tokens, match, sentence)
            if speaker is not None:
                return speaker
        people = self.dictionary.people_at(tokens, i)
        if people is not None and (match is None or people.end >= match.end):
            return self._read_span(tokens, i, people.end, sentence), people.end
        if match is not None:
            named = self._named(tokens, match, sentence)
            if match.value.kind != "person" and tokens[match.end - 1].norm in self.person_nouns:
                named = replace(named, kind="person")  # a name ending in "official": one person of the body
            return named, match.end
        title = self.dictionary.titles.match_at(tokens, i)
        if title is not None:
            name_end = self._name_end(tokens, title.end)
            if name_end - title.end >= 2:
                return self._unknown_person(tokens, i, title, name_end, sentence), name_end
        return None, i + 1

    def _named(self, tokens: list[Token], match: Match, sentence: Sentence) -> Mention:
        entry = match.value
        prefix = self._prefix_start(tokens, match.start) if entry.kind == "person" else match.start
        offices = _titles_near(self.dictionary, tokens, prefix, match.end)
        day = (self.when or dt.date.today()).isoformat()
        offices |= {r.office for r in entry.roles if r.office and r.holds_on(day)}
        read = self._read_phrase(sentence, tokens, prefix, match.end)
        if read is None:
            code, _ = entry.role_on(self.when)
            parts = self.dictionary.codes.split(code) if code else None
            read = Actor(text="", start=0, end=0, name=entry.name, id=entry.id,
                         country=parts.country if parts else None, sector=parts.sector if parts else None,
                         code=parts.code if parts else None)
        actor = _actor_at(sentence, tokens[match.start:match.end], read)
        surname = tokens[match.end - 1].norm if entry.kind == "person" else None
        return Mention(actor.start, actor.end, sentence.index, actor, entry.kind, frozenset(offices), surname,
                       f"dictionary name '{entry.name}'")

    def _prefix_start(self, tokens: list[Token], start: int) -> int:
        """Where the titles and country words just before a name begin ("U.N. Secretary-General")."""
        first = start
        for j in range(start - 1, max(-1, start - 1 - _PREFIX_WORDS), -1):
            token = tokens[j]
            known = (self.dictionary.titles.match_at(tokens, j) or self.dictionary.agents.match_at(tokens, j)
                     or self.dictionary.actor_at(tokens, j))
            if known is not None and known.end <= start:
                first = j
            elif token.norm != POSSESSIVE and not token.capitalized:
                break
        return first

    def _country_agent(self, tokens: list[Token], match: Match,
                       sentence: Sentence) -> tuple[Mention, int] | None:
        """ "Fijian rebels", "Iraq's interim government", "Bosnian Serbs": a country word and the agent or
        people noun after it, when no name follows (that is a titled person, found at the title)."""
        j = match.end + (match.end < len(tokens) and tokens[match.end].norm == POSSESSIVE)
        for k in range(j, min(len(tokens), j + _GAP_WORDS + 1)):
            head = self.dictionary.agents.match_at(tokens, k) or self.dictionary.people_at(tokens, k)
            if head is not None:
                if head.end < len(tokens) and tokens[head.end].capitalized \
                        and tokens[head.end].norm not in self.phrase_words.not_names:
                    return self._agent_and_name(tokens, match.start, head, sentence)
                kind = "person" if tokens[head.end - 1].norm in self.person_nouns else "group"
                mention = self._read_span(tokens, match.start, head.end, sentence, kind)
                return (mention, head.end) if mention is not None else None
            if tokens[k].capitalized or self.dictionary.actor_at(tokens, k) is not None:
                return None
        return None

    def _agent_and_name(self, tokens: list[Token], start: int, head: Match,
                        sentence: Sentence) -> tuple[Mention, int] | None:
        """ "Kenyan activist Wanjiru Kamau", "Nigerian journalist Ade Bello": a country word, an agent noun
        that is no title and a name the dictionary does not know make one person, whom later short names,
        pronouns and possessives ("Kamau's lawyers") refer to. A title ("Kenyan President ...") is read at
        the title, with its office."""
        if self.dictionary.titles.match_at(tokens, head.start) is not None:
            return None
        name_end = self._name_end(tokens, head.end)
        if name_end - head.end < 2:
            return None
        read = self._read_phrase(sentence, tokens, start, name_end)
        if read is None or not read.country or not read.name:
            return None
        actor = _actor_at(sentence, tokens[start:name_end], read)
        mention = Mention(actor.start, actor.end, sentence.index, actor, "person",
                          surname=tokens[name_end - 1].norm,
                          reason=f"unknown person '{read.name}' after country and agent words")
        return mention, name_end

    def _name_end(self, tokens: list[Token], start: int) -> int:
        """The end of the run of capitalised words from `start` that are no dictionary name."""
        end = start
        not_names = self.phrase_words.not_names
        while end < len(tokens) and tokens[end].capitalized and tokens[end].norm not in not_names \
                and self.dictionary.actor_at(tokens, end) is None:
            end += 1
        return end

    def _body_person(self, tokens: list[Token], match: Match,
                     sentence: Sentence) -> tuple[Mention, int] | None:
        """ "a State Department official", "a Kremlin spokesman": one person of a body, told by the
        body's name and an agent noun of one person right after it (no name following), whom "the
        official" or "he" may refer to later."""
        head = self.dictionary.agents.match_at(tokens, match.end) if match.end < len(tokens) else None
        if head is None or tokens[head.end - 1].norm not in self.person_nouns:
            return None
        following = tokens[head.end] if head.end < len(tokens) else None
        if following is not None and following.capitalized and \
                following.norm not in self.phrase_words.not_names:
            return None  # "Kremlin spokesman Dmitry Peskov": a titled person, found at the title
        mention = self._read_span(tokens, match.start, head.end, sentence, "person")
        return (mention, head.end) if mention is not None else None

    def _read_span(self, tokens: list[Token], start: int, end: int, sentence: Sentence,
                   kind: str = "group") -> Mention | None:
        read = self._read_phrase(sentence, tokens, start, end)
        if read is None or not (read.country or read.sector):
            return None
        actor = _actor_at(sentence, tokens[start:end], read)
        return Mention(actor.start, actor.end, sentence.index, actor, kind,
                       reason="country and agent words")

    def _read_phrase(self, sentence: Sentence, tokens: list[Token], start: int, end: int) -> Actor | None:
        if self.read is None:
            return None
        return self.read(sentence.text[tokens[start].start:tokens[end - 1].end], self.when)

    def _unknown_person(self, tokens: list[Token], i: int, title: Match, name_end: int,
                        sentence: Sentence) -> Mention:
        """ "Iranian Foreign Minister Hossein Amir-Abdollahian": a person the dictionary does not know."""
        country = _country_before(self.dictionary, tokens, i)
        agent = self.dictionary.agents.match_at(tokens, title.start)
        sector = primary_sector(agent.value) if agent is not None else None
        name_tokens = tokens[title.end:name_end]
        name = " ".join(t.text for t in name_tokens)
        code = (country or "") + (sector or "") or None
        start, end = sentence.start + name_tokens[0].start, sentence.start + name_tokens[-1].end
        actor = Actor(text=sentence.text[name_tokens[0].start:name_tokens[-1].end], start=start, end=end,
                      name=name, country=country, sector=sector, code=code)
        title_text = " ".join(t.text for t in tokens[title.start:title.end])
        return Mention(start, end, sentence.index, actor, "person", frozenset({title.value}),
                       name_tokens[-1].norm, f"unknown person '{name}' titled '{title_text}'")


def _country_before(dictionary: ActorDictionary, tokens: list[Token], i: int) -> str | None:
    """A country adjective or possessive just before position i ("Iranian ...", "Jordan's ...")."""
    for back in (1, 2):
        j = i - back
        if j < 0:
            return None
        if tokens[j].norm == POSSESSIVE:
            continue
        match = dictionary.actor_at(tokens, j)
        if match is not None and match.value.kind == "country":
            code, _ = match.value.role_on(None)
            return dictionary.codes.split(code).country if code else None
        return None
    return None


def _titles_near(dictionary: ActorDictionary, tokens: list[Token], start: int, end: int) -> set[str]:
    """Offices named by a title inside a matched name or in the three words before it."""
    offices = set()
    for j in range(max(0, start - 3), end):
        title = dictionary.titles.match_at(tokens, j)
        if title is not None and title.end <= end:
            offices.add(title.value)
    return offices


def _actor_at(sentence: Sentence, tokens: list[Token], read: Actor) -> Actor:
    """The actor `read` found, placed at the mention's own words."""
    start, end = tokens[0].start, tokens[-1].end
    return Actor(text=sentence.text[start:end], start=sentence.start + start, end=sentence.start + end,
                 name=read.name, country=read.country, sector=read.sector, code=read.code, id=read.id)
