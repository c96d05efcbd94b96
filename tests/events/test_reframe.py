"""The statement an announced, demanded or refused act amounts to: one module (events.reframe) decides."""

import datetime as dt

import pytest

from eventwire.events import classify, modality
from eventwire.events.arguments import read_argument_words
from eventwire.events.coder import EventCoder
from eventwire.events.learned import RuleDecisions
from eventwire.events.reframe import modal_frame
from eventwire.records import Document


@pytest.fixture(scope="module")
def frame(nlp, lexicon):
    def run(sentence: str, verb: str):
        parsed = nlp(sentence)
        token = next(t for t in parsed if t.text == verb)
        act = lexicon._match_verb(token, allow_intent=False)
        return act.cameo, modal_frame(token, act.cameo, lexicon.data, lexicon.modality_words)

    return run


@pytest.mark.parametrize("sentence, verb, act, framed", [
    ("The foreign minister will visit Lima in June.", "visit", "042", ("will", "036")),  # intent to meet
    ("The envoy said Serbia must free the detained journalists.", "free", None, ("must", "10")),  # a demand
    ("The navy will bomb the harbour.", "bomb", None, ("will", "13")),  # a threat
    ("Riot police will patrol the market on Sunday.", "patrol", "150", None),  # a plan, not a threat
    ("Soldiers are ready to patrol the frontier.", "patrol", "150", ("ready", "138")),  # a show of force
    ("The treaty will ease the blockade of the port.", "ease", "0872", None),  # a thing, not an actor
    ("The government will ease the blockade of the port.", "ease", "0872", ("will", "035")),
])
def test_the_frame_words_on_a_verb_make_a_statement_of_its_act(frame, sentence, verb, act, framed):
    cameo, found = frame(sentence, verb)
    if act is not None:
        assert cameo == act
    if framed is None:
        assert found is None
    else:  # the frame word, and the code or its first digits
        assert found is not None and found[0] == framed[0] and found[1].startswith(framed[1]), found


def test_the_future_auxiliaries_are_one_list_in_a_data_file():
    words = modality.read_modality_words()
    assert sorted(words.future_auxiliaries) == ["'ll", "shall", "will", "wo"]
    assert sorted(words.reported_future) == ["would"]
    assert not [name for name in vars(classify) if "FUTURE" in name]  # the classifier keeps no list


def test_a_negated_future_is_future_but_frames_no_threat(frame, nlp):
    cameo, found = frame("The army won't shell the town.", "shell")
    assert cameo[:2] == "19" and found is None
    parsed = nlp("The army won't shell the town.")
    token = next(t for t in parsed if t.text == "shell")
    assert modality.analyse(token, token, modality.read_modality_words(), read_argument_words()).future


@pytest.fixture(scope="module")
def rules_coder(resources):
    return EventCoder(resources, decisions=RuleDecisions())


def _types(coder: EventCoder, text: str) -> list[str]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 3, 11))
    return [e.event_type for e in coder.code_document(doc)]


@pytest.mark.parametrize("sentence, event_type", [
    ("Coast guard boats will patrol the bay during the summit.", "MOBILIZE"),  # a planned deployment
    ("Soldiers are ready to patrol the frontier.", "THREATEN"),  # a show of force held out
    ("The army will shell the town.", "THREATEN"),  # an attack announced
])
def test_a_planned_deployment_is_no_threat(rules_coder, sentence, event_type):
    assert _types(rules_coder, sentence) == [event_type]
