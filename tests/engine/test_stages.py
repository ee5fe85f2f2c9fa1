"""Stages: back-jumps over unmapped events, time in stage, promises and the unmapped row."""

from __future__ import annotations

import pandas as pd

from audit.engine import measure_table

from .builders import Ev, events_table, journey

PERMIT = journey(
    [("Apply", 24.0), ("Assess", 48.0), ("Decide", None)],
    {
        "Submit": "Apply",
        "Complete docs": "Apply",
        "Check": "Assess",
        "Call": None,
        "Decide": "Decide",
    },
)

# b1: Submit@0 Check@10 Call@20 Complete docs@30 Check@40 Decide@100
#     Complete docs comes after Call (unmapped, skipped) whose previous mapped event is Check
#     (Assess) -> back-jump Assess -> Apply. Times: Apply 0 + 10 = 10 (kept),
#     Assess 10 + 10 = 20 (kept), unmapped 10, Decide 60; 10 + 20 + 10 + 60 = 100 = lead.
# b2: Submit@0 Check@30 Call@40 Check@100
#     Apply 0 (kept), Assess 30 + 60 = 90 > 48 (broken), unmapped 10.
# b3: Submit@0 Complete docs@24: Apply 24 <= 24 (kept, the promise is met exactly).
# b4: Submit@0 Complete docs@25: Apply 25 > 24 (broken).
LOG = [
    Ev("b1", "Submit", 0),
    Ev("b1", "Check", 10),
    Ev("b1", "Call", 20),
    Ev("b1", "Complete docs", 30),
    Ev("b1", "Check", 40),
    Ev("b1", "Decide", 100),
    Ev("b2", "Submit", 0),
    Ev("b2", "Check", 30),
    Ev("b2", "Call", 40),
    Ev("b2", "Check", 100),
    Ev("b3", "Submit", 0),
    Ev("b3", "Complete docs", 24),
    Ev("b4", "Submit", 0),
    Ev("b4", "Complete docs", 25),
]


def test_back_jump_over_an_unmapped_event():
    measures = measure_table(events_table(LOG), PERMIT)
    assert measures.totals["back_jumps"] == 1
    assert measures.totals["back_jump_cases"] == 1
    assert measures.back_jumps.to_dict("records") == [
        {"from_stage": "Assess", "to_stage": "Apply", "count": 1, "cases": 1}
    ]
    stages = measures.stages.set_index("stage")
    assert stages["back_jumps_into"].to_dict() == {
        "Apply": 1,
        "Assess": 0,
        "Decide": 0,
        "(unmapped)": 0,
    }
    edge = measures.dfg[
        (measures.dfg["source"] == "Call") & (measures.dfg["target"] == "Complete docs")
    ]
    assert edge["is_back_jump"].tolist() == [True]


def test_time_in_stage_per_case_and_promises():
    measures = measure_table(events_table(LOG), PERMIT)
    times = measures.case_stages.set_index(["case_id", "stage"])["time_in_stage_hours"].to_dict()
    assert times == {
        ("b1", "Apply"): 10.0,
        ("b1", "Assess"): 20.0,
        ("b1", "Decide"): 60.0,
        ("b1", "(unmapped)"): 10.0,
        ("b2", "Apply"): 0.0,
        ("b2", "Assess"): 90.0,
        ("b2", "(unmapped)"): 10.0,
        ("b3", "Apply"): 24.0,
        ("b4", "Apply"): 25.0,
    }
    kept = measures.case_stages.set_index(["case_id", "stage"])["promise_kept"]
    assert kept[("b3", "Apply")] == True  # noqa: E712 (nullable boolean)
    assert kept[("b4", "Apply")] == False  # noqa: E712
    assert pd.isna(kept[("b1", "Decide")])  # Decide has no promise
    stages = measures.stages.set_index("stage")
    assert stages.loc["Apply", "promise_kept_share"] == 3 / 4
    assert stages.loc["Assess", "promise_kept_share"] == 1 / 2
    assert pd.isna(stages.loc["Decide", "promise_kept_share"])
    # (case, stage) pairs with a promise: Apply 4 (3 kept) + Assess 2 (1 kept)
    assert measures.totals["promises_kept_share"] == 4 / 6
    broken = measures.cases.set_index("case_id")["promises_broken"].to_dict()
    assert broken == {"b1": 0, "b2": 1, "b3": 0, "b4": 1}


def test_stage_table_rows_in_order_with_the_unmapped_row_last():
    stages = measure_table(events_table(LOG), PERMIT).stages
    assert stages["stage"].tolist() == ["Apply", "Assess", "Decide", "(unmapped)"]
    assert stages["order"].tolist()[:3] == [1, 2, 3]
    assert pd.isna(stages["order"].iloc[3])
    by_stage = stages.set_index("stage")
    # Apply: cases b1-b4, events 2 + 1 + 2 + 2; times 10, 0, 24, 25 -> median 17
    assert by_stage.loc["Apply", ["cases", "events"]].tolist() == [4, 7]
    assert by_stage.loc["Apply", "time_in_stage_hours_median"] == 17.0
    assert by_stage.loc["Apply", "steps_median"] == 2.0
    assert by_stage.loc["Apply", "promise_hours"] == 24.0
    # Assess: waits 10, 10 (b1), 30, 60 (b2) -> median 20, p90 30 + 0.7 * 30 = 51
    assert by_stage.loc["Assess", ["cases", "events", "repetitions"]].tolist() == [2, 4, 2]
    assert by_stage.loc["Assess", "wait_hours_median"] == 20.0
    assert abs(by_stage.loc["Assess", "wait_hours_p90"] - 51.0) < 1e-9
    assert by_stage.loc["Assess", "time_in_stage_hours_median"] == 55.0
    assert by_stage.loc["Decide", ["cases", "events"]].tolist() == [1, 1]
    assert by_stage.loc["(unmapped)", ["cases", "events"]].tolist() == [2, 2]
    assert by_stage.loc["(unmapped)", "time_in_stage_hours_median"] == 10.0


def test_no_unmapped_row_when_every_event_is_mapped():
    events = [e for e in LOG if e.activity != "Call"]
    stages = measure_table(events_table(events), PERMIT).stages
    assert stages["stage"].tolist() == ["Apply", "Assess", "Decide"]


def test_stage_without_events_is_listed_with_zeros():
    events = [e for e in LOG if e.activity != "Decide"]
    stages = measure_table(events_table(events), PERMIT).stages.set_index("stage")
    assert stages.loc["Decide", ["cases", "events", "handoffs", "dropoffs"]].tolist() == [
        0,
        0,
        0,
        0,
    ]
    assert pd.isna(stages.loc["Decide", "wait_hours_median"])
