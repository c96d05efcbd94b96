"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

The server is started once per session with initdb and pg_ctl on 127.0.0.1 at a free port,
in a temporary folder; each test gets a fresh database. Without the PostgreSQL binaries the
PostgreSQL half of the suite skips, saying so.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # store_factories, shared with the worker script

from store_factories import synthetic_results  # noqa: E402

from eventwire.store import CoderInfo, open_store  # noqa: E402

TEST_CODER = CoderInfo.of("9.9.9", {"spacy_model": "test", "resources": "abc"})

VOLATILE_COLUMNS = {"ingested_at", "applied_at"}
TABLE_KEYS = {"schema_version": "version", "coder_runs": "run_id", "articles": "doc_id",
              "mentions": "mention_id", "actors": "mention_id, role, position", "events": "event_id"}


def _postgres_bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """URL of a throwaway PostgreSQL server (no database part), stopped after the session."""
    bindir = _postgres_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql "
                    "package (.ci/run does) to run the PostgreSQL half of the store tests")
    root = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    as_server_user: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_server_user = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()
    subprocess.run([*as_server_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--locale=C", "--no-sync"], check=True, capture_output=True)
    options = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
    subprocess.run([*as_server_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"),
                    "-w", "-o", options, "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_server_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def new_db_url(request, tmp_path):
    """A factory of empty databases of the test's backend."""
    import psycopg

    created: list[str] = []

    def make() -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path}/{uuid.uuid4().hex[:8]}.db"
        server = request.getfixturevalue("postgres_server")
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        created.append(name)
        return f"{server}/{name}"

    yield make
    if created:
        server = request.getfixturevalue("postgres_server")
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            for name in created:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def pytest_generate_tests(metafunc):
    if "new_db_url" in metafunc.fixturenames:
        metafunc.parametrize("new_db_url", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def db_url(new_db_url) -> str:
    return new_db_url()


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        yield opened


def dump(store) -> dict[str, list[tuple]]:
    """Every row of every table, in key order, without wall-clock columns: a database's content."""
    content = {}
    for table, key in TABLE_KEYS.items():
        cursor = store._run(f"SELECT * FROM {table} ORDER BY {key}")
        columns = [d[0] for d in cursor.description]
        keep = [i for i, c in enumerate(columns) if c not in VOLATILE_COLUMNS]
        content[table] = [tuple(row[i] for i in keep) for row in cursor.fetchall()]
    return content


@pytest.fixture
def database_content():
    return dump


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder with an event store that this process cannot write: a read-only bind mount when running
    as root (who writes anywhere else), else a folder without write permission."""
    folder = tmp_path / "store"
    folder.mkdir()
    with open_store(str(folder / "events.db")) as writer:
        for result in synthetic_results(4):
            writer.save(result, TEST_CODER)
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    view = tmp_path / "read-only"
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(view)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot make a read-only bind mount here: {mounted.stderr.decode().strip()}")
    try:
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=True)
