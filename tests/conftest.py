"""Fixtures shared by every test folder."""

import importlib.util
import os
import sys
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


@pytest.fixture(scope="session")
def models_script():
    """Loads a build script of models/ (scripts, not a package) by name: models_script("train_locator")."""
    return load_models_script


def load_models_script(name: str):
    folder = REPO / "models"
    sys.path.insert(0, str(folder))  # a script may import a sibling script
    try:
        spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up while being defined
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(folder))
    return module
