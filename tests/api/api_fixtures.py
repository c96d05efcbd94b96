"""A small store of coded articles for the API tests, and a client on it."""

from __future__ import annotations

from store_factories import coded, document, event

from eventwire.store import CoderInfo, open_store

CODER = CoderInfo.of("9.9.9", {"spacy_model": "test"})
TOKEN = "s3cret-token-for-tests"

MEETING = ("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on "
           "Tuesday. They discussed trade and the war in Ukraine")
MARCH = "Protesters marched against the French embassy in Paris. Police watched the crowd"
SHELLING = "Israeli troops shelled a refugee camp in Gaza overnight. Medics counted the wounded"
THREAT = "Russian officials threatened Indian negotiators in Moscow with new tariffs. Talks stalled"


def articles() -> list:
    """Four articles, one event each, on four dates."""
    a = document("a1", MEETING, date="2024-03-12")
    b = document("b1", MARCH, date="2024-04-02", outlet="Wire B")
    c = document("c1", SHELLING, date="2024-05-20", outlet="Wire C")
    d = document("d1", THREAT, date="2024-05-21", outlet="Wire D")
    return [
        coded(a, event(a, 0, "met", "CONSULT", source=[("Sergei Lavrov", "RUS", "GOV")],
                       target=[("Wang Yi", "CHN", "GOV")], place="Beijing", confidence=0.8)),
        coded(b, event(b, 0, "marched", "PROTEST", source=[("Protesters", "FRA", "CVL")],
                       target=[("French embassy", "FRA", "GOV")], place="Paris", confidence=0.4)),
        coded(c, event(c, 0, "shelled", "ASSAULT", source=[("Israeli troops", "ISR", "MIL")],
                       target=[("refugee camp", "PSE", "CVL")], place="Gaza", confidence=0.9)),
        coded(d, event(d, 0, "threatened", "THREATEN", source=[("Russian officials", "RUS", "GOV")],
                       target=[("Indian negotiators", "IND", "GOV")], place="Moscow", confidence=0.6)),
    ]


def fill(url: str, results=None) -> None:
    with open_store(url) as store:
        for result in results or articles():
            store.save(result, CODER)
