"""API tests run on SQLite and on the real PostgreSQL server of the store tests (same fixtures)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

STORE_TESTS = Path(__file__).parent.parent / "store"
sys.path.insert(0, str(STORE_TESTS))  # store_factories
sys.path.insert(0, str(Path(__file__).parent))  # api_fixtures

_spec = importlib.util.spec_from_file_location("eventwire_store_test_fixtures", STORE_TESTS / "conftest.py")
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

postgres_server = _fixtures.postgres_server
new_db_url = _fixtures.new_db_url
db_url = _fixtures.db_url
pytest_generate_tests = _fixtures.pytest_generate_tests
