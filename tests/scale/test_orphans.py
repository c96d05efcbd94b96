"""kill -9 of the parent: no worker process outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Codes an endless stream in a local pool of two workers, as `eventwire code` does.
ENDLESS = """
import itertools
from eventwire.ingest import make_document
from eventwire.parallel import ProcessPool
documents = (make_document(f"Police arrested {n} protesters in the capital.") for n in itertools.count())
for result in ProcessPool(workers=2, chunk_size=4).code_documents(documents):
    pass
"""


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc (Linux)")
def test_workers_exit_when_their_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", ENDLESS], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    children: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(children) < 2:
            time.sleep(0.5)
            children = _children(parent.pid)
        assert len(children) >= 2, "the pool did not start"
        time.sleep(3)  # the workers are coding
        children = _children(parent.pid)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(pid) for pid in children):
            time.sleep(0.2)
        survivors = [pid for pid in children if _alive(pid)]
        assert not survivors, f"processes {survivors} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
