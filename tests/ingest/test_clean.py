import re

import pytest

from eventwire.ingest.clean import clean_article

DEBRIS_ARTICLE = """Netanyahu and Putin agree on Syria pullout
Netanyahu and Putin agreed on pullout (2).jpg
xmjJUymMYMkAEjIqG4p7BkTQxgVV4mcD.jpg
[fvplayer id=”210″]
Netanyahu and Putin agree on Syria pullout
Published July 7, 2024

MOSCOW (Reuters) - Israeli Prime Minister Benjamin Netanyahu met Russian   President Vladimir Putin in \
Moscow on Thursday, and the two “agreed” to set up a joint team.

Photo: AFP
Putin said Russia would not allow Iran to entrench itself.\t[caption id="1"]Putin at the Kremlin[/caption]
ADVERTISEMENT
(Reporting by Jane Doe; Editing by John Roe)
(Reuters)
"""


def test_article_full_of_debris():
    cleaned = clean_article(DEBRIS_ARTICLE, title_from_first_line=True)
    assert cleaned.text == (
        "Israeli Prime Minister Benjamin Netanyahu met Russian President Vladimir Putin in Moscow on "
        'Thursday, and the two "agreed" to set up a joint team.\n'
        "Putin said Russia would not allow Iran to entrench itself."
    )
    assert cleaned.title == "Netanyahu and Putin agree on Syria pullout"
    assert cleaned.source == "Reuters"
    assert cleaned.dateline_place == "MOSCOW"
    assert str(cleaned.date) == "2024-07-07" and cleaned.date_source == "date-line"
    assert "removed image file name line 2: Netanyahu and Putin agreed on pullout (2).jpg" in cleaned.notes
    assert "removed image file name line 3: xmjJUymMYMkAEjIqG4p7BkTQxgVV4mcD.jpg" in cleaned.notes
    assert "removed shortcode line 4: [fvplayer id=”210″]" in cleaned.notes
    assert any(n.startswith("removed caption or heading repeating the headline line 5")
               for n in cleaned.notes)
    assert "removed date line 6: Published July 7, 2024" in cleaned.notes
    assert any(n.startswith("removed dateline line 8: MOSCOW (Reuters) -") for n in cleaned.notes)
    assert "removed photo credit line 10: Photo: AFP" in cleaned.notes
    assert any(n.startswith("removed shortcode line 11: [caption") for n in cleaned.notes)
    assert "removed page boilerplate line 12: ADVERTISEMENT" in cleaned.notes
    assert any(n.startswith("removed reporting credit line 13") for n in cleaned.notes)
    assert "removed source signature line 14: (Reuters)" in cleaned.notes


def test_offsets_of_the_cleaned_text_map_back_to_the_original():
    cleaned = clean_article(DEBRIS_ARTICLE, title_from_first_line=True)
    for word in re.finditer(r"\w+", cleaned.text):
        start, end = cleaned.mapping.span_to_original(word.start(), word.end())
        assert DEBRIS_ARTICLE[start:end] == word.group()
    quote = cleaned.text.index('"agreed"')
    start, end = cleaned.mapping.span_to_original(quote, quote + 8)
    assert DEBRIS_ARTICLE[start:end] == "“agreed”"


def test_text_without_debris_is_unchanged():
    text = "Russia and Ukraine agreed on a prisoner exchange on Friday. Turkey mediated the talks."
    cleaned = clean_article(text)
    assert cleaned.text == text and cleaned.notes == []
    assert cleaned.mapping.to_original(20) == 20


@pytest.mark.parametrize("line", [
    "Netanyahu and Putin agreed on pullout (2).jpg", "xmjJUymMYMkAEjIqG4p7BkTQxgVV4mcD.jpg",
    "protest-photo.PNG", "a b c.jpeg", "banner.gif", "hero.webp",
])
def test_image_file_name_lines(line):
    cleaned = clean_article(f"The army attacked the town.\n{line}\nPolice arrested two men.")
    assert cleaned.text == "The army attacked the town.\nPolice arrested two men."
    assert cleaned.notes == [f"removed image file name line 2: {line}"]


def test_a_sentence_mentioning_a_file_is_kept():
    text = "The ministry published a photo called map.jpg showing the front line on Monday."
    assert clean_article(text + " More.").text == text + " More."


@pytest.mark.parametrize("code", [
    "[fvplayer id=”210″]", '[shortcode id="5"]', "[embed width=600]",
    '[caption id="a1"]Putin in Moscow[/caption]', "[/fvplayer]",
])
def test_shortcodes(code):
    cleaned = clean_article(f"Rebels seized the town. {code} The army withdrew.")
    assert cleaned.text == "Rebels seized the town. The army withdrew."
    assert cleaned.notes[0].startswith("removed shortcode line 1: [")


def test_editorial_brackets_are_not_shortcodes():
    text = "He said [the minister] had agreed to talks."
    assert clean_article(text).text == text


def test_caption_repeating_the_headline():
    raw = "Iran rejects EU sanctions\nIran rejects new EU sanctions\nIran rejected the measures."
    cleaned = clean_article(raw, title_from_first_line=True)
    assert cleaned.text == "Iran rejected the measures."
    assert cleaned.notes[1] == ("removed caption or heading repeating the headline line 2: "
                                "Iran rejects new EU sanctions")


def test_given_title_removes_its_echo_in_the_text():
    cleaned = clean_article("Police disperse protest\nPolice fired tear gas at protesters.",
                            title="Police disperse protest")
    assert cleaned.text == "Police fired tear gas at protesters."


def test_a_text_that_is_its_title_is_kept():
    headline = "Police fired tear gas at protesters"
    assert clean_article(headline, title=headline).text == headline


@pytest.mark.parametrize(("signature", "source"), [
    ("(Reuters)", "Reuters"), ("— AFP", "AFP"), ("- Reuters", "Reuters"),
    ("Source: Al Jazeera", "Al Jazeera"),
    ("(Associated Press)", "Associated Press"), ("SOURCE: TASS", "TASS"),
])
def test_source_signature_on_the_last_line(signature, source):
    cleaned = clean_article(f"The army attacked the town.\n{signature}")
    assert cleaned.text == "The army attacked the town."
    assert cleaned.source == source
    assert cleaned.notes == [f"removed source signature line 2: {signature}"]


def test_signature_at_the_end_of_the_last_paragraph():
    cleaned = clean_article("Police arrested the leader on Friday. (AP)")
    assert cleaned.text == "Police arrested the leader on Friday."
    assert cleaned.source == "AP"


def test_a_last_sentence_is_not_a_signature():
    text = "The army attacked.\n- The government said the army attacked the town."
    assert clean_article(text).text == text


@pytest.mark.parametrize(("line", "date"), [
    ("06/17/2018", "2018-06-17"), ("Published July 7, 2024", "2024-07-07"),
    ("Updated: 2024-07-07 10:32 GMT", "2024-07-07"), ("17.06.2018", "2018-06-17"),
    ("Monday, 3 March 2024", "2024-03-03"), ("Posted on March 3, 2024 at 9:15 a.m.", "2024-03-03"),
])
def test_date_lines_are_removed_and_give_the_date(line, date):
    cleaned = clean_article(f"The army attacked the town.\n{line}\nPolice arrested two men.")
    assert cleaned.text == "The army attacked the town.\nPolice arrested two men."
    assert str(cleaned.date) == date and cleaned.date_source == "date-line"


def test_published_date_line_wins_over_updated():
    cleaned = clean_article("Updated: 2024-07-09 10:32 GMT\nPublished July 7, 2024\nThe army attacked.")
    assert str(cleaned.date) == "2024-07-07"


@pytest.mark.parametrize(("opening", "place", "date", "source"), [
    ("CAIRO, March 11, 2024 -", "CAIRO", "2024-03-11", None),
    ("MOSCOW (Reuters) -", "MOSCOW", None, "Reuters"),
    ("GAZA CITY, Nov 3 (AFP) —", "GAZA CITY", None, "AFP"),
    ("KYIV, Ukraine (AP) —", "KYIV, Ukraine", None, "AP"),
    ("WASHINGTON —", "WASHINGTON", None, None),
    ("LIMA/SANTIAGO, May 2 (Wire) —", "LIMA", None, "Wire"),
])
def test_datelines(opening, place, date, source):
    cleaned = clean_article(f"{opening} Egypt's foreign minister met his Jordanian counterpart.")
    assert cleaned.text == "Egypt's foreign minister met his Jordanian counterpart."
    assert cleaned.dateline_place == place
    assert (str(cleaned.date) if cleaned.date else None) == date
    assert cleaned.source == source
    assert cleaned.notes[0].startswith(f"removed dateline line 1: {opening}")


def test_dateline_without_a_year_borrows_it_from_a_date_line():
    cleaned = clean_article("Updated: 2023-11-05 10:32 GMT\nGAZA CITY, Nov 3 (AFP) — A strike hit the camp.")
    assert str(cleaned.date) == "2023-11-03" and cleaned.date_source == "dateline"


def test_dateline_without_any_year_gives_no_date():
    cleaned = clean_article("GAZA CITY, Nov 3 (AFP) — An air strike hit the camp.")
    assert cleaned.date is None
    assert "dateline date has no year: not used as the publication date" in cleaned.notes


def test_headline_words_are_not_a_dateline():
    text = "BREAKING: Russia attacked Kyiv. US - China talks resumed."
    assert clean_article(text).dateline_place is None


def test_debris_before_the_headline_is_not_the_title():
    cleaned = clean_article("banner.jpg\nPublished July 7, 2024\nIran rejects sanctions\nIran rejected them.",
                            title_from_first_line=True)
    assert (cleaned.title, cleaned.text) == ("Iran rejects sanctions", "Iran rejected them.")


def test_curly_quotes_become_straight():
    cleaned = clean_article("“We will respond,” Iran’s minister said.")
    assert cleaned.text == "\"We will respond,\" Iran's minister said."
    assert cleaned.notes == ["straightened curly quotes"]


def test_whitespace_is_normalised_and_paragraphs_are_single_newlines():
    cleaned = clean_article("  The army   attacked\tthe town. \r\n\r\n\r\nPolice\u00a0arrested two men.  \n")
    assert cleaned.text == "The army attacked the town.\nPolice arrested two men."
    assert cleaned.notes == ["normalised whitespace"]


def test_hard_wrapped_paragraphs_are_joined():
    raw = ("Israeli Prime Minister Benjamin Netanyahu met Russian President\n"
           "Vladimir Putin in Moscow on Wednesday.\n\nA short heading\n\nThe two agreed to talk.")
    cleaned = clean_article(raw)
    assert cleaned.text == ("Israeli Prime Minister Benjamin Netanyahu met Russian President Vladimir Putin "
                            "in Moscow on Wednesday.\nA short heading\nThe two agreed to talk.")
    start = cleaned.text.index("Vladimir")
    assert raw[cleaned.mapping.to_original(start):].startswith("Vladimir")


def test_dateline_after_a_headline_left_in_the_text():
    text = "Peru recalls envoy from Chile\n\nLIMA, May 2 (Wire) — Peru recalled its ambassador on Friday."
    cleaned = clean_article(text)
    assert cleaned.text == "Peru recalls envoy from Chile\nPeru recalled its ambassador on Friday."
    assert (cleaned.dateline_place, cleaned.source) == ("LIMA", "Wire")


def test_a_second_line_is_no_dateline_after_a_sentence():
    text = "Peru recalled its ambassador.\n\nLIMA, May 2 (Wire) — Chile said nothing."
    assert clean_article(text).dateline_place is None
