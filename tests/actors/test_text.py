"""The shared tokenizer of dictionary phrases and article text."""

from eventwire.actors.text import POSSESSIVE, phrase_key, tokenize


def _cut(text: str) -> list[tuple[str, str, int, int]]:
    return [(t.norm, t.text, t.start, t.end) for t in tokenize(text)]


def test_periods_vanish_and_offsets_point_into_the_text():
    text = "The U.S. envoy met al-Qaeda's rivals."
    norms = [t.norm for t in tokenize(text)]
    assert norms == ["the", "us", "envoy", "met", "al", "qaeda", POSSESSIVE, "rivals"]
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text


def test_possessive_with_any_apostrophe_and_case():
    assert _cut("Kenya’s") == [("kenya", "Kenya", 0, 5), ("'s", "’s", 5, 7)]
    assert _cut("NATO'S") == [("nato", "NATO", 0, 4), ("'s", "'S", 4, 6)]


def test_inner_apostrophes_are_kept_and_normalized():
    assert _cut("O’Brien") == [("o'brien", "O’Brien", 0, 7)]
    assert phrase_key("Côte d’Ivoire") == "côte d'ivoire"


def test_a_possessive_alone_is_one_word():
    assert _cut("'s") == [("s", "s", 1, 2)]
