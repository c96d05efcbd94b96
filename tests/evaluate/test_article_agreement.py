"""Agreement of two codings of the same articles, on invented articles of invented countries."""

import json

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate.article_agreement import ABSENT, SWAPPED, compare_codings, events_match
from eventwire.evaluate.articles import article_label, labelled_event

TEXT = ("Freedonia and Sylvania trade charges over border shelling\n\n"
        "MARENBURG, Freedonia \u2014 Freedonian artillery shelled a Sylvanian border post on Tuesday, the "
        "defence ministry said. Freedonia's president told Sylvania to pull its troops back from the river "
        "by Friday. Sylvania's foreign minister denounced the shelling the next day.\n\n"
        "The two governments later agreed to set up a military hotline. Envoys of both sides met in a "
        "neutral capital on Thursday. Markets in the capital were quiet.")
SHELLING = "Freedonian artillery shelled a Sylvanian border post on Tuesday"
DEMAND = "Freedonia's president told Sylvania to pull its troops back from the river by Friday"
DENUNCIATION = "Sylvania's foreign minister denounced the shelling the next day"
HOTLINE = "The two governments later agreed to set up a military hotline"
ENVOYS = "Envoys of both sides met in a neutral capital on Thursday"
MARKETS = "Markets in the capital were quiet."


def _event(kind, source, target, first, last, evidence):
    return {"type": kind, "source_country": source, "target_country": target, "date_from": first,
            "date_to": last, "evidence": evidence, "mechanisms": ["plain"]}


def _record(doc_id, must, acceptable=(), quiet=()):
    return {"id": doc_id, "date": "2024-05-16", "title": TEXT.split("\n")[0], "text": TEXT,
            "must": list(must), "acceptable": list(acceptable), "quiet": list(quiet)}


FIRST = [_record("fx-01", [
    _event("ASSAULT", "FRE", "SYL", "2024-05-14", "2024-05-14", SHELLING),
    _event("ACCUSE", "SYL", "FRE", "2024-05-15", "2024-05-15", DENUNCIATION),
    _event("AGREE", "FRE", "SYL", "2024-05-15", "2024-05-16", HOTLINE),
    _event("REQUEST", "FRE", "SYL", "2024-05-14", "2024-05-14", DEMAND),
], quiet=[MARKETS]), _record("fx-02", [_event("CONSULT", "FRE", "SYL", "2024-05-16", None, ENVOYS)])]
SECOND = [_record("fx-01", [
    _event("ASSAULT", "FRE", "SYL", "2024-05-14", "2024-05-14", SHELLING),  # the same event
    _event("ACCUSE", "SYL", None, "2024-05-15", "2024-05-15", DENUNCIATION),  # no target
    _event("AGREE", "SYL", "FRE", "2024-05-16", "2024-05-16", HOTLINE),  # the parties the other way round
    _event("CONSULT", "FRE", "SYL", "2024-05-16", "2024-05-16", ENVOYS),  # the first coded nothing there
    _event("THREATEN", "FRE", "SYL", "2024-05-14", "2024-05-14", DEMAND),  # another type, same PentaClass
], acceptable=[_event("ACCUSE", "SYL", "FRE", "2024-05-15", "2024-05-15", DENUNCIATION)],
    quiet=[MARKETS, HOTLINE + "."])]


def _agreement(first=FIRST, second=SECOND):
    return compare_codings([article_label(r) for r in first], [article_label(r) for r in second],
                           {r["id"]: r["text"] for r in first})


def _pair(ratio):
    return ratio.right, ratio.total


def test_an_event_matches_as_the_scorer_matches_type_countries_and_overlapping_dates():
    week = labelled_event(_event("SANCTION", "FRE", "SYL", "2024-05-13", "2024-05-19", SHELLING))
    day = labelled_event(_event("SANCTION", "FRE", "SYL", "2024-05-15", None, SHELLING))
    later = labelled_event(_event("SANCTION", "FRE", "SYL", "2024-05-20", None, SHELLING))
    untargeted = labelled_event(_event("SANCTION", "FRE", None, "2024-05-15", None, SHELLING))
    coerce = labelled_event(_event("COERCE", "FRE", "SYL", "2024-05-15", None, SHELLING))
    assert events_match(week, day) and events_match(day, week)
    assert not events_match(week, later)
    assert not events_match(day, untargeted)  # a null target agrees only with a null target
    assert not events_match(day, coerce) and events_match(day, coerce, "PentaClass")
    assert events_match(later, untargeted, "type only")


def test_recall_each_way_counts_the_other_s_acceptable_events_and_the_levels_loosen_the_type():
    agreement = _agreement()
    assert _pair(agreement.recall("first")) == (2, 4)  # shelling; denunciation through an acceptable event
    assert _pair(agreement.recall("first", against_must_only=True)) == (1, 4)
    assert _pair(agreement.recall("second")) == (1, 5)
    assert _pair(agreement.precision_of_all("second")) == (2, 6)  # the shelling and the acceptable charge
    # the demand (REQUEST and THREATEN); the hotline AGREE by the envoys' CONSULT, both verbal cooperation
    assert _pair(agreement.recall("first", "PentaClass")) == (4, 4)
    assert _pair(agreement.recall("second", "PentaClass")) == (3, 5)
    assert _pair(agreement.recall("first", "type only")) == (3, 4)  # no REQUEST in the second coding
    assert _pair(agreement.recall("second", "type only")) == (3, 5)  # no CONSULT, no THREATEN in the first
    assert agreement.missing == ["fx-02"]


def test_each_miss_is_read_at_the_other_coding_s_event_on_the_same_evidence():
    agreement = _agreement()
    assert agreement.disagreement_kinds("first") == {SWAPPED: 1, "type": 1}
    assert agreement.disagreement_kinds("second") == {"target": 1, SWAPPED: 1, ABSENT: 1, "type": 1}
    assert agreement.field_totals() == {"type": 2, "source": 2, "target": 3}
    lines = agreement.disagreement_lines()
    assert "fx-01\tsecond must\tCONSULT FRE -> SYL 2024-05-16..2024-05-16\tabsent\t-\t" + ENVOYS in lines


def test_a_miss_with_its_event_in_another_sentence_is_read_at_the_nearest_one_there():
    first = [_record("fx-01", [_event("ASSAULT", "FRE", "SYL", "2024-05-14", None, SHELLING)])]
    second = [_record("fx-01", [_event("ASSAULT", "FRE", "SYL", "2024-05-10", None, DENUNCIATION)])]
    assert _agreement(first, second).disagreement_kinds("first") == {"date": 1}


def test_a_swap_with_another_date_counts_for_source_target_and_date():
    first = [_record("fx-01", [_event("CONSULT", "FRE", "SYL", "2024-05-16", None, ENVOYS)])]
    second = [_record("fx-01", [_event("CONSULT", "SYL", "FRE", "2024-05-12", None, ENVOYS)])]
    agreement = _agreement(first, second)
    assert agreement.disagreement_kinds("first") == {SWAPPED + "+date": 1}
    assert agreement.field_totals() == {"source": 2, "target": 2, "date": 2}  # each side's miss


def test_quiet_sentences_listed_by_both_by_one_and_where_the_other_codes_an_event():
    agreement = _agreement()
    assert agreement.quiet() == {"both": 1, "first_only": 0, "second_only": 1,
                                 "first_quiet_other_codes_event": 0, "second_quiet_other_codes_event": 1}
    assert agreement.quiet_conflicts() == [("fx-01", "second", HOTLINE + ".")]


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_cli_compares_two_codings_of_the_written_dev_articles(tmp_path):
    first, second = _write(tmp_path / "first.jsonl", FIRST), _write(tmp_path / "second.jsonl", SECOND)
    command = ["evaluate", "--shared", str(tmp_path), "--only", "written-dev", "--written-dev", str(first),
               "--second", str(second)]
    figures = CliRunner().invoke(main, [*command, "--json"])
    assert figures.exit_code == 0, figures.output
    report = json.loads(figures.output)
    assert report["levels"]["event"]["second_recall_of_first"]["right"] == 2
    assert report["must_events"] == {"first": 4, "second": 5} and report["missing"] == ["fx-02"]
    table = CliRunner().invoke(main, [*command, "--errors"])
    assert table.exit_code == 0, table.output
    assert "Two codings of the same 1 articles" in table.output
    assert "fx-01\tfirst must\tREQUEST FRE -> SYL" in table.output
    assert "fx-01\tsecond quiet\tthe other codes an event" in table.output


def test_the_cli_compares_codings_of_the_written_dev_set_only(tmp_path):
    first, second = _write(tmp_path / "first.jsonl", FIRST), _write(tmp_path / "second.jsonl", SECOND)
    result = CliRunner().invoke(main, ["evaluate", "--only", "written", "--written", str(first),
                                       "--second", str(second)])
    assert result.exit_code != 0 and "use it with --only written-dev" in result.output
    absent = CliRunner().invoke(main, ["evaluate", "--only", "written-dev", "--written-dev", str(first),
                                       "--second", str(tmp_path / "none.jsonl")])
    assert absent.exit_code != 0 and "no written article set" in absent.output
