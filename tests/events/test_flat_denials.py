"""A speaker's flat denial in a quote ("Nonsense. I reject it," she said) answers the accusation told
just before: a REJECT toward the accuser. Sentences written for these tests."""

import pytest
from texts import code_text

ACCUSATION = "Nicaragua's opposition accused President Ortega of rigging the vote. "


@pytest.mark.parametrize("denial, trigger", [
    ('"Of course I disagree. Utter nonsense," Ortega said.', "disagree"),
    ('"I reject that. Utter nonsense," Ortega said.', "reject"),
    ('"I totally reject these claims," Ortega said.', "reject"),
])
def test_flat_denial_rejects_the_accuser(rules, denial, trigger):
    events = code_text(rules, ACCUSATION + denial)
    rejections = [e for e in events if e.event_type == "REJECT" and e.trigger.text == trigger]
    assert rejections, [(e.event_type, e.trigger.text) for e in events]
    assert rejections[0].source[0].sector == "GOV"
    assert rejections[0].target[0].sector == "OPP"
    assert [a.country for a in rejections[0].target] == ["NIC"]


def test_denial_after_an_accusation_of_someone_else_has_no_accuser(rules):
    text = ("Nicaragua's opposition accused the army of rigging the vote. "
            '"I reject that. Utter nonsense," Ortega said.')
    rejections = [e for e in code_text(rules, text) if e.event_type == "REJECT"]
    assert not any(a.sector == "OPP" for e in rejections for a in e.target)


def test_disagreeing_is_disapproval(rules):
    events = [e for e in code_text(rules, "Kenya's foreign minister disagreed with Uganda over the border "
                                     "survey.") if e.event_type == "ACCUSE"]
    assert events
    assert [a.country for a in events[0].target] == ["UGA"]


def test_flat_denial_answers_charges_read_out_just_before(rules):
    text = ("On Monday, Nicaragua's chief prosecutor read out the charges of fraud and treason. "
            '"Of course I disagree. Utter nonsense," opposition leader Cristiana Chamorro said.')
    rejections = [e for e in code_text(rules, text) if e.event_type == "REJECT"]
    assert rejections
    assert rejections[0].source[0].sector == "OPP"
    assert [a.country for a in rejections[0].target] == ["NIC"]
