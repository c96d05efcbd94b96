"""The right source and target actors (eleventh session): what a condemnation or a rejection answers
when it names the act only by a noun, and who holds a person whose release is asked for in a clause.
On sentences written for these tests."""

import pytest
from texts import code_text, countries

from eventwire.events.stance import is_plural_reference, read_stance_words


def _events(coder, text, event_type):
    events = [e for e in code_text(coder, text) if e.event_type == event_type]
    assert events, [(e.event_type, e.trigger.text) for e in code_text(coder, text)]
    return events


@pytest.mark.parametrize("text, event_type, target", [
    ("Rebels attacked an army post in northern Mali on Monday, killing six soldiers. "
     "The African Union condemned the attack on Tuesday.", "ACCUSE", "MLI"),
    ("Police in Caracas detained twenty opposition activists on Friday. "
     "The European Union condemned the arrests as arbitrary.", "ACCUSE", "VEN"),
    ("Soldiers in Niger detained the president on Wednesday and seized power. "
     "The United Nations denounced the takeover.", "ACCUSE", "NER"),
    ("Israeli aircraft bombed a school in Gaza on Sunday. Jordan condemned the strike.", "ACCUSE", "ISR"),
])
def test_a_condemned_act_told_as_a_noun_is_toward_its_doer_told_before(rules, text, event_type, target):
    """ "condemned the attack", "denounced the takeover": the act the noun tells again was done by the doer
    of the latest act of its kind coded before, whoever condemns it (a third party as much as the victim)."""
    event = _events(rules, text, event_type)[-1]
    assert countries(event.target) == [target]
    assert any("what the response answers" in r for r in event.reasons)


def test_a_condemned_act_whose_doer_was_never_named_has_no_target(rules):
    text = "A bomb exploded in a crowded market in Kabul on Monday. The United Nations condemned the attack."
    events = [e for e in code_text(rules, text) if e.event_type == "ACCUSE"]
    assert all(not e.target for e in events)


def test_a_condemned_act_with_its_doer_named_on_the_noun_keeps_that_doer(rules):
    text = "Rebels attacked an army post in Mali on Monday. France condemned the Russian raid on a village."
    event = _events(rules, text, "ACCUSE")[-1]
    assert countries(event.target)[:1] == ["RUS"]
    assert not any("what the response answers" in r for r in event.reasons)


@pytest.mark.parametrize("text, target", [
    ("Iranian guards seized two French tourists near the border in March. "
     "On Monday, Paris demanded that the pair be freed.", "IRN"),
    ("Rebels in Colombia kidnapped an engineer last week. "
     "Spain called for him to be released without conditions.", "COL"),
    ("Security forces in Minsk arrested a blogger on Sunday. Lithuania demanded that he be freed.", "BLR"),
    ("Gunmen in Haiti abducted a Canadian nurse on Monday. "
     "Ottawa demanded that the nurse be released.", "HTI"),
])
def test_a_release_asked_in_a_passive_clause_is_toward_the_holder(rules, text, target):
    """ "called for X to be freed", "demanded that X be released": a release asked for, as "called for
    X's release", toward whoever holds X: the doer of the latest detention (or kidnapping) told before,
    also when X is of the asker's own country (the nurse is Canadian, the demand is toward her holders)."""
    event = _events(rules, text, "REQUEST")[-1]
    assert countries(event.target) == [target]
    assert any("who holds whom the release is of" in r for r in event.reasons)


def test_a_demand_that_someone_else_free_a_person_is_toward_the_one_asked(rules):
    text = "Police in Dhaka detained an opposition leader. Canada urged Bangladesh to free him."
    event = _events(rules, text, "REQUEST")[-1]
    assert countries(event.target) == ["BGD"]
    assert not any("who holds whom the release is of" in r for r in event.reasons)


def test_a_clause_asking_for_no_release_finds_no_holder(rules):
    text = "Police in Dhaka detained an opposition leader. Canada called for him to be given a fair trial."
    events = [e for e in code_text(rules, text) if e.event_type == "REQUEST"]
    assert not any("who holds whom the release is of" in r for e in events for r in e.reasons)


def test_a_release_asked_for_another_country_s_national_keeps_the_person_named(rules):
    """Near-miss: the person released is not the asker's own, and is named: the target stays that person."""
    text = "Police in Dhaka detained an opposition leader. Canada called for him to be released at once."
    event = _events(rules, text, "REQUEST")[-1]
    assert countries(event.target) == ["BGD"]
    assert not any("who holds whom the release is of" in r for r in event.reasons)


@pytest.mark.parametrize("text, event_type, target", [
    ("The Kenyan minister denounced what he called a campaign of lies by the Ugandan government.",
     "ACCUSE", "UGA"),
    ("Indian jets bombed what the army described as a training camp of Lashkar-e-Taiba in Pakistan.",
     "ASSAULT", "PAK"),
    ("Turkish drones struck what Ankara called a PKK base in northern Iraq on Tuesday.", "ASSAULT", "IRQ"),
    ("Bolivia rejected what Argentina called a fair offer.", "REJECT", "ARG"),
])
def test_what_a_clause_names_is_the_object_not_the_namer(rules, text, event_type, target):
    """ "condemned what they called X", "bombed what the army described as X": the free relative only puts
    a name on the object; its target is X (or the doer the parse hangs on the naming verb, "by Y"), and a
    statement's namer other than a pronoun after it ("rejected what Argentina called a fair offer")."""
    event = _events(rules, text, event_type)[0]
    assert countries(event.target) == [target]
    assert any("named by" in r for r in event.reasons)


def test_a_what_clause_of_no_naming_verb_keeps_its_subject(rules):
    event = _events(rules, "The Peruvian president condemned what Chile did.", "ACCUSE")[0]
    assert countries(event.target) == ["CHL"]
    assert not any("named by" in r for r in event.reasons)


def test_the_pronoun_that_names_the_object_is_the_speaker_not_the_target(rules):
    events = [e for e in code_text(rules, "The Kenyan minister denounced what he called lies.")
              if e.event_type == "ACCUSE"]
    assert all("KEN" not in countries(e.target) for e in events)


def test_a_return_asked_for_is_a_release_toward_the_holder(rules):
    text = "Militants in Mali seized a German engineer in June. Berlin demanded his prompt return."
    event = _events(rules, text, "REQUEST")[-1]
    assert countries(event.target) == ["MLI"]


@pytest.mark.parametrize("text, source", [
    ("At least nine villagers were killed when gunmen stormed a market in Zamfara State on Tuesday.", "NGA"),
    ("Six civilians were wounded as rebel artillery shelled the outskirts of Goma.", "COD"),
    ("Three Afghan policemen were killed after Taliban fighters attacked a checkpoint near Kandahar.", "AFG"),
    ("Two farmers were shot dead in Benue when herdsmen opened fire on a village.", "NGA"),
])
def test_a_suffered_act_told_with_an_attack_in_a_time_clause_has_its_attacker_as_doer(rules, text, source):
    """ "were killed when gunmen stormed X": the subject of a time clause that tells an attack did the act
    suffered, which names no doer of its own."""
    event = _events(rules, text, "ASSAULT")[0]
    assert countries(event.source) == [source]
    assert any("the attack in which" in r for r in event.reasons)


def test_a_time_clause_that_tells_no_attack_names_no_doer(rules):
    text = "Two children were killed when they tried to cross the border into Turkey."
    event = _events(rules, text, "ASSAULT")[0]
    assert not event.source


def test_a_suffered_act_with_its_own_agent_keeps_it(rules):
    text = "Nine villagers were killed by soldiers when gunmen stormed a market in Zamfara State."
    event = _events(rules, text, "ASSAULT")[0]
    assert not any("the attack in which" in r for r in event.reasons)


@pytest.mark.parametrize("text, source", [
    ("Six villagers were killed and nine wounded in an Israeli airstrike on Sunday.", "ISR"),
    ("Four guards were killed and two were injured in a Russian drone strike on Kharkiv.", "RUS"),
])
def test_the_attack_told_on_a_coordinated_passive_names_the_doer_of_both(rules, text, source):
    """ "were killed and nine wounded in an X airstrike": the attack on the second passive is the first's."""
    event = _events(rules, text, "ASSAULT")[0]
    assert countries(event.source) == [source]


@pytest.mark.parametrize("text, source", [
    ("The commander was killed along with two guards when an American airstrike hit their convoy on Tuesday.",
     "USA"),
    ("Two journalists were shot dead when their car was ambushed by gunmen near Port-au-Prince.", "HTI"),
    ("Four civilians were killed in Idlib after being targeted by Syrian government snipers.", "SYR"),
    ("Seven people were killed amid heavy shelling by Russian forces in Donetsk.", "RUS"),
])
def test_the_attack_told_beside_a_suffered_act_names_its_doer(rules, text, source):
    """The attack a suffered act was in, told as a clause with its own doer ("when an X airstrike hit",
    "when their car was ambushed by X", "after being targeted by X") or after "amid" and "under"."""
    event = _events(rules, text, "ASSAULT")[0]
    assert countries(event.source) == [source]


def test_a_time_clause_whose_subject_is_no_attack_names_no_doer(rules):
    events = [e for e in code_text(rules, "Two men were killed when a truck hit their car near Lagos.")
              if e.event_type == "ASSAULT"]
    assert all(not e.source for e in events)


@pytest.mark.parametrize("text, event_type, sides", [
    ("Thailand and Cambodia have fought along their border for three days. "
     "The American president spoke with both leaders on Saturday.", "CONSULT", {"THA", "KHM"}),
    ("India and Pakistan traded fire across the frontier. China called on each side to show restraint.",
     "REQUEST", {"IND", "PAK"}),
    ("Ethiopia and Eritrea exchanged artillery fire on Monday. Kenya urged both capitals to stop fighting.",
     "REQUEST", {"ETH", "ERI"}),
    ("Peru and Chile signed a trade pact on Monday. "
     "The United States warned that it would not sign trade deals with either country.", "THREATEN",
     {"PER", "CHL"}),
])
def test_a_quantified_party_noun_is_the_pair_named_before(rules, text, event_type, sides):
    """ "both leaders", "each side", "both capitals", "either country": a quantifier and a noun of a party,
    in either number, refer to the two sides of the latest act between two sides the speaker is not in."""
    event = _events(rules, text, event_type)[-1]
    assert set(countries(event.target)) == sides


@pytest.mark.parametrize("text, pair", [
    ("either country", True), ("each side", True), ("the two armies", True), ("both capitals", True),
    ("each year", False), ("both sides of the border", False), ("two soldiers", False),
])
def test_which_phrases_name_a_pair(text, pair):
    assert is_plural_reference(text, read_stance_words()) is pair


@pytest.mark.parametrize("text, target", [
    ("Iran warned that Tehran would strike Israel if attacked.", "ISR"),
    ("Peru and Chile signed a trade pact on Monday. "
     "The United States warned that Washington would not sign trade deals with Chile.", "CHL"),
])
def test_the_speakers_own_side_in_a_clause_is_not_the_target(rules, text, target):
    """ "warned that (Tehran) would strike Israel": the clause's doer of the speaker's own side tells what the
    speaker will do; the target is whom it is done to."""
    event = _events(rules, text, "THREATEN")[-1]
    assert countries(event.target)[:1] == [target]


def test_the_speakers_own_side_is_kept_when_nothing_else_is_named(rules):
    """Near-miss: with no other candidate, the clause's doer is kept as before (the event is not lost)."""
    event = _events(rules, "Iran warned that it would retaliate.", "THREATEN")[0]
    assert not any("is the source's own side" in r for r in event.reasons)


@pytest.mark.parametrize("text, event_type, target", [
    ("Turkish-backed forces entered Jarabulus on Friday.", "ASSAULT", "SYR"),
    ("The Syrian Air Force bombed the northern Palmyra countryside.", "ASSAULT", "SYR"),
    ("The army shelled Aliganj overnight.", "ASSAULT", "IND"),
    ("Rebels seized Kanyabayonga on Sunday.", "ASSAULT", "COD"),
])
def test_a_place_struck_stands_for_its_country(rules, text, event_type, target):
    """ "bombed the northern X countryside", "entered X": a material act done to the place the event locator
    finds inside the target phrase is done to that place's country (a town too small for an actor's name)."""
    event = _events(rules, text, event_type)[0]
    assert countries(event.target) == [target]
    assert any("is the place" in r for r in event.reasons)


def test_a_place_beside_the_target_is_not_the_target(rules):
    event = _events(rules, "Police arrested Gallagher in Belfast on Monday.", "COERCE")[0]
    assert not any("is the place" in r for r in event.reasons)


def test_a_statement_about_a_place_struck_takes_no_place_as_target(rules):
    event = _events(rules, "France condemned the attack on Jarabulus.", "ACCUSE")[0]
    assert not any("is the place" in r for r in event.reasons)


@pytest.mark.parametrize("text, event_type, target", [
    ("Russian jets killed 15 people in a town in Idlib on Monday.", "ASSAULT", "SYR"),
    ("Israeli troops shot two men in Jenin.", "ASSAULT", "PSE"),
    ("Saudi warplanes killed twelve civilians in Sanaa.", "ASSAULT", "YEM"),
    ("Turkish soldiers detained four men in Afrin.", "COERCE", "SYR"),
])
def test_victims_abroad_are_of_the_scene_not_of_the_doers_country(rules, text, event_type, target):
    """Victims named with no country take the article's main country as a guess; when that is the doer's own
    and the scene named lies in another country, they are the scene's."""
    event = _events(rules, text, event_type)[0]
    assert countries(event.target) == [target]
    assert any("the scene" in r and "doer's own" in r for r in event.reasons)


def test_victims_at_home_keep_the_doers_country(rules):
    event = _events(rules, "Russian police arrested five men in Moscow.", "COERCE")[0]
    assert countries(event.target) == ["RUS"]


def test_a_release_abroad_is_no_act_on_victims(rules):
    events = [e for e in code_text(rules, "The Saudi government freed twenty prisoners in Sanaa.")
              if e.event_type == "CONCEDE"]
    assert not any("doer's own" in r for e in events for r in e.reasons)


@pytest.mark.parametrize("text, source", [
    ("Georgia passed a law on foreign agents on Tuesday. Prime Minister Irakli Kobakhidze dismissed the "
     "criticism. He also accused foreign-funded groups of plotting a revolution.", "GEO"),
    ("Protests spread across Peru on Monday. Interior Minister Juan Santivanez blamed foreign agitators. "
     "He also accused opposition lawmakers of inciting violence.", "PER"),
    ("Floods hit Malawi in March. Finance Minister Simplex Chithyola warned of shortages. "
     "He accused traders of hoarding maize.", "MWI"),
    ("Georgia passed a law on foreign agents on Tuesday. Prime Minister Irakli Kobakhidze dismissed the "
     "criticism. Kobakhidze also accused Western envoys of meddling.", "GEO"),
])
def test_a_pronoun_or_short_name_of_an_unknown_official_keeps_the_articles_country(rules, text, source):
    """An unknown official named with a title and no country takes the article's main country; "he" or the
    surname later refers to the mention remembered before that country was added: it takes it too."""
    event = [e for e in code_text(rules, text) if e.event_type == "ACCUSE"][-1]
    assert countries(event.source) == [source]


def test_a_pronoun_of_an_official_of_a_body_takes_no_country(rules):
    text = ("U.N. Secretary-General Antonio Guterres visited Kenya on Monday. "
            "He urged the government to release the detained journalists.")
    event = _events(rules, text, "REQUEST")[-1]
    assert [a.country for a in event.source] == [None]
    assert not any("referred to with no country" in r for r in event.reasons)


@pytest.mark.parametrize("text, name", [
    ("Mali expelled a French diplomat on Monday. Foreign Minister Issa Kantoule accused France of meddling.",
     "Kantoule"),
    ("China sent a delegation to Kenya on Monday. President Wanjiru Kamau welcomed the visit.", "Kamau"),
    ("Chinese troops fired on an Indian post. Defence Minister Ravi Shankaran condemned the attack.",
     "Shankaran"),
    ("Brazil sent aid to Bolivia on Friday. President Tomas Ayllu thanked the Brazilian people.", "Ayllu"),
])
def test_a_title_with_another_name_is_not_the_office_holder(rules, text, name):
    """ "Foreign Minister Issa X": a name after the title that is not the holder's of that office in the
    article's main country is another person, never that holder."""
    events = [e for e in code_text(rules, text) if any(name in a.text for a in e.source)]
    assert events
    assert all(not any("held by" in r for r in e.reasons) for e in events)


def test_a_title_alone_is_the_office_holder(rules):
    text = "China sent a delegation to Kenya on Monday. The president welcomed the visit."
    event = [e for e in code_text(rules, text) if "president" in e.sentence.text.lower()][0]
    assert any("held by" in r for r in event.reasons)
