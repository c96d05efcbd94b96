"""The dyad filter the dashboard's matrix sets: one source-target pair as /api/dyads names it."""

from __future__ import annotations

import pytest

from eventwire.query import QueryError, parse_query


def test_a_dyad_is_two_actor_codes_or_dashes():
    assert parse_query(dyad="IRNGOV,ISR").dyad == ("IRNGOV", "ISR")
    assert parse_query(dyad=" IGOEUREEC , - ").dyad == ("IGOEUREEC", "-")
    assert parse_query().dyad is None and parse_query(dyad="").dyad is None


@pytest.mark.parametrize("value", ["IRNGOV", "IRNGOV,ISR,RUS", "irngov,ISR", "IRN GOV,ISR", "ISR,",
                                   "ISR;DROP TABLE events,-", "A" * 31 + ",ISR"])
def test_anything_else_is_refused_naming_the_parameter(value):
    with pytest.raises(QueryError) as refused:
        parse_query(dyad=value)
    assert refused.value.parameter == "dyad"
    assert str(refused.value).startswith("dyad: ")
