"""Places: the offline gazetteer and the location of events."""

from eventwire.places.gazetteer import Gazetteer, Place, load_gazetteer

__all__ = ["Gazetteer", "Place", "load_gazetteer"]
