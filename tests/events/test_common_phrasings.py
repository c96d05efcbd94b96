"""Common wire phrasings that got no event or another type (session 13): denials of a clause that names
no other party, rebukes told by "call" and "describe ... as", brushing a demand aside, warnings of a
penalty, crowds rioting, police firing tear gas, diplomats ordered out, borders closed and reopened,
stepping down. Sentences written for these tests."""

import pytest
from texts import code_text, countries, events_of


@pytest.mark.parametrize("text", [
    "The Bolivian navy denied on Friday that its patrol was a provocation.",
    "Bolivia's electoral court denied that ballots had been burned.",
    "Chile's interior ministry denied on Monday that the decree was aimed at migrants.",
])
def test_denial_of_a_clause_naming_no_other_party_is_a_rejection(rules, text):
    rejections = events_of(rules, text, "REJECT")
    assert rejections, [(e.event_type, e.trigger.text) for e in code_text(rules, text)]
    assert rejections[0].trigger.text.startswith("denied")
    assert countries(rejections[0].source) in (["BOL"], ["CHL"])


def test_a_denial_asked_as_a_question_is_none(rules):
    assert not events_of(rules, "Chile's interior ministry denied whether the plan existed.", "REJECT")


@pytest.mark.parametrize("text", [
    "Peru's trade minister denied any wrongdoing on Thursday.",
    "Ecuador's foreign ministry denied the allegations on Sunday.",
])
def test_denying_an_accusation_named_by_its_noun_is_a_rejection(rules, text):
    assert events_of(rules, text, "REJECT")


@pytest.mark.parametrize("text", [
    "Uruguay's president called the dossier false on Tuesday.",
    "Uruguay's president called the dossier baseless and politically motivated.",
    "Paraguay's foreign minister called the accusation a lie.",
    "Uruguay's foreign ministry described the accusations as baseless.",
])
def test_calling_an_accusation_false_rejects_it(rules, text):
    assert events_of(rules, text, "REJECT")


@pytest.mark.parametrize("text", [
    "Paraguay's foreign minister called the blockade inhumane and selfish.",
    "The Uruguayan government called the travel ban inexcusable.",
    "Paraguay's interior ministry described the detentions as persecution.",
    "Uruguay's president called the officers' revolt treason.",
])
def test_rebukes_told_by_call_and_describe_are_criticism(rules, text):
    assert events_of(rules, text, "ACCUSE")


def test_calling_something_an_attack_is_no_criticism(rules):
    text = "Iraqi officials said saboteurs blew up the pipeline, calling it the worst attack in a year."
    assert not events_of(rules, text, "ACCUSE")


@pytest.mark.parametrize("text", [
    "Paraguay's president brushed the demand aside on Monday.",
    "Paraguay's president brushed aside the ultimatum.",
    "The Kremlin shrugged off the rebuke.",
])
def test_brushing_aside_or_shrugging_off_rejects(rules, text):
    assert events_of(rules, text, "REJECT")


def test_a_warning_of_sanctions_threatens_the_one_warned(rules):
    threats = events_of(rules, "Chile warned Bolivia on Monday that it would face new sanctions.", "THREATEN")
    assert threats
    assert countries(threats[0].source) == ["CHL"]
    assert countries(threats[0].target) == ["BOL"]


@pytest.mark.parametrize("text", [
    '"Chile will pay a high price for this outrage," the Bolivian defence minister said.',
    "Bolivia's president vowed that Chile would pay for the shelling.",
])
def test_being_told_one_will_pay_is_a_threat(rules, text):
    threats = events_of(rules, text, "THREATEN")
    assert threats
    assert countries(threats[0].target) == ["CHL"]


def test_paying_for_reconstruction_is_no_threat(rules):
    text = "Germany's chancellor said Germany would pay for the reconstruction of the bridge."
    assert not events_of(rules, text, "THREATEN")


@pytest.mark.parametrize("text", [
    "A crowd attacked the offices of the electoral board in Arica on Sunday.",
    "Hundreds of demonstrators stormed the congress building in Asuncion.",
    "Protesters forced their way into the regional assembly in Cusco.",
])
def test_crowds_storming_or_attacking_buildings_riot(rules, text):
    assert events_of(rules, text, "PROTEST")
    assert not events_of(rules, text, "ASSAULT")


def test_soldiers_storming_a_town_still_attack(rules):
    assert events_of(rules, "Colombian soldiers stormed the rebel camp on Sunday.", "ASSAULT")


@pytest.mark.parametrize("text", [
    "Ecuadorean police fired rubber bullets and tear gas at marchers in Quito.",
    "Police in Lima fired water cannon at students outside the congress.",
])
def test_police_firing_tear_gas_coerce(rules, text):
    assert events_of(rules, text, "COERCE")
    assert not events_of(rules, text, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Police detained two former ministers in Quito on Tuesday.",
    "Ecuadorean police arrested the former energy minister on Friday.",
])
def test_arresting_ministers_is_an_arrest(rules, text):
    assert events_of(rules, text, "COERCE")
    assert not events_of(rules, text, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Venezuela ordered Panama's ambassador out of the country on Tuesday.",
    "Venezuela ordered a Panamanian diplomat to leave within 48 hours.",
    "Venezuela expelled three Panamanian officials on Tuesday.",
])
def test_diplomats_ordered_out_are_expelled(rules, text):
    sanctions = events_of(rules, text, "SANCTION")
    assert sanctions
    assert countries(sanctions[0].target) == ["PAN"]


def test_closing_a_border_with_a_neighbour_is_a_sanction(rules):
    sanctions = events_of(rules, "Ecuador closed its border with Colombia on Friday.", "SANCTION")
    assert sanctions
    assert countries(sanctions[0].target) == ["COL"]


def test_reopening_a_border_concedes(rules):
    assert events_of(rules, "Ecuador reopened its border with Colombia on Friday.", "CONCEDE")


@pytest.mark.parametrize("text", [
    "Ecuador's prime minister resigned on Friday.",
    "Paraguay's president stepped down after a week of protests.",
    "Peru's president accepted the resignation of his whole cabinet.",
])
def test_stepping_down_concedes(rules, text):
    assert events_of(rules, text, "CONCEDE")


def test_suspending_a_member_from_a_bloc_is_a_sanction(rules):
    text = "The West African bloc suspended Guinea from its decision-making bodies on Friday."
    assert events_of(rules, text, "SANCTION")


def test_ratifying_a_treaty_is_an_agreement(rules):
    agreements = events_of(rules, "Peru's congress ratified the border treaty with Ecuador.", "AGREE")
    assert agreements
    assert countries(agreements[0].target) == ["ECU"]


def test_tariffs_called_off_concede(rules):
    assert events_of(rules, "Mexico called off the tariffs on Guatemalan sugar on Friday.", "CONCEDE")


def test_a_sum_pledged_is_an_intent_to_give_aid(rules):
    assert events_of(rules, "Sweden pledged 25 million euros for the reconstruction on Monday.", "AGREE")


def test_missiles_fired_into_the_sea_are_a_show_of_force(rules):
    text = "Pakistan fired a cruise missile into the Arabian Sea on Thursday."
    assert events_of(rules, text, "MOBILIZE")
    assert not events_of(rules, text, "ASSAULT")


def test_troops_flown_home_are_withdrawn(rules):
    text = "Chile flew its peacekeeping troops home from Haiti on Monday."
    assert events_of(rules, text, "RETREAT")
    assert not events_of(rules, text, "MOBILIZE")


def test_a_plane_that_lands_deploys_no_one(rules):
    assert not events_of(rules, "A Peruvian air force jet carrying the minister landed in Quito.", "MOBILIZE")


def test_troops_flown_to_a_region_are_deployed(rules):
    text = "Peru flew hundreds of soldiers to the southern border on Sunday."
    mobilized = events_of(rules, text, "MOBILIZE")
    assert mobilized
    assert countries(mobilized[0].source) == ["PER"]


@pytest.mark.parametrize(("text", "event_type"), [
    ("Bolivian authorities cut internet access in three provinces on Sunday.", "COERCE"),
    ("Pyongyang cut its military hotlines with Seoul on Tuesday.", "SANCTION"),
    ("Venezuelan marines boarded a Guyanese tanker near the coast.", "COERCE"),
    ("Colombia raised the combat readiness of its army on Friday.", "MOBILIZE"),
])
def test_communications_cut_ships_seized_and_alerts(rules, text, event_type):
    found = [(e.event_type, e.trigger.text) for e in code_text(rules, text)]
    assert events_of(rules, text, event_type), found


def test_not_hesitating_to_impose_sanctions_is_a_threat(rules):
    text = "Canada would not hesitate to impose sanctions on the coup leaders, a minister said."
    assert events_of(rules, text, "THREATEN")
    assert not events_of(rules, text, "SANCTION")


def test_praising_a_counterpart_is_praise_not_hosting(rules):
    text = "Chile's president praised his Argentine counterpart for the rescue on Friday."
    assert events_of(rules, text, "SUPPORT")
    assert not events_of(rules, text, "CONSULT")


def test_a_protest_lodged_over_an_act_is_an_official_complaint(rules):
    text = "Vietnam's foreign ministry lodged a protest with Beijing over the detention of its fishermen."
    complaints = events_of(rules, text, "ACCUSE")
    assert complaints
    assert countries(complaints[0].target) == ["CHN"]
    assert not events_of(rules, text, "PROTEST")


def test_evacuating_ones_own_diplomats_is_a_withdrawal(rules):
    text = "Canada evacuated its diplomats from Port-au-Prince on Monday."
    assert events_of(rules, text, "RETREAT")
    assert not events_of(rules, text, "SANCTION")
