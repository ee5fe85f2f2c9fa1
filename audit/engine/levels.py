"""Measures at the levels stage, activity and org unit: groupings of steps and cases."""

from __future__ import annotations

import duckdb
import pandas as pd

from audit.engine.business_hours import has_business_hours, twins, with_twins
from audit.engine.cases import CASE_STAGES_TABLE, CASES_TABLE
from audit.engine.journey_tables import STAGES_TABLE
from audit.engine.sql import UNMAPPED_STAGE, fetch_frame
from audit.engine.steps import PINGPONGS_TABLE, STEPS_TABLE

PROMISE_SHARES: tuple[float, ...] = (0.5, 0.8, 0.9)
"""The shares of customers the stage table gives the time in stage for (the promise
calibrator's percentiles)."""

FINISHED_CASE_STAGES = f"""
    SELECT cs.*, o.case_id IS NULL AS finished
    FROM {CASE_STAGES_TABLE} AS cs
    LEFT JOIN (SELECT case_id, last_stage FROM {CASES_TABLE} WHERE status = 'ongoing') AS o
        ON o.case_id = cs.case_id AND o.last_stage = cs.stage
"""
"""The case-stage rows with `finished`: false only for an ongoing case in the stage of its
last mapped event (it may still be there, so its time in the stage is not yet known)."""


def percentile_name(share: float) -> str:
    """The stage table's column of the time within which `share` of the cases finish."""
    return f"time_in_stage_hours_p{round(share * 100)}"


def time_percentiles(shares: tuple[float, ...] = PROMISE_SHARES) -> str:
    """SQL aggregates over FINISHED_CASE_STAGES rows: for each share, the time in stage
    within which that share of the finished cases finished, by the nearest rank (the
    smallest time that at least `share` of them did not exceed: quantile_disc)."""
    return ", ".join(
        f"quantile_disc(time_in_stage_hours, {share}) FILTER (WHERE finished) "
        f"AS {percentile_name(share)}"
        for share in shares
    )


def stage_measures(con: duckdb.DuckDBPyConnection, case_groups: str | None = None) -> pd.DataFrame:
    """One row per journey stage in order, plus "(unmapped)" when events fall outside them.

    Event counts (handoffs, self-loops, repetitions, back-jumps into, touchpoints,
    ping-pongs) belong to the stage of the event; waits too (the stage being waited for).
    time_in_stage_hours_median is outside-in (waits and work per case), work_hours_median
    inside-out (NULL without start times); steps_median and units_median count events and
    distinct units per case in the stage; medians are over the cases that reached it.
    promise_kept_share is over those cases; drop-offs are counted at a case's last mapped
    stage ("(unmapped)" when it never reached one). time_in_stage_hours_p50/_p80/_p90 (the
    promise calibrator, audit.engine.promises) are time_percentiles over the cases that
    finished the stage (FINISHED_CASE_STAGES).

    case_groups: the name of a table (case_no, case_id, case_group) putting each case in one
    group (a period, a segment). The same measures then come per group and stage, with
    case_group as the first column and every stage in every group, so that the trend and
    the segments measure exactly what the stage table does.
    """
    group = "case_group, " if case_groups else ""
    by_case_no = f" JOIN {case_groups} USING (case_no)" if case_groups else ""
    by_case_id = f" JOIN {case_groups} USING (case_id)" if case_groups else ""
    groups = (
        f"(SELECT DISTINCT case_group FROM {case_groups}) AS g CROSS JOIN" if case_groups else ""
    )
    business = has_business_hours(con, STEPS_TABLE)
    waits = with_twins(
        business,
        "median(wait_hours) AS wait_hours_median",
        "quantile_cont(wait_hours, 0.9) AS wait_hours_p90",
    )
    stage_times = with_twins(
        business,
        "median(time_in_stage_hours) AS time_in_stage_hours_median",
        "median(work_hours) AS work_hours_median",
    )
    # the twins come last, so the calendar columns keep their places
    stage_twins = twins(
        business,
        "e.wait_hours_median",
        "e.wait_hours_p90",
        "c.time_in_stage_hours_median",
        "c.work_hours_median",
    )
    return fetch_frame(
        con,
        f"""
        WITH coded_stage_events AS (
            -- grouped by the coded stage (NULL = unmapped), named below
            SELECT {group}stage, count(*) AS events,
                   count(*) FILTER (WHERE is_handoff) AS handoffs,
                   {waits},
                   count(*) FILTER (WHERE is_self_loop) AS self_loops,
                   count(*) FILTER (WHERE is_repetition) AS repetitions,
                   count(*) FILTER (WHERE is_back_jump) AS back_jumps_into,
                   count(*) FILTER (WHERE is_touchpoint) AS touchpoints
            FROM {STEPS_TABLE}{by_case_no}
            GROUP BY {group}stage
        ),
        stage_events AS (
            SELECT coalesce(CAST(stage AS VARCHAR), '{UNMAPPED_STAGE}') AS stage,
                   * EXCLUDE (stage)
            FROM coded_stage_events
        ),
        stage_pingpongs AS (
            SELECT {group}coalesce(CAST(stage AS VARCHAR), '{UNMAPPED_STAGE}') AS stage,
                   count(*) AS pingpongs
            FROM {PINGPONGS_TABLE}{by_case_no}
            GROUP BY ALL
        ),
        stage_cases AS (
            SELECT {group}stage, count(*) AS cases,
                   {stage_times},
                   quantile_cont(events, 0.5) AS steps_median,
                   quantile_cont(units, 0.5) AS units_median,
                   avg(CAST(promise_kept AS DOUBLE)) AS promise_kept_share,
                   {time_percentiles()}
            FROM ({FINISHED_CASE_STAGES}) AS cs{by_case_no}
            GROUP BY {group}stage
        ),
        stage_dropoffs AS (
            SELECT {group}coalesce(last_stage, '{UNMAPPED_STAGE}') AS stage,
                   count(*) AS dropoffs
            FROM {CASES_TABLE}{by_case_id}
            WHERE status = 'dropoff'
            GROUP BY ALL
        ),
        journey_stages AS (
            SELECT stage, stage_order AS "order", promise_hours FROM {STAGES_TABLE}
            UNION ALL
            SELECT '{UNMAPPED_STAGE}', NULL, NULL
            WHERE '{UNMAPPED_STAGE}' IN (SELECT stage FROM stage_events
                                         UNION ALL SELECT stage FROM stage_dropoffs)
        ),
        all_stages AS (SELECT * FROM {groups} journey_stages)
        SELECT {"a.case_group, " if case_groups else ""}a.stage, a."order",
               coalesce(c.cases, 0) AS cases,
               coalesce(e.events, 0) AS events, coalesce(e.handoffs, 0) AS handoffs,
               e.wait_hours_median, e.wait_hours_p90, c.time_in_stage_hours_median,
               c.work_hours_median, c.steps_median, c.units_median,
               coalesce(e.self_loops, 0) AS self_loops,
               coalesce(e.repetitions, 0) AS repetitions,
               coalesce(e.back_jumps_into, 0) AS back_jumps_into,
               coalesce(e.touchpoints, 0) AS touchpoints,
               coalesce(d.dropoffs, 0) AS dropoffs,
               a.promise_hours, c.promise_kept_share,
               coalesce(p.pingpongs, 0) AS pingpongs,
               {", ".join(f"c.{percentile_name(share)}" for share in PROMISE_SHARES)}{stage_twins}
        FROM all_stages AS a
        LEFT JOIN stage_events AS e USING ({group}stage)
        LEFT JOIN stage_cases AS c USING ({group}stage)
        LEFT JOIN stage_dropoffs AS d USING ({group}stage)
        LEFT JOIN stage_pingpongs AS p USING ({group}stage)
        ORDER BY {"a.case_group, " if case_groups else ""}a."order" NULLS LAST
        """,
    )


def activity_measures(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per activity of the log, most frequent first.

    Waits are those before the activity's events; self-loops, repetitions, repeats, redos
    and handoffs_in are counted at the event that loops, repeats or receives the case;
    cases counts each case once, at its first occurrence of the activity.
    """
    times = with_twins(
        has_business_hours(con, STEPS_TABLE),
        "median(wait_hours) AS wait_hours_median",
        "quantile_cont(wait_hours, 0.9) AS wait_hours_p90",
        "median(work_hours) AS work_hours_median",
    )
    return fetch_frame(
        con,
        f"""
        WITH coded_activities AS (
            SELECT activity, any_value(stage) AS stage,
                   bool_or(is_touchpoint) AS is_touchpoint,
                   count(*) AS events, count(*) FILTER (WHERE occurrence = 1) AS cases,
                   {times},
                   count(*) FILTER (WHERE is_self_loop) AS self_loops,
                   count(*) FILTER (WHERE is_repetition) AS repetitions,
                   count(*) FILTER (WHERE is_repeat) AS repeats,
                   count(*) FILTER (WHERE is_redo) AS redos,
                   count(*) FILTER (WHERE is_handoff) AS handoffs_in
            FROM {STEPS_TABLE}
            GROUP BY activity
        )
        SELECT CAST(activity AS VARCHAR) AS activity, CAST(stage AS VARCHAR) AS stage,
               * EXCLUDE (activity, stage)
        FROM coded_activities
        ORDER BY events DESC, 1
        """,
    )


def unit_measures(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per unit of the handoff basis (org unit or resource), busiest first.

    handoffs_in / handoff_wait_hours_median: handoffs received and the waits before them;
    handoffs_out: handoffs given away; pingpongs: times the case bounced back to this unit.
    """
    business = has_business_hours(con, STEPS_TABLE)
    waits = with_twins(
        business,
        "median(wait_hours) AS wait_hours_median",
        "median(wait_hours) FILTER (WHERE is_handoff) AS handoff_wait_hours_median",
    )
    unit_twins = twins(business, "wait_hours_median", "handoff_wait_hours_median")
    return fetch_frame(
        con,
        f"""
        WITH unit_events AS (
            SELECT unit AS org_unit, count(*) AS events, count(DISTINCT case_no) AS cases,
                   count(*) FILTER (WHERE is_handoff) AS handoffs_in,
                   {waits}
            FROM {STEPS_TABLE}
            WHERE unit IS NOT NULL
            GROUP BY unit
        ),
        unit_pingpongs AS (
            SELECT unit AS org_unit, count(*) AS pingpongs FROM {PINGPONGS_TABLE} GROUP BY unit
        ),
        unit_handovers AS (
            SELECT handoff_from AS org_unit, count(*) AS handoffs_out
            FROM {STEPS_TABLE}
            WHERE is_handoff
            GROUP BY handoff_from
        )
        SELECT CAST(org_unit AS VARCHAR) AS org_unit, events, cases, handoffs_in,
               coalesce(handoffs_out, 0) AS handoffs_out, wait_hours_median,
               handoff_wait_hours_median, coalesce(pingpongs, 0) AS pingpongs{unit_twins}
        FROM unit_events
        LEFT JOIN unit_handovers USING (org_unit)
        LEFT JOIN unit_pingpongs USING (org_unit)
        ORDER BY events DESC, 1
        """,
    )
