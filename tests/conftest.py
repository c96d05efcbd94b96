"""Fixtures shared by every test folder."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder (../shared, or $EVENTWIRE_SHARED); tests that need it skip without it."""
    path = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))
    if not (path / "data").is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples"


@pytest.fixture(scope="session")
def resources():
    """The default Resources, shared by the whole test session: each model or data file loads once."""
    from eventwire.resources import Resources

    return Resources()


@pytest.fixture(scope="session")
def nlp(resources):
    """The project's spaCy pipeline, loaded once for the whole test session."""
    return resources.nlp


@pytest.fixture(scope="session")
def lexicon(resources):
    return resources.lexicon
