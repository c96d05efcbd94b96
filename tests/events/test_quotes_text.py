"""The words of a stretch of text outside its quotes, cut around the quotes."""

from eventwire.events.modality import read_modality_words
from eventwire.events.quotes import Quotations
from eventwire.nlp import split_sentences
from eventwire.records import Document


def _quotations(text: str, title: str | None = None) -> Quotations:
    doc = Document(id="quotes", text=text, original_text=text, origin="<test>", title=title)
    return Quotations(doc, split_sentences(doc.text), parse=lambda _: None, words=read_modality_words())


def _char_by_char(quotations: Quotations, text: str, start: int, end: int) -> str:
    return "".join(text[at] for at in range(start, end) if quotations.around(at) is None)


def test_unquoted_text_leaves_out_every_quote_it_crosses():
    quotations = _quotations('The envoy said "talks will resume" and "soon," adding that "they must."')
    text = quotations._doc.text
    assert quotations._unquoted(0, len(text)) == 'The envoy said "" and "" adding that ""'
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 4):
            assert quotations._unquoted(start, end) == _char_by_char(quotations, text, start, end)


def test_unquoted_text_leaves_out_the_headline_quote():
    title = "Minister: We will rebuild the bridge"
    quotations = _quotations(f"{title}\n\nThe minister spoke in the capital on Friday.", title)
    text = quotations._doc.text
    assert quotations._headline is not None
    for start in range(0, len(text), 2):
        for end in range(start, len(text) + 1, 5):
            assert quotations._unquoted(start, end) == _char_by_char(quotations, text, start, end)
