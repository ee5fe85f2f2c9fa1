"""The segments: stage measures per value of a case attribute, on the trend's hand-made log.

The log is that of tests/engine/test_trend.py with a case attribute `tier`:
a gold, b silver, c gold, d none, e silver. Apply is reached by all five cases; Decide by
a, b (silver: b) and d.

    gold    Apply: a, c: 2 cases, 1 ping-pong case (a), 1 drop-off (c); Decide: a
    silver  Apply: b, e: 2 cases; Decide: b
    (none)  Apply: d;             Decide: d

With two top segments the values tie at 2 cases and are ranked by name (gold, silver);
d's "(none)" falls into "other".
"""

from __future__ import annotations

import duckdb
import pytest

from audit.engine import measure, segments
from audit.engine.segments import segment_measures
from audit.errors import AuditInputError
from tests.engine.builders import events_table
from tests.engine.test_trend import EVENTS, JOURNEY

TIERS = {"a": "gold", "b": "silver", "c": "gold", "d": None, "e": "silver"}


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect()
    tiers = [TIERS[e.case] for e in EVENTS]
    connection.register("events", events_table(EVENTS, {"tier": tiers}))
    measure(connection, JOURNEY, case_attributes=["tier"])
    yield connection
    connection.close()


def _cases(table, segment: str) -> dict[str, int]:
    rows = table[table["segment"] == segment]
    return dict(zip(rows["stage"], rows["cases"], strict=True))


def test_each_value_is_a_segment(con):
    table = segment_measures(con, "TIER").stages  # the column is found whatever its case
    assert set(table["segment"]) == {"gold", "silver", "(none)"}
    assert _cases(table, "gold") == {"Apply": 2, "Decide": 1}
    assert _cases(table, "silver") == {"Apply": 2, "Decide": 1}
    assert _cases(table, "(none)") == {"Apply": 1, "Decide": 1}
    gold = table[(table["segment"] == "gold") & (table["stage"] == "Apply")].iloc[0]
    assert (gold["pingpong_cases"], gold["dropoffs"]) == (1, 1)


def test_the_rest_is_other(con, monkeypatch):
    monkeypatch.setattr(segments, "TOP_SEGMENTS", 2)
    grouped = segment_measures(con, "tier")
    assert set(grouped.stages["segment"]) == {"gold", "silver", "other"}
    assert _cases(grouped.stages, "other") == {"Apply": 1, "Decide": 1}
    # e is still open: only the ended cases are tested
    assert sorted(grouped.members.loc[grouped.members["segment"] == "silver", "case_id"]) == ["b"]


def test_an_unknown_column_names_the_case_attributes(con):
    with pytest.raises(AuditInputError, match="segment column 'region'") as raised:
        segment_measures(con, "region")
    assert "tier" in str(raised.value.hint)
