"""POST /api/documents: documents coded and stored as `ingest` does, hostile text kept as data."""

from __future__ import annotations

import pytest
from api_fixtures import TOKEN
from fastapi.testclient import TestClient

from eventwire.api import ApiSettings, create_app
from eventwire.api.documents import DocumentCoder
from eventwire.records import Document, DocumentResult

AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE = ("<script>alert('owned')</script> \"quoted\" and 'single' O'Brien; "
           "Robert'); DROP TABLE articles;-- 100% _of_ \\backslashes\\ $1 %s {} \u202e\u0000? ")


class UncodedPipeline:
    """Stands in for the coder where the test is about storing and returning text."""

    def code_in_process(self, items):
        for item in items:
            if isinstance(item, Document):
                yield DocumentResult(origin=item.origin, status="coded", doc_id=item.id, document=item)
            else:
                yield DocumentResult.from_rejected(item)


@pytest.fixture
def writable(db_url):
    app = create_app(ApiSettings(db_url=db_url, token=TOKEN))
    app.state.coder = DocumentCoder(UncodedPipeline)
    with TestClient(app) as client:
        yield client


def test_a_hostile_megabyte_article_is_stored_and_returned_intact(writable):
    hostile = HOSTILE.replace("\u0000", "")  # a NUL byte is refused by PostgreSQL text
    text = "Police watched a march in Paris. " + hostile * (1_000_000 // len(hostile) + 1)
    title = "<img src=x onerror=alert(1)> ' OR 1=1 --"
    response = writable.post("/api/documents", headers=AUTH,
                             json={"id": "evil'; --", "title": title, "text": text,
                                   "url": "javascript:alert(1)"})
    assert response.status_code == 200, response.text
    [status] = response.json()["documents"]
    assert status["status"] == "coded" and status["doc_id"] == "evil'; --"
    article = writable.get("/api/articles/evil'; --")
    assert article.status_code == 200 and article.headers["content-type"] == "application/json"
    body = article.json()
    assert body["title"] == title and body["url"] == "javascript:alert(1)"
    assert len(body["text"]) > 1_000_000 and "<script>alert('owned')</script>" in body["text"]
    assert body["text"].count(hostile.strip()) == text.count(hostile.strip()) > 5000
    assert writable.get("/api/health").json()["status"] == "ok"  # the tables are all still there


def test_documents_come_as_json_array_or_json_lines_with_a_status_each(writable):
    lines = b'{"id": "j1", "text": "One."}\n{"id": "j2"}\nnot json\n[1, 2]\n'
    response = writable.post("/api/documents", headers={**AUTH, "Content-Type": "application/x-ndjson"},
                             content=lines)
    statuses = response.json()["documents"]
    assert [(s["origin"], s["status"]) for s in statuses] == [
        ("<api>:1", "coded"), ("<api>:2", "skipped"), ("<api>:3", "failed"), ("<api>:4", "failed")]
    assert statuses[1]["reason"] == "no text" and "malformed JSON" in statuses[2]["reason"]
    again = writable.post("/api/documents", headers=AUTH, json=[{"id": "j1", "text": "One."}]).json()
    assert again["documents"][0]["status"] == "unchanged"  # idempotent, as ingest


def test_a_document_the_database_refuses_fails_alone(writable):
    documents = [{"id": "n1", "text": "A NUL \u0000 byte."}, {"id": "n2", "text": "Fine."}]
    statuses = writable.post("/api/documents", headers=AUTH, json=documents).json()["documents"]
    assert statuses[1]["status"] == "coded"
    # The readers turn a NUL into U+FFFD (no database text holds NUL), so both databases store it.
    assert statuses[0]["status"] == "coded"
    assert writable.get("/api/articles/n1").json()["text"] == "A NUL \ufffd byte."
    # A lone surrogate (JSON "\udce9") no database encodes: that article fails, the next is stored.
    body = b'[{"id": "s1", "text": "Fine too.", "title": "caf\\udce9"}, {"id": "s2", "text": "Also fine."}]'
    statuses = writable.post("/api/documents", headers={**AUTH, "Content-Type": "application/json"},
                             content=body).json()["documents"]
    assert [s["status"] for s in statuses] == ["failed", "coded"]
    assert statuses[0]["reason"].startswith("not stored: could not be stored: UnicodeEncodeError")


@pytest.fixture(scope="module")
def real_coder():
    return DocumentCoder()  # the real pipeline, loaded once for this module


@pytest.mark.slow
def test_documents_are_coded_by_the_pipeline_and_stored_idempotently(db_url, real_coder):
    app = create_app(ApiSettings(db_url=db_url, token=TOKEN))
    app.state.coder = real_coder
    doc = {"id": "r1", "date": "2024-03-12", "source": "Wire A",
           "text": "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing "
                   "on Tuesday. Police arrested dozens of protesters in Paris on Monday <b>'quoted'</b>."}
    with TestClient(app) as client:
        [status] = client.post("/api/documents", headers=AUTH, json=doc).json()["documents"]
        assert status["status"] == "coded" and status["events"] >= 1 and not status["replaced"]
        events = client.get("/api/events", params={"since": "2024-03"}).json()["events"]
        assert {"CONSULT"} <= {e["event_type"] for e in events}
        assert all(e["doc_id"] == "r1" for e in events)
        [again] = client.post("/api/documents", headers=AUTH, json=doc).json()["documents"]
        assert again["status"] == "unchanged"
        assert client.get("/api/count").json()["count"] == len(events)
        assert client.get("/api/articles/r1").json()["text"].startswith("Russian Foreign Minister")
