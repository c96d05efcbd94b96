"""What coding needs loaded, named by one Settings and built once: the seam between configuration and
the components that code.

`Settings` is a small, frozen, picklable description (which spaCy model, lexicon, decisions and
locator); `Resources` loads each thing it names on first use and keeps it for its own lifetime.
Nothing is shared between two Resources, and nothing is kept by the modules: a Pipeline holds its
Resources and hands each component only what that component needs (the lexicon data to the
VerbLexicon, the dictionary, place lookup and actor words to the ActorResolver, the gazetteer and
admin1 table to the EventLocator). Worker processes (eventwire.parallel, eventwire.scale) receive the
Settings and build their own Resources once per worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.nlp import SPACY_MODEL

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.actors.dictionary import ActorDictionary
    from eventwire.actors.phrase import PhraseWords
    from eventwire.actors.places import PlaceLookup
    from eventwire.actors.resolve import ActorResolver
    from eventwire.actors.words import ActorWords
    from eventwire.events.arguments import ArgumentWords
    from eventwire.events.article_gate import ArticleGate, KeepEvery
    from eventwire.events.article_roles import ArticleRoles, RulesRoles
    from eventwire.events.classify import VerbLexicon
    from eventwire.events.learned import Decisions
    from eventwire.events.magnitudes import MagnitudeWords
    from eventwire.events.modality import ModalityWords
    from eventwire.events.preparse import KeepAll, PreparseModel
    from eventwire.events.sense import LearnedSense, NoSense
    from eventwire.events.stance import StanceWords
    from eventwire.places.admin1 import Admin1Table
    from eventwire.places.candidates import PlaceWords
    from eventwire.places.capitals import CapitalTable
    from eventwire.places.gazetteer import Gazetteer
    from eventwire.places.locate import EventLocator

LEARNED = "learned"  # the shipped decisions model (data/events/decisions.json)
RULES = "rules"  # the rules alone: every candidate event kept with the rules' confidence


@dataclass(frozen=True)
class Settings:
    """Which models and data coding uses. Paths replace the shipped files; None keeps them."""

    spacy_model: str = SPACY_MODEL
    lexicon: Path | None = None  # a compiled lexicon.json (models/build_lexicon.py writes the shipped one)
    decisions: str = LEARNED  # LEARNED, RULES, or the path of a decisions.json (models/train_decisions.py)
    locator: Path | None = None  # a locator.json (models/train_locator.py)
    # which candidate sentences are parsed: LEARNED (the shipped pre-parse model), RULES (every candidate
    # of the lexicon's filter), or the path of a preparse.json (models/train_preparse.py)
    preparse: str = LEARNED
    # the choice among a trigger word's readings: RULES (the lexicon's own choice) or the path of a
    # sense.json (models/train_sense.py). No sense model is shipped: it did not help the development
    # sets beyond the noise of the fold assignment (docs/accuracy.md, "A sense model").
    sense: str = RULES
    # which of a whole article's events are kept: LEARNED (the shipped article gate), RULES (every one),
    # or the path of an article_gate.json (models/train_article.py)
    article_gate: str = LEARNED
    # an article's events' source and target chosen among the article's parties: LEARNED (the shipped
    # models), RULES (the sentence's own), or the path of an article_roles.json (models/train_article.py)
    article_roles: str = LEARNED
    # the spaCy model's matrix products through numpy's BLAS on one thread (eventwire/matmul.py), not blis
    one_thread_blas: bool = True

    def __post_init__(self) -> None:
        for name in ("lexicon", "locator"):  # a path given as text is a path
            if isinstance(getattr(self, name), str):
                object.__setattr__(self, name, Path(getattr(self, name)))
        # a learned model: the shipped one, none, or a file
        for name in ("decisions", "preparse", "sense", "article_gate", "article_roles"):
            value = getattr(self, name)
            if value not in (LEARNED, RULES) and not Path(value).is_file():
                raise ValueError(f"{name} must be {LEARNED!r}, {RULES!r} or a {name}.json file, "
                                 f"not {value!r}")
        if self.sense == LEARNED:
            raise ValueError(f"no sense model is shipped: sense must be {RULES!r} or a sense.json file "
                             "(models/train_sense.py)")

    def model_file(self, name: str) -> Path | None:
        """The file a learned-model setting names (not RULES): None for the shipped one."""
        value = getattr(self, name)
        return None if value == LEARNED else Path(value)


class Resources:
    """The loaded models and data of one Settings. Each loads on first use, then never changes."""

    def __init__(self, settings: Settings | None = None):
        self.__dict__["settings"] = settings or Settings()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Resources are read-only: cannot set {name!r}")

    def __repr__(self) -> str:
        return f"Resources({self.settings!r})"

    def load_all(self) -> Resources:
        """Load everything now rather than on the first document (a worker, a server, a benchmark)."""
        for name in ("nlp", "lexicon", "resolver", "locator", "decisions", "preparse", "sense",
                     "article_gate", "article_roles", "magnitude_words", "stance_words", "modality_words",
                     "argument_words"):
            getattr(self, name)
        return self

    @cached_property
    def nlp(self) -> Language:
        from eventwire.nlp import build_spacy

        return build_spacy(self.settings.spacy_model, self.settings.one_thread_blas)

    @cached_property
    def lexicon(self) -> VerbLexicon:
        from eventwire.events.classify import VerbLexicon
        from eventwire.events.lexicon import read_lexicon_data

        return VerbLexicon(read_lexicon_data(self.settings.lexicon), self.modality_words, self.argument_words)

    @cached_property
    def dictionary(self) -> ActorDictionary:
        from eventwire.actors.dictionary import read_dictionary

        return read_dictionary()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from eventwire.places.gazetteer import read_gazetteer

        return read_gazetteer()

    @cached_property
    def admin1(self) -> Admin1Table:
        from eventwire.places.admin1 import read_admin1

        return read_admin1()

    @cached_property
    def capitals(self) -> CapitalTable:
        from eventwire.places.capitals import read_capitals

        return read_capitals(self.gazetteer)

    @cached_property
    def places(self) -> PlaceLookup:
        from eventwire.actors.places import PlaceLookup

        return PlaceLookup(self.gazetteer, self.capitals.nouns)

    @cached_property
    def resolver(self) -> ActorResolver:
        from eventwire.actors.resolve import ActorResolver

        return ActorResolver(self.dictionary, self.places, self.actor_words, self.phrase_words)

    @cached_property
    def actor_words(self) -> ActorWords:
        from eventwire.actors.words import read_actor_words

        return read_actor_words()

    @cached_property
    def phrase_words(self) -> PhraseWords:
        from eventwire.actors.phrase import read_phrase_words

        return read_phrase_words()

    @cached_property
    def place_words(self) -> PlaceWords:
        from eventwire.places.candidates import read_place_words

        return read_place_words()

    @cached_property
    def locator(self) -> EventLocator:
        from eventwire.places.locate import EventLocator, read_locator_model

        return EventLocator(read_locator_model(self.settings.locator), self.gazetteer, self.admin1,
                            self.place_words, self.capitals)

    @cached_property
    def decisions(self) -> Decisions:
        from eventwire.events.learned import RuleDecisions, read_decisions

        if self.settings.decisions == RULES:
            return RuleDecisions()
        return read_decisions(self.modality_words, self.settings.model_file("decisions"))

    @cached_property
    def sense(self) -> LearnedSense | NoSense:
        from eventwire.events.sense import NoSense, read_sense

        if self.settings.sense == RULES:
            return NoSense()
        return read_sense(self.lexicon.data, Path(self.settings.sense))

    @cached_property
    def article_gate(self) -> ArticleGate | KeepEvery:
        from eventwire.events.article_gate import KeepEvery, read_article_gate

        if self.settings.article_gate == RULES:
            return KeepEvery()
        return read_article_gate(self.settings.model_file("article_gate"))

    @cached_property
    def article_roles(self) -> ArticleRoles | RulesRoles:
        from eventwire.events.article_roles import RulesRoles, read_article_roles

        if self.settings.article_roles == RULES:
            return RulesRoles()
        return read_article_roles(self.settings.model_file("article_roles"), self.modality_words.first_person)

    @cached_property
    def preparse(self) -> PreparseModel | KeepAll:
        from eventwire.events.preparse import KeepAll, read_preparse

        if self.settings.preparse == RULES:
            return KeepAll()
        return read_preparse(self.settings.model_file("preparse"))

    @cached_property
    def magnitude_words(self) -> MagnitudeWords:
        from eventwire.events.magnitudes import read_magnitude_words

        return read_magnitude_words()

    @cached_property
    def stance_words(self) -> StanceWords:
        from eventwire.events.stance import read_stance_words

        return read_stance_words()

    @cached_property
    def modality_words(self) -> ModalityWords:
        from eventwire.events.modality import read_modality_words

        return read_modality_words()

    @cached_property
    def argument_words(self) -> ArgumentWords:
        from eventwire.events.arguments import read_argument_words

        return read_argument_words()
