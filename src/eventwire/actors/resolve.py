"""Who an argument phrase is: canonical name, ISO3 country, sector, code and id on the event's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.actors.codes import primary_sector
from eventwire.actors.context import ArticleContext, Mention, identity, scan_document
from eventwire.actors.dictionary import ActorDictionary, DictionaryActor
from eventwire.actors.phrase import Conjunct, PhraseWords, conjunct_office, split_conjuncts
from eventwire.actors.places import PlaceLookup
from eventwire.actors.text import POSSESSIVE, tokenize
from eventwire.records import Actor, Document, Sentence

if TYPE_CHECKING:
    from eventwire.actors.words import ActorWords

# Entity labels of the parse under which capitalised words are not looked up as places.
NOT_PLACES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


@dataclass
class ResolvedActor:
    actor: Actor  # text/start/end are document offsets of the mention
    reasons: list[str]
    confidence: float  # 0..1
    kind: str = "group"  # person, group, country, igo, ngo, mnc: what later pronouns may refer to
    country_from_article: bool = False  # the country is the article's main one, not the phrase's


@dataclass
class _Reading:
    """What one conjunct says: filled step by step, turned into a ResolvedActor at the end."""

    country: str | None = None
    sector: str | None = None
    code: str | None = None
    name: str | None = None
    id: str | None = None
    confidence: float = 0.0
    borrowable: bool = False  # a bare country adjective that may share the sector of the next conjunct
    name_span: tuple[int, int] | None = None  # offsets in the phrase of an unknown person's name
    kind: str = "group"
    country_from_article: bool = False  # the country is the article's, not the phrase's


class ActorResolver:
    def __init__(self, dictionary: ActorDictionary, places: PlaceLookup, words: ActorWords,
                 phrase_words: PhraseWords):
        self.dictionary = dictionary
        self.places = places
        self.words = words
        self.phrase_words = phrase_words
        self._read_once = lru_cache(maxsize=4096)(self._read_on)

    def start_document(self, doc: Document, sentences: list[Sentence]) -> ArticleContext:
        """Scan the whole article once (string matching, no parse) for later pronouns, titles, short names."""
        return scan_document(self.dictionary, self.words.person_agent_nouns, self.phrase_words, doc,
                             sentences, self._read_alone)

    def resolve(self, span, sentence: Sentence, when: dt.date | None,
                context: ArticleContext | None) -> list[ResolvedActor]:
        """`span`: a spaCy Span of one argument phrase in the parse of `sentence.text`. What it resolves to
        is remembered in `context` for later pronouns and short names."""
        offset = span.start_char
        entities = [(e.start_char - offset, e.end_char - offset, e.label_) for e in span.ents]
        coordinated = _coordinated_mention(span, sentence, context)
        found = self._resolve_phrase(span.text, sentence.start + span.start_char, when, context, entities,
                                     coordinated)
        if context is not None:
            for resolved in found:
                _remember(context, resolved, sentence.index, self.words.person_agent_nouns)
        return found

    def _read_alone(self, text: str, when: dt.date | None) -> Actor | None:
        """The actor a phrase names out of context: its last conjunct (the scan reads one phrase). Read once
        per phrase and date, no date meaning today: the scan meets the same phrases in article after article
        ("ISIS", "Syrian"), and only reads the Actor it gets."""
        return self._read_once(text, when or dt.date.today())

    def _read_on(self, text: str, day: dt.date) -> Actor | None:
        found = self._resolve_phrase(text, 0, day, None)
        return found[-1].actor if found else None

    def resolve_text(self, text: str, when: dt.date | None = None) -> list[ResolvedActor]:
        """Resolve a phrase out of context (offsets relative to `text`)."""
        return self._resolve_phrase(text, 0, when, None)

    def _resolve_phrase(self, text: str, base: int, when: dt.date | None, context: ArticleContext | None,
                        entities: list[tuple[int, int, str]] = (),
                        coordinated: Mention | None = None) -> list[ResolvedActor]:
        """`entities`: (start, end, label) of the parser's named entities, offsets in `text`; `coordinated`:
        what the phrase this one is coordinated with resolved to ("Israeli helicopters" for "tanks")."""
        tokens = tokenize(text)
        if not tokens:
            return []
        when = when or (context.date if context else None)
        alone = tokens[0].norm if len(tokens) == 1 else None
        words = self.words
        if context is not None and (alone in words.person_pronouns or alone in words.group_pronouns):
            return self._pronoun(text, base, tokens[0].norm, context)
        conjuncts = split_conjuncts(tokens, self.dictionary, self.phrase_words)
        for conjunct in conjuncts:
            conjunct.label_entities(entities)
        readings = []
        for conjunct in conjuncts:
            reasons: list[str] = []
            reading = self._read(conjunct, when, context, base, reasons, coordinated)
            readings.append((conjunct, reading, reasons))
        _share_sector(readings)
        _share_country(readings)
        found = []
        for conjunct, reading, reasons in readings:
            if reading is not None:
                found.append(self._finish(text, base, conjunct, reading, reasons))
            elif context is not None:
                found += self._owner_of_thing(text, base, conjunct, context)
        return found

    def _read(self, conjunct: Conjunct, when: dt.date | None, context: ArticleContext | None, base: int,
              reasons: list[str], coordinated: Mention | None = None) -> _Reading | None:
        if _head_word(conjunct) in self.words.follower_nouns and conjunct.named():
            return self._followers(conjunct, when, reasons)
        named_head = [(i, a) for i, a in conjunct.named() if conjunct.in_head(i)]
        if named_head and _country_ends_head(conjunct, named_head[-1][0]):
            reasons.append(f"'{conjunct.text_at(named_head[-1][0])}' only qualifies the country after it")
            named_head = []
        namesake = bool(named_head) and self._unsupported_namesake(conjunct, *named_head[-1], when, context,
                                                                   reasons)
        if named_head and not namesake and not self._contradicted(conjunct, *named_head[-1], when, reasons):
            return self._from_entry(named_head[-1][1], conjunct, when, reasons)
        reading = _Reading()
        agent = conjunct.sector_agent() if not _country_ends_head(conjunct, -1) else None
        if agent is not None:
            reading.sector = primary_sector(agent[0])
            reasons.append(f"sector {reading.sector} from agent '{agent[1]}'")
        elif any(conjunct.in_head(i) for i, _, _ in conjunct.peoples):
            reading.sector = "CVL"
            reasons.append("sector CVL: a people, no agent noun")
        self._country_of(conjunct, reading, when, reasons, context, base)
        self._capital(conjunct, reading, reasons)
        named_mod = [] if namesake else conjunct.named()
        if reading.country is None and named_mod:
            return self._from_entry(named_mod[-1][1], conjunct, when, reasons, sector=reading.sector)
        known = self._person_by_name_parts(conjunct)
        if known is not None:
            reasons.append(f"name '{known[1]}' matches known person '{known[0].name}' by first and last word")
            return self._from_entry(known[0], conjunct, when, reasons)
        if reading.country is None and context is not None and self._capital_alone(conjunct, reading, context,
                                                                                   reasons):
            return reading
        if reading.country is None and context is not None:
            antecedent = described_antecedent(conjunct, base, context, reasons, self.words.person_agent_nouns)
            if antecedent is not None:
                return antecedent
            antecedent = self._title_or_name_antecedent(conjunct, base, context, when, reasons)
            if antecedent is not None:
                return _of_the_article(antecedent, context, reasons)
        if reading.country is None and reading.sector is None:
            return None
        self._unknown_person(conjunct, reading, reasons)
        reading.confidence = 0.8 if reading.country and reading.sector else 0.6
        if reading.country is None and context is not None:
            self._country_from_context(conjunct, reading, base, context, reasons, coordinated)
        reading.code = (reading.country or "") + (reading.sector or "") or None
        reading.borrowable = reading.sector is None and not conjunct.names
        return reading

    def _followers(self, conjunct: Conjunct, when: dt.date | None, reasons: list[str]) -> _Reading:
        """ "supporters of X", "Hamas supporters": civilians of X's country, not X."""
        entry = conjunct.named()[-1][1]
        followed = self._from_entry(entry, conjunct, when, [])
        reading = _Reading(country=followed.country, sector="CVL", confidence=0.7)
        reading.code = (reading.country or "") + "CVL"
        reasons.append(f"'{_head_word(conjunct)}' of {entry.name}: civilians of {reading.country}, "
                       f"not {entry.name} itself")
        return reading

    def _from_entry(self, entry: DictionaryActor, conjunct: Conjunct, when: dt.date | None,
                    reasons: list[str],
                    sector: str | None = None) -> _Reading:
        code, why = entry.role_on(when)
        parts = self.dictionary.codes.split(code) if code else None
        reading = _Reading(name=entry.name, id=entry.id, confidence=0.9 if entry.kind != "mnc" else 0.7,
                           kind=entry.kind)
        if parts is not None:
            reading.country, reading.sector, reading.code = parts.country, parts.sector, parts.code
        reasons.append(f"'{entry.name}' -> {reading.code}: {why}")
        self._body_agent(conjunct, entry, reading, reasons)
        self._apply_title(conjunct, entry, reading, reasons)
        if reading.sector is None and sector and entry.kind == "country":
            reading.sector = sector
            reading.code = (reading.country or "") + sector
        if reading.country is None and entry.kind == "person":
            self._country_of(conjunct, reading, when, reasons)
            reading.code = (reading.country or "") + (reading.code or "")
        reading.borrowable = entry.kind == "country" and reading.sector is None
        return reading

    def _apply_title(self, conjunct: Conjunct, entry: DictionaryActor, reading: _Reading,
                     reasons: list[str]) -> None:
        """A title in the phrase says what the person is at the time of writing: "President Bush" is GOV
        even where the dictionary's dates say otherwise, "former President Bush" ELI. An official of an
        international body ("UN Secretary-General ...", "NATO troops") takes the sector of the office."""
        if entry.kind == "person" and reading.country and self._government_of(conjunct, reading, reasons):
            return
        if entry.kind == "person" and self._agent_before_name(conjunct, reading, reasons):
            return
        office = conjunct_office(conjunct, self.dictionary)
        if office is None:
            return
        words, former = office
        if entry.kind == "person" and reading.sector in ("IGO", "NGO") and not former:
            reading.sector = "GOV"
            reasons.append(f"title '{words}' of an official of {reading.code}: sector GOV")
        elif entry.kind == "person" and reading.country:
            sector = "ELI" if former else "GOV"
            if reading.sector != sector and (former or reading.sector in (None, "ELI")):
                reading.sector, reading.code = sector, reading.country + sector
                reasons.append(f"title '{words}' in the phrase: sector {sector}")
        elif entry.kind in ("igo", "ngo") and not former:
            reading.sector = "GOV"
            reasons.append(f"title '{words}' of {entry.name}: sector GOV")

    def _agent_before_name(self, conjunct: Conjunct, reading: _Reading, reasons: list[str]) -> bool:
        """ "opposition leader Juan Guaido", "rebel commander X": a strong agent noun before a known person
        names what they are now when their dated role says nothing (ELI) or the noun marks them as
        opposition or rebel."""
        named = [i for i, a in conjunct.named() if a.kind == "person"]
        agents = [(i, primary_sector(code), weak) for i, code, weak in conjunct.agents]
        before = [(i, sector) for i, sector, weak in agents
                  if not weak and named and i < named[-1] and sector and sector not in ("GOV", "ELI")]
        if not before or not reading.country:
            return False
        index, sector = before[-1]
        if sector == reading.sector or not (reading.sector in (None, "ELI") or sector in ("OPP", "REB")):
            return False
        reading.sector, reading.code = sector, reading.country + sector
        reasons.append(f"'{conjunct.text_at(index)}' before the name: sector {sector}")
        return True

    def _government_of(self, conjunct: Conjunct, reading: _Reading, reasons: list[str]) -> bool:
        """ "the Bush administration", "the Assad regime": a leader's name before a government noun
        (inside the dictionary name or after it) is that country's government, whatever the leader's role
        on the date."""
        for token in conjunct.tokens[1:conjunct.head_end]:
            if token.norm in self.words.government_nouns:
                reading.sector, reading.code = "GOV", reading.country + "GOV"
                reading.name = reading.id = None  # the government, not the person
                reasons.append(f"'{token.text}' of a leader: the government, sector GOV")
                return True
        return False

    @staticmethod
    def _body_agent(conjunct: Conjunct, entry: DictionaryActor, reading: _Reading,
                    reasons: list[str]) -> None:
        """ "NATO troops", "UN aid workers": people of an international body take the sector of the noun."""
        agent = conjunct.sector_agent()
        if entry.kind in ("igo", "ngo") and agent is not None:
            reading.sector = primary_sector(agent[0])
            reasons.append(f"sector {reading.sector} from agent '{agent[1]}' of {entry.name}")

    def _country_of(self, conjunct: Conjunct, reading: _Reading, when: dt.date | None,
                    reasons: list[str], context: ArticleContext | None = None, base: int = 0) -> None:
        """Country from a country name or adjective in the head, a people in the head ("Nigerians"),
        a country in the modifiers, the person a possessive name refers to ("Wong's lawyers"), a place in
        the modifiers; an ethnic group with none of these takes the article's main country, else the
        group's own."""
        countries = conjunct.countries()
        head = [(i, e) for i, e in countries if conjunct.in_head(i)]
        nationals = [(i, c) for i, c, ethnic in conjunct.peoples if not ethnic and conjunct.in_head(i)]
        if head or nationals:
            self._country_from(conjunct, head, nationals, reading, when, reasons)
            return
        if countries:
            self._country_from(conjunct, countries, [], reading, when, reasons)
            return
        if context is not None and _country_of_possessor(conjunct, reading, base, context, reasons):
            return
        if self._country_from_place(conjunct, reading, reasons):
            return
        if conjunct.peoples:
            index, country, ethnic = conjunct.peoples[-1]
            if ethnic and context is not None and context.main_country:
                reading.country = context.main_country
                reasons.append(f"ethnic group '{conjunct.text_at(index)}': the article's main country "
                               f"{reading.country}")
            else:
                reading.country = country
                reasons.append(f"country {country} of the people '{conjunct.text_at(index)}'")

    def _country_from(self, conjunct: Conjunct, countries: list[tuple[int, DictionaryActor]],
                      nationals: list[tuple[int, str]], reading: _Reading, when: dt.date | None,
                      reasons: list[str]) -> None:
        if countries:
            # "Turkey's rival Greece", "Russia's ally Belarus": a country name closing the head is what
            # the phrase is; the possessive before it only describes it
            closing = [(i, e) for i, e in countries[1:] if conjunct.ends.get(i) == conjunct.head_end
                       and not _is_adjective(conjunct.tokens[i])]
            index, entry = closing[-1] if closing else countries[0]
            code, _ = entry.role_on(when)
            if code:
                reading.country = self.dictionary.codes.split(code).country
                reasons.append(f"country {reading.country} from '{conjunct.text_at(index)}'")
            return
        index, country = nationals[0]
        reading.country = country
        reasons.append(f"country {country} of the people '{conjunct.text_at(index)}'")

    def _country_from_place(self, conjunct: Conjunct, reading: _Reading, reasons: list[str]) -> bool:
        """A gazetteer place among the capitalised words. Acronyms ("EU", "FAO") and names right after a
        title ("President Bush") are not looked up: they are bodies and people, not villages."""
        title_ends = {conjunct.ends[i] for i, _ in conjunct.titles}
        for index, name in reversed(conjunct.names):
            acronym = len(name) == 1 and name[0].upper and len(name[0].norm) <= 5
            if acronym or index in title_ends or conjunct.labels.get(index) in NOT_PLACES \
                    or self._not_a_place_name(conjunct, name):
                continue
            text = " ".join(t.text for t in name)
            place = self.places.country_of(text)
            if place is not None:
                reading.country = place
                conjunct.places.add(index)
                reasons.append(f"country {place} from place '{text}' (gazetteer)")
                return True
        return False

    @staticmethod
    def _not_a_place_name(conjunct: Conjunct, name: list) -> bool:
        """ "Most of the victims": a capitalised quantity word opening a sentence is no town."""
        return all(t.norm in conjunct.words.quantity_words | conjunct.words.determiners for t in name)

    def _capital(self, conjunct: Conjunct, reading: _Reading, reasons: list[str]) -> None:
        """ "Washington said", "talks with Beijing": a capital city alone stands for the government."""
        countries = conjunct.countries()
        if reading.sector or len(countries) != 1 or conjunct.agents or conjunct.names or conjunct.peoples:
            return
        index, _ = countries[0]
        key = " ".join(t.norm for t in conjunct.tokens[index:conjunct.ends.get(index, index + 1)])
        if key in self.dictionary.capitals and index == 0 and conjunct.ends.get(index) == conjunct.head_end:
            reading.sector = "GOV"
            reasons.append(f"capital '{conjunct.text_at(index)}' alone stands for the government: sector GOV")

    def _capital_alone(self, conjunct: Conjunct, reading: _Reading, context: ArticleContext,
                       reasons: list[str]) -> bool:
        """ "the capital" with no country of its own is the capital of the article's main country: a
        place, so the country without a sector ("the capital was shelled"), never an earlier phrase that
        happens to end with the word."""
        tokens = conjunct.tokens
        if (len(tokens) != 2 or tokens[0].norm != "the" or tokens[1].norm not in self.places.capital_nouns
                or not context.main_country or reading.sector):
            return False
        reading.country = reading.code = context.main_country
        reading.confidence = 0.55
        reasons.append(f"'{conjunct.text_at(1)}' is the capital of the article's main country "
                       f"{reading.country}")
        return True

    def _contradicted(self, conjunct: Conjunct, index: int, entry: DictionaryActor, when: dt.date | None,
                      reasons: list[str]) -> bool:
        """ "King Hassan of Morocco", "Tanzanian President Samia Suluhu Hassan": a one-word alias of a person
        or of a family or group of people whose country the phrase contradicts."""
        if entry.kind not in ("person", "group") or conjunct.ends.get(index, index + 1) - index != 1:
            return False
        code, _ = entry.role_on(when)
        own = self.dictionary.codes.split(code).country if code else None
        for _, country in conjunct.countries():
            stated = self.dictionary.codes.split(country.default or "").country
            if stated and stated != own:
                reasons.append(f"'{conjunct.text_at(index)}' is not {entry.name} ({own}): "
                               f"the phrase says {stated}")
                return True
        return False

    def _unsupported_namesake(self, conjunct: Conjunct, index: int, entry: DictionaryActor,
                              when: dt.date | None, context: ArticleContext | None,
                              reasons: list[str]) -> bool:
        """A bare one-word name of a family ("Hassan") holding no office on the day, in an article that never
        names that family's country: a namesake, not a known actor. (A person's one-word alias, "Trump"
        between two terms, stays that person.)"""
        if context is None or entry.kind != "group" or len(conjunct.tokens) != 1:
            return False
        day = (when or context.date or dt.date.today()).isoformat()
        if conjunct.ends.get(index, index + 1) - index != 1 or any(r.holds_on(day) for r in entry.roles):
            return False
        code, _ = entry.role_on(when)
        country = self.dictionary.codes.split(code).country if code else None
        if country is None or any(m.actor.country == country for m in context.mentions
                                  if m.actor.name != entry.name):
            return False
        reasons.append(f"'{conjunct.text_at(index)}' alone is a common name: {entry.name} ({country}) holds "
                       f"no office then and the article names no {country} actor")
        return True

    def _person_by_name_parts(self, conjunct: Conjunct) -> tuple[DictionaryActor, str] | None:
        people = [name for i, name in conjunct.names if conjunct.in_head(i) and len(name) >= 2]
        if not people:
            return None
        words = [t.norm for t in people[-1]]
        entry = self.dictionary.person_by_name_parts(words)
        return (entry, " ".join(t.text for t in people[-1])) if entry is not None else None

    def _unknown_person(self, conjunct: Conjunct, reading: _Reading, reasons: list[str]) -> None:
        """Capitalised words in the head after an agent or title: a person the dictionary does not know."""
        owner = _possessor_name(conjunct)  # "Wong" of "Wong's lawyers" is whom they act for
        people = [(i, name) for i, name in conjunct.names
                  if (conjunct.in_head(i) or _closing_apposition(conjunct, i, name))
                  and i not in conjunct.places and name is not owner and _may_be_person(conjunct, i)]
        if not people or not (conjunct.agents or conjunct.titles):
            return
        name = people[-1][1]
        reading.name_span = (name[0].start, name[-1].end)
        reading.kind = "person"
        reasons.append(f"unknown person '{' '.join(t.text for t in name)}': country and sector from the "
                       f"words around the name")

    def _title_or_name_antecedent(self, conjunct: Conjunct, base: int, context: ArticleContext,
                                  when: dt.date | None, reasons: list[str]) -> _Reading | None:
        offset = base + conjunct.start
        if conjunct.titles:
            office = conjunct.titles[-1][1]
            for mention in context.before(offset):
                if _fits_office(mention, office):
                    reasons.append(f"title '{office}' refers to {_describe(mention)}")
                    return _from_mention(mention, 0.75)
            holder = self._office_holder(context, office, when)
            if holder is not None and not _names_another(conjunct, holder):
                reasons.append(f"title '{office}' of {context.main_country}, the article's main country: "
                               f"held by {holder.name} on {(when or dt.date.today()).isoformat()}")
                return self._from_entry(holder, conjunct, when, reasons)
        if len(conjunct.names) == 1 and not conjunct.agents:
            name = conjunct.names[0][1]
            mention = next((m for m in context.before(offset) if _short_name_of(m, name)), None)
            if mention is not None:
                reasons.append(f"short name '{name[-1].text}' refers to {_describe(mention)}")
                return _from_mention(mention, 0.75)
        return None

    def _country_from_context(self, conjunct: Conjunct, reading: _Reading, base: int, context: ArticleContext,
                              reasons: list[str], coordinated: Mention | None = None) -> None:
        """ "their forces": the country of whom the possessive refers to; else an agent, title or unnamed
        person with no country takes the article's main country ("police" in a story about Kenya)."""
        owner = conjunct.tokens[0].norm
        if owner in self.words.possessive_pronouns:
            person = owner in self.words.person_pronouns
            wanted = ("person",) if person else ("group", "country", "igo", "ngo")
            for mention in context.before(base + conjunct.tokens[0].start):
                if mention.kind in wanted and mention.actor.country:
                    reading.country = mention.actor.country
                    reasons.append(f"'{conjunct.tokens[0].text}' refers to {_describe(mention)}: "
                                   f"country {reading.country}")
                    return
        if coordinated is not None and coordinated.actor.country and not coordinated.actor.name:
            reading.country = coordinated.actor.country
            reasons.append(f"country {reading.country} shared with the coordinated {_describe(coordinated)}")
            return
        foreigners = _foreigners(conjunct, self.words.foreigner_nouns)
        if foreigners is not None:
            reasons.append(f"'{foreigners}' are where they are as foreigners: not of the article's main "
                           "country")
            return
        if context.main_country and reading.sector not in ("IGO", "NGO"):
            reading.country = context.main_country
            reading.country_from_article = True
            reading.confidence = 0.55
            reasons.append(f"no country in the phrase: the article's main country {reading.country}")

    def _office_holder(self, context: ArticleContext, office: str,
                       when: dt.date | None) -> DictionaryActor | None:
        if context.main_country is None:
            return None
        return self.dictionary.office_holder(context.main_country, office, when)

    def _pronoun(self, text: str, base: int, pronoun: str, context: ArticleContext,
                 owner: bool = False) -> list[ResolvedActor]:
        """The mention a pronoun refers to. An object pronoun is never the act's own source ("him" is not
        "himself"); a possessive may be ("Khan visited his home")."""
        person = pronoun in self.words.person_pronouns
        excluded = context.not_referred_to if person and not owner else frozenset()
        wanted = ("person",) if person else ("group", "country", "igo", "ngo", "mnc")
        if pronoun in self.words.plural_pronouns:
            together = _coordinated_before(context, base)
            if together:
                return [_mention_result(text, base, m, f"'{text}' refers to {_describe(m)}", 0.6)
                        for m in together]
        for mention in context.before(base):
            if mention.kind in wanted and identity(mention.actor) not in excluded:
                reason = f"pronoun '{text}' refers to {_describe(mention)}"
                return [_person_of_the_article(_mention_result(text, base, mention, reason, 0.6), context)]
        return []

    def _owner_of_thing(self, text: str, base: int, conjunct: Conjunct,
                        context: ArticleContext) -> list[ResolvedActor]:
        """ "police seized her laptop", "jets bombed their positions": a belonging that names no one, owned
        by whom a possessive pronoun refers to, stands for its owner: the party acted on."""
        owner = conjunct.tokens[0]
        if owner.norm not in self.words.possessive_pronouns or \
                _head_word(conjunct) not in self.words.belonging_nouns:
            return []
        start, end = owner.start, conjunct.end
        found = []
        for resolved in self._pronoun(owner.text, base + owner.start, owner.norm, context, owner=True):
            actor = replace(resolved.actor, text=text[start:end], start=base + start, end=base + end)
            reasons = [f"'{text[start:end]}' names no one: its owner, as {resolved.reasons[0]}"]
            found.append(ResolvedActor(actor, reasons, resolved.confidence, resolved.kind))
        return found

    def _finish(self, text: str, base: int, conjunct: Conjunct, reading: _Reading,
                reasons: list[str]) -> ResolvedActor:
        start, end = conjunct.start, conjunct.end
        name = text[reading.name_span[0]:reading.name_span[1]] if reading.name_span else reading.name
        if name is None and reading.country and not reading.sector:
            name = self.dictionary.country_names.get(reading.country)
        actor = Actor(text=text[start:end], start=base + start, end=base + end, name=name,
                      country=reading.country, sector=reading.sector, code=reading.code, id=reading.id)
        return ResolvedActor(actor, reasons, reading.confidence, reading.kind, reading.country_from_article)


def _country_ends_head(conjunct: Conjunct, named_index: int) -> bool:
    """ "NATO-member Norway", "EU member Hungary": a country name closes the head after the named actor
    (any word before it when `named_index` is -1) and is what the phrase is."""
    return any(named_index < i and i > 0 and conjunct.ends.get(i) == conjunct.head_end
               and not _is_adjective(conjunct.tokens[i]) for i, _ in conjunct.countries())


def _is_adjective(token) -> bool:
    """Country adjectives and demonyms end so ("Iraqi", "Syrian", "Chinese", "Turkish"); names rarely do."""
    return token.norm.endswith(("i", "an", "ese", "ish", "ch", "ans", "is"))


def _remember(context: ArticleContext, resolved: ResolvedActor, sentence_index: int,
              person_nouns: frozenset[str]) -> None:
    """A resolved phrase that names someone becomes a mention later pronouns and short names can use (a
    group named by one of `person_nouns`, "the official", as a person)."""
    actor = resolved.actor
    if resolved.kind == "country" or not (actor.name or (actor.country and actor.sector)):
        return
    name_words = tokenize(actor.name) if resolved.kind == "person" and actor.name else []
    surname = name_words[-1].norm if name_words else None
    words = tokenize(actor.text)
    one_person = resolved.kind == "group" and bool(words) and words[-1].norm in person_nouns
    kind = "person" if one_person else resolved.kind
    context.add(Mention(actor.start, actor.end, sentence_index, actor, kind, surname=surname,
                        reason="resolved argument"))


def _possessor_name(conjunct: Conjunct) -> list | None:
    """The capitalised words no dictionary knows right before a possessive "'s" in the head: "Wong" in
    "Wong's son Kai", "Jimmy Wong" in "Jimmy Wong's legal team"."""
    for index, name in conjunct.names:
        after = index + len(name)
        if conjunct.in_head(after) and conjunct.tokens[after].norm == POSSESSIVE:
            return name
    return None


def _country_of_possessor(conjunct: Conjunct, reading: _Reading, base: int, context: ArticleContext,
                          reasons: list[str]) -> bool:
    """ "Wong's son", "Wong's lawyers": relatives and representatives act for the person of that name
    named before in the article, and take their country (before any town of that name)."""
    name = _possessor_name(conjunct)
    possessor = _possessor_mention(name, base + conjunct.tokens[0].start, context) if name else None
    if possessor is None:
        return False
    reading.country = possessor.actor.country
    reasons.append(f"'{' '.join(t.text for t in name)}' refers to {_describe(possessor)}: "
                   f"country {reading.country}")
    return True


def _possessor_mention(name: list, offset: int, context: ArticleContext) -> Mention | None:
    """The person of a country named before `offset` whom the possessive name refers to (`_short_name_of`);
    None when there is none."""
    return next((m for m in context.before(offset)
                 if m.kind == "person" and m.actor.country and _short_name_of(m, name)), None)


def _short_name_of(mention: Mention, name: list) -> bool:
    """Whether the capitalised words `name` name the person of `mention` short: by the family name ("Wong"
    after "Jimmy Wong"), or by the first word of a dictionary person's name that puts the family name
    first ("Kim" after "Kim Jong Un", "Xi" after "Xi Jinping"; a one-word name only)."""
    last = name[-1]
    if mention.surname == last.norm:
        return True
    if len(name) != 1 or mention.kind != "person" or not mention.actor.name:
        return False
    words = tokenize(mention.actor.name)
    return len(words) >= 2 and words[0].norm == last.norm


def _head_word(conjunct: Conjunct) -> str:
    return conjunct.tokens[conjunct.head_end - 1].norm


def _foreigners(conjunct: Conjunct, nouns: frozenset[str]) -> str | None:
    """The head noun of a phrase that names people as foreigners ("migrants", "asylum seekers"), else None."""
    head = conjunct.tokens[max(conjunct.head_end - 2, 0):conjunct.head_end]
    for words in (head, head[-1:]):
        if " ".join(t.norm for t in words) in nouns:
            return " ".join(t.text for t in words)
    return None


def _may_be_person(conjunct: Conjunct, index: int) -> bool:
    """A capitalised run is a name when the parser says PERSON, or, without that label, when an agent or
    title stands right before it ("Minister Tran Xuan Gia") or in apposition ("foreign minister, Karim
    Haddadin"); not "Right-wing" opening a phrase."""
    label = conjunct.labels.get(index)
    if label is not None:
        return label == "PERSON"
    described = [i for i, _, _ in conjunct.agents] + [i for i, _ in conjunct.titles + conjunct.actors]
    starts = {index}
    if index > 0 and conjunct.tokens[index - 1].text == ",":
        starts.add(index - 1)
    if described and any(_closing_apposition(conjunct, i, name) for i, name in conjunct.names if i == index):
        return True  # "Chile's ambassador to Peru, Jorge Rivas": the name the whole description is of
    return any(conjunct.ends.get(j) in starts for j in described)


def _closing_apposition(conjunct: Conjunct, index: int, name: list) -> bool:
    """A name after a comma that closes the phrase, in apposition to its head and its modifiers ("the
    ambassador of Chile, Jorge Rivas")."""
    return index > 0 and conjunct.tokens[index - 1].text == "," and index + len(name) == len(conjunct.tokens)


def _coordinated_mention(span, sentence: Sentence, context: ArticleContext | None) -> Mention | None:
    """The mention of the phrase a coordinated phrase joins in the parse ("tanks" in "Israeli helicopters
    and tanks" joins "helicopters"), when that phrase was resolved before."""
    root = span.root
    if context is None or root.dep_ != "conj":
        return None
    offset = sentence.start + root.head.idx
    return next((m for m in context.mentions if m.start <= offset < m.end), None)


def _share_country(readings: list[tuple[Conjunct, _Reading | None, list[str]]]) -> None:
    """ "Israeli helicopters and tanks": a conjunct with no country of its own takes the country of the
    conjunct before it, rather than the article's."""
    previous = None
    for _, reading, reasons in readings:
        if reading is None:
            continue
        if reading.country_from_article and previous is not None:
            reading.country, reading.country_from_article = previous.country, False
            reading.code = (reading.country or "") + (reading.sector or "")
            reasons.append(f"country {reading.country} shared with the coordinated phrase before it")
        elif reading.country and not reading.country_from_article and not reading.name:
            previous = reading


def _share_sector(readings: list[tuple[Conjunct, _Reading | None, list[str]]]) -> None:
    """ "Hungarian and Romanian officials": a bare country shares the sector of the last conjunct."""
    if len(readings) < 2 or readings[-1][1] is None:
        return
    last_conjunct, last, _ = readings[-1]
    if not last.sector or last.name or not last_conjunct.countries():
        return
    for _, reading, reasons in readings[:-1]:
        if reading is not None and reading.borrowable:
            reading.sector = last.sector
            reading.code = (reading.country or "") + last.sector
            reading.name = None
            shared_with = last_conjunct.tokens[-1].text
            reasons.append(f"sector {last.sector} shared with the coordinated '{shared_with}'")


def described_antecedent(conjunct: Conjunct, base: int, context: ArticleContext, reasons: list[str],
                         person_nouns: frozenset[str]) -> _Reading | None:
    """ "the court", "the court's president", "the agency": a definite description with no name of its
    own refers to the body named before whose name ends with the same noun ("the United Nations'
    highest court", "the U.N. Refugee Agency"), never to the article's main country."""
    noun = _described_noun(conjunct)
    if noun is None:
        return None
    one_person = noun in person_nouns  # "the official": a person described before ("a State
    # Department official"), never the body itself
    for mention in context.before(base + conjunct.tokens[0].start):
        if mention.kind == "country" or (mention.kind == "person") != one_person or \
                not (mention.actor.country or mention.actor.code):
            continue  # decided before the mention's words are read: this runs over every earlier mention
        words = tokenize(mention.actor.text)
        if words and words[-1].norm == noun:
            reasons.append(f"'the {noun}' describes {_describe(mention)} named before")
            return _from_mention(mention, 0.7)
    return None


def _described_noun(conjunct: Conjunct) -> str | None:
    """The noun of "the <noun>" or "the <noun>'s ..." when the phrase names no body itself (an unknown
    person in apposition may follow: "the court's president, Judge X")."""
    tokens = conjunct.tokens
    if len(tokens) < 2 or tokens[0].norm != "the" or conjunct.actors or conjunct.peoples:
        return None
    possessive = next((i for i, t in enumerate(tokens) if t.norm == POSSESSIVE), None)
    if possessive is not None:
        return tokens[possessive - 1].norm if possessive >= 2 else None
    return tokens[conjunct.head_end - 1].norm if conjunct.head_end >= 2 else None


def _fits_office(mention: Mention, office: str) -> bool:
    if office == "minister":
        return any(o.endswith("minister") for o in mention.offices)
    if office == "leader":
        return mention.kind == "person" and bool(mention.offices)
    return office in mention.offices


def _coordinated_before(context: ArticleContext, offset: int) -> list[Mention]:
    """Two or more actors named earlier in the same sentence ("X met Y ... and they agreed")."""
    same = [m for m in context.before(offset)]
    if not same:
        return []
    sentence = same[0].sentence_index
    found = [m for m in same if m.sentence_index == sentence]
    unique = {m.actor.code or m.actor.name: m for m in reversed(found)}
    return list(unique.values()) if len(unique) >= 2 else []


def _describe(mention: Mention) -> str:
    return f"'{mention.actor.text}' at {mention.start} ({mention.actor.name}, {mention.actor.code})"


def _from_mention(mention: Mention, confidence: float) -> _Reading:
    a = mention.actor
    return _Reading(country=a.country, sector=a.sector, code=a.code, name=a.name, id=a.id,
                    confidence=confidence, kind=mention.kind)


def _names_another(conjunct: Conjunct, holder: DictionaryActor) -> bool:
    """ "Foreign Minister Issa X" when the office's holder is someone else: a name after the title that is
    not the holder's says the phrase is another person (of another country, or the dictionary's dates
    are out of step), never the holder."""
    holder_words = {t.norm for t in tokenize(holder.name or "")}
    return any(not holder_words & {t.norm for t in name} for _, name in conjunct.names)


# Sectors of bodies that belong to no country: a mention of one never takes the article's.
_BODY_SECTORS = frozenset({"IGO", "NGO", "MNC"})


def _unknown_of_no_country(country: str | None, entry_id: str | None, sector: str | None,
                           code: str | None) -> bool:
    """An unknown person or agent of a country's own kind whose mention was remembered before its country
    was given ("Prime Minister X" first read with no country, the article's main country added after)."""
    return country is None and entry_id is None and sector is not None and sector not in _BODY_SECTORS \
        and (code or "")[:3] not in _BODY_SECTORS


def _of_the_article(reading: _Reading, context: ArticleContext, reasons: list[str]) -> _Reading:
    """A short name or a title referring to such a mention ("Conde" after "President Alpha Conde") takes
    the article's main country, as the full mention did."""
    unknown = _unknown_of_no_country(reading.country, reading.id, reading.sector, reading.code)
    if context.main_country and unknown:
        reading.country, reading.country_from_article = context.main_country, True
        reading.code = context.main_country + (reading.sector or "")
        reasons.append(f"referred to with no country: the article's main country {context.main_country}")
    return reading


def _person_of_the_article(resolved: ResolvedActor, context: ArticleContext) -> ResolvedActor:
    """A pronoun referring to such a mention ("He" after "Prime Minister X") takes the article's main
    country, as the full mention did."""
    a = resolved.actor
    if not context.main_country or not _unknown_of_no_country(a.country, a.id, a.sector, a.code):
        return resolved
    actor = replace(a, country=context.main_country, code=context.main_country + (a.sector or ""))
    why = f"referred to with no country: the article's main country {context.main_country}"
    return ResolvedActor(actor, [*resolved.reasons, why], resolved.confidence, resolved.kind, True)


def _mention_result(text: str, base: int, mention: Mention, reason: str, confidence: float) -> ResolvedActor:
    a = mention.actor
    actor = Actor(text=text, start=base, end=base + len(text), name=a.name, country=a.country,
                  sector=a.sector, code=a.code, id=a.id)
    return ResolvedActor(actor, [reason], confidence, mention.kind)
