"""Reading the shipped JSON resources quickly: orjson, and no garbage collection while they load.

Loading a resource makes hundreds of thousands of containers (lists, dicts, tuples) that live for the
rest of the process. The cyclic collector would scan them again and again while they are made and
never find anything to free: that was a third of a worker's loading time. So it is paused while a
resource loads. (Worker processes, which the project owns, also freeze what they have loaded out of
the collector's sight: eventwire.parallel.worker_pipeline.)
"""

from __future__ import annotations

import contextlib
import gc
import gzip
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path

import orjson


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """For loading data kept for the whole process: no cyclic collection inside the block."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_json(path: Path | Traversable) -> object:
    """The decoded content of a JSON file, gzip-compressed when its name ends in .gz."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return orjson.loads(data)


def read_word_lists(path: Path | Traversable) -> dict[str, frozenset[str]]:
    """A data file of named English word lists, as frozensets, without its "about"/"_..." notes."""
    raw = read_json(path)
    return {name: frozenset(words) for name, words in raw.items()
            if name != "about" and not name.startswith("_")}
