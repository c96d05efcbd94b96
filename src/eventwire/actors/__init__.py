"""Actors: the dated actor dictionary, agents, countries, and resolution within an article."""

from eventwire.actors.context import ArticleContext
from eventwire.actors.resolve import ActorResolver, ResolvedActor

__all__ = ["ActorResolver", "ArticleContext", "ResolvedActor"]
