"""Builders of a hand-made audit of an insurance-claim journey (40 cases), for the findings tests.

The numbers are chosen so that every friction component is easy to work out by hand; the
expected values are written in the tests next to the arithmetic.
"""

from __future__ import annotations

import math

import pandas as pd

from audit.engine.result import Measures
from audit.findings.experience import measure_experience
from audit.findings.friction import stage_friction
from audit.findings.hotspots import find_hotspots, weakest_stage
from audit.findings.result import AuditResult
from audit.journey.compiled import CompiledJourney

NAN = math.nan

STAGE_COLUMNS = [
    "stage",
    "order",
    "cases",
    "events",
    "handoffs",
    "wait_hours_median",
    "wait_hours_p90",
    "time_in_stage_hours_median",
    "work_hours_median",
    "steps_median",
    "units_median",
    "self_loops",
    "repetitions",
    "back_jumps_into",
    "touchpoints",
    "dropoffs",
    "promise_hours",
    "promise_kept_share",
    "pingpongs",
]


def stages_table() -> pd.DataFrame:
    """Three stages and the "(unmapped)" row."""
    rows = [
        ["Intake", 1, 40, 80, 8, 1.0, 6.0, 2.0, NAN, 2, 1, 4, 4, 0, 40, 4, 24.0, 0.9, 0],
        ["Assessment", 2, 32, 160, 80, 10.0, 60.0, 48.0, NAN, 5, 2, 8, 24, 8, 16, 8, NAN, NAN, 24],
        ["Decision", 3, 24, 48, 12, 5.0, 30.0, 12.0, NAN, 2, 1, 0, 0, 0, 24, 0, 48.0, 0.5, 0],
        ["(unmapped)", NAN, 2, 2, 0, 0.5, 0.5, 0.0, NAN, 1, 1, 0, 0, 0, 0, 2, NAN, NAN, 0],
    ]
    return pd.DataFrame(rows, columns=STAGE_COLUMNS)


def activities_table() -> pd.DataFrame:
    columns = [
        "activity",
        "stage",
        "is_touchpoint",
        "events",
        "cases",
        "wait_hours_median",
        "wait_hours_p90",
        "work_hours_median",
        "self_loops",
        "repetitions",
        "repeats",
        "redos",
        "handoffs_in",
    ]
    rows = [
        ["Register claim", "Intake", True, 40, 40, 0.5, 2.0, NAN, 0, 0, 0, 0, 0],
        ["Request documents", "Intake", True, 40, 30, 2.0, 6.0, NAN, 4, 4, 6, 2, 8],
        ["Assess claim", "Assessment", False, 100, 32, 8.0, 50.0, NAN, 8, 20, 20, 8, 50],
        ["Fraud check", "Assessment", False, 60, 20, 12.0, 60.0, NAN, 0, 4, 4, 0, 30],
        ["Decide", "Decision", True, 48, 24, 5.0, 30.0, NAN, 0, 0, 0, 0, 12],
        ["Manual override", "Decision", False, 1, 1, 500.0, 500.0, NAN, 0, 0, 0, 0, 1],
    ]
    return pd.DataFrame(rows, columns=columns)


def org_units_table() -> pd.DataFrame:
    columns = [
        "org_unit",
        "events",
        "cases",
        "handoffs_in",
        "handoffs_out",
        "wait_hours_median",
        "handoff_wait_hours_median",
        "pingpongs",
    ]
    rows = [
        ["Claims", 200, 40, 60, 50, 4.0, 6.0, 20],
        ["Fraud check", 60, 20, 30, 30, 12.0, 12.0, 4],
        ["Service desk", 60, 40, 10, 20, 1.0, 2.0, 0],
    ]
    return pd.DataFrame(rows, columns=columns)


def handoff_pairs_table() -> pd.DataFrame:
    rows = [
        ["Claims", "Fraud check", 30, 20, 12.0],
        ["Fraud check", "Claims", 30, 20, 6.0],
        ["Service desk", "Claims", 20, 20, 2.0],
        ["Claims", "Service desk", 10, 10, 1.0],
        ["Fraud check", "Service desk", 1, 1, 100.0],
    ]
    return pd.DataFrame(
        rows, columns=["from_unit", "to_unit", "count", "cases", "wait_hours_median"]
    )


def pingpong_pairs_table() -> pd.DataFrame:
    rows = [["Claims", "Fraud check", 20, 16], ["Fraud check", "Claims", 4, 4]]
    return pd.DataFrame(rows, columns=["unit", "via_unit", "count", "cases"])


def survey_cases() -> pd.DataFrame:
    """Eight cases with their friction and survey answers (c8's NPS 11 is out of range)."""
    return pd.DataFrame(
        {
            "case_id": [f"c{i}" for i in range(1, 9)],
            "handoffs": [0, 0, 1, 1, 2, 2, 3, 4],
            "pingpongs": [0, 0, 0, 0, 1, 1, 1, 0],
            "rework": [0, 0, 1, 0, 0, 1, 2, 0],
            "nps": [10, 9, 8, 7, 6, 3, 0, 11],
            "csat": ["5", "4", "n/a", None, None, None, None, None],
        }
    )


def survey_case_stages() -> pd.DataFrame:
    """Intake (promised) for c1-c7; Assessment for all; c1 also has unmapped time."""
    intake_hours = [1, 1, 1, 1, 10, 1, 20]
    intake_kept = [True, True, True, True, False, True, False]
    rows = [
        [f"c{i}", "Intake", 1, 2, hours, NAN, kept]
        for i, hours, kept in zip(range(1, 8), intake_hours, intake_kept, strict=True)
    ]
    rows += [[f"c{i}", "Assessment", 2, 3, float(i), NAN, None] for i in range(1, 9)]
    rows += [["c1", "(unmapped)", None, 1, 99.0, NAN, None]]
    columns = ["case_id", "stage", "order", "events", "time_in_stage_hours", "work_hours"]
    return pd.DataFrame(rows, columns=[*columns, "promise_kept"])


def make_measures(cases: pd.DataFrame | None = None, case_stages=None) -> Measures:
    """The hand-made measures; `cases` and `case_stages` default to the survey cases."""
    return Measures(
        log={
            "cases": 40,
            "events": 290,
            "activities": 6,
            "first_event": "2024-01-02T08:00:00",
            "last_event": "2024-03-28T17:30:00",
            "handoff_basis": "org_unit",
            "has_start_times": False,
            "ongoing_cutoff": "2024-03-20T00:00:00",
        },
        totals={
            "handoffs": 100,
            "cases_with_handoff": 30,
            "pingpongs": 24,
            "pingpong_cases": 10,
            "self_loops": 12,
            "repetitions": 28,
            "repeats": 30,
            "redos": 10,
            "rework_cases": 20,
            "back_jumps": 8,
            "back_jump_cases": 6,
            "touchpoints": 80,
            "dropoffs": 14,
            "ongoing_cases": 2,
            "good_outcomes": 20,
            "bad_outcomes": 4,
            "lead_time_hours_median": 130.0,
            "handoffs_per_case": 2.5,
            "promises_kept_share": 0.75,
        },
        stages=stages_table(),
        activities=activities_table(),
        org_units=org_units_table(),
        cases=survey_cases() if cases is None else cases,
        case_stages=survey_case_stages() if case_stages is None else case_stages,
        handoff_pairs=handoff_pairs_table(),
        pingpong_pairs=pingpong_pairs_table(),
        back_jumps=pd.DataFrame(
            [["Decision", "Assessment", 8, 6]], columns=["from_stage", "to_stage", "count", "cases"]
        ),
        dfg=pd.DataFrame(
            columns=["source", "target", "count", "cases", "wait_hours_median", "handoffs"]
        ),
    )


def make_journey(weights: dict[str, float] | None = None, survey=None) -> CompiledJourney:
    """The compiled journey of the hand-made audit (weights default to 1 each)."""
    stages = pd.DataFrame(
        {
            "stage": ["Intake", "Assessment", "Decision"],
            "stage_order": [1, 2, 3],
            "promise_hours": [24.0, NAN, 48.0],
            "description": ["Claim comes in", None, "Claim decided"],
        }
    )
    activities = activities_table()[["activity", "stage"]].assign(
        stage_order=[1, 1, 2, 2, 3, 3],
        is_touchpoint=[True, True, False, False, True, False],
        touchpoint_channel=["web", "e-mail", None, None, "letter", None],
        outcome=[None, None, None, None, "good", None],
    )
    return CompiledJourney(
        name="Insurance claim",
        stages=stages,
        activities=activities,
        unmapped=["Archive"],
        weights=weights or {},
        survey={"nps": "nps", "csat": "csat"} if survey is None else survey,
    )


QUALITY = {"rows_read": 300, "events_used": 290, "rows_dropped": 10, "dropped": {}}


def make_result(measures, journey, language="en") -> AuditResult:
    """The AuditResult of the hand-made audit, as the pipeline assembles it."""
    friction = stage_friction(measures, journey)
    return AuditResult(
        source="claims.csv",
        timezone="Europe/Helsinki",
        quality=QUALITY,
        journey=journey,
        measures=measures,
        friction=friction,
        hotspots=find_hotspots(measures, journey, friction),
        weakest_stage=weakest_stage(friction),
        experience=measure_experience(measures, journey),
        language=language,
    )
