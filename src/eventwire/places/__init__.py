"""Places: the offline gazetteer and the location of events."""

from eventwire.places.gazetteer import Gazetteer, Place, load_gazetteer
from eventwire.places.locate import EventLocator, load_locator

__all__ = ["EventLocator", "Gazetteer", "Place", "load_gazetteer", "load_locator"]
