"""The pre-parse decision: a candidate sentence judged to report no act is not parsed, and says so."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.events.preparse import KeepAll, PreparseModel, read_preparse, sentence_features
from eventwire.pipeline import Pipeline
from eventwire.records import Document
from eventwire.resources import RULES, Resources, Settings

# A model of our own: "statement" and "forecast" speak against an act, "troops" and "shelled" for one.
FIXTURE_MODEL = {"bias": 0.0, "threshold": -0.5,
                 "weights": {"statement": -3.0, "forecast": -3.0, "troops": 2.0, "shelled": 2.0, "the": 0.0}}
ACT = "Troops shelled the border town of Valdora on Monday."
NO_ACT = "The ministry issued a statement on the forecast."


def test_features_are_lower_cased_words_and_pairs_of_adjacent_words():
    assert sentence_features("Troops shelled Valdora's port.") == {
        "troops", "shelled", "valdora", "s", "port",
        "troops shelled", "shelled valdora", "valdora s", "s port"}


def test_the_score_averages_the_known_features_over_the_root_of_their_number():
    model = PreparseModel.from_dict(FIXTURE_MODEL)
    assert model.score("troops shelled") == pytest.approx((2.0 + 2.0) / 2 ** 0.5)
    assert model.score("Troops shelled the town") == pytest.approx(4.0 / 3 ** 0.5)  # "town" is unknown
    assert model.score("Nothing known here") == 0.0  # the bias alone


def test_a_sentence_below_the_threshold_is_not_kept():
    model = PreparseModel.from_dict(FIXTURE_MODEL)
    assert model.keeps(ACT)
    assert not model.keeps(NO_ACT)
    assert KeepAll().keeps(NO_ACT)


@pytest.fixture(scope="module")
def fixture_model_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("preparse") / "preparse.json"
    path.write_text(json.dumps(FIXTURE_MODEL), encoding="utf-8")
    return path


def code(settings: Settings, text: str):
    pipeline = Pipeline(workers=1, resources=Resources(settings))
    doc = Document(id="d1", text=text, original_text=text, origin="<test>")
    return pipeline, pipeline.code_document(doc)


def test_a_skipped_candidate_is_counted_and_named_in_the_reason(fixture_model_path, resources):
    assert resources.lexicon.is_candidate(NO_ACT)  # "issued" is a candidate word: the model decides
    pipeline, result = code(Settings(preparse=str(fixture_model_path)), NO_ACT)
    assert result.status == "coded" and not result.events
    assert pipeline.stats.model_skipped_sentences == 1 and pipeline.stats.parsed_sentences == 0
    assert "1 candidate sentence(s) judged by the pre-parse model to report no act" in result.reason


def test_the_sentences_the_model_keeps_are_coded(fixture_model_path):
    # every event kept: this is the pre-parse model's test, not the article gate's
    pipeline, result = code(Settings(preparse=str(fixture_model_path), article_gate=RULES), f"{ACT} {NO_ACT}")
    assert pipeline.stats.parsed_sentences == 1 and pipeline.stats.model_skipped_sentences == 1
    assert [e.event_type for e in result.events] == ["ASSAULT"]


def test_the_rules_alone_parse_every_candidate():
    pipeline, result = code(Settings(preparse=RULES), NO_ACT)
    assert pipeline.stats.parsed_sentences == 1 and pipeline.stats.model_skipped_sentences == 0
    assert "pre-parse" not in (result.reason or "")


def test_a_preparse_setting_that_is_neither_a_name_nor_a_file_is_refused(tmp_path):
    with pytest.raises(ValueError, match="preparse must be"):
        Settings(preparse=str(tmp_path / "missing.json"))


def test_the_shipped_model_parses_plain_reports_of_acts():
    model = read_preparse()
    for text in ("Soldiers attacked a village near the border on Monday, killing five people.",
                 "Police arrested dozens of protesters outside parliament.",
                 "The two foreign ministers met in Geneva to discuss the ceasefire."):
        assert model.keeps(text), (text, model.score(text), model.threshold)


def test_training_folds_keep_a_document_together_and_are_fixed(models_script):
    train = models_script("train_preparse")
    documents = [f"doc-{i}" for i in range(12)] * 2
    folds = train.folds(documents)
    assert folds == train.folds(list(reversed(documents)))
    assert sorted(set(folds.values())) == list(range(train.FOLDS))


@pytest.mark.slow
def test_training_reproduces_the_shipped_model(tmp_path):
    out = tmp_path / "preparse.json"
    subprocess.run([sys.executable, str(Path(__file__).resolve().parents[2] / "models" / "train_preparse.py"),
                    "--out", str(out)], check=True, capture_output=True)
    shipped = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "data" / "events" / "preparse.json"
    assert out.read_bytes() == shipped.read_bytes()
