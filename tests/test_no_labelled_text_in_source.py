"""No labelled sentence leaks into the code, the tests, the model scripts or the lexicon's data.

A rule, a word list, a comment or a test fixture written from a development or test sentence makes the
figures on that sentence mean nothing. So no file we write may share a run of eight consecutive words
(case-folded, punctuation stripped) with a sentence of the labelled sets: the real-news and training
sentences (data/realnews, data/training), the articles the project wrote (data/articles_written*),
the VOA articles and the PLOVER gold sentences (../shared).
The labelled files themselves are not scanned; neither are compressed third-party tables (.gz).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUN = 8
SCANNED_FOLDERS = ("src", "tests", "models")
SKIPPED_PARTS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIPPED_SUFFIXES = {".gz", ".pyc", ".db", ".sqlite", ".parquet", ".png", ".ico", ".woff", ".woff2"}
# Fixed phrases no one could write otherwise, allowed: both are organisations' full names in the
# actor dictionary's sources (models/sources/institutions.tsv, roles_since_2014.tsv).
ALLOWED_RUNS = frozenset({
    "popular front for the liberation of palestine pflp",
    "un office for the coordination of humanitarian affairs",
})

_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    """The case-folded words of a text, punctuation dropped ("U.S.-backed" -> u, s, backed)."""
    return _WORD.findall(text.casefold())


def runs_of(words: list[str]) -> Iterator[tuple[str, ...]]:
    for start in range(len(words) - RUN + 1):
        yield tuple(words[start:start + RUN])


def labelled_files(shared: Path) -> tuple[Path, ...]:
    written_sets = tuple(sorted((REPO / "data").glob("articles_written*/articles.jsonl")))
    return (REPO / "data" / "realnews" / "sentences.jsonl", REPO / "data" / "training" / "sentences.jsonl",
            *written_sets,
            shared / "data" / "voa" / "news_articles.jsonl",
            shared / "data" / "plover_gsr" / "plover_gsr.jsonl")


def labelled_texts(shared: Path) -> Iterator[str]:
    for path in labelled_files(shared):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)["text"]


def labelled_runs(shared: Path) -> set[int]:
    """The hashes of every eight-word run of every labelled text (hashes keep the set small)."""
    return {hash(run) for text in labelled_texts(shared) for run in runs_of(words_of(text))}


def scanned_files() -> Iterator[Path]:
    for folder in SCANNED_FOLDERS:
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and not SKIPPED_PARTS & set(path.parts) and path.suffix not in SKIPPED_SUFFIXES:
                yield path


def shared_runs(path: Path, labelled: set[int]) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:  # a binary file: no prose in it
        return []
    return [phrase for phrase in shared_runs_of_text(text, labelled) if phrase not in ALLOWED_RUNS]


def shared_runs_of_text(text: str, labelled: set[int]) -> list[str]:
    return [" ".join(run) for run in runs_of(words_of(text)) if hash(run) in labelled]


def test_no_file_shares_an_eight_word_run_with_a_labelled_sentence(shared_dir):
    labelled = labelled_runs(shared_dir)
    hits = {path.relative_to(REPO).as_posix(): runs for path in scanned_files()
            if (runs := shared_runs(path, labelled))}
    assert not hits, ("these files share eight-word runs with labelled sentences; rewrite them in your own "
                      "words, with other names and places:\n"
                      + "\n".join(f"{path}: {run}" for path, runs in hits.items() for run in runs))


def test_the_check_sees_a_run_through_case_and_punctuation():
    text = "Officials in Ruritania said, on Monday, that the border would reopen."
    labelled = {hash(run) for run in runs_of(words_of(text))}
    found = shared_runs_of_text("OFFICIALS in Ruritania said on Monday that the border -- reopened", labelled)
    assert found == ["officials in ruritania said on monday that the",
                     "in ruritania said on monday that the border"]
    assert not shared_runs_of_text("Officials in Ruritania said on Tuesday that the border would reopen",
                                   labelled)
