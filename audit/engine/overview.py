"""The log-level description and the totals: groupings of the case tables."""

from __future__ import annotations

from datetime import datetime

import duckdb

from audit.engine.business_hours import has_business_hours, with_twins
from audit.engine.cases import CASE_STAGES_TABLE, CASES_TABLE
from audit.engine.sql import fetch_row
from audit.engine.steps import STEPS_TABLE, EventsProfile


def _iso(moment: datetime | None) -> str | None:
    """A timestamp as ISO text (None stays None)."""
    return moment.isoformat() if moment is not None else None


def log_summary(
    con: duckdb.DuckDBPyConnection,
    profile: EventsProfile,
    activities: int,
    cutoff: datetime,
    ongoing_after_hours: float,
    ongoing_rule: str,
) -> dict:
    """What the log is: size, time span, handoff basis, start times and the ongoing rule."""
    span = fetch_row(
        con,
        f"SELECT count(*) AS cases, sum(events) AS events, min(first_event) AS first_event,"
        f" max(last_event) AS last_event FROM {CASES_TABLE}",
    )
    return {
        "cases": int(span["cases"]),
        "events": int(span["events"]),
        "activities": activities,
        "first_event": _iso(span["first_event"]),
        "last_event": _iso(span["last_event"]),
        "handoff_basis": profile.handoff_basis,
        "has_start_times": profile.has_start_times,
        "ongoing_cutoff": _iso(cutoff),
        "ongoing_after_hours": ongoing_after_hours,
        "ongoing_rule": ongoing_rule,
    }


def totals(con: duckdb.DuckDBPyConnection) -> dict:
    """The whole-log totals of every measure (counts are events unless named *_cases).

    promises_kept_share is over all (case, stage) pairs whose stage has a promise; None
    when no stage has one. With a calendar, lead_time_business_hours_median is the twin.
    """
    lead_times = with_twins(
        has_business_hours(con, STEPS_TABLE),
        "median(lead_time_hours) AS lead_time_hours_median",
    )
    row = fetch_row(
        con,
        f"""
        WITH case_totals AS (
            SELECT sum(handoffs) AS handoffs,
                   count(*) FILTER (WHERE handoffs > 0) AS cases_with_handoff,
                   sum(pingpongs) AS pingpongs,
                   count(*) FILTER (WHERE pingpongs > 0) AS pingpong_cases,
                   sum(self_loops) AS self_loops, sum(repetitions) AS repetitions,
                   sum(repeats) AS repeats, sum(redos) AS redos,
                   count(*) FILTER (WHERE rework > 0) AS rework_cases,
                   sum(back_jumps) AS back_jumps,
                   count(*) FILTER (WHERE back_jumps > 0) AS back_jump_cases,
                   sum(touchpoints) AS touchpoints,
                   count(*) FILTER (WHERE status = 'dropoff') AS dropoffs,
                   count(*) FILTER (WHERE status = 'ongoing') AS ongoing_cases,
                   count(*) FILTER (WHERE status = 'good') AS good_outcomes,
                   count(*) FILTER (WHERE status = 'bad') AS bad_outcomes,
                   count(*) FILTER (WHERE status = 'check') AS check_outcomes,
                   {lead_times},
                   sum(handoffs) / count(*) AS handoffs_per_case
            FROM {CASES_TABLE}
        ),
        promise_totals AS (
            SELECT avg(CAST(promise_kept AS DOUBLE)) AS promises_kept_share
            FROM {CASE_STAGES_TABLE}
        )
        SELECT * FROM case_totals, promise_totals
        """,
    )
    return {
        name: value if isinstance(value, float) or value is None else int(value)
        for name, value in row.items()
    }
