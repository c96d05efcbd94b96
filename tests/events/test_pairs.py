"""'The two leaders', 'the two countries': the two sides of an act told just before, on short articles
written for these tests."""

import datetime as dt

from texts import code_text

from eventwire.events.coder import EventCoder

THURSDAY = dt.date(2024, 5, 16)


def code(coder: EventCoder, text: str):
    return code_text(coder, text, THURSDAY)


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]


def test_the_two_leaders_of_a_meeting_told_in_the_same_sentence(coder):
    events = code(coder, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in "
                         "Nairobi on Tuesday, and the two leaders agreed to reopen the border crossing.")
    meeting = next(e for e in events if e.event_type == "CONSULT")
    assert countries(meeting.target) == ["TZA"]  # the title's country, not a namesake's
    agree = next(e for e in events if e.event_type == "AGREE")
    assert countries(agree.source) == ["KEN"] and countries(agree.target) == ["TZA"]
    assert "refers to the parties named before" in " ".join(agree.reasons)


def test_the_two_countries_of_a_source_are_a_pair_it_belongs_to(coder):
    text = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi on "
            "Tuesday. Tanzania will not allow Uganda to build the pipeline, Hassan said. "
            "Ruto praised the security cooperation between the two countries.")
    praise = next(e for e in code(coder, text) if e.trigger.text.startswith("praised"))
    assert set(countries(praise.target)) == {"KEN", "TZA"}  # not Tanzania and Uganda, named last


def test_parties_that_accuse_each_other_are_source_and_target(rules):
    events = code(rules, "Bolivia and Paraguay accused each other of violating the river treaty on Tuesday.")
    accusation = next(e for e in events if e.event_type == "ACCUSE")
    assert (countries(accusation.source), countries(accusation.target)) == (["BOL"], ["PRY"])


def test_both_sides_that_blame_one_another_are_the_sides_of_the_clash_before(rules):
    events = code(rules, "Bolivian and Paraguayan soldiers clashed near the border on Tuesday. "
                         "Both sides blamed one another for the shooting.")
    blame = next(e for e in events if e.event_type == "ACCUSE")
    assert (countries(blame.source), countries(blame.target)) == (["BOL"], ["PRY"])
    assert any("one another" in r for r in blame.reasons if r.field == "target")


def test_one_party_that_attacks_each_other_is_its_own_target(rules):
    events = code(rules, "Rival militias in Libya are increasingly attacking each other near Tripoli.")
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert (countries(attack.source), countries(attack.target)) == (["LBY"], ["LBY"])
    assert attack.target[0].text == "each other"
