"""Places: the offline gazetteer and the location of events."""

from eventwire.places.gazetteer import Gazetteer, Place, read_gazetteer
from eventwire.places.locate import EventLocator, read_locator_model

__all__ = ["EventLocator", "Gazetteer", "Place", "read_gazetteer", "read_locator_model"]
