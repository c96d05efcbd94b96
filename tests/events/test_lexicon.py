"""The compiled verb lexicon, the CAMEO<->PLOVER crosswalk and the cheap candidate filter."""

import filecmp
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.events.lexicon import (
    cameo_of,
    candidate_words,
    inflections,
    load_crosswalk,
    plover_of,
    quad_class_of,
)
from eventwire.records import EVENT_TYPES, QUAD_CLASSES

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("cameo", "event_type", "mode", "quad"), [
    ("042", "CONSULT", "visit", "verbal_cooperation"),
    ("041", "CONSULT", "phone", "verbal_cooperation"),
    ("023", "REQUEST", "assist", "verbal_cooperation"),  # appeal: cooperative
    ("1041", "REQUEST", "change", "verbal_conflict"),  # demand: conflictual
    ("111", "ACCUSE", "disapprove", "verbal_conflict"),
    ("163", "SANCTION", None, "material_conflict"),
    ("073", "AID", None, "material_cooperation"),
    ("195", "ASSAULT", "heavy-weapons", "material_conflict"),
    ("0871", "RETREAT", "ceasefire", "material_cooperation"),
    ("0841", "CONCEDE", "release", "material_cooperation"),  # the guideline's yielding, not OEDA's RETREAT
])
def test_crosswalk_maps_cameo_to_plover_and_quad_class(cameo, event_type, mode, quad):
    assert plover_of(cameo) == (event_type, mode)
    assert quad_class_of(cameo) == quad


def test_crosswalk_round_trip():
    crosswalk = load_crosswalk()
    for event_type in EVENT_TYPES:
        code = cameo_of(event_type)
        assert plover_of(code)[0] == event_type
    for (event_type, mode), code in crosswalk.canonical.items():
        assert plover_of(code)[0] == event_type
        if mode is not None:
            assert plover_of(code) == (event_type, mode)
    assert cameo_of("CONSULT", "visit") == "042"
    assert {quad_class_of(code) for code in crosswalk.rows} == set(QUAD_CLASSES)


def test_statements_and_unknown_codes_have_no_plover_type():
    assert plover_of("010") is None
    assert plover_of("0874") == ("RETREAT", "disarm")
    assert plover_of("1956") == plover_of("195")  # unknown sub-code: the parent's row


def test_inflections_cover_regular_forms():
    assert {"attack", "attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"seize", "seized", "seizing"} <= inflections("seize")
    assert {"ally", "allies", "allied"} <= inflections("ally")
    assert {"ban", "banned", "banning"} <= inflections("ban")


@pytest.mark.parametrize("text", [
    "Russian forces shelled the city overnight.",
    "The two leaders held talks in Geneva.",
    "Protesters gathered outside parliament.",
    "Israeli airstrikes hit Gaza.",
    "The EU imposed new sanctions on Moscow.",
])
def test_is_candidate_true(text, lexicon):
    assert lexicon.is_candidate(text)


@pytest.mark.parametrize("text", [
    "The weather was sunny and warm.",
    "Temperatures will drop below freezing tonight.",
    "",
])
def test_is_candidate_false(text, lexicon):
    assert not lexicon.is_candidate(text)


def test_shipped_candidate_words_match_the_lexicon():
    """lexicon.json ships the candidate filter's words precomputed: they must be those its entries give."""
    raw = json.loads((REPO / "src/eventwire/data/verbs/lexicon.json").read_text(encoding="utf-8"))
    assert raw["candidate_words"] == candidate_words(raw)


def test_build_script_reproduces_shipped_files(shared_dir, tmp_path):
    shipped = [REPO / "src/eventwire/data/verbs/lexicon.json",
               REPO / "src/eventwire/data/plover/cameo_plover.tsv",
               REPO / "src/eventwire/data/plover/quad_classes.tsv"]
    before = {path: path.read_bytes() for path in shipped}
    subprocess.run([sys.executable, str(REPO / "models/build_lexicon.py"), "--shared", str(shared_dir)],
                   check=True)
    for path in shipped:
        assert path.read_bytes() == before[path], f"{path.name} differs from its rebuild"
    assert filecmp.cmp(shipped[2], REPO / "models/sources/quad_classes.tsv", shallow=False)


def test_typed_development_set_accuracy(nlp, lexicon, models_script):
    """The team's typed wire-style sentences (fixtures/typed_sentences.tsv): 16 types and non-events."""
    measure = models_script("measure_lexicon")
    rows = measure.read_typed()
    assert len(rows) >= 16 * 12 + 40
    docs = nlp.pipe(sentence for sentence, _, _ in rows)
    predictions = [measure.typed_prediction(doc, lexicon.triggers(doc), trigger)
                   for (_, _, trigger), doc in zip(rows, docs)]
    correct = sum(predicted == expected for predicted, (_, expected, _) in zip(predictions, rows))
    assert correct / len(rows) >= 0.85
    nonevents = [p for p, (_, expected, _) in zip(predictions, rows) if expected == "NONE"]
    assert sum(p == "NONE" for p in nonevents) / len(nonevents) >= 0.75


def test_candidate_filter_reads_words_not_substrings(lexicon):
    assert lexicon.is_candidate("Rebels ATTACKED the convoy.")
    assert lexicon.is_candidate("A cease-fire was declared.")
    assert not lexicon.is_candidate("The counterattacker scored.")


def test_compounds_inside_prepositional_phrases_are_words_of_the_phrase(models_script):
    build = models_script("build_lexicon")
    assert build.parse_pattern("* (TO LIST) (OF {BANNED PARTIES})")["preps"] == [
        ["to", ["list"]], ["of", ["banned", "parties"]]]
    assert build.parse_pattern("* &SECURITY (OVER {&WEAPON ATTACK})")["preps"] == [
        ["over", ["&WEAPON", "attack"]]]
    assert build.parse_pattern("* CONTROL (OF {THE HOUSE})")["preps"] == [["of", ["house"]]]


def test_no_shipped_pattern_element_keeps_a_brace():
    raw = json.loads((REPO / "src/eventwire/data/verbs/lexicon.json").read_text(encoding="utf-8"))
    patterns = [p for block in raw["blocks"].values() for p in block["patterns"]]
    patterns += [p for verb in raw["verbs"].values() for p in verb.get("patterns", ())]
    elements = [e for p in patterns for e in p["subject"] + p["object"] + [w for prep in p["preps"]
                                                                          for w in [prep[0], *prep[1]]]]
    assert elements and not [e for e in elements if set(e) & set("{}()")]


def test_a_dictionary_pattern_with_a_compound_in_its_phrase_now_matches(nlp, lexicon):
    found = lexicon.triggers(nlp("The court added the movement to the list of banned parties."))
    assert [(c.cameo, c.pattern) for c in found] == [("1722", "add | * (to list) (of banned parties)")]


def test_candidate_cues_are_words_the_filter_can_see(lexicon):
    candidates = lexicon.data.candidates
    cues = set().union(*(candidates.cues(form) for form in candidates.weak))
    assert all(re.fullmatch(r"-?[a-z][a-z-]*", cue) for cue in cues), "cue with a brace, digit or symbol"
    assert {"soldiers", "soldier", "banned", "peacekeeping"} <= cues
    assert not {"soldiersed", "soldierses", "bannedded", "peacekeepinging", "{&car", "{banned"} & cues


def test_a_weak_verb_needs_its_own_cue(lexicon):
    candidates = lexicon.data.candidates
    assert "said" in candidates.weak and "in" not in candidates.cues("said")
    assert not candidates.match("The minister said in a speech that the economy was growing.")
    assert candidates.match("The general stepped down on Friday.")  # 'down' is a cue of 'step'
    assert not candidates.match("The general stepped onto the stage on Friday.")
    assert candidates.match("Rebels attacked a convoy.")  # a strong word is enough


def test_occupying_territory_is_an_attack():
    """The project's override of the OEDA crosswalk (models/sources/plover_overrides.tsv)."""
    assert plover_of("192")[0] == "ASSAULT"


def test_coverage_report_counts_political_clauses_without_a_reading(nlp, lexicon, models_script):
    report = models_script("coverage_report")
    reader, coverage = report.Reader(lexicon), report.Coverage()
    for text in ("Government troops escorted the convoy to the border.",  # unknown verb, actor subject
                 "Rebels attacked the convoy near the border.",  # read: not counted
                 "The river escorted nothing."):  # no political actor
        reader.count(nlp(text), coverage)
    assert coverage.sentences == 3
    assert coverage.verbs["unknown"] == {"escort": 1}
    assert "attack" not in [lemma for counter in coverage.verbs.values() for lemma in counter]
    summary = report.summary(coverage, top=5)
    assert summary["verbs_without_reading"]["unknown"] == {"tokens": 1, "lemmas": 1, "top": [["escort", 1]]}
    assert "| verbs: unknown | 1 | 1 | escort (1) |" in report.markdown(summary)


def test_trigger_precision_reads_the_trigger_and_ranks_wrong_readings(models_script):
    from types import SimpleNamespace

    from eventwire.events.modality import read_modality_words
    from eventwire.records import Reason, Sentence, Trigger

    report_module = models_script("trigger_precision")

    said = '"We will drift toward them," the minister said.'

    def event(event_type: str, reason: str):
        return SimpleNamespace(event_type=event_type, sentence=Sentence(0, said, 0, len(said)),
                               trigger=Trigger("drift", 9, 14), source=[], target=[], future=True,
                               reasons=[Reason("type", f"trigger 'x' -> {event_type}: {reason}"),
                                        Reason("source", "'we' is the speaker's side")])

    drift = event("AGREE", "verb 'drift' pattern 'drift | * to' -> CAMEO 030 -> AGREE")
    strike = event("ASSAULT", "verb 'strike' pattern 'strike | *' -> CAMEO 190 -> ASSAULT")
    assert report_module.trigger_of(drift) == ("verb drift", "drift | * to")
    report = report_module.Report(read_modality_words().first_person, sentences=3)
    report.add(drift, report_module.sentence_outcome("none", "AGREE", "none"), "none")
    report.add(drift, "article_false", report_module.ARTICLE_FALSE)
    report.add(strike, report_module.sentence_outcome("ASSAULT", "ASSAULT", "none"), "ASSAULT")
    found = report_module.summary(report, top=5, least=1)
    assert found["words"][0] == ["verb drift", 2, 0, 0, 1, 0, 1, 0.0, "none 1, false in an article 1"]
    assert found["words"][1][:3] == ["verb strike", 1, 1]
    assert found["precision"] == 0.333
    assert "| verb drift -> AGREE | 2 |" in report_module.markdown(found)
    assert found["speech"] == [["quoted, first person, future, no target", 3, 1, 0, 1, 0, 1, 0.333,
                                "none 1, false in an article 1"]]
