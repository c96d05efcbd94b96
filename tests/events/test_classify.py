"""Classification of triggers in real spaCy parses."""

import pytest

from eventwire.events.classify import Classification, load_lexicon
from eventwire.nlp import load_spacy


@pytest.fixture(scope="module")
def code():
    nlp, lexicon = load_spacy(), load_lexicon()

    def run(text: str) -> list[tuple[str, str, str]]:
        doc = nlp(text)
        return [(c.event_type, c.cameo, doc[c.trigger[0]:c.trigger[1]].text) for c in lexicon.triggers(doc)]

    return run


def test_object_specific_pattern_beats_the_default(code):
    assert code("The European Union imposed sanctions on Iran.") == [("SANCTION", "163", "imposed sanctions")]
    assert code("The army imposed a curfew in the city.")[0][:2] == ("COERCE", "1723")


def test_phrasal_verbs(code):
    assert code("The rebels called off the talks.") == [("SANCTION", "160", "called off")]
    assert code("Police cracked down on protesters.")[0][0] in ("COERCE", "ASSAULT")
    assert code("Police cracked down on protesters.")[0][2] == "cracked down"


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
    assert code("Two soldiers were killed by a roadside bomb.")[0][0] == "ASSAULT"


def test_event_nouns_are_conservative(code):
    assert code("The attack on the convoy killed five people.")[0][0] == "ASSAULT"
    assert code("The weather was warm.") == []


def test_classification_fields():
    doc = load_spacy()("The president visited Beijing on Tuesday.")
    found = load_lexicon().triggers(doc)
    assert len(found) == 1
    visit = found[0]
    assert isinstance(visit, Classification)
    assert (visit.event_type, visit.mode, visit.quad_class) == ("CONSULT", "visit", "verbal_cooperation")
    assert visit.trigger == (2, 3)
    assert "CAMEO 042" in visit.reason and "CONSULT" in visit.reason
    assert 0 < visit.specificity <= 1
    assert load_lexicon().classify(doc[2]) == visit
