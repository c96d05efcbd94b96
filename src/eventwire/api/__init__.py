"""The event store over HTTP: `create_app(ApiSettings(...))` gives the FastAPI application."""

from eventwire.api.app import create_app
from eventwire.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
