"""The API's `historical` filter on both databases: background acts told as history are left out of
event lists, counts, timelines and exports unless `historical=true` (only them) or `any` (both)."""

from __future__ import annotations

import csv
import io

import pytest
from api_fixtures import CODER, articles
from fastapi.testclient import TestClient
from store_factories import coded, document, event

from eventwire.api import ApiSettings, create_app
from eventwire.store import open_store

TEXT = ("Chilean police detained Peruvian fishermen near Arica on Friday. The fishermen came from Peru, "
        "which seized Chilean boats decades ago")


@pytest.fixture
def client(db_url):
    doc = document("hist1", TEXT, date="2024-05-24")
    history = coded(doc,
                    event(doc, 0, "detained", "COERCE", source=[("Chilean police", "CHL", "COP")],
                          target=[("Peruvian fishermen", "PER", "CVL")], confidence=0.7),
                    event(doc, 1, "seized", "COERCE", source=[("Peru", "PER", None)],
                          target=[("Chilean boats", "CHL", None)], date="1990-06-01", confidence=0.1,
                          historical=True))
    with open_store(db_url) as store:
        for result in [*articles(), history]:
            store.save(result, CODER)
    with TestClient(create_app(ApiSettings(db_url=db_url))) as test_client:
        yield test_client


def _triggers(client, **params) -> list[tuple[str, bool]]:
    events = client.get("/api/events", params={"limit": 100, **params}).json()["events"]
    return sorted((e["trigger"]["text"], e["historical"]) for e in events)


def test_event_lists_leave_history_out_by_default(client):
    default = _triggers(client)
    assert ("seized", True) not in default and ("detained", False) in default and len(default) == 5
    assert _triggers(client, historical="false") == default
    assert _triggers(client, historical="true") == [("seized", True)]
    assert _triggers(client, historical="any") == sorted([*default, ("seized", True)])
    assert _triggers(client, historical="TRUE", country="CHL") == [("seized", True)]


def test_counts_timelines_dyads_and_exports_follow_the_same_default(client):
    assert client.get("/api/count").json() == {"count": 5}
    assert client.get("/api/count", params={"historical": "any"}).json() == {"count": 6}
    assert client.get("/api/count", params={"historical": "true", "country": "PER"}).json() == {"count": 1}

    def yearly(**params) -> dict[str, int]:
        body = client.get("/api/timeline", params={"interval": "month", "country": "PER", **params}).json()
        return {b["period"][:4]: b["events"] for b in body["buckets"] if b["events"]}

    assert yearly() == {"2024": 1}
    assert yearly(historical="any") == {"1990": 1, "2024": 1}
    dyads = client.get("/api/dyads", params={"historical": "true"}).json()["dyads"]
    assert [(d["source"], d["target"]) for d in dyads] == [("PER", "CHL")]
    exported = client.get("/api/export", params={"format": "csv", "historical": "any", "country": "CHL"})
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    flags = sorted((r["trigger"], r["historical"]) for r in rows)
    assert flags == [("detained", "False"), ("seized", "True")]


def test_one_event_by_id_says_it_is_historical(client):
    [old] = client.get("/api/events", params={"historical": "true"}).json()["events"]
    found = client.get(f"/api/events/{old['event_id']}").json()
    assert found["historical"] is True
    assert [m["coded"]["historical"] for m in found["mentions"]] == [True]


def test_a_bad_historical_value_is_a_422_naming_the_parameter(client):
    response = client.get("/api/events", params={"historical": "maybe"})
    assert response.status_code == 422
    body = response.json()
    assert body["parameter"] == "historical"
    assert body["error"] == "historical: 'maybe' is not one of false, true, any"
