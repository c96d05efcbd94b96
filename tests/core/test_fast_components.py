"""The compiled attribute ruler, the cached lemmatizer, the stepped parser and the inference maxout layers
set exactly what spaCy's own components set."""

import json
import re

import pytest
import spacy

from eventwire.attribute_rules import CompiledAttributeRuler, compile_attribute_ruler
from eventwire.lemmas import CachedLemmatizer, cache_lemmatizer
from eventwire.maxout import use_inference_maxout
from eventwire.nlp import SPACY_MODEL, build_spacy
from eventwire.parser_steps import SteppedParser, step_parser

# Text that exercises the rules with several tokens, regular expressions, negative matches on
# dependencies, whitespace tokens and lemma overrides, besides ordinary news.
TRICKY = [
    "I ain't gonna let 's go, y'all.  There is a  cat.",
    "It gave it to you and I. You gotta c'm on, nuthin' doin'.",
    "But he said  \n that whether it did, they had not decided.",
    "There are reports that Russian forces shelled Kharkiv on Tuesday, killing three civilians.",
    "The minister, who has denied the allegations, does not plan to resign; that is what he said.",
    "Protesters gathered outside parliament in Nairobi; police fired tear gas.\n\nNo one was hurt.",
    "",
    " ",
]


@pytest.fixture(scope="module")
def pipelines():
    original = spacy.load(SPACY_MODEL, exclude=["ner"])
    compiled = spacy.load(SPACY_MODEL, exclude=["ner"])
    compile_attribute_ruler(compiled)
    cache_lemmatizer(compiled)
    step_parser(compiled)
    use_inference_maxout(compiled)
    return original, compiled


def _attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def _assert_same(pipelines, texts):
    original, compiled = pipelines
    pairs = zip(original.pipe(texts), compiled.pipe(texts))
    differing = [a.text for a, b in pairs if _attributes(a) != _attributes(b)]
    assert differing == []


def test_replaces_the_ruler_in_place(pipelines):
    original, compiled = pipelines
    assert compiled.pipe_names == original.pipe_names
    assert isinstance(compiled.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert isinstance(compiled.get_pipe("lemmatizer"), CachedLemmatizer)
    assert isinstance(compiled.get_pipe("parser"), SteppedParser)


def test_stepped_parser_parses_one_document_as_spacy_does(pipelines):
    original, compiled = pipelines
    text = "The council voted on Monday to expel two envoys, and the president signed the order."
    assert _attributes(compiled(text)) == _attributes(original(text))


def test_same_attributes_on_tricky_text(pipelines):
    _assert_same(pipelines, TRICKY)


def test_multi_token_rules_fire(pipelines):
    _, compiled = pipelines
    doc = compiled("We're gonna win, y'all.")
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na", "y'")] == ["go", "to", "you"]
    assert compiled("There is hope.")[1].pos_ == "VERB"


def test_same_attributes_on_bench_news(pipelines, shared_dir):
    corpus = shared_dir / "data" / "bench" / "news_articles.jsonl"
    with corpus.open() as lines:
        texts = [json.loads(line)["text"] for line, _ in zip(lines, range(25))]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    assert len(sentences) > 400
    _assert_same(pipelines, sentences)


def test_rules_it_cannot_compile_go_through_a_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"LEMMA": "huge"}, index=-1)
    ruler.add([[{"LOWER": "big"}]], {"POS": "ADJ"})
    compiled = CompiledAttributeRuler(nlp.vocab).compile(ruler)
    doc = compiled(nlp.make_doc("a very very big dog"))
    assert doc[3].lemma_ == "huge" and doc[3].pos_ == "ADJ"
    assert [t.pos_ for t in doc[:3]] == ["", "", ""]


def test_a_small_cache_changes_nothing(pipelines):
    original, _ = pipelines
    small = spacy.load(SPACY_MODEL, exclude=["ner"])
    rules = small.get_pipe("attribute_ruler")
    small.replace_pipe("attribute_ruler", "eventwire_attribute_rules", config={"cache_limit": 3})
    small.get_pipe("attribute_ruler").compile(rules)
    lemmatizer = small.get_pipe("lemmatizer")
    small.replace_pipe("lemmatizer", "eventwire_cached_lemmatizer", config={"cache_limit": 3})
    small.get_pipe("lemmatizer").wrap(lemmatizer)
    _assert_same((original, small), TRICKY)


def test_build_spacy_reads_the_saved_tokenizer_alone(pipelines):
    """build_spacy skips spaCy's default tokenizer rules, which loading the model replaces: the loaded
    tokenizer is the model's, and the whole pipeline sets what spaCy's own does."""
    original, _ = pipelines
    built = build_spacy()
    ours, theirs = built.tokenizer, original.tokenizer
    assert ours.rules == theirs.rules and len(ours.rules) > 1000
    for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(ours, name).__self__.pattern == getattr(theirs, name).__self__.pattern
    assert ours.token_match == theirs.token_match
    _assert_same((original, built), TRICKY)

