"""`eventwire serve` as a user runs it: a real uvicorn server on 127.0.0.1, real HTTP requests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from api_fixtures import TOKEN, fill
from click.testing import CliRunner

from eventwire.cli import main

PASSWORD = "hunter2-never-logged"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _with_password(url: str) -> str:
    """The same database, with a password in the URL (the test server trusts any)."""
    return url.replace("postgresql://postgres@", f"postgresql://postgres:{PASSWORD}@")


@pytest.mark.slow
def test_serve_answers_over_http_and_writes_need_the_token(db_url, tmp_path):
    fill(db_url)
    url = _with_password(db_url)
    port = _free_port()
    log = tmp_path / "server.log"
    eventwire = Path(sys.executable).parent / "eventwire"
    with open(log, "w") as out:
        server = subprocess.Popen([str(eventwire), "serve", "--db", url, "--port", str(port)],
                                  stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "EVENTWIRE_TOKEN": TOKEN})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                status, health = _request(f"{base}/api/health")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200 and health["events"] == 4 and health["writes"] is True
        status, body = _request(f"{base}/api/events?country=RUS&limit=1&sort=date")
        assert status == 200 and body["events"][0]["event_type"] == "CONSULT" and body["next"]
        status, body = _request(f"{base}/api/events?{'limit=1&sort=date&cursor=' + body['next']}")
        assert body["events"][0]["event_type"] == "PROTEST"
        assert _request(f"{base}/api/events?since=2024-99")[0] == 422
        assert _request(f"{base}/api/events/nope")[0] == 404
        document = json.dumps({"id": "empty", "text": ""}).encode()
        assert _request(f"{base}/api/documents", document, {"Content-Type": "application/json"})[0] == 401
        status, body = _request(f"{base}/api/documents", document,
                                {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
        assert status == 200 and body["documents"][0]["status"] == "skipped"
    finally:
        server.terminate()
        server.wait(timeout=30)
    printed = log.read_text()
    assert "GET /api/health" in printed and "eventwire serving" in printed
    assert PASSWORD not in printed and TOKEN not in printed


def test_serve_warns_when_listening_beyond_this_machine_without_a_token(tmp_path, monkeypatch):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(options))
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    db = str(tmp_path / "events.db")
    result = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert result.exit_code == 0 and started["host"] == "0.0.0.0"
    assert "warning: serving on 0.0.0.0" in result.output
    quiet = CliRunner().invoke(main, ["serve", "--db", db])
    assert quiet.exit_code == 0 and "warning" not in quiet.output and started["host"] == "127.0.0.1"
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    with_token = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0",
                                           "--token-file", str(token_file)])
    assert "warning" not in with_token.output and "writes need the token" in with_token.output


def test_serve_reports_a_database_it_cannot_open_in_one_line_without_the_password(monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    port = _free_port()  # nothing listens there
    result = CliRunner().invoke(main, ["serve", "--db", f"postgresql://me:{PASSWORD}@127.0.0.1:{port}/none"])
    assert result.exit_code != 0
    assert "cannot open postgresql://me:***@127.0.0.1" in result.output
    assert PASSWORD not in result.output and "Traceback" not in result.output
