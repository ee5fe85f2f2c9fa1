"""Order of a case's events (timestamp, ties by input order) and the waits between them."""

from __future__ import annotations

import duckdb
import pytest

from audit.engine import case_steps, measure

from .builders import Ev, events_table, journey

ONE_STAGE = journey([("Handle", None)], {"A": "Handle", "B": "Handle", "C": "Handle"})


def _steps(events: list[Ev], compiled=ONE_STAGE):
    """Measure the events and return (measures, steps of every case)."""
    con = duckdb.connect()
    con.register("events", events_table(events))
    measures = measure(con, compiled)
    return measures, case_steps(con, sorted({e.case for e in events}))


def test_timestamp_ties_keep_the_input_order():
    # B and C both complete at hour 2; B comes first in the input (event_index 0 < 2), so the
    # case runs A, B, C even though A is listed between them.
    _, steps = _steps([Ev("t", "B", 2), Ev("t", "A", 0), Ev("t", "C", 2)])
    assert list(steps["activity"]) == ["A", "B", "C"]
    assert list(steps["position"]) == [1, 2, 3]
    # waits: A is first (none), B 2 - 0 = 2, C 2 - 2 = 0
    assert steps["wait_hours"].isna().tolist() == [True, False, False]
    assert list(steps["wait_hours"][1:]) == [2.0, 0.0]


def test_the_other_input_order_gives_the_other_tie_order():
    # Same events, C listed before B: now C precedes B.
    measures, steps = _steps([Ev("t", "C", 2), Ev("t", "A", 0), Ev("t", "B", 2)])
    assert list(steps["activity"]) == ["A", "C", "B"]
    edges = set(zip(measures.dfg["source"], measures.dfg["target"], strict=True))
    assert edges == {("▶ start", "A"), ("A", "C"), ("C", "B"), ("B", "■ end")}


def test_start_and_complete_times_split_wait_from_work():
    # A: 0 -> 1; B: 4 -> 6; C: 5 -> 7 (starts before B completes); D completes at 9, no start.
    # waits: B 4 - 1 = 3; C 5 - 6 = -1, clamped to 0; D 9 - 7 = 2 (no start: completion used)
    # work:  A 1, B 2, C 2, D unknown
    compiled = journey(
        [("Apply", None), ("Decide", None)],
        {"A": "Apply", "B": "Apply", "C": "Decide", "D": "Decide"},
    )
    events = [
        Ev("s", "A", 1, start=0),
        Ev("s", "B", 6, start=4),
        Ev("s", "C", 7, start=5),
        Ev("s", "D", 9),
    ]
    measures, steps = _steps(events, compiled)
    assert steps["wait_hours"].tolist()[1:] == [3.0, 0.0, 2.0]
    assert steps["work_hours"].tolist()[:3] == [1.0, 2.0, 2.0]
    assert steps["work_hours"].isna().tolist()[3]
    assert measures.log["has_start_times"] is True
    stages = measures.stages.set_index("stage")
    # Apply: waits 0 (first event) + 3, work 1 + 2 -> 6; Decide: waits 0 + 2, work 2 -> 4
    assert stages.loc["Apply", "time_in_stage_hours_median"] == 6.0
    assert stages.loc["Decide", "time_in_stage_hours_median"] == 4.0
    # inside-out work per stage: Apply 1 + 2 = 3; Decide 2 (D's unknown work is skipped)
    assert stages.loc["Apply", "work_hours_median"] == 3.0
    assert stages.loc["Decide", "work_hours_median"] == 2.0
    # lead time is last minus first completion: 9 - 1
    assert measures.cases["lead_time_hours"].tolist() == [8.0]


def test_without_start_times_work_is_unknown():
    measures, steps = _steps([Ev("n", "A", 0), Ev("n", "B", 5)])
    assert measures.log["has_start_times"] is False
    assert steps["work_hours"].isna().all()
    assert measures.stages["work_hours_median"].isna().all()
    # the only wait is 5 hours, before B; the first event's missing wait is not a 0 in medians
    assert measures.stages.loc[0, "wait_hours_median"] == 5.0


def test_waits_belong_to_the_event_waited_for():
    # A@0 -> B@10 -> A@12: B is waited for 10 h, the second A 2 h.
    measures, _ = _steps([Ev("w", "A", 0), Ev("w", "B", 10), Ev("w", "A", 12)])
    activities = measures.activities.set_index("activity")
    assert activities.loc["B", "wait_hours_median"] == 10.0
    assert activities.loc["A", "wait_hours_median"] == 2.0  # the first A has no wait
    assert measures.cases.loc[0, "wait_hours_total"] == 12.0


@pytest.mark.parametrize("start", [None, 0.0])
def test_single_event_case_has_no_wait_and_zero_lead_time(start):
    measures, steps = _steps([Ev("one", "A", 1, start=start)])
    assert steps["wait_hours"].isna().all()
    assert measures.cases.loc[0, "lead_time_hours"] == 0.0
    assert measures.totals["lead_time_hours_median"] == 0.0
