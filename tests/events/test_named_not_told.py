"""Acts a sentence names without telling them (events/background.py, docs/lexicon.md "Precision, eleventh
session"): a relative clause describing its noun by what it does as a rule (simple present, present
passive, perfect progressive), the alternative not chosen ("instead of", "rather than"), a yes/no
question asked ("asked X if ..."), the condition of another act ("if Kosovo rejects the plan"), what a
negated reporting verb does not report ("has not said it carried out") and an act forecast as the object
of "expect", "predict" (events/modality.py) give no event; the act the sentence tells stays. Sentences
written for these tests."""

import datetime as dt

import pytest

from eventwire.records import Document

MONDAY = dt.date(2024, 3, 11)


def code(rules, text: str) -> list[tuple[str, str]]:
    doc = Document(id="fixture", text=text, original_text=text, origin="<test>", date=MONDAY)
    return [(e.event_type, e.trigger.text) for e in rules.code_document(doc) if not e.historical]


@pytest.mark.parametrize("text, named, told", [
    ("Chad, which hosts thousands of Sudanese refugees, closed its eastern border on Monday.",
     "hosts", "closed"),
    ("Serbia, which supplies arms to several African states, signed a deal with Hungary on Tuesday.",
     "supplies", "signed a deal"),
    ("Kenya, which buys most of its fuel from the Gulf, signed a trade deal with Oman on Tuesday.",
     "buys", "signed a trade deal"),
    ("Gunmen raided a camp near Tillaberi that is guarded by Nigerien soldiers on Sunday.",
     "guarded", "raided"),
    ("Police in Lima arrested a former minister who had been sheltering in the Bolivian embassy since June.",
     "sheltering", "arrested"),
])
def test_a_relative_clause_describing_its_noun_is_no_event(rules, text, named, told):
    events = code(rules, text)
    assert not [e for e in events if e[1] == named], events
    assert [e for e in events if e[1] == told], events


@pytest.mark.parametrize("text, named, told", [
    ("The minister resigned instead of negotiating with the striking doctors, officials said.",
     "negotiating", "resigned"),
    ("The Thai army shelled the border posts rather than withdraw its troops from the temple.",
     "withdraw", "shelled"),
    ("The Eritrean government detained the envoys rather than meet them, the opposition said.",
     "meet", "detained"),
    ("The court jailed the Tunisian blogger rather than fine him on Monday.", "fine", "jailed"),
])
def test_the_alternative_not_chosen_is_no_event(rules, text, named, told):
    events = code(rules, text)
    assert not [e for e in events if e[1] == named], events
    assert [e for e in events if e[1] == told], events


@pytest.mark.parametrize("text, told", [
    # a speech act in a relative clause is the party's standing word, coded as the stance it is
    ("Russia, which denies any role in the blast, expelled two Estonian diplomats on Friday.", "denies"),
    # a relative clause in the past tells an act
    ("Nigerian troops arrested the gunmen who kidnapped the students on Monday.", "kidnapped"),
    # the act chosen stays, and so does an act whose actor alone is contrasted
    ("The premier chose to resign rather than dissolve parliament.", "resign"),
    ("Iran, rather than Iraq, fired the missiles at the base on Monday.", "fired"),
])
def test_a_told_act_stays(rules, text, told):
    assert [e for e in code(rules, text) if e[1] == told]


@pytest.mark.parametrize("text", [
    "Analysts expect more Russian attacks on Ukrainian power plants this winter.",
    "Western diplomats predicted fresh sanctions against Belarus after the vote.",
    "Kenyan officials anticipate new clashes with Somali militants along the border.",
    "She said she expected further raids by militias allied with the junta.",
])
def test_an_act_forecast_as_the_object_of_a_forecasting_verb_is_no_event(rules, text):
    assert code(rules, text) == []


@pytest.mark.parametrize("text, told", [
    ("The expected attack came on Monday, when rebels shelled Goma.", "shelled"),
    ("Ethiopian police arrested 20 protesters on Monday, as many had expected.", "arrested"),
])
def test_an_act_told_beside_a_forecasting_word_stays(rules, text, told):
    assert [e for e in code(rules, text) if e[1] == told]


@pytest.mark.parametrize("text", [
    "Reporters asked the minister if Kenya had expelled the envoy.",
    "The prosecutor asked the publisher if he agreed with the charges.",
    "Journalists asked the Kenyan president whether his government would close the Dadaab camp.",
    "Diplomats wondered if Russia had attacked the convoy.",
])
def test_a_yes_no_question_is_neither_a_request_nor_the_act_asked_about(rules, text):
    assert code(rules, text) == []


@pytest.mark.parametrize("text, told", [
    ("The EU asked Serbia to withdraw its police from the north.", "asked"),
    ("Kenya asked Somalia whether it would attend the talks, and Somalia refused to attend.", "refused"),
])
def test_a_request_and_an_answer_stay(rules, text, told):
    assert [e for e in code(rules, text) if e[1] == told]


@pytest.mark.parametrize("text", [
    "Serbia will recall its envoy if Kosovo rejects the plan.",
    "Unless Russia agrees to the ceasefire, the EU will impose new sanctions.",
    "If Chad accuses Sudan of arming the rebels, the talks will collapse.",
    "He denies the charges, but if convicted by the court, he could face life in prison.",
])
def test_the_condition_of_another_act_is_no_event(rules, text):
    assert code(rules, text) == []


def test_acts_told_as_done_beside_a_condition_stay(rules):
    assert [e[0] for e in code(rules, "Kenya rejected the plan, and Somalia accused it of bad faith.")] == [
        "REJECT", "ACCUSE"]
    threat = "The EU threatened to impose sanctions if Belarus refused to free the journalist."
    assert [e[0] for e in code(rules, threat)] == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "Israel has not said it carried out the strike on the Iranian consulate.",
    "The Pentagon did not confirm that American jets had bombed the depot.",
    "Ukraine has never claimed that it attacked the bridge.",
    "Colombian officials would not say that the army had shelled the camp.",
])
def test_what_a_negated_reporting_verb_does_not_report_is_no_event(rules, text):
    assert code(rules, text) == []


@pytest.mark.parametrize("text", [
    "Ukraine said it attacked the bridge on Monday.",
    "Officials did not say when the troops attacked the village.",
])
def test_a_reported_act_and_an_act_taken_as_done_stay(rules, text):
    assert [e[0] for e in code(rules, text)] == ["ASSAULT"]
