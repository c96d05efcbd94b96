"""The written article set: records that carry their own article beside its labels, scored by the
article scorer (on a two-article fixture of invented countries, never on the real set)."""

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate.articles import (
    TYPE_DIFFERS,
    article_errors,
    load_written,
    score_labelled_articles,
)
from eventwire.records import Actor, DocumentResult, Event, EventDate, Sentence, Trigger

FIXTURE = Path(__file__).parent / "fixtures" / "written_articles.jsonl"


class _CannedCoder:
    """Stands in for the pipeline: one CONSULT FRE -> SYL event on each article's first line."""

    def code_documents(self, docs):
        for doc in docs:
            first = doc.text.split("\n")[0]
            event = Event(doc_id=doc.id, event_type="CONSULT", mode=None, cameo=None,
                          quad_class="verbal_cooperation", sentence=Sentence(0, first, 0, len(first)),
                          trigger=Trigger("met", 0, 3), source=[Actor("Freedonia", 0, 9, country="FRE")],
                          target=[Actor("Sylvania", 0, 8, country="SYL")],
                          date=EventDate(dt.date(2024, 5, 16), "Thursday", "day"))
            yield DocumentResult(origin="<test>", status="coded", doc_id=doc.id, document=doc, events=[event])


def test_the_loader_reads_labels_and_each_record_s_own_article():
    labels, docs = load_written(FIXTURE)
    assert [label.doc_id for label in labels] == ["wf-01", "wf-02"]
    assert set(docs) == {"wf-01", "wf-02"}
    first = docs["wf-01"]
    assert first.title == "Freedonia and Sylvania hold border talks"
    assert first.date == dt.date(2024, 5, 17)
    assert first.text.startswith("Freedonia's foreign minister met")  # headline and dateline taken off
    assert labels[0].must[0].mechanisms == ("date",)
    assert labels[1].quiet == ("She gave no further details.",)


def test_the_article_scorer_scores_the_records_own_text():
    labels, docs = load_written(FIXTURE)
    report = score_labelled_articles(labels, docs, "written", aggregate_only=False, pipeline=_CannedCoder())
    assert (report.recall.right, report.recall.total) == (1, 2)  # the talks found, the refusal missed
    assert (report.precision.right, report.precision.total) == (1, 2)  # the second article's event is false
    assert report.recall_by(lambda e: e.mechanisms)["quote"].right == 0
    assert report.articles[1].must_diagnoses[0].kind == TYPE_DIFFERS  # a CONSULT in the refusal's sentence
    lines = article_errors(report)
    assert [line.split("\t")[:2] for line in lines] == [["wf-02", "missed"], ["wf-02", "false"]]


def test_a_label_without_its_article_is_reported_missing(tmp_path):
    record = json.loads(FIXTURE.read_text(encoding="utf-8").splitlines()[0])
    del record["text"]
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    labels, docs = load_written(path)
    report = score_labelled_articles(labels, docs, "written", aggregate_only=True, pipeline=_CannedCoder())
    assert report.missing == ["wf-01"] and report.articles == []


def test_only_written_through_the_cli_gives_aggregates_unless_errors_are_asked_for(tmp_path):
    (tmp_path / "data").mkdir()
    command = ["evaluate", "--shared", str(tmp_path), "--only", "written", "--written", str(FIXTURE)]
    aggregate = CliRunner().invoke(main, [*command, "--json"])
    assert aggregate.exit_code == 0, aggregate.output
    figures = json.loads(aggregate.output)["articles_written"]
    assert figures["articles"] == 2 and figures["recall"]["total"] == 2
    assert "per_article" not in figures and "recall_by_mechanism" in figures
    detailed = CliRunner().invoke(main, [*command, "--errors"])
    assert detailed.exit_code == 0, detailed.output
    assert "Article-level set (written): 2 articles" in detailed.output
    assert "per article" in detailed.output
    assert "wf-02\tmissed\tREJECT SYL -> FRE" in detailed.output  # invented countries: never coded


def test_only_written_without_the_file_is_a_clear_error(tmp_path):
    (tmp_path / "data").mkdir()
    result = CliRunner().invoke(main, ["evaluate", "--shared", str(tmp_path), "--only", "written",
                                       "--written", str(tmp_path / "none.jsonl")])
    assert result.exit_code != 0 and "no written article set" in result.output


def test_only_written_dev_gives_its_articles_always_and_its_events_with_errors(tmp_path):
    (tmp_path / "data").mkdir()
    command = ["evaluate", "--shared", str(tmp_path), "--only", "written-dev", "--written-dev", str(FIXTURE)]
    figures = CliRunner().invoke(main, [*command, "--json"])
    assert figures.exit_code == 0, figures.output
    report = json.loads(figures.output)["articles_written_dev"]
    assert report["articles"] == 2 and "per_article" in report  # a development set: never aggregate-only
    plain = CliRunner().invoke(main, command)
    assert "Article-level set (written-dev): 2 articles" in plain.output
    assert "wf-02\tmissed" not in plain.output
    detailed = CliRunner().invoke(main, [*command, "--errors"])
    assert detailed.exit_code == 0, detailed.output
    assert "wf-02\tmissed\tREJECT SYL -> FRE" in detailed.output


def test_only_written_dev_without_the_file_is_a_clear_error(tmp_path):
    (tmp_path / "data").mkdir()
    result = CliRunner().invoke(main, ["evaluate", "--shared", str(tmp_path), "--only", "written-dev",
                                       "--written-dev", str(tmp_path / "none.jsonl")])
    assert result.exit_code != 0 and "no written article set" in result.output
