"""Acts told as nouns wherever they stand, with their parties from the noun phrase; sentences written
for these tests (docs/lexicon.md, "Acts told as nouns")."""

import pytest
from texts import code_text


def _of_type(coder, text, event_type):
    events = code_text(coder, text)
    return [e for e in events if e.event_type == event_type], events


def _countries(actors):
    return [a.country for a in actors]


def test_possessive_doer_of_a_noun_told_as_done(rules):
    found, events = _of_type(rules, "Ethiopia's offensive in the north stalled on Sunday.", "ASSAULT")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert _countries(found[0].source) == ["ETH"]


def test_doer_named_on_the_act_that_is_a_violent_verbs_subject(rules):
    events = code_text(rules, "Turkish airstrikes on Duhok killed 12 villagers on Tuesday.")
    assert [e.event_type for e in events] == ["ASSAULT"]  # one act, no labour strike beside it
    assert _countries(events[0].source) == ["TUR"]


def test_counted_acts_take_the_doer_named_on_them(rules):
    text = "Dozens of Turkish airstrikes hit Kurdish positions near Duhok overnight."
    found, events = _of_type(rules, text, "ASSAULT")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert _countries(found[0].source) == ["TUR"]


def test_object_of_of_is_the_target_of_an_arrest(rules):
    found, events = _of_type(rules, "The arrest of the Ugandan opposition leader Okello Mbabazi sparked "
                                    "protests in Kampala.", "COERCE")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert _countries(found[0].target) == ["UGA"]
    assert found[0].source == []
    # the arrest is no actor of the protests it sparked
    assert all("arrest" not in a.text for e in events for a in e.source)


def test_object_of_of_is_the_doer_of_a_withdrawal(rules):
    found, events = _of_type(rules, "The withdrawal of Rwandan troops from Goma ended on Monday.", "RETREAT")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert _countries(found[0].source) == ["RWA"]


def test_a_day_is_no_doer(rules):
    found, events = _of_type(rules, "Tuesday's raid by Kenyan police on a mosque in Mombasa left two dead.",
                             "ASSAULT")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert [a.text for a in found[0].source] == ["Kenyan police"]
    assert _countries(found[0].source) == ["KEN"]


def test_counted_acts_take_the_doer_named_on_the_count(rules):
    text = "A series of raids by Kenyan police in Garissa ended on Sunday."
    found, events = _of_type(rules, text, "ASSAULT")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert _countries(found[0].source) == ["KEN"]


def test_deportation_of_counted_people(rules):
    found, events = _of_type(rules, "The deportation of 40 Haitian migrants by Dominican authorities drew "
                                    "protests.", "COERCE")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert found[0].cameo == "174"
    assert _countries(found[0].source) == ["DOM"]
    assert _countries(found[0].target) == ["HTI"]


@pytest.mark.parametrize("text, noun", [
    ("The threat of Chilean sanctions hangs over Lima.", "threat"),  # a topic: an act of an act
    ("The threat of Chilean sanctions hangs over Lima.", "sanctions"),
    ("Fears of an Eritrean attack on the capital grew on Monday.", "attack"),  # feared, not done
    ("The museum in Addis Ababa recalls the Battle of Adwa.", "Battle"),  # the name of a past event
    ("Farmers were detained in the Ethiopian offensive of 1998.", "offensive"),  # a circumstance
])
def test_topics_names_and_circumstances_are_no_acts(rules, text, noun):
    events = code_text(rules, text)
    assert not [e for e in events if noun in e.trigger.text], [(e.event_type, e.trigger.text) for e in events]


def test_possessive_of_an_arrest_is_who_was_arrested(rules):
    text = "The Kenyan activist's arrest in Nairobi angered her supporters."
    found, events = _of_type(rules, text, "COERCE")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert _countries(found[0].target) == ["KEN"]
    assert found[0].source == []


def test_possessive_with_an_of_phrase_is_the_doer(rules):
    found, events = _of_type(rules, "Ethiopia's arrest of three Kenyan traders in Moyale drew protests.",
                             "COERCE")
    assert found, [(e.event_type, e.trigger.text) for e in events]
    assert _countries(found[0].source) == ["ETH"]
    assert _countries(found[0].target) == ["KEN"]


def test_a_background_reference_in_a_phrase_keeps_no_unknown_doer(rules):
    text = "The prosecutor said the suspect was behind the abduction of two Nigerian engineers in Kano."
    assert not [e for e in code_text(rules, text) if "abduction" in e.trigger.text]


def test_an_act_that_is_the_topic_of_a_noun_is_no_act(rules):
    text = "The memorial in Kigali marks the anniversary of the killing of 40 farmers by militia fighters."
    assert not [e for e in code_text(rules, text) if "killing" in e.trigger.text]



@pytest.mark.parametrize("text, doer, target", [
    ("The rebels increased raids on army posts near Goma.", "rebels", "army posts"),
    ("Sudan's army intensified airstrikes on rebel bases in Darfur.", "Sudan's army",
     "rebel bases in Darfur"),
])
def test_attacks_stepped_up_are_attacks_on_their_target(rules, text, doer, target):
    events = code_text(rules, text)
    assert [e.event_type for e in events] == ["ASSAULT"]  # not a threat of attacks (CAMEO 138)
    assert [a.text for a in events[0].source] == [doer]
    assert [a.text for a in events[0].target] == [target]


def test_what_an_actor_has_in_the_simple_present_is_a_state(rules):
    assert not code_text(rules, "Canada still has a ban in place on imports of Brazilian beef.")
    found, events = _of_type(rules, "Chile had talks with Peru in Lima on Monday.", "CONSULT")
    assert found, [(e.event_type, e.trigger.text) for e in events]  # "had talks" still codes
