"""Classification of triggers in real spaCy parses."""

import pytest

from eventwire.events.classify import WEAK_SPECIFICITY, Classification


@pytest.fixture(scope="module")
def code(nlp, lexicon):

    def run(text: str) -> list[tuple[str, str, str]]:
        doc = nlp(text)
        return [(c.event_type, c.cameo, doc[c.trigger[0]:c.trigger[1]].text) for c in lexicon.triggers(doc)]

    return run


@pytest.fixture(scope="module")
def code_with_specificity(nlp, lexicon):
    """(type, specificity) of the triggers a word's own reading supports (weak ones left out)."""

    def run(text: str) -> list[tuple[str, float]]:
        found = lexicon.triggers(nlp(text))
        return [(c.event_type, c.specificity) for c in found if c.specificity >= WEAK_SPECIFICITY]

    return run


def test_object_specific_pattern_beats_the_default(code):
    assert code("The European Union imposed sanctions on Iran.") == [("SANCTION", "163", "imposed sanctions")]
    assert code("The army imposed a curfew in the city.")[0][:2] == ("COERCE", "1723")


def test_phrasal_verbs(code):
    assert code("The rebels called off the talks.") == [("SANCTION", "160", "called off")]


def test_light_verbs_classify_by_their_noun(code):
    assert code("China and Russia held talks in Moscow.") == [("CONSULT", "046", "held talks")]
    assert code("Israeli jets carried out air strikes on Gaza.")[0][:2] == ("ASSAULT", "195")
    assert code("Thousands staged a protest in the capital.")[0][0] == "PROTEST"


def test_several_triggers_in_one_sentence(code):
    types = [t for t, _, _ in code("The ministers met on Monday and agreed to set up a committee.")]
    assert types == ["CONSULT", "AGREE"]


def test_intent_frames_take_the_embedded_act(code):
    assert code("Russia threatened to attack Ukraine.") == [("THREATEN", "138", "threatened")]
    assert code("Protesters called for the resignation of the prime minister.")[0][:2] == ("REQUEST", "0241")


def test_passive_voice(code):
    assert code("Sanctions were imposed on Iran by the EU.") == [("SANCTION", "163", "imposed")]
    assert code("Three border guards were killed by a landmine.")[0][0] == "ASSAULT"


def test_event_nouns_are_conservative(code):
    assert code("The attack on the convoy killed five people.")[0][0] == "ASSAULT"
    assert code("The weather was warm.") == []


def test_classification_fields(nlp, lexicon):
    doc = nlp("The president visited Beijing on Tuesday.")
    found = lexicon.triggers(doc)
    assert len(found) == 1
    visit = found[0]
    assert isinstance(visit, Classification)
    assert (visit.event_type, visit.mode, visit.quad_class) == ("CONSULT", "visit", "verbal_cooperation")
    assert visit.trigger == (2, 3)
    assert "CAMEO 042" in visit.reason and "CONSULT" in visit.reason
    assert 0 < visit.specificity <= 1
    assert lexicon.classify(doc[2]) == visit


def test_a_block_default_never_written_for_the_verb_is_weak(code_with_specificity):
    # "leave" only inherits its synonym block's code (GO_SOMEWHERE -> 040): no event by itself
    assert code_with_specificity("The minister left for Brussels on Monday morning.") == []
    strong = code_with_specificity("Gunmen attacked a police station in the north.")
    assert strong[0][0] == "ASSAULT" and strong[0][1] >= WEAK_SPECIFICITY


@pytest.mark.parametrize("text", [
    "The storm killed two people and left thousands without power.",
    "An earthquake struck off the coast on Sunday.",
    "The striker attacked the near post.",
])
def test_inanimate_subjects_make_no_event(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    "The club captured their fourth title in five years.",
    "The retailer cut 2,000 jobs.",
    "The champion withdrew from the tournament.",
    "The striker scored two goals.",
])
def test_nonpolitical_objects_cancel_a_bare_default(code, text):
    assert code(text) == []


def test_taking_a_place_by_force_is_combat(code):
    assert code("Rebels captured the town after heavy fighting.")[0][:1] == ("ASSAULT",)
    assert code("Police seized weapons in the raid.")[0][0] == "COERCE"


def test_announced_hostile_acts_are_threats(code):
    # a sanction announced is the sanction itself (docs/annotation.md), unless told on a condition
    assert code("Moscow said it would impose sanctions on Kyiv.")[0][:2] == ("SANCTION", "163")
    assert code("Moscow will impose sanctions on Kyiv if it holds the vote.")[0][:2] == ("THREATEN", "1312")
    assert code("The rebels vowed to retaliate.")[0][0] == "THREATEN"
    assert code("The army plans to strike rebel bases.")[0][0] == "THREATEN"
    assert code("Serbia is prepared to send troops to the border.")[0][0] == "THREATEN"


def test_announced_cooperation_is_an_intent_but_only_with_an_actor(code):
    assert code("Qatar pledged to send aid to Gaza.")[0][:2] == ("AGREE", "033")
    assert code("The Chinese premier will visit Berlin next week.")[0][:2] == ("AGREE", "036")
    assert code("The Chinese premier visited Berlin.")[0][:2] == ("CONSULT", "042")
    return_home = "The accord will allow displaced families to go back to their villages."
    assert all(t != "AGREE" for t, _, _ in code(return_home))


def test_planning_verbs_are_frames_not_acts(code):
    # the plan's content decides: a cooperative act is an intent, a hostile one a threat
    assert [(t, w) for t, _, w in code("The president plans to visit Moscow in May.")] == [("AGREE", "plans")]
    assert code("The ministry has planned the budget for months.") == []


def test_event_noun_under_a_verbal_event_is_its_own_trigger(code):
    found = code("The Serbian government condemned the attack on its embassy.")
    assert [(t, w) for t, _, w in found] == [("ACCUSE", "condemned"), ("ASSAULT", "attack")]


@pytest.mark.parametrize(("text", "event_type", "cameo"), [
    ("The United States pulled out its remaining troops from the base.", "RETREAT", "0872"),
    ("The authorities released 45 detained activists.", "CONCEDE", "0841"),
    ("Hundreds of fighters surrendered to the army.", "RETREAT", "0874"),
    ("The defence minister resigned on Friday.", "CONCEDE", "0831"),
    ("Thai authorities lifted the curfew in three provinces.", "CONCEDE", "0813"),
    ("The junta lifted its ban on public gatherings.", "CONCEDE", "081"),
    ("The army deployed troops along the border.", "MOBILIZE", "154"),
    ("The government put the armed forces on high alert.", "MOBILIZE", "152"),
    ("Lithuania expelled three Russian diplomats.", "SANCTION", "161"),
    ("Washington froze military aid to the island's government.", "SANCTION", "162"),
    ("The government broke off negotiations with the rebels.", "SANCTION", "164"),
    ("Turkey delivered humanitarian supplies to survivors.", "AID", "073"),
    ("The World Bank approved a loan to Kenya.", "AID", "071"),
])
def test_vocabulary_of_the_weak_types(code, text, event_type, cameo):
    assert code(text)[0][:2] == (event_type, cameo)


def test_a_specific_block_code_still_holds_for_the_block_members(code_with_specificity):
    # "criticize" inherits DENOUNCE's 111: specific, so not weak like an inherited 040 or 060
    assert code_with_specificity("Beijing criticized Tokyo for the visit.")[0][0] == "ACCUSE"


def test_demands_frame_any_act(code):
    assert code("The minister said Iran must agree to the inspections.")[0][0] == "REQUEST"
    assert code("Washington said Iraq must withdraw its troops.")[0][0] == "REQUEST"


def test_measured_and_of_phrase_objects(code):
    assert code("Turkey delivered 50 tonnes of humanitarian supplies to survivors.")[0][:2] == ("AID", "073")
    assert code("The army ended the state of emergency in the region.")[0][0] == "CONCEDE"
    # a count or a volley of weapons: the weapons are the object
    assert code("Russian forces launched dozens of drones at Kyiv overnight.")[0][:2] == ("ASSAULT", "195")
    assert code("The militia fired a salvo of missiles at the town.")[0][:2] == ("ASSAULT", "195")


def test_verbs_known_only_with_their_particle(code):
    assert code("Mexican authorities handed over the suspect to American investigators.")[0][0] == "COOPERATE"
    assert code("The union turned down the government's offer.")[0][0] == "REJECT"


def test_a_verb_misparsed_as_a_modifier_of_the_root_noun_is_the_predicate(code):
    assert code("Thousands protested in Belgrade against the election results.")[0][0] == "PROTEST"


# Coverage and senses added from the real-news dev set and models/coverage_report.py (issue 11).
@pytest.mark.parametrize(("text", "expected"), [
    ("Government troops retook the market town from the insurgents.", ("ASSAULT", "190")),
    ("The army regained control of the northern border crossing.", ("ASSAULT", "190")),
    ("The national army liberated two villages near the river.", ("ASSAULT", "190")),
    ("The militia seized control of the provincial airport.", ("ASSAULT", "190")),
    ("Enemy troops marched into the old capital at dawn.", ("ASSAULT", "190")),
    ("The navy responded with force to the incursion.", ("ASSAULT", "190")),
    ("The junta executed four opposition activists.", ("ASSAULT", "1823")),
    ("Parliament repealed the press law on Tuesday.", ("CONCEDE", "081")),
    ("The commerce ministry cut tariffs on imported grain.", ("RETREAT", "085")),
    ("The two navies joined exercises in the gulf.", ("COOPERATE", "062")),
    ("Senegal joined the peacekeeping mission last year.", ("COOPERATE", "062")),
])
def test_missing_triggers_now_read(code, text, expected):
    assert expected in [(t, c) for t, c, _ in code(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The killing of two farmers by soldiers angered the villagers.", ("ASSAULT", "180")),
    ("The detention of the reporters by police was condemned.", ("COERCE", "173")),
    ("The torture of detainees by guards was documented.", ("ASSAULT", "1822")),
])
def test_event_nouns_of_violence_and_detention(code, text, expected):
    assert expected in [(t, c) for t, c, _ in code(text)]


def test_executing_a_plan_is_no_killing(code):
    assert "ASSAULT" not in [t for t, _, _ in code("The ministry executed its reform plan.")]


def test_defending_a_policy_is_verbal_support_not_protection(code):
    assert code("The foreign minister defended the new visa policy.")[0][:2] == ("SUPPORT", "052")


def test_wanting_and_considering_are_no_events(code):
    assert code("The mayor wants a new bridge across the river.") == []
    assert code("The cabinet considered the budget draft.") == []


def test_meeting_at_a_place_is_a_meeting_and_flying_somewhere_no_intent(code):
    assert code("The envoys met at the embassy in Vienna.")[0][:2] == ("CONSULT", "040")
    assert code("The chancellor flew to Madrid on Friday.") == []


def test_strikes_launched_on_a_place_are_military(code):
    assert code("The air force launched a strike on a rebel depot.")[0][:2] == ("ASSAULT", "190")
    assert code("Dockworkers began a strike over pay.")[0][0] == "PROTEST"


def test_seizing_or_destroying_weapons_is_coercion_not_violence(code):
    assert code("Customs officers seized weapons at the port.")[0][:2] == ("COERCE", "1711")
    assert code("The patrol destroyed a weapons cache in the hills.")[0][:2] == ("COERCE", "1712")


def test_police_breaking_up_protests_is_repression(code):
    assert code("Riot police broke up a demonstration outside the court.")[0][:2] == ("COERCE", "170")
    assert code("Police dispersed the protesters with water cannon.")[0][:2] == ("COERCE", "170")


def test_capturing_a_place_is_combat_capturing_a_person_an_arrest(code):
    assert code("Insurgents captured two river ports in the south.")[0][:2] == ("ASSAULT", "190")
    assert code("Border police captured the smuggling ring's leader.")[0][0] == "COERCE"


def test_a_byline_contribution_is_no_aid(code):
    assert code("Maria Lopez contributed to this report.") == []


def test_an_event_noun_that_occurred_names_an_event(code):
    assert code("The ambush occurred near the border post on Friday.")[0][:2] == ("ASSAULT", "190")
    assert code("Riots broke out in the port city overnight.")[0][:2] == ("PROTEST", "145")


def test_take_alone_is_no_seizure(code):
    assert code("The ceremony took place in the old palace.") == []
    assert code("Insurgents took the town after two days of fighting.")[0][:2] == ("ASSAULT", "190")


def test_claiming_an_attack_is_owning_it(code):
    assert code("A separatist group claimed responsibility for the attack.")[0][:2] == ("ASSAULT", "180")


def test_invading_or_overrunning_is_combat(code):
    assert code("Bandits invaded the farming village at night.")[0][0] == "ASSAULT"
    assert code("The brigade overran the insurgents' trenches.")[0][:2] == ("ASSAULT", "190")
    assert code("The army seized three districts of the city.")[0][:2] == ("ASSAULT", "190")


def test_who_is_captured_says_arrest_or_abduction(code):
    assert code("Three members of the cartel were captured near the coast.")[0][:2] == ("COERCE", "173")
    assert code("Two soldiers were captured by the militia at the checkpoint.")[0][:2] == ("ASSAULT", "181")


def test_suggesting_and_requesting_comment_are_no_requests(code):
    assert code("Analysts suggested the currency may fall further.") == []
    assert code("The embassy did not answer an email requesting comment.") == []


def test_capturing_a_share_of_the_vote_or_attention_is_no_seizure(code):
    assert code("The opposition captured 30 percent of the vote.") == []
    assert code("The young senator captured the attention of the press.") == []


def test_breaking_up_a_cell_is_an_arrest(code):
    assert code("Police broke up a bomb-making cell in the capital.")[0][:2] == ("COERCE", "173")


def test_travel_alone_is_no_meeting(code):
    assert code("The cargo ship was heading to Caracas with fuel.") == []
    assert code("The destroyer docked at the naval base on Friday.") == []
    assert code("The frigate departed for Limassol at dawn.") == []
    assert code("When it comes to tariffs, the two blocs still differ.") == []
    assert code("The premier came to Nairobi for talks with the president.")[0][:2] == ("CONSULT", "046")
    assert code("The envoy headed to Doha for talks with the rebels.")[0][:2] == ("CONSULT", "046")


def test_paying_and_helping_alone_are_no_acts(code):
    assert code("The couple paid for a bigger cabin.") == []
    assert code("The new port will help local fishermen.") == []
    assert code("Norway paid 3 million dollars to the relief fund.")[0][0] == "COOPERATE"


def test_offering_and_allowing_need_a_recipient_or_an_act(code):
    assert code("The hotel offers a view of the harbour.") == []
    assert code("The decree allows the ministry to close clinics.") == []
    assert code("The treaty will allow farmers to cross the river.") == []
    assert code("The rebels offered to free the aid workers.")[0][0] == "AGREE"
    assert code("Egypt offered two frigates to the coalition.")[0][0] == "AGREE"
    assert code("The government offered talks to the strikers.")[0][0] == "AGREE"
    assert code("Ankara will allow the refugees to go home.")[0][0] == "AGREE"
    assert code("The junta allowed humanitarian aid into the province.")[0][0] == "RETREAT"


def test_raids_on_premises_are_coercion_and_annexing_ground_occupation(code):
    assert code("Tax police raided the bank's headquarters.")[0][:2] == ("COERCE", "170")
    assert code("The kingdom annexed the disputed island.")[0][:2] == ("ASSAULT", "192")


def test_patrols_told_in_the_simple_present_are_no_event(code):
    assert code("Peacekeepers patrol the buffer zone between the two armies.") == []
    assert code("The border is patrolled by a joint brigade.") == []
    assert code("Riot police patrolled the capital on Sunday.")[0][0] == "MOBILIZE"
    assert code("Soldiers were patrolling the market when the curfew began.")[0][0] == "MOBILIZE"


def test_a_reporters_question_or_an_unnamed_asker_is_no_request(code):
    assert code("Asked if he would stay in office, the envoy said yes.") == []
    assert code("The mayor was asked to comment on the report.") == []
    assert code("The officer, who asked not to be named, described the scene.") == []
    assert code("Chile asked Peru to withdraw its ambassador.")[0][0] == "REQUEST"


# Acts that had no reading (models/coverage_report.py, issue 11 part 1): military exercises, diplomats
# gathering, counterattacks, criminal cases registered by the police.
@pytest.mark.parametrize(("text", "expected"), [
    ("The marines staged exercises on the northern islands.", ("MOBILIZE", "150")),
    ("Armored units carried out military drills near the frontier.", ("MOBILIZE", "150")),
    ("The brigade conducted maneuvers along the eastern border.", ("MOBILIZE", "150")),
    ("Two bombers flew over the peninsula in a drill on Friday.", ("MOBILIZE", "150")),
])
def test_military_exercises_are_shows_of_force(code, text, expected):
    assert expected in [(t, c) for t, c, _ in code(text)]


def test_joint_exercises_stay_cooperation(code):
    assert code("The two navies held joint exercises in the gulf.")[0][:2] == ("COOPERATE", "062")


def test_diplomats_gathering_is_a_meeting_crowds_gathering_no_event(code):
    assert code("Foreign ministers of the bloc gathered in Lisbon on Thursday.")[0][:2] == ("CONSULT", "040")
    assert "CONSULT" not in [t for t, _, _ in code("Hundreds of shoppers gathered outside the store.")]
    assert "CONSULT" not in [t for t, _, _ in code("Village elders gathered to protest the dam.")]


def test_counterattacks_are_fighting(code):
    assert code("Rebels launched a counterattack on the airport.")[0][:2] == ("ASSAULT", "190")
    assert code("The counteroffensive by government forces retook the bridge.")[0][0] == "ASSAULT"


def test_a_criminal_case_registered_against_someone_is_an_accusation(code):
    assert code("Police booked a case against the shopkeeper for fraud.")[0][:2] == ("ACCUSE", "1121")
    assert code("The police registered an offence of theft against two men.")[0][:2] == ("ACCUSE", "1121")
    assert code("The company registered a new trademark.") == []


def test_a_claim_of_responsibility_owns_an_attack_whatever_it_is_called(code):
    assert code("A separatist group claimed responsibility for the blast.")[0][:2] == ("ASSAULT", "180")
    assert code("Within hours the militants claimed responsibility.")[0][:2] == ("ASSAULT", "180")


def test_setting_property_ablaze_though_the_parser_makes_ablaze_a_clause(code):
    assert code("The raiders set forty huts ablaze.")[0][:2] == ("ASSAULT", "180")


def test_a_state_conducting_a_test_is_a_weapons_test(code):
    assert code("The regime conducted a new test at its launch site.")[0][:2] == ("MOBILIZE", "150")


def test_a_block_pattern_shared_by_verbs_has_its_gate_found_once(lexicon):
    """The gate words of a pattern are remembered: a synonym block's patterns recur in every verb of
    the block, and a pattern's gate depends on the pattern alone."""
    shared = {}
    for entry in lexicon.data.verbs.values():
        for pattern in entry.patterns:
            shared.setdefault(id(pattern), []).append(entry.key)
    pattern = next(p for entry in lexicon.data.verbs.values() for p in entry.patterns
                   if len(shared[id(p)]) > 1 and lexicon._find_gate(p) is not None)
    gate = lexicon._gate(pattern)
    assert gate == lexicon._find_gate(pattern) and lexicon._gate(pattern) is gate


@pytest.mark.parametrize("text, expected", [
    ("The kidnappers released two engineers on Sunday.", [("CONCEDE", "084", "released")]),
    ("Guerrillas freed the prisoners after a week.", [("CONCEDE", "0841", "freed")]),
    ("The guerrillas released a video of the ambush.", []),  # publishing, no act
    ("The ministry released its annual figures on Monday.", []),
])
def test_releasing_people_is_conceding_releasing_a_report_no_act(code, text, expected):
    assert [c for c in code(text) if c[2] in ("released", "freed")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Moscow warned Kyiv that it would retaliate against any strike.", "138"),  # an act announced
    ("The interior minister warned that riot police will break up any march.", "13"),
    ("The governor warned that the army will no longer tolerate roadblocks.", "130"),  # an actor will act
    ("The minister warned the rebels of severe consequences.", "130"),
    ("The envoy warned that the ceasefire could collapse.", None),  # a forecast
    ("The mayor warned that the city would become a target.", None),  # a state foreseen
    ("Doctors warned of a shortage of medicines.", None),
    ("The minister warned it could take years.", None),  # 'it': a thing
])
def test_a_warning_is_a_threat_only_when_it_announces_an_act(code, text, expected):
    warned = [c for c in code(text) if c[2] == "warned"]
    if expected is None:
        assert warned == []
    else:
        assert len(warned) == 1 and warned[0][0] == "THREATEN" and warned[0][1].startswith(expected), warned


@pytest.mark.parametrize("text, expected", [
    ("Guerrillas destroyed two army trucks near the border.", ("ASSAULT", "190")),  # fighting
    ("Four rebel vehicles were destroyed in the battle.", ("ASSAULT", "190")),
    ("Soldiers destroyed the house of a militant leader.", ("COERCE", "1712")),  # property, no fighting
])
def test_vehicles_destroyed_are_destroyed_in_fighting(code, text, expected):
    assert [c[:2] for c in code(text) if c[2] == "destroyed"] == [expected]


@pytest.mark.parametrize("text", [
    "Government troops captured three hilltops overlooking the valley.",
    "The rebels seized several points inside the eastern quarter.",
])
def test_ground_taken_in_fighting_is_an_attack(code, text):
    assert [c[:2] for c in code(text) if c[2] in ("captured", "seized")] == [("ASSAULT", "190")]


@pytest.mark.parametrize("text, expected", [
    ("Ghana backs the Nigerian proposal for a regional force.", ("AGREE", "030")),  # a proposal: agreement
    ("The opposition backed the government's plan to hold early elections.", ("AGREE", "030")),
    ("The council endorsed the initiative of the mediators.", ("AGREE", "030")),
    ("Brazil supports the Bolivian opposition.", ("SUPPORT", "050")),  # a party: support
])
def test_supporting_a_proposal_is_agreeing_to_it_supporting_a_party_support(code, text, expected):
    assert [c[:2] for c in code(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The opposition reiterated its claim that the election had been rigged.", ("ACCUSE", "112")),
    ("The spokesman repeated the allegations against the army.", ("ACCUSE", "112")),
    ("Argentina reiterated its claim to the islands.", ("REQUEST", "100")),  # a claim to ground
    ("The union renewed its demands for higher wages.", ("REQUEST", "100")),
    ("The clerk read out the indictment against the two generals.", ("ACCUSE", "112")),
    ("The evictions display utter contempt for the courts, the lawyers said.", ("ACCUSE", "111")),
])
def test_repeated_claims_charges_read_and_disregard_shown_are_accusations(code, text, expected):
    assert [c[:2] for c in code(text)][:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Soldiers cleared out the squatters from the old barracks on Monday.", ("COERCE", "174")),
    ("The army cleared the district of militants on Sunday.", ("ASSAULT", "190")),
    ("Armed gunmen raided a village in the north on Friday.", ("ASSAULT", "190")),
    ("Police raided the offices of the newspaper.", ("COERCE", "170")),
    ("A kidnapped priest was freed by his abductors after a week.", ("CONCEDE", "0841")),
])
def test_people_cleared_out_armed_raids_and_people_freed(code, text, expected):
    assert [c[:2] for c in code(text)] == [expected]


def test_people_freed_in_a_rescue_are_no_concession(code):
    assert code("Security forces said 300 passengers were freed.") == []


def test_a_decision_to_act_is_the_act_decided(code):
    """'decided to ban' is the ban (the development labels), not a threat of it."""
    assert [c[:2] for c in code("The junta decided to ban the opposition party.")] == [("COERCE", "1722")]


def test_what_a_speaker_called_a_meeting_is_naming_not_a_meeting(code):
    assert code("The envoy left after what she called a cordial meeting.") == []


def test_a_visiting_minister_is_met_not_a_visit_embedded_in_an_assurance(code):
    """The parser makes 'visiting' the complement of 'assured': it is an adjective of the visitor."""
    found = code("The king assured visiting Kenyan President William Ruto of his support.")
    assert [(c[0], c[2]) for c in found] == [("CONSULT", "visiting")]
