"""The engine's entry points: connections, Parquet views, single cases, case attributes and
clear errors for bad input."""

from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
import pytest

from audit.engine import STEP_COLUMNS, case_steps, measure, measure_table
from audit.errors import AuditInputError

from .builders import Ev, events_table, journey

SIMPLE = journey([("Handle", 10.0)], {"A": "Handle", "B": "Handle"})
LOG = [Ev("c1", "A", 0, unit="X"), Ev("c1", "B", 3, unit="Y"), Ev("c2", "A", 1, unit="X")]


def test_measure_over_a_parquet_view_keeps_steps_for_single_cases(tmp_path):
    path = tmp_path / "events.parquet"
    pq.write_table(events_table(LOG), path)
    con = duckdb.connect()
    con.execute(f"CREATE VIEW events AS SELECT * FROM read_parquet('{path}')")
    measures = measure(con, SIMPLE)
    assert (measures.log["cases"], measures.log["events"], measures.log["activities"]) == (2, 3, 2)
    assert measures.log["first_event"] == "2024-01-01T00:00:00"
    assert measures.log["last_event"] == "2024-01-01T03:00:00"
    steps = case_steps(con, ["c1"])
    assert tuple(steps.columns) == STEP_COLUMNS
    assert steps["activity"].tolist() == ["A", "B"]
    assert steps["is_handoff"].tolist() == [False, True]
    assert case_steps(con, ["no such case"]).empty


def test_case_attributes_take_the_first_value_in_the_case():
    # c1's score is missing on its first event (by time) and 9 on the second; c2 has none
    events = events_table(LOG, {"nps": [None, 9, None], "segment": ["gold", "gold", "basic"]})
    measures = measure_table(events, SIMPLE, case_attributes=["segment", "channel"])
    assert measures.cases["segment"].tolist() == ["gold", "basic"]
    assert "nps" not in measures.cases
    surveyed = journey([("Handle", None)], {"A": "Handle", "B": "Handle"}, survey={"nps": "nps"})
    cases = measure_table(events, surveyed).cases.set_index("case_id")
    assert cases.loc["c1", "nps"] == 9
    assert cases["nps"].isna().tolist() == [False, True]


def test_survey_column_missing_from_the_log_is_left_to_the_journey_warnings():
    surveyed = journey([("Handle", None)], {"A": "Handle"}, survey={"csat": "csat_score"})
    assert "csat_score" not in measure_table(events_table(LOG), surveyed).cases


def test_unknown_case_attribute_is_a_clear_error():
    with pytest.raises(AuditInputError, match="'region' is not a column"):
        measure_table(events_table(LOG), SIMPLE, case_attributes=["region"])


def test_missing_events_view_is_a_clear_error():
    with pytest.raises(AuditInputError, match="no table or view named 'events'"):
        measure(duckdb.connect(), SIMPLE)


def test_missing_canonical_column_is_a_clear_error():
    con = duckdb.connect()
    con.execute("CREATE VIEW events AS SELECT 'c' AS case_id, 'A' AS activity")
    with pytest.raises(AuditInputError, match="lacks the column"):
        measure(con, SIMPLE)


def test_empty_log_is_a_clear_error():
    with pytest.raises(AuditInputError, match="no events"):
        measure_table(events_table([]), SIMPLE)


def test_activity_in_an_unknown_stage_is_a_clear_error():
    broken = journey([("Handle", None)], {"A": "Handle"})
    broken.activities.loc[0, "stage"] = "Nowhere"
    with pytest.raises(AuditInputError, match="unknown stage 'Nowhere'"):
        measure_table(events_table(LOG), broken)


def test_activities_missing_from_the_journey_count_as_unmapped():
    partial = journey([("Handle", None)], {"A": "Handle"})
    stages = measure_table(events_table(LOG), partial).stages
    assert stages["stage"].tolist() == ["Handle", "(unmapped)"]
    assert stages["events"].tolist() == [2, 1]


def test_two_stages_in_the_same_place_is_a_clear_error():
    broken = journey([("Apply", None), ("Decide", None)], {"A": "Apply", "B": "Decide"})
    broken.stages.loc[1, "stage_order"] = 1
    with pytest.raises(AuditInputError, match="stage order 1 appears more than once"):
        measure_table(events_table(LOG), broken)


def test_case_attribute_named_like_a_measure_is_a_clear_error():
    events = events_table(LOG, {"handoffs": [1, 2, 3]})
    with pytest.raises(AuditInputError, match="'handoffs' has the name of a measure"):
        measure_table(events, SIMPLE, case_attributes=["handoffs"])
