"""The article gate (events/article_gate.py): features of a coded event, the keep decision, where the
coder applies it, and the article models' training script (models/train_article.py): its data and
reproducibility."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.events.article_gate import (
    ArticleGate,
    KeepEvery,
    article_features,
    event_features,
    read_article_gate,
    reason_kind,
)
from eventwire.events.coder import EventCoder
from eventwire.records import Actor, Document, Event, EventDate, Reason, Sentence, Trigger
from eventwire.resources import Settings

REPO = Path(__file__).resolve().parents[2]
TEXT = "Freedonian troops shelled the Sylvanian town of Lork on Monday. Rain fell in the hills."
PUBLISHED = dt.date(2024, 3, 13)


def _event(event_type="ASSAULT", target=("SYL",), when=dt.date(2024, 3, 11), historical=False,
           confidence=0.6, reasons=()) -> Event:
    return Event(doc_id="a", event_type=event_type, mode=None, cameo=None, quad_class="material_conflict",
                 sentence=Sentence(0, TEXT[:63], 0, 63), trigger=Trigger("shelled", 18, 25),
                 source=[Actor("Freedonian troops", 0, 17, country="FRE", sector="MIL")],
                 target=[Actor(code, 30, 57, country=code) for code in target],
                 date=EventDate(when, "Monday", "day"), historical=historical, confidence=confidence,
                 reasons=list(reasons))


def test_a_reason_kind_keeps_its_field_and_first_words_without_particulars():
    reason = Reason("source", "source 'the 12th brigade' (subject of 'shelled')")
    assert reason_kind(reason) == "source:source Q (subject of"
    assert reason_kind(Reason("confidence", "confidence 0.62: pattern specificity")) == \
        "confidence:confidence N: pattern specificity"
    assert reason_kind(Reason("target", "country IND from 'New Delhi'")) == "target:country C from Q"
    assert reason_kind(Reason("source", "'the Pentagon' -> USAMIL: dictionary")) == \
        "source:Q -> C: dictionary"
    assert reason_kind(Reason("source", "sector MIL from agent 'jets'")) == "source:sector MIL from agent"


def test_features_say_which_roles_are_filled_and_how_the_date_relates_to_publication():
    with_target = event_features(_event(), PUBLISHED, [_event()])
    assert with_target["has target"] == 1.0 and with_target["target country"] == 1.0
    assert with_target["no target country, ASSAULT"] == 0.0
    assert with_target["dated week"] == 1.0 and with_target["sentence lead"] == 1.0
    alone = _event(target=())
    without = event_features(alone, PUBLISHED, [alone])
    assert without["has target"] == 0.0 and without["no target country, ASSAULT"] == 1.0
    old = event_features(_event(when=dt.date(2023, 1, 5)), PUBLISHED, [_event()])
    assert old["dated older"] == 1.0


def test_an_international_body_counts_as_a_side_and_reasons_become_features():
    event = _event(target=(), reasons=[Reason("target", "target 'the bloc' (object of 'urged')")])
    event.target.append(Actor("the bloc", 30, 38, sector="IGO"))
    features = event_features(event, PUBLISHED, [event])
    assert features["target country"] == 1.0
    assert features["reason target:target Q (object of"] == 1.0


def test_the_main_event_of_a_sentence_is_marked_and_historical_acts_are_not_counted():
    main, other, past = _event(confidence=0.8), _event("ACCUSE", confidence=0.3), _event(historical=True)
    features = article_features([main, other, past], PUBLISHED)
    assert features[0]["main of sentence"] == 1.0 and features[1]["main of sentence"] == 0.0
    assert features[0]["events in sentence"] == 0.5  # two reported events, of at most four counted


def test_the_gate_drops_events_below_its_threshold_and_says_why_it_kept_the_others():
    gate = ArticleGate({"target country": 6.0}, bias=-3.0, threshold=0.5)
    kept_one, dropped, background = _event(), _event(target=()), _event(target=(), historical=True)
    kept = gate.keep([kept_one, dropped, background], PUBLISHED)
    assert [(e.event_type, e.target, e.historical) for e in kept] == [
        (kept_one.event_type, kept_one.target, False), (background.event_type, background.target, True)]
    assert any(r.field == "confidence" and r.startswith("article gate: 0.95") for r in kept[0].reasons)
    assert not any(r.startswith("article gate") for r in kept_one.reasons)  # the given event is unchanged
    assert not any(r.startswith("article gate") for r in background.reasons)
    assert KeepEvery().keep([dropped], PUBLISHED) == [dropped]


def test_the_shipped_gate_loads_with_a_probability_threshold():
    """The threshold is a probability; 0 when dropping gained too little out of fold (it then only states
    each event's probability: models/train_article.py, MIN_GATE_GAIN)."""
    gate = read_article_gate()
    assert 0.0 <= gate.threshold < 1.0 and gate.weights
    assert 0.0 < gate.probability({}) < 1.0


def test_a_gate_that_keeps_nothing_empties_an_article_but_never_a_sentence_alone(resources):
    coder = EventCoder(resources, article_gate=ArticleGate({}, bias=-50.0, threshold=0.5))
    article = Document(id="a", text=TEXT, original_text=TEXT, origin="test", date=PUBLISHED)
    sentence = Document(id="s", text=TEXT[:63], original_text=TEXT[:63], origin="test", date=PUBLISHED)
    assert coder.code_document(article) == []
    assert [e.event_type for e in coder.code_document(sentence)] == ["ASSAULT"]
    assert [e.event_type for e in EventCoder(resources, article_gate=KeepEvery()).code_document(article)] \
        == ["ASSAULT"]


def test_settings_name_a_gate_file_or_none(tmp_path):
    path = tmp_path / "article_gate.json"
    path.write_text(json.dumps({"weights": {}, "bias": 0.0, "threshold": 0.5}))
    assert Settings(article_gate=str(path)).model_file("article_gate") == path
    assert Settings(article_gate="rules").article_gate == "rules"
    with pytest.raises(ValueError, match="article_gate"):
        Settings(article_gate="nowhere.json")


def test_training_reads_development_articles_only(models_script):
    train = models_script("train_article")
    files = [*train.WRITTEN_SETS, train.VOA_DEV_LABELS, train.TRAINING_ARTICLES / "batch.jsonl"]
    assert all(path.parent.name != "articles_written" and "test" not in f"{path.parent.name}/{path.name}"
               for path in files)


@pytest.mark.slow
def test_training_reproduces_the_shipped_article_models(shared_dir, tmp_path, models_script):
    train = models_script("train_article")
    train.train(shared_dir, tmp_path)
    for name in ("article_roles.json", "article_gate.json"):
        shipped = REPO / "src" / "eventwire" / "data" / "events" / name
        assert (tmp_path / name).read_bytes() == shipped.read_bytes(), name
