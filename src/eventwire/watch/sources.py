"""What the watcher follows: folders, feed URLs, and files that list feed URLs.

A list file is read again every round, so feeds added to it are followed without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Source:
    kind: Literal["feed", "folder"]
    location: str  # a feed URL, or a folder's absolute path: the key of its state in the store


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def resolve_sources(arguments: list[str] | tuple[str, ...]) -> tuple[list[Source], list[str]]:
    """The sources named by the command-line arguments, and a one-line problem per bad argument."""
    sources: list[Source] = []
    problems: list[str] = []
    for argument in arguments:
        if is_url(argument):
            sources.append(Source("feed", argument))
            continue
        path = Path(argument)
        if path.is_dir():
            sources.append(Source("folder", str(path.resolve())))
        elif path.is_file():
            found, bad = _feed_list(path)
            sources += found
            problems += bad
        else:
            problems.append(f"{argument}: no such folder or file, and not an http(s) URL")
    return list(dict.fromkeys(sources)), problems


def _feed_list(path: Path) -> tuple[list[Source], list[str]]:
    """One feed URL a line; blank lines and lines starting with # are ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read the feed list: {exc}"]
    if "".join(lines).lstrip().startswith("<"):
        return [], [f"{path}: a feed or markup file, not a list of feed URLs: follow its folder instead"]
    sources, problems = [], []
    for number, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if is_url(entry):
            sources.append(Source("feed", entry))
        else:
            problems.append(f"{path}:{number}: not an http(s) feed URL: {entry[:80]!r}")
    if not sources and not problems:
        problems.append(f"{path}: the feed list names no feed")
    return sources, problems
