"""Per-article memory of who was mentioned where, from a cheap scan of every sentence.

No parse is needed: dictionary names and "Title Firstname Lastname" patterns are found by the
same longest-match lookups as in phrases. Later pronouns, titles and short names resolve to
the latest fitting mention before them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from eventwire.actors.codes import primary_sector
from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.text import POSSESSIVE, Token, tokenize
from eventwire.records import Actor, Document, Sentence

# Words that may follow a title but do not start a name.
_NOT_NAMES = frozenset({"the", "of", "and", "on", "in", "said", "says", "told", "who", "has", "had", "was"})


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


@dataclass
class ArticleContext:
    doc_id: str | None
    date: dt.date | None
    mentions: list[Mention] = field(default_factory=list)  # in document order
    main_country: str | None = None  # the country the article is most about

    def before(self, offset: int):
        """Mentions that end before `offset`, latest first."""
        for mention in reversed(self.mentions):
            if mention.end <= offset:
                yield mention


def scan_document(dictionary: ActorDictionary, doc: Document | None,
                  sentences: list[Sentence]) -> ArticleContext:
    context = ArticleContext(doc.id if doc else None, doc.date if doc else None)
    countries: Counter = Counter()
    for sentence in sentences:
        tokens = tokenize(sentence.text)
        i = 0
        while i < len(tokens):
            mention, i = _mention_at(dictionary, tokens, i, sentence, context.date)
            if mention is not None:
                context.mentions.append(mention)
                if mention.actor.country:
                    countries[mention.actor.country] += 1
    if countries:
        context.main_country = countries.most_common(1)[0][0]
    return context


def _mention_at(dictionary: ActorDictionary, tokens: list[Token], i: int, sentence: Sentence,
                when: dt.date | None) -> tuple[Mention | None, int]:
    match = dictionary.actor_at(tokens, i)
    if match is not None:
        entry = match.value
        code, why = entry.role_on(when)
        parts = dictionary.codes.split(code) if code else None
        offices = _titles_near(dictionary, tokens, match.start, match.end)
        day = (when or dt.date.today()).isoformat()
        offices |= {r.office for r in entry.roles if r.office and r.holds_on(day)}
        text_tokens = tokens[match.start:match.end]
        actor = _actor(sentence, text_tokens, entry.name, parts, entry.id)
        surname = text_tokens[-1].norm if entry.kind == "person" else None
        return Mention(actor.start, actor.end, sentence.index, actor, entry.kind, frozenset(offices),
                       surname, why), match.end
    title = dictionary.titles.match_at(tokens, i)
    if title is not None:
        name_end = title.end
        while name_end < len(tokens) and tokens[name_end].capitalized \
                and tokens[name_end].norm not in _NOT_NAMES and dictionary.actor_at(tokens, name_end) is None:
            name_end += 1
        if name_end - title.end >= 2:
            return _unknown_person(dictionary, tokens, i, title, name_end, sentence), name_end
    return None, i + 1


def _unknown_person(dictionary: ActorDictionary, tokens: list[Token], i: int, title, name_end: int,
                    sentence: Sentence) -> Mention:
    """ "Iranian Foreign Minister Hossein Amir-Abdollahian": a person the dictionary does not know."""
    country = _country_before(dictionary, tokens, i)
    agent = dictionary.agents.match_at(tokens, title.start)
    sector = primary_sector(agent.value) if agent is not None else None
    name_tokens = tokens[title.end:name_end]
    name = " ".join(t.text for t in name_tokens)
    code = (country or "") + (sector or "") or None
    start, end = sentence.start + name_tokens[0].start, sentence.start + name_tokens[-1].end
    actor = Actor(text=sentence.text[name_tokens[0].start:name_tokens[-1].end], start=start, end=end,
                  name=name, country=country, sector=sector, code=code)
    title_text = " ".join(t.text for t in tokens[title.start:title.end])
    return Mention(start, end, sentence.index, actor, "person", frozenset({title.value}),
                   name_tokens[-1].norm,
                   f"unknown person '{name}' titled '{title_text}'")


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


def _actor(sentence: Sentence, tokens: list[Token], name: str, parts, actor_id: str | None) -> Actor:
    start, end = tokens[0].start, tokens[-1].end
    return Actor(text=sentence.text[start:end], start=sentence.start + start, end=sentence.start + end,
                 name=name, country=parts.country if parts else None, sector=parts.sector if parts else None,
                 code=parts.code if parts else None, id=actor_id)
