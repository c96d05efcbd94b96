"""The real-news scoring definitions, on hand-made sentences and labels (no labelled data read)."""

import json

import pytest

from eventwire.evaluate.realnews import (
    NO_EVENT,
    LabelledActor,
    LabelledSentence,
    RealNewsReport,
    ScoredSentence,
    actor_errors,
    agreement,
    calibration,
    code_sentences,
    cohen_kappa,
    load_sentences,
    sentence_errors,
)
from eventwire.records import Actor, Event, Sentence, Trigger

TEXT = "Militiamen shelled a market in the river town on Sunday."


def _gold(event_type=NO_EVENT, split="dev", source=None, target=None, sid="s1") -> LabelledSentence:
    return LabelledSentence(id=sid, split=split, origin="event_location", doc_id=sid, text=TEXT, date=None,
                            event_type=event_type, source=source, target=target)


def _event(event_type: str, source=(), target=(), confidence=0.6) -> Event:
    return Event(doc_id="d", event_type=event_type, mode=None, cameo=None, quad_class="material_conflict",
                 sentence=Sentence(0, TEXT, 0, len(TEXT)), trigger=Trigger("shelled", 11, 18),
                 source=list(source), target=list(target), confidence=confidence)


def test_kappa_is_one_for_identical_labels_and_zero_at_chance():
    assert cohen_kappa([("A", "A"), ("B", "B"), ("A", "A")]) == 1.0
    # each labeller says A half the time, independently of the other: agreement is what chance gives
    assert cohen_kappa([("A", "A"), ("A", "B"), ("B", "A"), ("B", "B")]) == 0.0


def test_types_penta_classes_and_no_event_are_scored_per_sentence():
    report = RealNewsReport("dev", [
        ScoredSentence(_gold("ASSAULT"), _event("ASSAULT")),
        ScoredSentence(_gold("ASSAULT"), _event("COERCE")),  # wrong type, right PentaClass (4)
        ScoredSentence(_gold(NO_EVENT), _event("ACCUSE")),  # an event coded where there is none
        ScoredSentence(_gold(NO_EVENT), None),
    ])
    assault = next(c for c in report.type_scores() if c.name == "ASSAULT")
    assert (assault.gold, assault.predicted, assault.right) == (2, 1, 1)
    assert report.accuracy() == 0.5 and report.event_accuracy() == 0.5
    no_event = report.no_event()
    assert (no_event.gold, no_event.predicted, no_event.right) == (2, 1, 1)
    assert report.confusion()["4"]["4"] == 2 and report.confusion()["0"]["3"] == 1
    assert report.macro_f1() == pytest.approx(2 / 3)  # ASSAULT alone has gold events: F1 2*1/(2+1)


def test_spans_and_countries_are_scored_on_right_typed_events():
    gold = _gold("ASSAULT", source=LabelledActor("Militiamen", "SDN"), target=LabelledActor("a market", None))
    coded = _event("ASSAULT", source=[Actor("Militiamen", 0, 10, country="SDN")],
                   target=[Actor("a market in the river town", 19, 45)])
    report = RealNewsReport("dev", [ScoredSentence(gold, coded),
                                    ScoredSentence(_gold("ASSAULT", source=LabelledActor("x", "IRN")),
                                                   _event("PROTEST"))])
    assert report.span_f1("source") == (1.0, 1)
    target_f1, count = report.span_f1("target")
    assert count == 1 and 0 < target_f1 < 1
    assert report.country_accuracy("source") == (1, 1)  # the wrongly typed sentence is not scored


def test_international_bodies_are_compared_by_category():
    gold = _gold("REQUEST", source=LabelledActor("The UN", "IGO"))
    coded = _event("REQUEST", source=[Actor("The UN", 0, 6, code="IGOUNO", sector="IGO")])
    assert RealNewsReport("dev", [ScoredSentence(gold, coded)]).country_accuracy("source") == (1, 1)


def test_the_test_split_is_never_listed_sentence_by_sentence():
    scored = [ScoredSentence(_gold("ASSAULT", split="test"), None)]
    with pytest.raises(ValueError):
        sentence_errors(RealNewsReport("test", scored))
    lines = sentence_errors(RealNewsReport("dev", [ScoredSentence(_gold("ASSAULT"), None)]))
    assert lines == [f"s1\tASSAULT <- {NO_EVENT}\t{TEXT}"]
    assert "Militiamen" not in RealNewsReport("test", scored).table()


def test_actor_country_errors_are_listed_as_the_article_scorer_counts_them():
    militia = LabelledActor("Militiamen", "SDN")
    right = ScoredSentence(_gold("ASSAULT", source=militia, sid="ok"),
                           _event("ASSAULT", source=[Actor("Militiamen", 0, 10, country="SDN")]))
    missing = ScoredSentence(_gold("ASSAULT", source=militia, sid="m"),
                             _event("ASSAULT", source=[Actor("Militiamen", 0, 10, sector="REB")]))
    wrong = ScoredSentence(_gold("ASSAULT", source=militia, sid="w"),
                           _event("ASSAULT", source=[Actor("Militiamen", 0, 10, country="TCD")]))
    extra = ScoredSentence(_gold("ASSAULT", target=LabelledActor("a market", None), sid="x"),
                           _event("ASSAULT", target=[Actor("a market", 19, 27, country="SDN")]))
    wrong_type = ScoredSentence(_gold("PROTEST", source=militia, sid="t"), _event("ASSAULT"))
    lines = actor_errors(RealNewsReport("dev", [right, missing, wrong, extra, wrong_type]))
    assert [line.split("\t")[:2] for line in lines] == [
        ["m", "ACTOR source missing"], ["w", "ACTOR source wrong"], ["x", "ACTOR target extra"]]
    assert "'Militiamen'=TCD" in lines[1]
    with pytest.raises(ValueError):
        actor_errors(RealNewsReport("test", [missing]))


def test_the_training_set_is_a_development_set_listed_sentence_by_sentence():
    lines = sentence_errors(RealNewsReport("train", [ScoredSentence(_gold("ASSAULT", split="train"), None)]))
    assert lines == [f"s1\tASSAULT <- {NO_EVENT}\t{TEXT}"]


def test_evaluate_the_training_set_through_the_cli_only_when_asked(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    (tmp_path / "shared" / "data" / "voa").mkdir(parents=True)
    (tmp_path / "shared" / "data" / "voa" / "news_articles.jsonl").write_text("")
    training = tmp_path / "training"
    training.mkdir()
    quiet = "The weather in the capital was mild on Sunday."
    records = [{"id": "t1", "origin": "event_location", "doc_id": "el-1", "start": 0, "end": len(TEXT),
                "text": TEXT, "title": None, "date": None, "split": "train"},
               {"id": "t2", "origin": "event_location", "doc_id": "el-2", "start": 0, "end": len(quiet),
                "text": quiet, "title": None, "date": None, "split": "train"}]
    labels = [{"id": "t1", "event": True, "type": "ASSAULT", "target": None,
               "source": {"text": "Militiamen", "country": None}},
              {"id": "t2", "event": False, "type": None, "source": None, "target": None}]
    (training / "sentences.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (training / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in labels))
    args = ["evaluate", "--shared", str(tmp_path / "shared"), "--only", "training",
            "--training", str(training)]
    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert list(figures) == ["training"] and figures["training"]["sentences"] == 2
    assert figures["training"]["gold_events"] == 1
    listed = CliRunner().invoke(main, [*args, "--errors"])
    assert listed.exit_code == 0 and "Real-news sentences, train split: 2 sentences" in listed.output
    missing = CliRunner().invoke(main, [*args[:5], "--training", str(tmp_path / "none")])
    assert missing.exit_code != 0 and "no training labels" in missing.output


def test_agreement_of_two_labellings():
    first = [_gold("ASSAULT", sid="a", source=LabelledActor("Militiamen", None)), _gold(NO_EVENT, sid="b")]
    second = [_gold("COERCE", sid="a", source=LabelledActor("Militiamen", None)), _gold(NO_EVENT, sid="b")]
    result = agreement(first, second)
    assert result.sentences == 2 and result.type_agreement == 0.5 and result.penta_agreement == 1.0
    assert result.source_span_f1 == 1.0 and result.source_spans == 1


def _write_set(folder, sentences, labels):
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("sentences.jsonl", sentences), ("labels.jsonl", labels)):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _label(sid, event_type=None, source=None):
    return {"id": sid, "event": event_type is not None, "type": event_type, "cameo_root": None,
            "source": source, "target": None, "negated": False, "hypothetical": False, "future": False,
            "other_events": [], "note": ""}


def test_sentences_are_joined_with_their_labels(tmp_path):
    _write_set(tmp_path, [{"id": "s1", "split": "test", "origin": "event_location", "doc_id": "el-1",
                           "text": TEXT, "date": None}],
               [_label("s1", "ASSAULT", {"text": "Militiamen", "country": None, "sector": "REB"})])
    (sentence,) = load_sentences(tmp_path)
    assert (sentence.split, sentence.event_type, sentence.source.text) == ("test", "ASSAULT", "Militiamen")


@pytest.mark.slow
def test_article_sentences_are_coded_inside_their_article(tmp_path):
    article = ("Border clash\n\nThe weather was mild in the capital on Monday. "
               "Government troops shelled rebel positions near the border on Sunday, officials said.")
    shared = tmp_path / "shared"
    (shared / "data" / "voa").mkdir(parents=True)
    (shared / "data" / "voa" / "news_articles.jsonl").write_text(
        json.dumps({"id": "v1", "title": "Border clash", "text": article, "date": "2024-05-07"}) + "\n")
    quiet, violent = "The weather was mild in the capital on Monday.", article[article.index("Government"):]
    rows = [{"id": f"s{i}", "split": "dev", "origin": "voa", "doc_id": "v1", "text": t, "date": "2024-05-07"}
            for i, t in enumerate((quiet, violent))]
    rows.append({"id": "s2", "split": "dev", "origin": "event_location", "doc_id": "el-1",
                 "text": "Rebels ambushed an army convoy in the hills.", "date": None})
    _write_set(tmp_path / "set", rows, [_label("s0"), _label("s1", "ASSAULT"), _label("s2", "ASSAULT")])
    scored = {s.gold.id: s for s in code_sentences(load_sentences(tmp_path / "set"), shared)}
    assert scored["s0"].predicted is None
    assert scored["s1"].predicted_type == "ASSAULT" and scored["s2"].predicted_type == "ASSAULT"


def test_reliability_table_and_expected_calibration_error():
    pairs = [(0.95, True)] * 9 + [(0.95, False)] + [(0.25, True)] + [(0.25, False)] * 3
    result = calibration(pairs)
    top, low = result.bins[9], result.bins[2]
    assert (top.events, top.right, low.events, low.right) == (10, 9, 4, 1)
    assert result.events == 14
    # the gaps |0.9 - 0.95| and |0.25 - 0.25|, weighted by the bins' sizes
    assert result.ece == pytest.approx((10 * 0.05 + 4 * 0.0) / 14)
    assert calibration([(1.0, True)]).bins[9].events == 1  # confidence 1.0 falls in the top bin
    assert "expected calibration error 0.036" in result.table()


def test_calibration_is_read_from_the_scored_events():
    scored = [ScoredSentence(_gold("ASSAULT", sid="a"), _event("ASSAULT", confidence=0.8)),
              ScoredSentence(_gold(NO_EVENT, sid="b"), _event("ASSAULT", confidence=0.6)),
              ScoredSentence(_gold("ASSAULT", sid="c"), None)]
    report = RealNewsReport("dev", scored)
    figures = report.to_dict()["calibration"]
    assert figures["events"] == 2
    assert figures["ece"] == pytest.approx((abs(1 - 0.8) + abs(0 - 0.6)) / 2)


def test_rules_only_evaluation_leaves_out_the_learned_decisions():
    from eventwire.cli import _evaluation_pipeline
    from eventwire.events.article_gate import ArticleGate, KeepEvery
    from eventwire.events.article_roles import ArticleRoles, RulesRoles
    from eventwire.events.learned import LearnedDecisions, RuleDecisions

    rules, learned = _evaluation_pipeline(rules_only=True).coder, _evaluation_pipeline(rules_only=False).coder
    assert isinstance(rules.decisions, RuleDecisions) and isinstance(learned.decisions, LearnedDecisions)
    assert isinstance(rules.article_roles, RulesRoles) and isinstance(learned.article_roles, ArticleRoles)
    assert isinstance(rules.article_gate, KeepEvery) and isinstance(learned.article_gate, ArticleGate)
    no_roles = _evaluation_pipeline(rules_only=False, article_roles="rules").coder
    assert isinstance(no_roles.article_roles, RulesRoles) and isinstance(no_roles.article_gate, ArticleGate)
