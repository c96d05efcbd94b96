"""Acts told in a time phrase ("after being freed by his captors") and captors as a party; sentences
written for these tests."""

from texts import code_text


def test_passive_in_an_after_phrase_has_the_main_subject_as_victim(rules):
    text = "The Kenyan aid worker flew to Nairobi after being released by his kidnappers in Somalia."
    events = [e for e in code_text(rules, text) if e.event_type == "CONCEDE"]
    assert events
    assert [a.country for a in events[0].target] == ["KEN"]
    assert [a.sector for a in events[0].source] == ["CRM"]


def test_captors_and_schoolgirls_are_parties(rules):
    text = ("Many Kenyans are expressing relief after more than 90 schoolgirls abducted in coastal "
            "Lamu county were freed by their captors on Friday.")
    events = [e for e in code_text(rules, text) if e.event_type == "CONCEDE"]
    assert events
    assert [a.sector for a in events[0].source] == ["CRM"]
    assert [a.sector for a in events[0].target] == ["EDU"]


def test_act_in_an_after_phrase_of_a_passive_is_done_by_its_subject(rules):
    text = ("The Thai reporter was released from jail on Friday after apologizing to Prime Minister "
            "Srettha Thavisin.")
    events = [e for e in code_text(rules, text) if e.event_type == "SUPPORT"]
    assert events
    assert [a.sector for a in events[0].source] == ["JRN"]
    assert [a.country for a in events[0].source] == ["THA"]
    assert [a.sector for a in events[0].target] == ["GOV"]
