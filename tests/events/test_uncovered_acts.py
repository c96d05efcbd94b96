"""Acts that got no reading before the eleventh session's coverage work (docs/lexicon.md, "Coverage,
eleventh session"); sentences written for these tests."""

import pytest
from texts import code_text, countries


def _events(coder, text):
    return [(e.event_type, countries(e.source), countries(e.target)) for e in code_text(coder, text)]


def _types(coder, text):
    return {e.event_type for e in code_text(coder, text)}


# A phrasal verb whose particle is a stop word ("side with") had no cue for the candidate filter.
@pytest.mark.parametrize("text, source, target", [
    ("The Kremlin sided with Caracas.", "RUS", "VEN"),
    ("Several Gulf monarchies have sided with Riyadh in the quarrel.", None, "SAU"),
    ("Hungary, alone in the bloc, sided with Belgrade on Friday.", "HUN", "SRB"),
    ("Ankara sided openly with Baku after the shelling of Ganja.", "TUR", "AZE"),
])
def test_siding_with_an_actor_is_support(rules, text, source, target):
    events = _events(rules, text)
    support = [e for e in events if e[0] == "SUPPORT"]
    assert support, events
    assert target in support[0][2]
    if source is not None:
        assert source in support[0][1]


def test_phrasal_verbs_particle_is_a_candidate_cue(rules):
    assert rules.lexicon.is_candidate("Hungary sided with Belgrade.")
    assert not rules.lexicon.is_candidate("Fans lined both sides of the road.")


@pytest.mark.parametrize("text", [
    "The rebels took the hillside with ease.",
    "Residents of both sides of the river waited with their bags.",
])
def test_side_as_a_noun_is_no_support(rules, text):
    assert "SUPPORT" not in _types(rules, text)


# A synonym block's generic default, written as the verb's own sense, reads at full strength.
@pytest.mark.parametrize("text, event_type", [
    ("Troops assaulted the rebel town of Kidal on Sunday.", "ASSAULT"),
    ("Militiamen razed two villages near Bunia overnight.", "ASSAULT"),
    ("Bolivian police cracked down on striking miners in Potosi.", "COERCE"),
    ("Ecuadorian security forces quelled a prison riot in Guayaquil.", "COERCE"),
])
def test_block_default_as_own_sense(rules, text, event_type):
    assert event_type in _types(rules, text)


@pytest.mark.parametrize("text, event_type", [
    ("A mob clubbed a Kenyan policeman to death in Eldoret.", "ASSAULT"),
    ("Villagers lynched two suspected Ugandan rebels on Tuesday.", "ASSAULT"),
    ("Gunmen sacked four villages in Benue State at dawn.", "ASSAULT"),
    ("Lawmakers rallied behind the Peruvian president after the vote.", "SUPPORT"),
])
def test_new_verbs_of_violence_and_support(rules, text, event_type):
    assert event_type in _types(rules, text)


@pytest.mark.parametrize("text", [
    "The Brazilian company sacked 200 workers last month.",
    "Thousands of Chilean fans rallied in Santiago before the final.",
])
def test_sacking_workers_and_a_rally_are_no_attack_or_support(rules, text):
    assert not _types(rules, text) & {"ASSAULT", "SUPPORT"}


# Warnings that name the hostile act warned against, or the reprisal warned of, are threats.
@pytest.mark.parametrize("text, source, target", [
    ("Uruguay warned Argentina against any military intervention.", "URY", "ARG"),
    ("China has warned Manila against provocations in the disputed waters.", "CHN", "PHL"),
    ("Egypt warned Ethiopia of repercussions if the dam is filled.", "EGY", "ETH"),
    ("Seoul cautioned Pyongyang against further missile strikes.", "KOR", "PRK"),
])
def test_warning_against_a_hostile_act_is_a_threat(rules, text, source, target):
    events = _events(rules, text)
    assert ("THREATEN", [source], [target]) in events, events


@pytest.mark.parametrize("text", [
    "Doctors warned against complacency as flu cases rose in Lima.",
    "The Peruvian minister warned of heavy rain in the north.",
])
def test_warning_of_no_hostile_act_is_no_threat(rules, text):
    assert "THREATEN" not in _types(rules, text)


# Diplomats expelled, and organisations left: reduced relations (SANCTION).
@pytest.mark.parametrize("text, source, target", [
    ("Ecuador declared the Mexican envoy persona non grata over his remarks.", "ECU", "MEX"),
    ("Ghana expelled two Nigerian diplomats on Friday.", "GHA", "NGA"),
    ("Chad quit the Economic Community of Central African States on Sunday.", "TCD", "IGO"),
    ("Britain left the European Union in 2020.", "GBR", "IGO"),
])
def test_expulsions_and_exits_reduce_relations(rules, text, source, target):
    events = _events(rules, text)
    assert ("SANCTION", [source], [target]) in events, events


def test_leaving_a_bloc_told_in_a_clause(rules):
    assert "SANCTION" in _types(rules, "Burundi said on Monday that it was leaving the regional bloc.")


@pytest.mark.parametrize("text", [
    "Thousands of Syrian families left the village after the raid.",
    "The Chilean president declared the session open.",
])
def test_leaving_a_place_or_declaring_a_session_open_is_no_sanction(rules, text):
    assert "SANCTION" not in _types(rules, text)


# A denial of what a clause tells of another actor, as doer or as sufferer, rejects what was said of it.
@pytest.mark.parametrize("text, source, target", [
    ("Officials in Lima denied that any Chilean diplomat had been mistreated.", "PER", "CHL"),
    ("Beijing denied on Monday that Taiwanese fishermen had been detained.", "CHN", "TWN"),
    ("The Kenyan police denied that Ugandan traders were beaten at the border.", "KEN", "UGA"),
    ("Colombia has denied that Venezuelan migrants are being expelled.", "COL", "VEN"),
])
def test_denial_of_what_was_done_to_another_party(rules, text, source, target):
    events = _events(rules, text)
    assert ("REJECT", [source], [target]) in events, events


def test_denial_of_what_befell_a_thing_is_no_rejection(rules):
    assert "REJECT" not in _types(rules, "The ministry denied that the documents were forged.")


# Statement acts told as nouns.
@pytest.mark.parametrize("text, event_type", [
    ("Turkey's denial of the charge angered Athens.", "REJECT"),
    ("Seoul's rebuke of Tokyo came a day after the vote.", "ACCUSE"),
])
def test_statement_nouns(rules, text, event_type):
    assert event_type in _types(rules, text)


def test_persona_non_grata_with_the_envoy_parsed_as_a_compound(rules):
    events = _events(rules, "On Friday, Kenya declared Somalia's ambassador persona non grata after a "
                            "dispute over fishing rights.")
    assert ("SANCTION", ["KEN"], ["SOM"]) in events, events


# "X said A was B and demanded ...": the parser joins the second verb to the reported copula; the
# speaker acts.
@pytest.mark.parametrize("text, expected", [
    ("The Bolivian president told reporters the vote was fair and demanded that Chilean troops leave the "
     "border area.", ("REQUEST", ["BOL"], ["CHL"])),
    ("The Kenyan envoy said the border was calm and accused Somali militants of staging the raid.",
     ("ACCUSE", ["KEN"], ["SOM"])),
    ("The Ghanaian minister said the election was peaceful and thanked the Togolese observers.",
     ("SUPPORT", ["GHA"], ["TGO"])),
    ("The Peruvian premier said the strike was illegal and ordered the arrest of Bolivian organisers.",
     ("COERCE", ["PER"], [])),
])
def test_speakers_act_joined_to_the_clause_it_reports(rules, text, expected):
    events = _events(rules, text)
    assert expected in events, events


def test_a_conjunct_with_an_auxiliary_continues_the_reported_clause(rules):
    events = _events(rules, "The Chilean minister said the Peruvian army was ready and would attack the "
                            "rebels.")
    assert events and all(source != ["CHL"] for _, source, _ in events), events


@pytest.mark.parametrize("text, expected", [
    ("A Russian helicopter was downed by Syrian rebels near Idlib.", ("ASSAULT", ["SYR"], ["RUS"])),
    ("Ukrainian forces downed two Russian drones over Kharkiv.", ("ASSAULT", ["UKR"], ["RUS"])),
    ("Nigerian doctors downed tools on Monday over unpaid wages.", ("PROTEST", ["NGA"], [])),
    ("The Malian army foiled a jihadist offensive near Gao.", ("ASSAULT", ["MLI"], [])),
])
def test_aircraft_downed_tools_downed_and_offensives_foiled(rules, text, expected):
    events = _events(rules, text)
    assert expected in events, events


def test_rounding_up_people_is_taking_them(rules):
    assert _types(rules, "Bolivian police rounded up dozens of Peruvian traders in El Alto.") & {"COERCE",
                                                                                                   "ASSAULT"}


@pytest.mark.parametrize("text", [
    "Sales of Peruvian coffee downed sharply last year.",
    "The Chilean striker foiled the goalkeeper with a late shot.",
])
def test_no_aircraft_and_no_armed_act_foiled(rules, text):
    assert not _types(rules, text) & {"ASSAULT", "PROTEST"}


@pytest.mark.parametrize("text, event_type", [
    ("A Haitian mob burned churches and shops in Jacmel.", "COERCE"),
    ("Gunmen burned 40 houses in a Nigerian village on Sunday.", "ASSAULT"),  # an armed group's burning
    ("A Kenyan man was burnt alive by a mob in Kisumu.", "ASSAULT"),
    ("Mali dispatched 500 soldiers to the northern town of Kidal.", "MOBILIZE"),
])
def test_property_burned_people_burned_and_forces_dispatched(rules, text, event_type):
    assert event_type in _types(rules, text)


@pytest.mark.parametrize("text", [
    "Bolivian farmers burned the stubble of their fields.",
    "The Peruvian ministry dispatched the letters on Monday.",
])
def test_stubble_burned_and_letters_dispatched_are_no_events(rules, text):
    assert not _types(rules, text)


# A time clause headed by "planned" or "scheduled" tells when the act happened; it is no future frame
# of the act (a threat) the way a modifier of it is ("a proposed boycott").
@pytest.mark.parametrize("text, event_type", [
    ("A Peruvian union leader was murdered in Cusco days before he planned to fly to Geneva.", "ASSAULT"),
    ("Gunmen shot a Kenyan judge a week before he was scheduled to rule on the case.", "ASSAULT"),
    ("Chilean police arrested the Bolivian activist days before she planned to march.", "COERCE"),
    ("Syrian troops shelled the town of Ariha as residents planned to flee.", "ASSAULT"),
])
def test_a_plan_in_a_time_clause_is_no_future_of_the_act(rules, text, event_type):
    events = code_text(rules, text)
    assert [(e.event_type, e.future) for e in events] == [(event_type, False)]


def test_a_proposed_act_is_still_announced(rules):
    events = code_text(rules, "A proposed Peruvian boycott of Chilean goods angered Santiago.")
    assert [(e.event_type, e.future) for e in events] == [("THREATEN", True)]
