"""Why must events are missed and coded events are false: the article scorer's diagnosis, on hand-made
labels and events, and through the CLI."""

import datetime as dt
import json

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate.articles import (
    ACCEPTABLE_SENTENCE,
    ARTICLE_FAILED,
    EVIDENCE_NOT_IN_TEXT,
    FOUND_ELSEWHERE,
    FOUND_IN_EVIDENCE,
    MISS_DIAGNOSES,
    MUST_SENTENCE,
    NO_EVENT_IN_EVIDENCE,
    QUIET_SENTENCE,
    TYPE_DIFFERS,
    UNLABELLED_SENTENCE,
    ArticleReport,
    article_errors,
    article_label,
    evidence_spans,
    score_article,
)
from eventwire.records import Actor, Document, Event, EventDate, Sentence, Trigger

SENTENCES = ("Freedonia and Sylvania held talks on Monday.",
             "Freedonia accused Sylvania of spying on its “harbour” works.",
             "Sylvania sent a trade envoy to Freedonia.",
             "The weather was mild.")
TEXT = " ".join(SENTENCES)
TITLE = "Freedonia Snubs Sylvania"
PUBLISHED = dt.date(2024, 3, 13)
MONDAY = dt.date(2024, 3, 11)


def _sentence(number: int) -> Sentence:
    start = TEXT.index(SENTENCES[number])
    return Sentence(number, SENTENCES[number], start, start + len(SENTENCES[number]))


def _event(event_type="CONSULT", source=("FRE",), target=("SYL",), when=MONDAY, sentence=0) -> Event:
    return Event(doc_id="a", event_type=event_type, mode=None, cameo=None, quad_class="verbal_cooperation",
                 sentence=_sentence(sentence), trigger=Trigger("x", 0, 1),
                 source=[Actor(c, 0, 9, country=c) for c in source],
                 target=[Actor(c, 14, 22, country=c) for c in target], date=EventDate(when, "Monday", "day"))


def _labelled(event_type="CONSULT", source="FRE", target="SYL", evidence="held talks on Monday",
              mechanisms=()):
    return {"type": event_type, "source_country": source, "target_country": target,
            "date_from": "2024-03-11", "date_to": "2024-03-11", "evidence": evidence,
            "mechanisms": list(mechanisms)}


def _doc() -> Document:
    return Document(id="a", text=TEXT, original_text=TEXT, origin="<test>", date=PUBLISHED, title=TITLE)


def _score(must=(), events=(), acceptable=(), quiet=(), failure=None):
    label = article_label({"id": "a", "must": list(must), "acceptable": list(acceptable),
                           "quiet": list(quiet)})
    return score_article(label, _doc(), list(events), failure)


def _kinds(scored) -> list[str]:
    return [d.kind for d in scored.must_diagnoses]


def test_evidence_is_found_without_case_spacing_typographic_quotes_or_final_stop():
    spans = evidence_spans('ACCUSED  Sylvania of spying on its "harbour" works.', TEXT)
    assert len(spans) == 1
    start, end = spans[0]
    assert TEXT[start:end] == "accused Sylvania of spying on its “harbour” works"
    assert evidence_spans("Freedonia", TEXT)[1][0] == TEXT.index("Freedonia accused")  # every occurrence
    assert evidence_spans("a sentence nobody wrote", TEXT) == []
    assert evidence_spans("", TEXT) == []


def test_a_must_event_with_no_coded_event_in_its_sentence():
    scored = _score(must=[_labelled()], events=[_event("AID", sentence=2)])
    assert _kinds(scored) == [NO_EVENT_IN_EVIDENCE]
    assert scored.must_diagnoses[0].nearest is None


def test_type_differs_and_whether_the_pentaclass_agrees():
    accusation = _labelled("ACCUSE", evidence="Freedonia accused Sylvania of spying")
    verbal_conflict = _score(must=[accusation], events=[_event("REJECT", sentence=1)])
    assert _kinds(verbal_conflict) == [TYPE_DIFFERS] and verbal_conflict.must_diagnoses[0].penta_agrees
    cooperation = _score(must=[accusation], events=[_event("AGREE", sentence=1)])
    assert _kinds(cooperation) == [TYPE_DIFFERS] and not cooperation.must_diagnoses[0].penta_agrees


def test_the_first_differing_field_of_the_candidate_agreeing_on_most_fields():
    wrong_both = _event(source=("ZZZ",), target=("YYY",))
    wrong_target = _event(target=("YYY",))
    scored = _score(must=[_labelled()], events=[wrong_both, wrong_target, _event("AGREE")])
    assert _kinds(scored) == ["target_differs"]
    assert scored.must_diagnoses[0].nearest is wrong_target
    assert _kinds(_score(must=[_labelled()], events=[wrong_both])) == ["source_differs"]
    late = _event(when=dt.date(2024, 3, 12))
    assert _kinds(_score(must=[_labelled()], events=[late])) == ["date_differs"]
    # on a tie the first coded event in the article is the candidate
    wrong_source = _event(source=("ZZZ",))
    assert _kinds(_score(must=[_labelled()], events=[wrong_source, wrong_target])) == ["source_differs"]


def test_a_match_from_another_sentence_counts_as_found_and_is_told_apart():
    elsewhere = _score(must=[_labelled()], events=[_event(sentence=2)])
    assert elsewhere.found == (True,) and _kinds(elsewhere) == [FOUND_ELSEWHERE]
    there = _score(must=[_labelled()], events=[_event(sentence=2), _event()])
    assert _kinds(there) == [FOUND_IN_EVIDENCE]


def test_headline_evidence_and_failed_articles_are_their_own_diagnoses():
    headline = _labelled("REJECT", evidence="Freedonia snubs Sylvania")
    assert _kinds(_score(must=[headline], events=[_event()])) == [EVIDENCE_NOT_IN_TEXT]
    assert _kinds(_score(must=[_labelled()], failure="parser crashed")) == [ARTICLE_FAILED]


def test_false_events_by_sentence():
    scored = _score(must=[_labelled()], acceptable=[_labelled("AID", evidence="sent a trade envoy")],
                    quiet=["The weather was mild."],
                    events=[_event(), _event("ACCUSE"), _event("AID", target=("ZZZ",), sentence=2),
                            _event("ASSAULT", sentence=3), _event("ACCUSE", sentence=1)])
    assert scored.false_diagnoses == (None, MUST_SENTENCE, ACCEPTABLE_SENTENCE, QUIET_SENTENCE,
                                      UNLABELLED_SENTENCE)


def test_the_report_counts_diagnoses_overall_and_misses_per_mechanism():
    must = [_labelled(mechanisms=["quote"]),
            _labelled("ACCUSE", evidence="accused Sylvania", mechanisms=["quote", "reference"]),
            _labelled("AID", evidence="sent a trade envoy")]
    scored = _score(must=must, events=[_event(), _event("REJECT", sentence=1), _event("ASSAULT", sentence=3)])
    report = ArticleReport("test", [scored], aggregate_only=True)
    diagnosis = report.to_dict()["diagnosis"]
    assert diagnosis["must"][FOUND_IN_EVIDENCE] == 1 and diagnosis["must"][TYPE_DIFFERS] == 1
    assert diagnosis["must"][NO_EVENT_IN_EVIDENCE] == 1 and sum(diagnosis["must"].values()) == 3
    assert diagnosis["type_differs_penta_agrees"] == 1
    assert diagnosis["missed_by_mechanism"] == {"-": {NO_EVENT_IN_EVIDENCE: 1}, "quote": {TYPE_DIFFERS: 1},
                                                "reference": {TYPE_DIFFERS: 1}}
    assert diagnosis["false"] == {QUIET_SENTENCE: 0, MUST_SENTENCE: 1, ACCEPTABLE_SENTENCE: 0,
                                  UNLABELLED_SENTENCE: 1}
    table = report.table()
    assert "missed: type differs" in table and "(PentaClass agrees: 1)" in table
    assert "missed by mechanism x diagnosis" in table and "per article" not in table
    assert "accused Sylvania" not in table  # aggregate counts only


def test_dev_error_lines_carry_the_diagnosis():
    must = [_labelled(), _labelled("ACCUSE", evidence="accused Sylvania"),
            _labelled("AID", evidence="sent a trade envoy")]
    scored = _score(must=must, events=[_event(sentence=3), _event("ACCUSE", target=("ZZZ",), sentence=1)])
    report = ArticleReport("dev", [scored], aggregate_only=False)
    lines = [line.split("\t") for line in article_errors(report)]
    assert [(line[1], line[3].split()[0]) for line in lines] == [
        ("elsewhere", FOUND_ELSEWHERE), ("missed", "target_differs"), ("missed", NO_EVENT_IN_EVIDENCE),
        ("false", MUST_SENTENCE)]
    assert "nearest: ACCUSE FRE -> ZZZ" in lines[1][3]
    assert lines[1][4] == "accused Sylvania"


def test_the_diagnosis_through_the_cli(tmp_path, shared_with_article):
    shared = shared_with_article("Freedonia Rebuffs Sylvania")
    labels = tmp_path / "labels"
    labels.mkdir()
    must = [_labelled("REJECT", "FRA", "DEU", evidence="Freedonia Rebuffs Sylvania", mechanisms=["headline"]),
            _labelled("SANCTION", "FRA", "DEU", evidence="met Sylvania's president on Monday")]
    for split in ("dev", "test"):
        record = {"id": "a1", "must": must, "acceptable": [], "quiet": []}
        (labels / f"articles_{split}.jsonl").write_text(json.dumps(record) + "\n")
    command = ["evaluate", "--shared", str(shared), "--only", "articles", "--test",
               "--article-labels", str(labels)]
    result = CliRunner().invoke(main, [*command, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    for split in ("articles_dev", "articles_test"):
        diagnosis = figures[split]["diagnosis"]
        assert diagnosis["must"][EVIDENCE_NOT_IN_TEXT] == 1 and sum(diagnosis["must"].values()) == 2
        assert diagnosis["missed_by_mechanism"]["headline"] == {EVIDENCE_NOT_IN_TEXT: 1}
        assert sum(diagnosis["false"].values()) == figures[split]["precision"]["total"] - \
            figures[split]["precision"]["right"]
    result = CliRunner().invoke(main, [*command, "--errors"])
    assert result.exit_code == 0, result.output
    missed = [line.split("\t") for line in result.output.splitlines() if "\tmissed\t" in line]
    assert [line[3].split()[0] for line in missed][0] == EVIDENCE_NOT_IN_TEXT
    assert missed[1][3].split()[0] in MISS_DIAGNOSES
    assert "missed: evidence not in the coded text (a headline)" in result.output
    assert "test" not in result.output.lower()  # errors are for development: no test figure at all


def test_a_quiet_label_with_typographic_quotes_names_the_cleaned_sentence():
    scored = _score(quiet=["Freedonia accused Sylvania of spying on its \"harbour\" works."],
                    events=[_event("ACCUSE", sentence=1)])
    assert scored.loud_quiet and scored.false_diagnoses == (QUIET_SENTENCE,)


def test_one_coded_event_finding_two_alike_must_events_is_counted():
    twice = [_labelled(), _labelled(evidence="Sylvania sent a trade envoy"), _labelled("AID")]
    scored = _score(must=twice, events=[_event(), _event("AID")])
    assert scored.found == (True, True, True)
    assert [d.shares_its_match for d in scored.must_diagnoses] == [True, True, False]
    assert _kinds(scored) == [FOUND_IN_EVIDENCE, FOUND_ELSEWHERE, FOUND_IN_EVIDENCE]
    report = ArticleReport("test", [scored], aggregate_only=True)
    assert report.to_dict()["diagnosis"]["found_by_events_matching_another_must"] == 2
