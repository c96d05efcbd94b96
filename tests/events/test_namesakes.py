"""A bare common name picks no country without context (issue 9, item 7), on short articles written
for these tests."""

import datetime as dt

from texts import code_text

from eventwire.events.coder import EventCoder


def code(coder: EventCoder, text: str):
    return code_text(coder, text, dt.date(2024, 5, 16))


def test_a_bare_family_name_in_an_article_about_another_country_is_no_known_actor(ungated):
    # the sentence's own reading: the article roles may then give the speaker the story's country
    coder = ungated
    text = ("Somali forces fought al-Shabaab fighters near Mogadishu on Tuesday. "
            "Hassan accused Kenya of arming the fighters.")
    accuse = next(e for e in code(coder, text) if e.trigger.text.startswith("accused"))
    assert [a.country for a in accuse.source] == [None] and [a.country for a in accuse.target] == ["KEN"]
    assert "resolves to no country, sector or actor" in " ".join(accuse.reasons)


def test_the_same_name_keeps_its_country_when_the_article_names_that_country(coder):
    text = ("Jordan's king met officials in Amman on Tuesday. "
            "Hassan accused Kenya of arming the fighters.")
    accuse = next(e for e in code(coder, text) if e.trigger.text.startswith("accused"))
    assert [a.country for a in accuse.source] == ["JOR"]
