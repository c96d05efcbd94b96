import datetime as dt
import io
import json

from eventwire.formats import write_csv, write_jsonl, write_table
from eventwire.records import Actor, Event, EventDate, Location, Reason, Sentence, Trigger


def make_event(**changes):
    fields = dict(
        doc_id="doc-1", event_type="CONSULT", mode="visit", cameo="042", quad_class="verbal_cooperation",
        sentence=Sentence(0, "Netanyahu met Putin in Moscow.", 10, 40),
        trigger=Trigger("met", 20, 23),
        source=[Actor("Netanyahu", 10, 19, "Benjamin Netanyahu", "ISR", "GOV", "ISRGOV",
                      "BENJAMIN_NETANYAHU")],
        target=[Actor("Putin", 24, 29, "Vladimir Putin", "RUS", "GOV", "RUSGOV", "VLADIMIR_PUTIN")],
        date=EventDate(dt.date(2018, 7, 11), None, "day"),
        location=Location("Moscow", 33, 39, "Moscow", "RUS", 55.75, 37.62, 524901),
        confidence=0.8123, reasons=[Reason("type", "trigger 'met' -> CONSULT")],
    )
    fields.update(changes)
    return Event(**fields)


def test_event_id_is_stable_and_depends_on_trigger_and_type():
    a, b = make_event(), make_event(confidence=0.1)
    assert a.event_id == b.event_id
    assert make_event(event_type="AGREE").event_id != a.event_id
    assert make_event(trigger=Trigger("met", 21, 24)).event_id != a.event_id


def test_contract_fields():
    record = make_event().to_dict()
    assert list(record) == [
        "event_id", "doc_id", "event_type", "mode", "cameo", "quad_class", "source", "target", "date",
        "location", "sentence", "trigger", "negated", "hypothetical", "future", "historical", "reported_by",
        "confidence", "reasons", "magnitudes",
    ]
    assert record["date"] == {"value": "2018-07-11", "text": None, "granularity": "day"}
    assert record["source"][0]["code"] == "ISRGOV"
    assert record["confidence"] == 0.812
    assert record["reported_by"] is None
    assert json.loads(json.dumps(record)) == record


def test_writers():
    record = make_event().to_dict()
    out = io.StringIO()
    assert write_jsonl([record], out) == 1
    assert json.loads(out.getvalue())["event_id"] == record["event_id"]

    out = io.StringIO()
    write_csv([record], out)
    header, row = out.getvalue().splitlines()[:2]
    assert header.startswith("event_id,doc_id,event_type")
    assert "ISRGOV" in row and "Moscow" in row

    out = io.StringIO()
    write_table([record], out, width=140)
    table = out.getvalue()
    assert "CONSULT" in table and "Netanyahu (ISRGOV)" in table and "[met]" in table
