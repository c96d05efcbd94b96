from eventwire.ingest.mapped import MappedText


def test_unedited_text_maps_to_itself():
    text = MappedText.of("abc def", origin=10)
    assert [text.to_original(i) for i in range(7)] == list(range(10, 17))
    assert text.span_to_original(4, 7) == (14, 17)


def test_deletions_and_replacements_keep_the_map():
    original = "ab  [x=1]cd"
    text = MappedText.of(original).edit([(2, 4, " "), (4, 9, "")])
    assert text.text == "ab cd"
    assert original[text.to_original(3):text.to_original(3) + 2] == "cd"
    assert text.span_to_original(3, 5) == (9, 11)


def test_same_length_replacement_stays_aligned():
    text = MappedText.of("a\u00a0b").edit([(1, 2, " ")])
    assert text.text == "a b"
    assert text.to_original(2) == 2


def test_join_maps_each_part_to_its_origin():
    first, second = MappedText.of("one", 0), MappedText.of("two", 10)
    joined = MappedText.join([first, second], "\n")
    assert joined.text == "one\ntwo"
    assert joined.to_original(4) == 10
    assert joined.span_to_original(4, 7) == (10, 13)


def test_translate_keeps_offsets():
    text = MappedText.of("“hi”", 5).translate(str.maketrans({"“": '"', "”": '"'}))
    assert text.text == '"hi"'
    assert text.to_original(1) == 6
