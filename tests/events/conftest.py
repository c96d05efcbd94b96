"""Fixtures of the event tests."""

import pytest

from eventwire.events.coder import EventCoder


@pytest.fixture(scope="session")
def coder(resources) -> EventCoder:
    """The shipped coder (rules and learned decisions) on the session's Resources; a test module that
    needs another one (the rules alone) defines its own."""
    return EventCoder(resources)
