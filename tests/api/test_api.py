"""The HTTP API on both databases, through FastAPI's test client (real HTTP: test_server.py)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from api_fixtures import CODER, MEETING, TOKEN, articles, fill
from fastapi.testclient import TestClient
from store_factories import coded, document, event

from eventwire.api import ApiSettings, create_app
from eventwire.export import EVENT_CSV_COLUMNS
from eventwire.store import open_store
from eventwire.store.schema import LATEST_VERSION


@pytest.fixture
def filled(db_url) -> str:
    fill(db_url)
    return db_url


@pytest.fixture
def client(filled):
    with TestClient(create_app(ApiSettings(db_url=filled, token=TOKEN))) as test_client:
        yield test_client


def _types(client, **params) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [e["event_type"] for e in response.json()["events"]]


def test_events_are_the_jsonl_records_newest_first(client, filled):
    body = client.get("/api/events").json()
    assert body["next"] is None
    assert [e["event_type"] for e in body["events"]] == ["THREATEN", "ASSAULT", "PROTEST", "CONSULT"]
    with open_store(filled) as store:
        by_id = {record["event_id"]: record for record in store.events()}
    for record in body["events"]:
        assert record == by_id[record["event_id"]]  # the same records as `eventwire events --format jsonl`
        assert record["mentions"] and record["num_articles"] == 1


def test_every_filter(client):
    assert _types(client, since="2024-05") == ["THREATEN", "ASSAULT"]
    assert _types(client, until="2024-04") == ["PROTEST", "CONSULT"]
    assert _types(client, since="2024-04-02", until="2024-05-20") == ["ASSAULT", "PROTEST"]
    assert _types(client, country="RUS") == ["THREATEN", "CONSULT"]
    assert _types(client, country="in,cn") == ["THREATEN", "CONSULT"]  # ISO2, several
    assert _types(client, country="IND", role="source") == []
    assert _types(client, country="IND", role="target") == ["THREATEN"]
    assert _types(client, actor="RUSGOV") == ["THREATEN", "CONSULT"]
    assert _types(client, actor="lavrov") == ["CONSULT"]
    assert _types(client, actor="ISR", role="target") == []
    assert _types(client, type="assault,Protest") == ["ASSAULT", "PROTEST"]
    assert _types(client, quad_class="verbal_conflict") == ["THREATEN"]
    assert _types(client, quad_class="material_conflict,verbal_cooperation") == [
        "ASSAULT", "PROTEST", "CONSULT"]
    assert _types(client, min_confidence="0.7") == ["ASSAULT", "CONSULT"]
    assert _types(client, place="gaz") == ["ASSAULT"]
    assert _types(client, bbox="30,25,40,35") == ["ASSAULT"]  # around Gaza
    assert _types(client, bbox="-10,40,60,60") == ["THREATEN", "PROTEST"]  # Paris and Moscow
    assert _types(client, q="refugee camp") == ["ASSAULT"]
    assert _types(client, q="camps") == ["ASSAULT"]  # stemmed
    assert _types(client, q="refugee Paris") == []  # every word must occur
    assert _types(client, country="RUS", type="CONSULT", since="2024") == ["CONSULT"]


def test_sorts(client):
    assert _types(client, sort="date") == ["CONSULT", "PROTEST", "ASSAULT", "THREATEN"]
    assert _types(client, sort="-confidence") == ["ASSAULT", "CONSULT", "THREATEN", "PROTEST"]
    assert _types(client, sort="confidence") == ["PROTEST", "THREATEN", "CONSULT", "ASSAULT"]
    assert len(_types(client, sort="-num_articles")) == 4


def test_hostile_filter_values_are_data_not_sql(client):
    for value in ("x' OR '1'='1", "%", "_", "'; DROP TABLE events; --", "\\"):
        assert _types(client, actor=value) == [], value
        assert _types(client, place=value) == [], value
    assert _types(client, q='"Gaza" OR NEAR(x) *') == []  # FTS syntax is plain words
    assert client.get("/api/count").json() == {"count": 4}


@pytest.mark.parametrize("sort", ["-date", "date", "confidence", "-num_articles"])
def test_cursor_pages_cover_every_event_once(client, sort):
    seen, cursor = [], None
    for _ in range(10):
        body = client.get("/api/events", params={"limit": 1, "sort": sort, "cursor": cursor}).json()
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 4


def test_paging_is_stable_while_events_arrive(client, filled):
    first = client.get("/api/events", params={"limit": 2}).json()  # newest first
    assert [e["event_type"] for e in first["events"]] == ["THREATEN", "ASSAULT"]
    newer = document("n1", "Chinese officials accused French diplomats of spying in Paris. More later",
                     date="2024-06-30")
    older = document("o1", "Indian troops shelled positions near Delhi at night. Officials denied it",
                     date="2024-01-05")
    with open_store(filled) as store:
        store.save(coded(newer, event(newer, 0, "accused", "ACCUSE",
                                      source=[("Chinese officials", "CHN", "GOV")],
                                      target=[("French diplomats", "FRA", "GOV")], place="Paris")), CODER)
        store.save(coded(older, event(older, 0, "shelled", "ASSAULT",
                                      source=[("Indian troops", "IND", "MIL")], place="Delhi")), CODER)
    rest = client.get("/api/events", params={"limit": 2, "cursor": first["next"]}).json()
    assert [e["event_type"] for e in rest["events"]] == ["PROTEST", "CONSULT"]  # no repeat, no skip
    last = client.get("/api/events", params={"limit": 2, "cursor": rest["next"]}).json()
    assert [e["event_type"] for e in last["events"]] == ["ASSAULT"]  # the older arrival, in its place
    assert last["next"] is None
    assert client.get("/api/count").json()["count"] == 6


@pytest.mark.parametrize(("params", "parameter"), [
    ({"since": "2024-13"}, "since"), ({"until": "yesterday"}, "until"), ({"country": "XYZ"}, "country"),
    ({"type": "BOMBING"}, "type"), ({"quad_class": "war"}, "quad_class"),
    ({"min_confidence": "nan"}, "min_confidence"), ({"bbox": "1,2,3"}, "bbox"), ({"limit": "0"}, "limit"),
    ({"limit": "1001"}, "limit"), ({"sort": "id"}, "sort"),
    ({"cursor": "garbage"}, "cursor"), ({"role": "source"}, "role"), ({"actor": "x" * 300}, "actor"),
])
def test_bad_parameters_are_a_422_naming_the_parameter(client, params, parameter):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["parameter"] == parameter and body["error"].startswith(f"{parameter}: ")
    assert "\n" not in body["error"] and "Traceback" not in response.text


def test_other_endpoints_validate_their_parameters(client):
    for path, params, parameter in [("/api/timeline", {"interval": "year"}, "interval"),
                                    ("/api/timeline", {"by": "actor"}, "by"),
                                    ("/api/timeline", {"interval": "day", "since": "1000", "until": "2999"},
                                     "interval"),
                                    ("/api/export", {"format": "xlsx"}, "format"),
                                    ("/api/dyads", {"limit": "many"}, "limit"),
                                    ("/api/actors", {"country": "Narnia"}, "country")]:
        response = client.get(path, params=params)
        assert response.status_code == 422, path
        assert response.json()["parameter"] == parameter


def test_event_by_id_has_every_mention_with_spans_and_reasons(client):
    [listed] = client.get("/api/events", params={"type": "CONSULT"}).json()["events"]
    body = client.get(f"/api/events/{listed['event_id']}").json()
    assert body["event_id"] == listed["event_id"] and body["sentence"]["text"] == MEETING.split(". ")[0]
    [mention] = body["mentions"]
    start = MEETING.index("met")
    assert mention["trigger"] == {"text": "met", "start": start, "end": start + 3}
    assert mention["coded"]["reasons"] == {"type": ["test: CONSULT from 'met'"]}
    assert mention["coded"]["source"][0]["start"] == MEETING.index("Sergei Lavrov")
    missing = client.get("/api/events/0000000000")
    assert missing.status_code == 404 and missing.json() == {"error": "no event '0000000000'"}


def test_timeline_counts_every_period_including_empty_ones(client):
    params = {"interval": "month", "since": "2024-01", "until": "2024-06"}
    body = client.get("/api/timeline", params=params).json()
    assert [(b["period"], b["events"]) for b in body["buckets"]] == [
        ("2024-01-01", 0), ("2024-02-01", 0), ("2024-03-01", 1), ("2024-04-01", 1), ("2024-05-01", 2),
        ("2024-06-01", 0)]
    weekly = client.get("/api/timeline", params={"interval": "week", "by": "quad_class"}).json()["buckets"]
    assert weekly[0]["period"] == "2024-03-11" and weekly[-1]["period"] == "2024-05-20"  # Mondays
    assert len(weekly) == 11 and sum(b["events"] for b in weekly) == 4
    assert weekly[-1]["by"] == {"verbal_cooperation": 0, "material_cooperation": 0, "verbal_conflict": 1,
                                "material_conflict": 1}
    params = {"interval": "day", "by": "event_type", "country": "RUS"}
    daily = client.get("/api/timeline", params=params).json()
    assert len(daily["buckets"]) == 20 + 30 + 21 and daily["buckets"][0]["by"]["CONSULT"] == 1
    assert client.get("/api/timeline", params={"country": "BRA"}).json()["buckets"] == []


def test_dyads_and_actors(client):
    dyads = client.get("/api/dyads").json()["dyads"]
    assert {(d["source"], d["target"]): d["by_quad_class"] for d in dyads}[("RUSGOV", "CHNGOV")] == {
        "verbal_cooperation": 1}
    assert len(dyads) == 4
    assert client.get("/api/dyads", params={"country": "FRA"}).json()["dyads"] == [
        {"source": "FRACVL", "target": "FRAGOV", "events": 1, "by_quad_class": {"material_conflict": 1}}]
    actors = client.get("/api/actors", params={"limit": 2}).json()["actors"]
    assert actors[0] == {"code": "RUSGOV", "name": "Russian officials", "country": "RUS", "as_source": 2,
                         "as_target": 0, "events": 2}
    assert len(actors) == 2


def test_article_has_text_metadata_and_events_with_offsets(client):
    body = client.get("/api/articles/a1").json()
    assert body["text"] == MEETING and body["title"] == "Title a1" and body["pub_date"] == "2024-03-12"
    [found] = body["events"]
    assert MEETING[found["trigger"]["start"]:found["trigger"]["end"]] == "met"
    assert found["merged_event_id"]
    assert client.get("/api/articles/nope").status_code == 404


def test_exports_stream_the_columns_of_eventwire_export(client):
    response = client.get("/api/export", params={"format": "csv", "country": "RUS"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == EVENT_CSV_COLUMNS
    assert [r["event_type"] for r in rows] == ["CONSULT", "THREATEN"]  # by date
    lines = client.get("/api/export", params={"format": "jsonl", "sort": "-date"}).text.splitlines()
    assert [json.loads(line)["event_type"] for line in lines] == ["THREATEN", "ASSAULT", "PROTEST", "CONSULT"]
    parquet = client.get("/api/export", params={"format": "parquet"})
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == 4 and table.column_names == EVENT_CSV_COLUMNS + ["mentions"]


def test_export_pages_through_many_events(filled):
    with TestClient(create_app(ApiSettings(db_url=filled, export_page=3))) as small_pages:
        lines = small_pages.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == len({json.loads(line)["event_id"] for line in lines}) == 4


def test_health_openapi_and_offline_docs(client):
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["events"] == 4 and health["writes"] is True
    assert health["schema_version"] == LATEST_VERSION
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/timeline", "/api/dyads", "/api/actors",
            "/api/export", "/api/documents", "/api/health"} <= set(spec["paths"])
    page = client.get("/docs").text
    assert not re.findall(r"https?://", page)  # no CDN
    for asset in re.findall(r'(?:src|href)="(/docs/assets/[^"]+)"', page):
        assert client.get(asset).status_code == 200, asset
    dashboard = client.get("/")  # the dashboard (eventwire.web), under its own policy
    assert dashboard.status_code == 200
    assert "script-src 'self'" in dashboard.headers["content-security-policy"]


def test_writes_need_the_token(client):
    doc = {"id": "w1", "text": "Nothing here."}
    assert client.post("/api/documents", json=doc).status_code == 401
    wrong = client.post("/api/documents", json=doc, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/documents", json=doc, headers={"Authorization": TOKEN}).status_code == 401


def test_writes_are_disabled_without_a_token(filled):
    with TestClient(create_app(ApiSettings(db_url=filled))) as read_only:
        response = read_only.post("/api/documents", json={"text": "x"},
                                  headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "--token-file" in response.json()["error"]


def test_bodies_are_capped_and_must_hold_documents(filled):
    settings = ApiSettings(db_url=filled, token=TOKEN, max_body_bytes=1000, max_documents=2)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(settings)) as small:
        assert small.post("/api/documents", content=b"x" * 2000, headers=auth).status_code == 413
        too_many = small.post("/api/documents", json=[{"text": "a"}] * 3, headers=auth)
        assert too_many.status_code == 422 and "at most 2" in too_many.json()["error"]
        assert small.post("/api/documents", content=b"{not json", headers=auth).status_code == 422
        assert small.post("/api/documents", content=b"", headers=auth).status_code == 422


def test_a_query_past_the_time_limit_is_a_503(tmp_path):
    url = f"sqlite:///{tmp_path}/big.db"
    results = articles()
    with open_store(url) as store:
        for result in results:
            store.save(result, CODER)
        records = list(store.events())
        copies = [({**r, "event_id": f"{r['event_id']}-{i}"}, "copy") for i in range(1500) for r in records]
        with store._transaction():
            store.write_events(copies)
    with TestClient(create_app(ApiSettings(db_url=url, query_time_limit=1e-4))) as slow:
        response = slow.get("/api/timeline", params={"interval": "day", "by": "event_type", "q": "the"})
    assert response.status_code == 503
    assert "limit" in response.json()["error"]


def test_database_errors_are_json_without_the_password(filled, monkeypatch, caplog):
    app = create_app(ApiSettings(db_url=filled))

    def broken(*args, **kwargs):
        import sqlite3

        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(type(app.state.store), "count_events", broken)
    with TestClient(app) as test_client:
        response = test_client.get("/api/count")
    assert response.status_code == 503
    assert response.json()["error"].startswith("the database failed to answer")
