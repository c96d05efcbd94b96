"""Watch fixtures: a local web site on 127.0.0.1 (see watch_site.py), a webhook receiver, the real
coder, and both store backends."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # watch_site, shared with the watcher scripts

from watch_site import Route, Site, serve  # noqa: E402

# The PostgreSQL server fixture of the store tests, shared rather than copied.
_spec = importlib.util.spec_from_file_location("store_test_fixtures",
                                               Path(__file__).parent.parent / "store" / "conftest.py")
_store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_fixtures)
postgres_server = _store_fixtures.postgres_server
new_db_url = _store_fixtures.new_db_url
database_content = _store_fixtures.database_content


def pytest_generate_tests(metafunc):
    if "new_db_url" in metafunc.fixturenames:
        metafunc.parametrize("new_db_url", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def site():
    """Feeds and pages on 127.0.0.1 at a free port."""
    served = Site()
    server = serve(served)
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture
def receiver():
    """A webhook receiver on 127.0.0.1: POST /hook is logged (see Site.requests)."""
    served = Site()
    served.routes["/hook"] = Route(body=b"ok", content_type="text/plain")
    server = serve(served)
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def pipeline(resources):
    """The real coder, in this process, loaded once."""
    from eventwire.pipeline import Pipeline

    return Pipeline(workers=1, resources=resources)


@pytest.fixture
def db_url(new_db_url) -> str:
    return new_db_url()
