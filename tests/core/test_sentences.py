from eventwire.nlp import split_sentences


def texts(text):
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sentences]


def test_abbreviations_and_initials_do_not_split():
    text = "Mr. Smith met U.S. officials on Jan. 5 in Washington. A. B. Jones spoke later."
    assert texts(text) == [
        "Mr. Smith met U.S. officials on Jan. 5 in Washington.",
        "A. B. Jones spoke later.",
    ]


def test_quotes_and_exclamations_end_sentences():
    text = 'He said "We agree." Then he left! The E.U. responded.'
    assert texts(text) == ['He said "We agree."', "Then he left!", "The E.U. responded."]


def test_line_breaks_split_headlines_and_paragraphs_but_not_wrapped_lines():
    text = "Ministers Meet in Cairo\nThe talks began on Monday and\ncontinued today.\n\nNew paragraph."
    assert texts(text) == [
        "Ministers Meet in Cairo",
        "The talks began on Monday and\ncontinued today.",
        "New paragraph.",
    ]


def test_indexes_are_consecutive_and_empty_text_gives_none():
    assert [s.index for s in split_sentences("One. Two. Three.")] == [0, 1, 2]
    assert split_sentences("   \n\n ") == []
