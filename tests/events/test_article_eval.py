"""The article-level scoring definitions, on hand-made labels and events, and through the CLI."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate.articles import (
    ArticleLabel,
    ArticleReport,
    article_errors,
    article_label,
    matches,
    score_article,
)
from eventwire.records import Actor, Document, Event, EventDate, Sentence, Trigger

TEXT = "Freedonia and Sylvania held talks on Monday. The weather was mild."
PUBLISHED = dt.date(2024, 3, 13)


def _event(event_type="CONSULT", source=("FRE",), target=("SYL",), when=dt.date(2024, 3, 11),
           sentence=(0, 44)) -> Event:
    start, end = sentence
    return Event(doc_id="a", event_type=event_type, mode=None, cameo=None, quad_class="verbal_cooperation",
                 sentence=Sentence(0, TEXT[start:end], start, end), trigger=Trigger("talks", 26, 31),
                 source=[Actor(c, 0, 9, country=c) for c in source],
                 target=[Actor(c, 14, 22, country=c) for c in target], date=EventDate(when, "Monday", "day"))


def _labelled(event_type="CONSULT", source="FRE", target="SYL", start="2024-03-11", end="2024-03-11"):
    return {"type": event_type, "source_country": source, "target_country": target,
            "date_from": start, "date_to": end, "evidence": "held talks"}


def _label(must=(), acceptable=(), quiet=()) -> ArticleLabel:
    return article_label({"id": "a", "must": list(must), "acceptable": list(acceptable),
                          "quiet": list(quiet)})


def _doc() -> Document:
    return Document(id="a", text=TEXT, original_text=TEXT, origin="<test>", date=PUBLISHED)


def test_an_event_matches_on_type_countries_and_date_range():
    labelled = _label([_labelled()]).must[0]
    assert matches(_event(), labelled, PUBLISHED)
    assert not matches(_event(event_type="AGREE"), labelled, PUBLISHED)
    assert not matches(_event(target=()), labelled, PUBLISHED)  # an empty target is not the other party
    assert not matches(_event(source=("FRE", "SYL"), target=()), labelled, PUBLISHED)
    assert not matches(_event(when=dt.date(2024, 3, 13)), labelled, PUBLISHED)


def test_an_undated_label_agrees_with_any_date():
    undated = _label([_labelled(start=None, end=None)]).must[0]
    assert matches(_event(when=dt.date(2024, 3, 13)), undated, PUBLISHED)
    open_start = _label([_labelled(start=None, end="2024-03-11")]).must[0]
    assert matches(_event(), open_start, PUBLISHED)
    assert not matches(_event(when=dt.date(2024, 3, 13)), open_start, PUBLISHED)


def test_a_null_country_agrees_only_with_a_role_naming_no_country():
    labelled = _label([_labelled(source=None)]).must[0]
    assert matches(_event(source=()), labelled, PUBLISHED)
    assert not matches(_event(), labelled, PUBLISHED)


def test_an_event_without_a_date_of_its_own_takes_the_publication_date():
    labelled = _label([_labelled(start="2024-03-10", end="2024-03-13")]).must[0]
    assert matches(_event(when=None), labelled, PUBLISHED)


def test_several_events_matching_one_must_event_count_once_and_acceptable_ones_are_not_wrong():
    label = _label(must=[_labelled()], acceptable=[_labelled("AGREE")])
    scored = score_article(label, _doc(), [_event(), _event(), _event("AGREE"), _event("ASSAULT")])
    assert scored.found == (True,)
    assert scored.events_right == (True, True, True, False)
    report = ArticleReport("dev", [scored], aggregate_only=False)
    assert (report.recall.right, report.recall.total) == (1, 1)
    assert (report.precision.right, report.precision.total) == (3, 4)


def test_a_quiet_sentence_that_produced_an_event_is_counted():
    label = _label(quiet=["The weather was mild.", "Freedonia and Sylvania held talks on Monday."])
    scored = score_article(label, _doc(), [_event()])
    report = ArticleReport("dev", [scored], aggregate_only=False)
    assert (report.quiet.right, report.quiet.total) == (1, 2)


def test_the_test_report_gives_aggregates_only():
    label = _label(must=[_labelled(), _labelled("AGREE")])
    scored = score_article(label, _doc(), [_event()])
    hidden = ArticleReport("test", [scored], aggregate_only=True)
    shown = ArticleReport("dev", [scored], aggregate_only=False)
    assert "per article" not in hidden.table() and "per_article" not in hidden.to_dict()
    assert "per article" in shown.table() and "a" in shown.to_dict()["per_article"]
    assert hidden.to_dict()["recall_by_type"]["AGREE"]["total"] == 1


def test_mechanisms_are_scored_when_the_labels_name_them():
    raw = {**_labelled(), "mechanisms": ["symmetric"]}
    label = _label(must=[raw, _labelled("AGREE")])
    report = ArticleReport("dev", [score_article(label, _doc(), [_event()])], aggregate_only=False)
    assert report.recall_by(lambda e: e.mechanisms or ("-",))["symmetric"].value == 1.0
    assert "recall by mechanism: -" in report.table()


def test_evaluate_articles_through_the_cli(tmp_path, shared_with_article):
    shared = shared_with_article("Talks in Freedonia")
    labels = tmp_path / "labels"
    labels.mkdir()
    must = _labelled(source="FRA", target="DEU")
    for split in ("dev", "test"):
        record = {"id": "a1", "must": [must], "acceptable": [],
                  "quiet": ["Analysts expect little from the meeting."]}
        (labels / f"articles_{split}.jsonl").write_text(json.dumps(record) + "\n")
    result = CliRunner().invoke(main, ["evaluate", "--shared", str(shared), "--only", "articles",
                                       "--article-labels", str(labels), "--json", "--test"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["articles_dev"]["articles"] == 1 and figures["articles_dev"]["recall"]["total"] == 1
    assert "a1" in figures["articles_dev"]["per_article"]
    assert "per_article" not in figures["articles_test"]
    assert figures["articles_test"]["quiet"]["total"] == 1
    developing = CliRunner().invoke(main, ["evaluate", "--shared", str(shared), "--only", "articles",
                                           "--article-labels", str(labels), "--json"])
    assert developing.exit_code == 0, developing.output
    assert set(json.loads(developing.output)) == {"articles_dev"}


def test_evaluate_articles_without_labels_is_a_clear_error(tmp_path):
    (tmp_path / "data").mkdir()
    result = CliRunner().invoke(main, ["evaluate", "--shared", str(tmp_path), "--only", "articles",
                                       "--article-labels", str(tmp_path / "none")])
    assert result.exit_code != 0 and "no article-level label file" in result.output


def test_a_coded_month_or_week_matches_a_labelled_range_it_overlaps():
    labelled = _label([_labelled(start="2024-03-08", end="2024-03-15")]).must[0]
    month = _event(when=dt.date(2024, 3, 1))
    month.date = EventDate(dt.date(2024, 3, 1), "in March", "month")
    assert matches(month, labelled, PUBLISHED)
    week = _event()
    week.date = EventDate(dt.date(2024, 2, 26), "last week", "week")
    assert not matches(week, labelled, PUBLISHED)  # 26 Feb - 3 Mar lies before the range
    day = _event()
    day.date = EventDate(dt.date(2024, 3, 1), "March 1", "day")
    assert not matches(day, labelled, PUBLISHED)


def test_dev_errors_list_each_missed_and_false_event_and_never_the_test_set():
    label = _label([_labelled(), _labelled(event_type="AGREE")])
    scored = score_article(label, _doc(), [_event(), _event(event_type="ACCUSE")])
    lines = article_errors(ArticleReport("dev", [scored], aggregate_only=False))
    assert [line.split("\t")[1] for line in lines] == ["missed", "false"]
    assert lines[0].split("\t")[2].startswith("AGREE FRE -> SYL") and "ACCUSE" in lines[1]
    with pytest.raises(ValueError):
        article_errors(ArticleReport("test", [scored], aggregate_only=True))
