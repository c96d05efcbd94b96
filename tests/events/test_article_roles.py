"""Article roles (events/article_roles.py): the article's parties, their features, when a role is filled
or replaced, and where the coder applies them."""

from __future__ import annotations

import datetime as dt
import json

from eventwire.events.article_gate import KeepEvery
from eventwire.events.article_roles import (
    ArticleRoles,
    RoleModel,
    RulesRoles,
    article_parties,
    candidate_features,
    read_article_roles,
    surroundings,
)
from eventwire.events.coder import EventCoder
from eventwire.records import Actor, Document, Event, EventDate, Location, Reason, Sentence, Trigger
from eventwire.resources import Settings

TEXT = ("Freedonia accused Sylvania of shelling its border posts on Monday. "
        "Police detained four marchers in the capital on Tuesday. Freedonia said the talks were over.")
FIRST, SECOND, THIRD = (0, 66), (67, 123), (124, 159)


def _event(event_type, span, index, source=(), target=(), location=None, reasons=(), historical=False):
    start, end = span
    return Event(doc_id="a", event_type=event_type, mode=None, cameo=None, quad_class="verbal_conflict",
                 sentence=Sentence(index, TEXT[start:end], start, end),
                 trigger=Trigger("x", start, start + 1),
                 source=[Actor(t, s, s + len(t), country=c) for t, s, c in source],
                 target=[Actor(t, s, s + len(t), country=c) for t, s, c in target],
                 date=EventDate(dt.date(2024, 3, 11)), location=location, reasons=list(reasons),
                 historical=historical)


def _article() -> list[Event]:
    accusation = _event("ACCUSE", FIRST, 0, source=[("Freedonia", 0, "FRE")],
                        target=[("Sylvania", 18, "SYL")])
    arrest = _event("COERCE", SECOND, 1, source=[("Police", 67, None)], target=[("four marchers", 83, None)],
                    location=Location("the capital", 100, 111, country="FRE"))
    ending = _event("REJECT", THIRD, 2, source=[("Freedonia", 124, "FRE")])
    return [accusation, arrest, ending]


def _model(weights: dict[str, float], fill=0.5, replace=None) -> RoleModel:
    return RoleModel(weights, bias=-3.0, fill=fill, replace=replace)


def test_parties_are_ranked_by_how_often_the_article_names_them():
    parties = article_parties(_article())
    assert [(p.key, p.mentions, p.rank) for p in parties] == [("FRE", 2, 1), ("SYL", 1, 2)]
    assert parties[0].first.start == 0 and parties[0].in_lead


def test_features_say_how_the_party_stands_to_the_event():
    events = _article()
    fre, syl = article_parties(events)
    arrest = events[1]
    around = surroundings(events)
    on_arrest = candidate_features(arrest, "target", fre, [fre, syl], around[1])
    assert on_arrest["place's country"] == 1.0 and on_arrest["role empty"] == 1.0
    assert on_arrest["previous event's source"] == 1.0 and on_arrest["rank 1"] == 1.0
    held = _event("ACCUSE", FIRST, 0, source=[("Freedonia", 0, "FRE")], target=[("Sylvania", 18, "SYL")],
                  reasons=[Reason("target", "target 'Sylvania' (object of 'accused')")])
    on_syl = candidate_features(held, "target", syl, [fre, syl], around[0])
    assert on_syl["holds the role"] == 1.0 and on_syl["held by the rule target:target Q (object of"] == 1.0
    assert candidate_features(held, "target", fre, [fre, syl], around[0])["holds the other role"] == 1.0


def test_a_target_phrase_without_a_country_takes_the_likeliest_party_and_says_why():
    events = _article()
    model = _model({"place's country": 6.0})
    [*_, arrest, ending] = ArticleRoles({"target": model}).assign(events)
    assert [(a.text, a.country) for a in arrest.target] == [("four marchers", "FRE")]
    assert arrest.reasons[-1].field == "target" and "'Freedonia' (FRE)" in arrest.reasons[-1]
    assert ending.target == []  # no party scores enough for the statement: it stays without a target
    assert events[1].target[0].country is None  # the coded events themselves are never changed


def test_an_empty_target_takes_the_party_s_first_mention():
    events = _article()
    model = _model({"holds the other role": -9.0, "rank 2": 6.0})
    ending = ArticleRoles({"target": model}).assign(events)[2]
    assert [(a.text, a.start, a.country) for a in ending.target] == [("Sylvania", 18, "SYL")]


def test_a_filled_role_is_replaced_only_above_the_replace_threshold():
    events = _article()
    prefer_fre = {"rank 1": 6.0}
    unchanged = ArticleRoles({"target": _model(prefer_fre, replace=None)}).assign(events)[0]
    assert [a.country for a in unchanged.target] == ["SYL"]
    replaced = ArticleRoles({"target": _model(prefer_fre, replace=0.9)}).assign(events)[0]
    assert [a.country for a in replaced.target] == ["FRE"] and "rather than SYL" in replaced.reasons[-1]


def test_historical_acts_are_left_alone_and_rules_roles_change_nothing():
    events = [_event("ASSAULT", FIRST, 0, source=[("Freedonia", 0, "FRE")], historical=True), *_article()[1:]]
    model = _model({"rank 1": 9.0}, fill=0.1)
    assert ArticleRoles({"target": model}).assign(events)[0].target == []
    assert RulesRoles().assign(events) == events


def test_the_shipped_models_load_for_both_roles():
    roles = read_article_roles()
    assert set(roles.models) == {"source", "target"}
    assert all(m.weights and (m.fill is None or 0.0 < m.fill < 1.0) for m in roles.models.values())


def test_the_coder_assigns_roles_in_articles_only(resources, tmp_path):
    path = tmp_path / "article_roles.json"
    always = {"weights": {"rank 1": 20.0}, "bias": 0.0, "fill": 0.5, "replace": None}
    path.write_text(json.dumps({"target": always}))
    assert Settings(article_roles=str(path)).model_file("article_roles") == path
    coder = EventCoder(resources, article_gate=KeepEvery(), article_roles=read_article_roles(path))
    text = ("Kenyan police detained dozens of protesters in Nairobi on Monday. "
            "The ministry defended the police.")
    article = Document(id="a", text=text, original_text=text, origin="test", date=dt.date(2024, 3, 13))
    arrests = [e for e in coder.code_document(article) if e.event_type == "COERCE"]
    assert arrests and all(any(a.country == "KEN" for a in e.target) for e in arrests)
    alone = Document(id="s", text=text.split(". ")[0] + ".", original_text=text, origin="test")
    assert all(not any(r.startswith("target from the article") for r in e.reasons)
               for e in coder.code_document(alone))


def test_surroundings_name_the_last_reported_event_before_and_the_sentence_s_other_parties():
    background = _event("ASSAULT", SECOND, 1, source=[("Police", 67, "SYL")], historical=True)
    accusation, arrest, ending = _article()
    around = surroundings([accusation, arrest, background, ending])
    assert around[0].previous is None and around[1].previous is accusation
    assert around[1].nearby == {"SYL"} and around[2].nearby == frozenset()  # the arrest names no side
    assert around[3].previous is arrest  # a historical act is never the previous event


def test_training_s_thresholds_on_parties_scored_once_give_the_events_assign_gives(models_script):
    """models/train_article.py scores each event's likeliest party once and tries every threshold on it:
    the same events as assigning the role with the model and those thresholds."""
    train = models_script("train_article")
    model = train.Model({"place's country": 6.0, "rank 2": 2.0, "holds the role": 1.0}, -3.0)
    events = _article()
    for role in ("target", "source"):
        found = train.likeliest(model, role, events, frozenset())
        for fill, replace in ((0.5, None), (0.05, 0.05), (0.9, 0.3)):
            assert train.with_found(role, fill, replace, events, found) == \
                train.with_role(model, role, fill, replace, events, frozenset())
    targets = train.likeliest(model, "target", events, frozenset())
    assert train.with_found("target", 0.05, 0.05, events, targets) != events  # roles do change
