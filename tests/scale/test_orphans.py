"""kill -9 of the parent: no worker process outlives it, in the local pool and on a local Dask cluster."""

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
    print(result.status, flush=True)
"""


# The same on a LocalCluster of two Dask workers (`eventwire code --workers 2`): the scheduler and the
# nannies run in the parent, each nanny starts a worker process.
ENDLESS_DASK = """
import itertools
from eventwire.ingest import make_document
from eventwire.scale import code_distributed
documents = (make_document(f"Police arrested {n} protesters in the capital.") for n in itertools.count())
for result in code_distributed(documents, workers=2, partition_size=4):
    print(result.status, flush=True)
"""


def _descendants(pid: int) -> set[int]:
    found, frontier = set(), {pid}
    while frontier:
        frontier = set().union(*(_children(p) for p in frontier)) - found
        found |= frontier
    return found


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
@pytest.mark.parametrize("program", [ENDLESS, ENDLESS_DASK], ids=["local-pool", "dask"])
def test_workers_exit_when_their_parent_is_killed(program):
    parent = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    children: set[int] = set()
    try:
        assert parent.stdout.readline().strip() == "coded", "the workers did not code"
        children = _descendants(parent.pid)
        assert len(children) >= 2, "fewer than two worker processes"
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
