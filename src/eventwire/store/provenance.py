"""Which coder produced stored events, and whether an article changed since it was coded."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.records import Document


@dataclass(frozen=True)
class CoderInfo:
    """The coder version and the settings that decide its output (model, shipped resources)."""

    version: str
    settings_json: str  # canonical JSON of the settings

    @classmethod
    def of(cls, version: str, settings: dict) -> CoderInfo:
        return cls(version, json.dumps(settings, sort_keys=True, separators=(",", ":")))

    @property
    def settings_hash(self) -> str:
        return hashlib.sha256(self.settings_json.encode()).hexdigest()[:16]

    @property
    def run_id(self) -> str:
        return f"{self.version}+{self.settings_hash}"


@lru_cache(maxsize=1)
def current_coder() -> CoderInfo:
    """This installation's coder: the package version, the spaCy model and the resource files."""
    from eventwire import __version__
    from eventwire.nlp import SPACY_MODEL

    return CoderInfo.of(__version__, {"spacy_model": SPACY_MODEL, "resources": _resources_digest()})


def _resources_digest() -> str:
    digest = hashlib.sha256()
    root = resources.files("eventwire") / "data"
    prefix = len(str(root))
    for path in sorted(_walk(root), key=str):
        digest.update(str(path)[prefix:].encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _walk(folder):
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _walk(entry)
        elif not entry.name.endswith(".pyc"):
            yield entry


def content_hash(doc: Document) -> str:
    """Changes when the article's text or metadata change (not when it is read from elsewhere)."""
    fields = [doc.text, doc.original_text, doc.title, doc.date.isoformat() if doc.date else None,
              doc.url, doc.source, doc.dateline_place]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()
