"""The shared filter parser: user strings to an EventQuery, or one QueryError naming the parameter."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.query import MAX_LIMIT, QueryError, decode_cursor, encode_cursor, parse_query
from eventwire.store.base import EventQuery
from eventwire.store.sql import like_pattern, search_words


def _error(**params) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_query(**params)
    return caught.value


def test_nothing_given_is_no_filter():
    assert parse_query() == EventQuery()
    assert parse_query(country="", type=" ", q=None) == EventQuery()


@pytest.mark.parametrize(("value", "since", "until"), [
    ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
    ("2024-03-11", dt.date(2024, 3, 11), dt.date(2024, 3, 11)),
])
def test_dates_of_a_year_month_or_day_cover_the_whole_period(value, since, until):
    query = parse_query(since=value, until=value)
    assert (query.since, query.until) == (since, until)


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "24", "March 2024", "2024-3-1", "2024-03-11x"])
def test_bad_dates_name_the_parameter(value):
    error = _error(since=value)
    assert error.parameter == "since" and str(error).startswith("since: ")
    assert "\n" not in str(error)


def test_since_after_until_is_refused():
    assert _error(since="2024-05", until="2024-04").parameter == "since"


def test_countries_accept_iso3_and_iso2_in_any_case_and_several():
    assert parse_query(country="rus, UA,ukr,USA").countries == ("RUS", "UKR", "USA")
    assert parse_query(country="XKX").countries == ("XKX",)


@pytest.mark.parametrize("value", ["XYZ", "Russia", "R", "12"])
def test_unknown_countries_are_refused(value):
    error = _error(country=value)
    assert error.parameter == "country" and "ISO" in error.reason


def test_types_are_plover_types_in_any_case():
    assert parse_query(type="assault,Protest").event_types == ("ASSAULT", "PROTEST")
    error = _error(type="ASSAULT,BOMBING")
    assert error.parameter == "type" and "'BOMBING'" in error.reason


def test_quad_classes_and_roles_are_validated():
    assert parse_query(quad_class="material_conflict").quad_classes == ("material_conflict",)
    assert _error(quad_class="conflict").parameter == "quad_class"
    assert parse_query(country="RUS", role="target").role == "target"
    assert _error(country="RUS", role="both").parameter == "role"
    assert _error(role="source").parameter == "role"  # a side of nothing


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-0.1", "1.5", "high"])
def test_min_confidence_refuses_nan_infinity_and_out_of_range(value):
    assert _error(min_confidence=value).parameter == "min_confidence"


def test_min_confidence_accepts_numbers_and_strings():
    assert parse_query(min_confidence="0.5").min_confidence == 0.5
    assert parse_query(min_confidence=0.25).min_confidence == 0.25


def test_bbox_is_four_ordered_coordinates():
    assert parse_query(bbox="30,44,41,53").bbox == (30.0, 44.0, 41.0, 53.0)
    for value in ("30,44,41", "30,44,41,nan", "41,44,30,53", "30,-95,41,53", "a,b,c,d", "30,44,181,53"):
        assert _error(bbox=value).parameter == "bbox", value


def test_limits_are_bounded():
    assert parse_query(limit="1000").limit == MAX_LIMIT
    assert parse_query().limit is None
    for value in ("0", "1001", "-5", "ten", "1e3"):
        assert _error(limit=value).parameter == "limit", value


def test_text_lengths_and_control_characters_are_bounded():
    assert _error(actor="x" * 201).parameter == "actor"
    assert _error(place="Gaza\x00").parameter == "place"
    assert _error(q="!!! ???").parameter == "q"
    assert parse_query(q="  ceasefire talks ").text == "ceasefire talks"


def test_sort_values_and_cursors_round_trip():
    assert parse_query(sort="-num_articles").sort == "-num_articles"
    assert _error(sort="random").parameter == "sort"
    cursor = encode_cursor("-date", "2024-03-11", "abc123")
    assert decode_cursor(cursor, "-date") == ("2024-03-11", "abc123")
    assert parse_query(sort="-date", cursor=cursor).after == ("2024-03-11", "abc123")
    assert _error(sort="date", cursor=cursor).parameter == "cursor"  # made for another order
    assert _error(cursor="not-a-cursor").parameter == "cursor"
    assert _error(cursor="x" * 1000).parameter == "cursor"


def test_like_patterns_match_percent_and_underscore_literally():
    assert like_pattern("50%_off\\") == "%50\\%\\_off\\\\%"


def test_search_words_drop_query_syntax():
    assert search_words('"Hamas" OR ceasefire* NEAR(x)') == ["hamas", "or", "ceasefire", "near", "x"]
