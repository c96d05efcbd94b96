"""The learned decisions over the rules' events: features, scoring, the coder's hook, the shipped weights."""

import datetime as dt
import math
from pathlib import Path

import pytest

from eventwire.events.coder import EventCoder
from eventwire.events.learned import (
    ALONE,
    ARTICLE,
    DecisionModel,
    LearnedDecisions,
    Platt,
    RuleDecisions,
    read_decisions,
    sentence_features,
)
from eventwire.events.modality import read_modality_words
from eventwire.nlp import split_sentences
from eventwire.records import Actor, Document, Event, Sentence, Trigger

REPO = Path(__file__).resolve().parents[2]
MONDAY = dt.date(2024, 3, 11)


def _event(sentence: Sentence, trigger: str, event_type: str = "ASSAULT", confidence: float = 0.7,
           source: list[Actor] | None = None) -> Event:
    start = sentence.text.index(trigger)
    return Event(doc_id="d", event_type=event_type, mode=None, cameo=None, quad_class="MATERIAL_CONFLICT",
                 sentence=sentence, trigger=Trigger(trigger, sentence.start + start,
                                                    sentence.start + start + len(trigger)),
                 source=source or [], confidence=confidence, reasons=["rules"])


IDENTITY = Platt(1.0, 0.0)
WORDS = read_modality_words()  # the shipped lists the features read


def _model(threshold: float = 0.5, alone: Platt = IDENTITY, **weights: float) -> DecisionModel:
    return DecisionModel(weights={k.replace("_", " "): v for k, v in weights.items()}, intercept=0.0,
                         gate=IDENTITY, threshold=threshold, confidence={ARTICLE: IDENTITY, ALONE: alone})


def _logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def test_gate_and_confidence_calibrate_the_same_margin_each_their_own_way():
    model = DecisionModel(weights={"a": 2.0, "b": -1.0}, intercept=0.5, gate=Platt(0.5, -0.25), threshold=0.3,
                          confidence={ARTICLE: Platt(0.6, 0.3), ALONE: Platt(1.0, -0.2)})
    margin = 0.5 + 2.0 * 1.0 - 1.0 * 3.0
    assert model.margin({"a": 1.0, "b": 3.0, "unknown": 9.0}) == pytest.approx(margin)
    assert model.gate.probability(margin) == pytest.approx(_logistic(0.5 * margin - 0.25))
    assert model.confidence_of(margin, alone=False) == pytest.approx(_logistic(0.6 * margin + 0.3))
    assert model.confidence_of(margin, alone=True) == pytest.approx(_logistic(margin - 0.2))
    assert model.keeps([margin, 2.0]) and not model.keeps([-3.0]) and not model.keeps([])


def test_the_model_reads_the_gate_and_the_confidence_by_context_from_its_file(tmp_path):
    data = {"weights": {"a": 1.0}, "intercept": 0.1, "gate": {"slope": 0.7, "offset": 0.3, "threshold": 0.25},
            "confidence": {"article": {"slope": 0.6, "offset": 0.3}, "alone": {"slope": 1.0, "offset": -0.2}}}
    model = DecisionModel.from_dict(data)
    assert model.gate == Platt(0.7, 0.3) and model.threshold == 0.25
    assert model.confidence == {ARTICLE: Platt(0.6, 0.3), ALONE: Platt(1.0, -0.2)}


def test_features_read_the_parse_around_each_trigger(nlp):
    sentence = Sentence(0, "Officials said rebels attacked a convoy near the border.", 0, 57)
    parsed = nlp(sentence.text)
    rebels = Actor(text="rebels", start=15, end=21, sector="REB")
    events = [_event(sentence, "attacked", source=[rebels]),
              _event(sentence, "said", event_type="ACCUSE", confidence=0.4)]
    first, second = sentence_features(sentence, parsed, events, WORDS)
    assert first["type=ASSAULT"] == 1.0 and first["trigger lemma=attack"] == 1.0
    assert first["source=known"] == 1.0 and second["source=missing"] == 1.0
    assert first["trigger under reporting verb"] == 1.0
    assert first["root reporting verb"] == 1.0 and first["question"] == 0.0
    assert first["rules top"] == 1.0 and second["rules top"] == 0.0
    assert second["rules below top"] == pytest.approx(0.3)
    assert first["candidates"] == 2.0 and first["types in sentence"] == 2.0


def test_clause_features_read_the_verb_above_the_trigger_voice_and_quotes(nlp):
    text = 'The minister vowed to punish the smugglers, adding: "The port was closed."'
    sentence = Sentence(0, text, 0, len(text))
    parsed = nlp(sentence.text)
    punish, closed = sentence_features(sentence, parsed, [_event(sentence, "punish", event_type="COERCE"),
                                                           _event(sentence, "closed", event_type="COERCE")],
                                       WORDS)
    assert punish["governor lemma=vow"] == 1.0 and punish["trigger in quotes"] == 0.0
    assert punish["trigger subject"] == 0.0 and punish["mode=None"] == 1.0
    assert closed["trigger in quotes"] == 1.0 and closed["trigger passive"] == 1.0
    assert closed["trigger subject"] == 1.0 and closed["trigger tense=Past"] == 1.0


def test_curly_quotes_open_and_close_a_quotation(nlp):
    text = "\u201cWe will march,\u201d the union said, before workers marched to the square."
    sentence = Sentence(0, text, 0, len(text))
    events = [_event(sentence, word, event_type="PROTEST") for word in ("march", "marched")]
    march, marched = sentence_features(sentence, nlp(text), events, WORDS)
    assert march["trigger in quotes"] == 1.0 and marched["trigger in quotes"] == 0.0


def test_learned_decisions_rescore_every_candidate_of_a_sentence_they_keep(nlp):
    sentence = Sentence(0, "Rebels attacked a convoy and police said they would respond.", 0, 61)
    parsed = nlp(sentence.text)
    events = [_event(sentence, "attacked"), _event(sentence, "respond", event_type="THREATEN")]
    decisions = LearnedDecisions(_model(**{"type=ASSAULT": 2.0, "type=THREATEN": -2.0}), WORDS)
    kept = decisions.decide(sentence, parsed, events, alone=False)
    assert [e.event_type for e in kept] == ["ASSAULT", "THREATEN"]  # a second act stays, less sure
    assert kept[0].confidence == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert kept[1].confidence == pytest.approx(1 / (1 + math.exp(2.0)))
    assert kept[0].reasons[0] == "rules" and "learned confidence 0.88 (rules 0.70)" in kept[0].reasons[-1]
    assert events[0].confidence == 0.7  # the rules' event is not changed in place


def test_learned_decisions_drop_a_sentence_whose_best_candidate_is_below_threshold(nlp):
    sentence = Sentence(0, "Police said they would respond.", 0, 31)
    events = [_event(sentence, "respond", event_type="THREATEN")]
    decisions = LearnedDecisions(_model(threshold=0.2, **{"type=THREATEN": -2.0}), WORDS)
    assert decisions.decide(sentence, nlp(sentence.text), events, alone=False) == []
    assert LearnedDecisions(_model(threshold=0.1, **{"type=THREATEN": -2.0}), WORDS).decide(
        sentence, nlp(sentence.text), events, alone=False)


def test_a_lone_sentence_takes_its_own_confidence_and_the_same_main_event_and_gate(nlp):
    sentence = Sentence(0, "Militants shelled a depot and the army vowed to retaliate.", 0, 58)
    parsed = nlp(sentence.text)
    events = [_event(sentence, "shelled"), _event(sentence, "retaliate", event_type="THREATEN")]
    decisions = LearnedDecisions(_model(threshold=0.5, alone=Platt(1.0, 1.0),
                                        **{"type=ASSAULT": 1.0, "type=THREATEN": -1.0}), WORDS)
    in_article = decisions.decide(sentence, parsed, events, alone=False)
    alone = decisions.decide(sentence, parsed, events, alone=True)
    assert [e.confidence for e in in_article] == pytest.approx([_logistic(1.0), _logistic(-1.0)])
    assert [e.confidence for e in alone] == pytest.approx([_logistic(2.0), _logistic(0.0)])
    assert max(alone, key=lambda e: e.confidence).event_type == "ASSAULT"
    # the gate reads the gate's calibration in both contexts: a weak best candidate is dropped in both
    weak = LearnedDecisions(_model(threshold=0.6, alone=Platt(1.0, 3.0), **{"type=ASSAULT": 0.2}), WORDS)
    assert weak.decide(sentence, parsed, events[:1], alone=True) == []


def test_rule_decisions_keep_every_candidate(nlp):
    sentence = Sentence(0, "Rebels attacked a convoy.", 0, 25)
    events = [_event(sentence, "attacked")]
    assert RuleDecisions().decide(sentence, nlp(sentence.text), events, alone=True) is events


class _Recording:
    def __init__(self, keep: bool):
        self.keep = keep
        self.calls: list[tuple[str, list[str]]] = []
        self.alone: list[bool] = []

    def decide(self, sentence, parsed, events, alone):
        self.calls.append((sentence.text, [e.event_type for e in events]))
        self.alone.append(alone)
        return events if self.keep else []


def _code(coder: EventCoder, text: str, nlp) -> list[Event]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    sentences = split_sentences(text)
    candidates = [s for s in sentences if coder.is_candidate(s)]
    parsed = dict(zip((s.index for s in candidates), nlp.pipe(s.text for s in candidates)))
    return coder.code(doc, sentences, parsed)


TEXT = "Russian troops shelled the Ukrainian city of Kharkiv on Sunday. The weather was mild."


def test_coder_hands_each_sentence_with_events_to_its_decisions(nlp, resources):
    keep = _Recording(keep=True)
    events = _code(EventCoder(resources, decisions=keep), TEXT, nlp)
    assert events and keep.calls == [(TEXT.split(" The")[0], [e.event_type for e in events])]
    assert _code(EventCoder(resources, decisions=_Recording(keep=False)), TEXT, nlp) == []


def test_coder_tells_its_decisions_whether_the_sentence_is_its_documents_only_one(nlp, resources):
    keep = _Recording(keep=True)
    _code(EventCoder(resources, decisions=keep), TEXT, nlp)
    _code(EventCoder(resources, decisions=keep), TEXT.split(" The")[0], nlp)
    assert keep.alone == [False, True]


def test_default_coder_uses_the_shipped_model(nlp, resources):
    assert isinstance(EventCoder().decisions, LearnedDecisions)
    coder = EventCoder(resources)
    assert isinstance(coder.decisions, LearnedDecisions)
    events = _code(coder, TEXT, nlp)
    rules = _code(EventCoder(resources, decisions=RuleDecisions()), TEXT, nlp)
    assert {e.event_id for e in events} <= {e.event_id for e in rules}
    assert events  # the shipped article gate keeps it, and says so after the learned confidence
    assert all(0.0 < e.confidence < 1.0 and e.reasons[-2].startswith("learned confidence")
               and e.reasons[-1].startswith("article gate") for e in events)


def test_shipped_model_is_sane():
    model = read_decisions(WORDS).model
    assert len(model.weights) > 50
    assert 0.0 <= model.threshold < 1.0 and model.gate.slope > 0
    assert set(model.confidence) == {ARTICLE, ALONE} and all(c.slope > 0 for c in model.confidence.values())
    assert all(isinstance(v, float) for v in model.weights.values())


def test_folds_are_by_document_and_fixed(models_script):
    train = models_script("train_decisions")
    documents = [f"doc-{i}" for i in range(40)]
    folds = train._folds(documents)
    assert folds == train._folds(list(documents))
    assert sorted(set(folds.values())) == list(range(train.FOLDS))


def test_event_f1_counts_a_dropped_act_like_a_false_one(models_script):
    from eventwire.evaluate.realnews import NO_EVENT, LabelledSentence, ScoredSentence

    train = models_script("train_decisions")

    def scored(label: str, coded: str | None) -> ScoredSentence:
        gold = LabelledSentence("s", "dev", "voa", "d", "text", None, label, None, None)
        sentence = Sentence(0, "Rebels attacked a convoy.", 0, 25)
        return ScoredSentence(gold, _event(sentence, "attacked", event_type=coded) if coded else None)

    right, dropped, false = scored("ASSAULT", "ASSAULT"), scored("PROTEST", None), scored(NO_EVENT, "COERCE")
    assert train.event_f1([right, dropped]) == pytest.approx(2 / 3)  # precision 1, recall 1/2
    assert train.event_f1([right, false]) == pytest.approx(2 / 3)  # precision 1/2, recall 1
    assert train.event_f1([right, scored(NO_EVENT, None)]) == 1.0


def _examples(train, rows: list[tuple[str, str, bool, float, bool]], fold: int = 0) -> list:
    """Training examples of one candidate each, from (split, origin, alone, margin, right) rows; the
    candidate's margin is its feature "m", so a model of weight 1 gives it back."""
    from eventwire.evaluate.realnews import NO_EVENT, LabelledSentence

    sentence = Sentence(0, "Rebels attacked a convoy.", 0, 25)
    out = []
    for i, (split, origin, alone, margin, right) in enumerate(rows):
        label = "ASSAULT" if right else NO_EVENT
        gold = LabelledSentence(f"s{i}", split, origin, f"d{i}", "text", None, label, None, None)
        out.append(train.Example(gold, [_event(sentence, "attacked")], [{"m": margin}], fold, alone))
    return out


def test_confidence_is_calibrated_per_context_with_both_sets_weighing_alike(models_script):
    train = models_script("train_decisions")
    # at margin 0 the dev split's lone sentences are right half the time, the training set's (four
    # times as many) nine times in ten; article sentences are right one time in five
    rows = ([("dev", "event_location", True, 0.0, i < 5) for i in range(10)]
            + [("train", "event_location", True, 0.0, i < 36) for i in range(40)]
            + [("dev", "voa", False, 0.0, i < 2) for i in range(10)]
            + [("train", "voa", False, 0.0, i < 8) for i in range(40)])
    examples = _examples(train, rows)
    calibration = train.confidence_calibration([[0.0]] * len(examples), examples)
    assert set(calibration) == {ALONE, ARTICLE}
    alone, article = (_logistic(calibration[c][1]) for c in (ALONE, ARTICLE))
    assert alone == pytest.approx((0.5 + 0.9) / 2, abs=1e-3)  # not (5 + 36) / 50 = 0.82
    assert article == pytest.approx(0.2, abs=1e-3)


def test_cross_fitted_calibration_never_sees_the_fold_it_scores(models_script):
    train = models_script("train_decisions")
    margins = [-2.0, -1.0, 1.0, 2.0] * 3
    examples = []
    for fold in range(train.FOLDS):  # fold 0 is all wrong, the others right when the margin is positive
        examples += _examples(train, [("dev", origin, origin != "voa", m, fold != 0 and m > 0)
                                      for origin in ("voa", "event_location") for m in margins], fold)
    gated, confident, gates = train.cross_fitted([[ex.features[0]["m"]] for ex in examples], examples)
    assert len(gates) == train.FOLDS
    fold0 = [i for i, ex in enumerate(examples) if ex.fold == 0 and ex.features[0]["m"] == 2.0]
    assert all(gated[i][0] > 0.9 and confident[i][0] > 0.9 for i in fold0)


def test_ece_spread_is_fixed_and_nil_for_sure_right_events(models_script):
    train = models_script("train_decisions")
    pairs = [(0.9, True)] * 9 + [(0.9, False)] + [(0.3, False)] * 7 + [(0.3, True)] * 3
    spread = train.ece_spread(pairs, 50, rounds=200)
    assert spread == train.ece_spread(pairs, 50, rounds=200)
    assert 0.0 < spread["5%"] <= spread["mean"] <= spread["95%"] and spread["sd"] > 0
    assert train.ece_spread([(1.0, True)] * 5, 20, rounds=10, perfect=True)["95%"] == 0.0
    assert train.ece_spread([(0.5, True)] * 5, 20, rounds=10)["mean"] == 0.5


@pytest.mark.slow
def test_training_reproduces_the_shipped_weights_from_dev_and_the_training_set(shared_dir, tmp_path,
                                                                                models_script):
    """The shipped weights come from the real-news dev split and the training set, never from test."""
    train = models_script("train_decisions")
    data = train.collect(shared_dir)
    assert {ex.sentence.split for ex in data.examples} == {"dev", "train"}
    assert len(data.articles) == 33
    out = tmp_path / "decisions.json"
    train.train(shared_dir, out, data)
    shipped = REPO / "src" / "eventwire" / "data" / "events" / "decisions.json"
    assert out.read_bytes() == shipped.read_bytes()
