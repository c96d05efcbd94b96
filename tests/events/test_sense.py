"""The sense model: a trigger word's readings, the context read around it, the learned choice among
the readings, the setting that turns it on, and the training script's folds and reproducibility."""

import datetime as dt
import json

import pytest

from eventwire.events.coder import EventCoder
from eventwire.events.sense import (
    LearnedSense,
    NoSense,
    SenseModel,
    TriggerWord,
    context_features,
    reading_features,
    readings,
    sense_candidate,
    trigger_head,
    trigger_word,
)
from eventwire.records import Document
from eventwire.resources import Resources, Settings

CAPTURE = "Rebels captured the town of Kafr Sousa after heavy fighting on Monday."


class _Keep:
    """A decision hook that keeps every candidate and what the coder handed it."""

    def __init__(self):
        self.seen = []

    def decide(self, sentence, parsed, events, alone):
        self.seen += [(sentence, parsed, event) for event in events]
        return events


def _candidates(resources, text: str):
    keep = _Keep()
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=dt.date(2024, 3, 11))
    EventCoder(resources, decisions=keep).code_document(doc)
    return keep.seen


@pytest.fixture(scope="module")
def lexicon_reading():
    """A coder's resources with the lexicon's own choice of reading (no sense model)."""
    return Resources(Settings(sense="rules"))


@pytest.fixture(scope="module")
def captured(lexicon_reading):
    (sentence, parsed, event), = _candidates(lexicon_reading, CAPTURE)
    return sentence, parsed, event


def test_readings_are_every_event_type_of_the_words_default_and_patterns(lexicon):
    capture = readings(lexicon.data, TriggerWord("verb", "capture"))
    assert list(capture)[0] == "COERCE"  # the default first
    assert capture["COERCE"] == "171" and "ASSAULT" in capture
    assert readings(lexicon.data, TriggerWord("verb", "no-such-verb")) == {}
    assert readings(lexicon.data, TriggerWord("noun", "capture")) != capture  # a noun has its own entry


def test_the_trigger_word_is_read_from_the_type_reason(captured):
    _, _, event = captured
    assert trigger_word(event) == TriggerWord("verb", "capture")


def test_context_names_the_words_and_kinds_around_the_trigger(captured):
    sentence, parsed, event = captured
    head = trigger_head(event, sentence, parsed)
    features = context_features(event, head, TriggerWord("verb", "capture"))
    assert features["subject=rebel"] == features["object=town"] == features["prep after=fighting"] == 1.0
    assert features["object kind=thing"] == 1.0 and features["near=town"] == 1.0
    assert features["source sector=REB"] == features["source armed=True"] == 1.0
    assert "near=monday" not in features  # three words either side only


def test_reading_features_conjoin_the_context_with_the_reading():
    features = reading_features({"object=town": 1.0}, "ASSAULT", "COERCE")
    assert features == {"ASSAULT|object=town": 1.0, "ASSAULT|bias": 1.0, "ASSAULT|rules' choice": 0.0}


def test_a_sure_model_replaces_the_reading_and_says_so(captured, lexicon):
    sentence, parsed, event = captured
    other = "COERCE" if event.event_type != "COERCE" else "ASSAULT"
    sense = LearnedSense(SenseModel({f"{other}|object=town": 6.0}, 0.0, 0.8), lexicon.data)
    (chosen,) = sense.choose(sentence, parsed, [event])
    code = readings(lexicon.data, TriggerWord("verb", "capture"))[other]
    assert (chosen.event_type, chosen.cameo) == (other, code)
    assert chosen.quad_class == "material_conflict"
    assert chosen.reasons[-1].field == "type" and chosen.reasons[-1].startswith("sense model: 'capture' read")
    assert event.event_type != other  # the rules' event is not changed in place


def test_an_unsure_model_keeps_the_rules_reading(captured, lexicon):
    sentence, parsed, event = captured
    other = "COERCE" if event.event_type != "COERCE" else "ASSAULT"
    sense = LearnedSense(SenseModel({f"{other}|object=town": 6.0}, 0.0, 0.999), lexicon.data)
    assert sense.choose(sentence, parsed, [event]) == [event]
    assert NoSense().choose(sentence, parsed, [event]) == [event]


def test_a_word_with_one_reading_is_no_candidate(lexicon_reading, lexicon):
    (sentence, parsed, event), = _candidates(lexicon_reading, "Freedonian troops shelled the border town.")
    assert trigger_word(event) == TriggerWord("verb", "shell")
    assert list(readings(lexicon.data, TriggerWord("verb", "shell"))) == ["ASSAULT"]
    assert sense_candidate(event, sentence, parsed, lexicon.data) is None


def test_the_setting_names_the_model_and_none_is_shipped(tmp_path):
    path = tmp_path / "sense.json"
    path.write_text(json.dumps({"weights": {"ASSAULT|bias": 1.0}, "intercept": 0.0, "threshold": 0.9}))
    assert Settings().sense == "rules" and isinstance(Resources().sense, NoSense)
    assert Resources(Settings(sense=str(path))).sense.model.threshold == 0.9
    with pytest.raises(ValueError, match="sense"):
        Settings(sense=str(tmp_path / "missing.json"))
    with pytest.raises(ValueError, match="no sense model is shipped"):
        Settings(sense="learned")


def test_evaluate_refuses_a_sense_model_that_is_not_there(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    (tmp_path / "data").mkdir()
    result = CliRunner().invoke(main, ["evaluate", "--shared", str(tmp_path), "--sense", "learned"])
    assert result.exit_code != 0 and "no sense model is shipped" in result.output


def _candidate(train, doc: str, label: str, context: dict, rules_type: str = "COERCE"):
    sentence = type("S", (), {"doc_id": doc, "event_type": label})()
    event = type("E", (), {"event_type": rules_type, "event_id": doc})()
    readings_of_capture = {"COERCE": "171", "ASSAULT": "190"}
    return train.Candidate(sentence, event, TriggerWord("verb", "capture"), readings_of_capture, context)


def test_training_learns_the_context_that_tells_readings_apart_and_reproduces(models_script):
    train = models_script("train_sense")
    candidates = [_candidate(train, f"d{i}", "ASSAULT" if i % 2 else "COERCE",
                             {"object=town" if i % 2 else "object=activist": 1.0, "word=verb capture": 1.0})
                  for i in range(40)]
    weights, intercept = train.fit(candidates, 1.0)
    assert (weights, intercept) == train.fit(list(candidates), 1.0)  # deterministic
    model = SenseModel(weights, intercept, 0.5)
    town = model.shares({"object=town": 1.0}, ["COERCE", "ASSAULT"], "COERCE")
    activist = model.shares({"object=activist": 1.0}, ["COERCE", "ASSAULT"], "COERCE")
    assert town["ASSAULT"] > 0.5 > activist["ASSAULT"]


def test_training_folds_are_by_document_and_fixed(models_script):
    train = models_script("train_sense")
    found = [(type("S", (), {"doc_id": f"doc-{i // 3}"})(), []) for i in range(60)]
    folds = train.folds(found, train.SEED)
    assert folds == train.folds(list(reversed(found)), train.SEED)
    assert sorted(set(folds.values())) == list(range(train.FOLDS))
    assert folds != train.folds(found, train.SEED + 1)
