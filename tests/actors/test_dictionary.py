"""The Phoenix reader, dated roles and the shipped dictionary."""

import datetime as dt
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.actors.phoenix import parse_actor_file, parse_agent_file, parse_date

REPO = Path(__file__).resolve().parents[2]

PHOENIX_SAMPLE = """\
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV >080508]
\t[RUSELI]
ABU_NIDAL_ORGANIZATION [IMGMUSALQ] # comment
KOFI_ANNAN_\t[IGOUNO 970101-061231] [---]
"""


def test_parse_dated_roles_open_ranges_and_default():
    putin, abu_nidal, annan = parse_actor_file(PHOENIX_SAMPLE.splitlines())
    assert putin.synonyms == ["+PUTIN_"[1:]]
    assert [(r.code, r.start, r.end) for r in putin.roles] == [
        ("RUSELI", dt.date(1970, 1, 1), dt.date(1999, 8, 9)), ("RUSGOV", dt.date(2008, 5, 8), None)]
    assert putin.default == "RUSELI"
    assert abu_nidal.default == "IMGMUSALQ" and not abu_nidal.roles
    assert annan.roles[0].end == dt.date(2006, 12, 31) and annan.default is None


def test_dates_century_and_typos():
    assert parse_date("700101") == dt.date(1970, 1, 1)
    assert parse_date("080508") == dt.date(2008, 5, 8)
    assert parse_date("19270101") == dt.date(1927, 1, 1)
    assert parse_date("2004017") is None


def test_agent_substitution_sets_and_plurals():
    lines = ["!PERSON! = MAN, MEN", "POLICE!PERSON! [~COP]", "THIEF {THIEVES} [~CRM]"]
    patterns = parse_agent_file(lines)
    assert [(p.phrase, p.code) for p in patterns] == [
        ("POLICEMAN", "COP"), ("POLICEMEN", "COP"), ("THIEF", "CRM")]
    assert patterns[2].plurals == ["THIEVES"]


@pytest.fixture(scope="module")
def resolver(resources):
    return resources.resolver


def code_on(resolver, text, day):
    found = resolver.resolve_text(text, dt.date.fromisoformat(day))
    return found[0].actor.code if found else None


@pytest.mark.parametrize("text, day, code", [
    ("Putin", "2018-03-01", "RUSGOV"), ("Putin", "2024-03-01", "RUSGOV"), ("Putin", "1990-01-01", "RUSELI"),
    ("Netanyahu", "2015-06-01", "ISRGOV"), ("Netanyahu", "2022-03-01", "ISRELI"),
    ("Netanyahu", "2023-02-01", "ISRGOV"),
    ("Trump", "2018-01-01", "USAGOV"), ("Trump", "2022-01-01", "USAELI"), ("Trump", "2025-06-01", "USAGOV"),
    ("Biden", "2022-01-01", "USAGOV"), ("Biden", "2018-01-01", "USAELI"),
    ("Zelensky", "2023-01-01", "UKRGOV"),
    ("Taliban", "2020-01-01", "AFGREB"), ("Taliban", "2023-01-01", "AFGGOV"),
])
def test_same_person_coded_by_date(resolver, text, day, code):
    assert code_on(resolver, text, day) == code


def test_dated_role_reason_names_the_role(resolver):
    found = resolver.resolve_text("Putin", dt.date(2018, 3, 1))
    assert "valid on 2018-03-01" in found[0].reasons[0]
    assert found[0].actor.name == "Vladimir Putin" and found[0].actor.id


def test_armed_groups_since_2014(resolver):
    assert code_on(resolver, "the Houthis", "2024-01-01") == "YEMREB"
    assert code_on(resolver, "Hezbollah", "2024-01-01") == "LBNREB"
    assert code_on(resolver, "al-Shabaab", "2024-01-01") == "SOMREB"



def test_build_reproduces_shipped_file(shared_dir, tmp_path):
    subprocess.run([sys.executable, str(REPO / "models" / "build_actors.py"), "--shared", str(shared_dir),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    shipped = REPO / "src" / "eventwire" / "data" / "actors" / "actors.json.gz"
    rebuilt = gzip.decompress((tmp_path / "actors.json.gz").read_bytes())
    assert rebuilt == gzip.decompress(shipped.read_bytes())
