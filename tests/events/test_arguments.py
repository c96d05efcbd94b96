"""Argument extraction from the parse: subjects, objects, passives, nominal triggers, lists."""

from eventwire.events.arguments import find_arguments, read_argument_words

WORDS = read_argument_words()


def _arguments(nlp, sentence: str, trigger: str):
    parsed = nlp(sentence)
    index = [t.text for t in parsed].index(trigger)
    return find_arguments(parsed, index, index + 1, WORDS)


def _texts(groups) -> list[list[str]]:
    return [[p.text for p in g.phrases] for g in groups]


def test_subject_and_object_of_a_verb(nlp):
    args = _arguments(nlp, "Netanyahu met Putin in Moscow.", "met")
    assert _texts(args.sources)[0] == ["Netanyahu"]
    assert _texts(args.targets)[0] == ["Putin"]


def test_compound_subject_is_split(nlp):
    args = _arguments(nlp, "Israel and Russia agreed to cooperate.", "agreed")
    assert _texts(args.sources)[0] == ["Israel", "Russia"]


def test_subject_is_inherited_through_control(nlp):
    args = _arguments(nlp, "Israel and Russia agreed to cooperate.", "cooperate")
    assert _texts(args.sources)[0] == ["Israel", "Russia"]
    assert "inherited" in args.sources[0].rule


def test_passive_agent_is_the_source(nlp):
    args = _arguments(nlp, "Five soldiers were killed by rebels.", "killed")
    assert args.passive
    assert _texts(args.sources)[0] == ["rebels"]
    assert _texts(args.targets)[0] == ["Five soldiers"]


def test_nominal_trigger_takes_the_subject_of_its_light_verb(nlp):
    args = _arguments(nlp, "Israeli jets carried out air strikes on Gaza.", "strikes")
    assert _texts(args.sources)[0] == ["Israeli jets"]
    assert _texts(args.targets)[0] == ["Gaza"]


def test_parties_between_of_a_nominal_trigger(nlp):
    args = _arguments(nlp, "Talks between Israel and Syria resumed in Washington.", "Talks")
    assert _texts(args.sources)[0] == ["Israel", "Syria"]


def test_indirect_object_is_preferred_over_the_thing_given(nlp):
    args = _arguments(nlp, "The EU gave Ukraine 5 billion euros in aid.", "gave")
    assert _texts(args.targets)[0] == ["Ukraine"]


def test_target_preposition_from_the_lexicon(nlp):
    parsed = nlp("Protesters in Gjilan demonstrated against the government.")
    args = find_arguments(parsed, 3, 4, WORDS, target_preps=("against",))
    assert _texts(args.sources)[0] == ["Protesters in Gjilan"]
    assert _texts(args.targets)[0] == ["the government"]


def test_stative_participle_keeps_its_subject_as_source(nlp):
    args = _arguments(nlp, "Chile is opposed to Argentine mediation in the border talks.", "opposed")
    assert not args.passive
    assert _texts(args.sources)[0] == ["Chile"]


def test_adjective_control_passes_the_subject_down(nlp):
    args = _arguments(nlp, "Norway is ready to contribute engineers to the mission.", "contribute")
    assert _texts(args.sources)[0] == ["Norway"]


def test_a_statement_speaks_for_whoever_issued_it(nlp):
    args = _arguments(nlp, "France released a statement condemning the attack.", "condemning")
    assert _texts(args.sources)[0] == ["France"]
    assert _texts(args.targets)[0] == ["the attack"]


def test_a_date_is_not_part_of_the_actor(nlp):
    sentence = "The World Food Programme on Sunday reduced flour rations to the settlement."
    args = _arguments(nlp, sentence, "reduced")
    assert _texts(args.sources)[0] == ["The World Food Programme"]


def test_phrase_keeps_a_close_apposition_but_not_clauses(nlp):
    args = _arguments(nlp, "Maria Lopez, the UN refugee envoy, demanded an inquiry.", "demanded")
    assert _texts(args.sources)[0] == ["Maria Lopez, the UN refugee envoy"]
    args = _arguments(nlp, "Government troops killed scores of insurgents who tried to storm the base.",
                      "killed")
    assert _texts(args.targets)[0] == ["scores of insurgents"]


def test_coordinated_passive_participles_share_subject_and_agent(nlp):
    sentence = "Two Norwegian soldiers were shot and wounded by a renegade Afghan soldier."
    for trigger in ("shot", "wounded"):
        args = _arguments(nlp, sentence, trigger)
        assert args.passive
        assert _texts(args.sources)[0] == ["a renegade Afghan soldier"]
        assert _texts(args.targets)[0] == ["Two Norwegian soldiers"]


def test_raising_passive_gives_the_actor(nlp):
    args = _arguments(nlp, "Iran is expected to send troops to Syria.", "send")
    assert _texts(args.sources)[0] == ["Iran"]


FIGHTING = frozenset({"clash", "clashes", "battle", "gunbattle"})


def test_the_fighting_an_act_is_told_in_and_its_sides(nlp):
    from eventwire.events.arguments import fighting_parties, fighting_told

    parsed = nlp("Four guards were wounded on Friday owing to clashes between smugglers and the coast guard.")
    fighting = fighting_told(next(t for t in parsed if t.text == "wounded"), FIGHTING)
    assert fighting is not None and fighting.text == "clashes"
    both, other = fighting_parties(fighting, set())
    assert _texts([both]) == [["smugglers", "the coast guard"]] and other is None
    parsed = nlp("The militia took the bridge, resulting in a long battle with the police.")
    fighting = fighting_told(next(t for t in parsed if t.text == "took"), FIGHTING)
    assert _texts([fighting_parties(fighting, set())[1]]) == [["the police"]]


def test_an_act_told_in_no_fighting_has_none(nlp):
    from eventwire.events.arguments import fighting_told

    parsed = nlp("Two hikers were injured in a storm with strong winds.")
    assert fighting_told(next(t for t in parsed if t.text == "injured"), FIGHTING) is None
