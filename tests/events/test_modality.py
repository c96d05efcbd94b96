"""Negation, hypotheticals, future intent and reported speech around a trigger."""

from eventwire.events.arguments import find_arguments, read_argument_words
from eventwire.events.modality import analyse, read_modality_words

WORDS = read_modality_words()
CLAUSES = read_argument_words()


def _modality(nlp, sentence: str, trigger: str):
    parsed = nlp(sentence)
    index = [t.text for t in parsed].index(trigger)
    clause_head = find_arguments(parsed, index, index + 1, CLAUSES).clause_head
    return analyse(parsed[index], clause_head, WORDS, CLAUSES)


def test_negated_future(nlp):
    m = _modality(nlp, "Israel will not allow Iran to obtain nuclear weapons.", "allow")
    assert m.negated and m.future and not m.hypothetical


def test_conditional_clause_is_hypothetical(nlp):
    m = _modality(nlp, "If Iran makes good on its threat, we will take action.", "makes")
    assert m.hypothetical and not m.negated


def test_future_intent(nlp):
    m = _modality(nlp, "If Iran makes good on its threat, we will take action.", "take")
    assert m.future and not m.hypothetical


def test_plain_past_event(nlp):
    m = _modality(nlp, "Turkish troops attacked Kurdish rebels on Friday.", "attacked")
    assert not (m.negated or m.hypothetical or m.future) and m.reporter is None


def test_reported_speech_names_the_speaker(nlp):
    m = _modality(nlp, "Iraqi officials said Turkish troops attacked Kurdish rebels.", "attacked")
    assert m.reporter is not None and m.reporter.text == "officials"


def test_according_to(nlp):
    m = _modality(nlp, "Russia and China signed a trade agreement, according to state media.", "signed")
    assert m.reporter is not None and m.reporter.text == "media"


def test_would_under_a_past_reporting_verb_is_future(nlp):
    m = _modality(nlp, "Officials said the army would withdraw from the town.", "withdraw")
    assert m.future and not m.hypothetical


def test_failed_to_negates(nlp):
    assert _modality(nlp, "The rebels failed to capture the town.", "capture").negated


def test_modal_could_is_hypothetical(nlp):
    assert _modality(nlp, "The talks could resume next week.", "resume").hypothetical


def test_must_is_an_obligation(nlp):
    m = _modality(nlp, "Officials said Iraq must withdraw its troops.", "withdraw")
    assert m.obliged and m.reporter is not None and m.reporter.text == "Officials"


def test_willing_to_is_intent(nlp):
    m = _modality(nlp, "Norway is willing to send troops to Liberia.", "send")
    assert m.future and not m.obliged
