"""English words the actor resolver reads, from data/actors/words.json."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from eventwire.jsondata import read_word_lists


@dataclass(frozen=True)
class ActorWords:
    # "raided her office", "bombed their positions": a belonging that stands for its owner
    belonging_nouns: frozenset[str]
    follower_nouns: frozenset[str]  # "supporters of X": civilians of X's country, not X
    foreigner_nouns: frozenset[str]  # "the migrants": of no country the article is about, as told
    government_nouns: frozenset[str]  # "the Assad regime": a leader's name before it is the government
    # "Somalia's president", "the official": one person, whom a later "he" or "she" may refer to
    person_agent_nouns: frozenset[str]
    person_pronouns: frozenset[str]  # "he", "his": a person named before
    possessive_pronouns: frozenset[str]  # "their forces": the country of whom the pronoun refers to
    group_pronouns: frozenset[str]  # "they", "it": a group, country or organisation named before
    plural_pronouns: frozenset[str]  # "they", "we": may be the parties coordinated before


def read_actor_words() -> ActorWords:
    return ActorWords(**read_word_lists(resources.files("eventwire") / "data" / "actors" / "words.json"))
