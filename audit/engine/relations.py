"""Measures between two things: handoff pairs, ping-pong pairs, back-jumps and the
directly-follows graph (DFG) of activities. All are groupings of the steps table."""

from __future__ import annotations

import duckdb
import pandas as pd

from audit.engine.business_hours import has_business_hours, twins, with_twins
from audit.engine.sql import fetch_frame
from audit.engine.steps import PINGPONGS_TABLE, STEPS_TABLE

DFG_START = "▶ start"
DFG_END = "■ end"


def handoff_pairs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Handoffs from one unit to another, with the waits before the receiving events (and
    their working-hours twin with a calendar)."""
    business = has_business_hours(con, STEPS_TABLE)
    waits = with_twins(business, "median(wait_hours) AS wait_hours_median")
    return fetch_frame(
        con,
        f"""
        WITH coded_pairs AS (
            SELECT handoff_from, unit, count(*) AS count, count(DISTINCT case_no) AS cases,
                   {waits}
            FROM {STEPS_TABLE}
            WHERE is_handoff
            GROUP BY handoff_from, unit
        )
        SELECT CAST(handoff_from AS VARCHAR) AS from_unit, CAST(unit AS VARCHAR) AS to_unit,
               count, cases, wait_hours_median{twins(business, "wait_hours_median")}
        FROM coded_pairs
        ORDER BY count DESC, from_unit, to_unit
        """,
    )


def pingpong_pairs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Ping-pongs unit → via_unit → unit, counted where the case returns to `unit`."""
    return fetch_frame(
        con,
        f"""
        SELECT CAST(unit AS VARCHAR) AS unit, CAST(via_unit AS VARCHAR) AS via_unit,
               count(*) AS count, count(DISTINCT case_no) AS cases
        FROM {PINGPONGS_TABLE}
        GROUP BY ALL
        ORDER BY count DESC, unit, via_unit
        """,
    )


def back_jump_pairs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Back-jumps from the stage of the previous mapped event to an earlier stage."""
    return fetch_frame(
        con,
        f"""
        SELECT CAST(back_jump_from AS VARCHAR) AS from_stage,
               CAST(stage AS VARCHAR) AS to_stage, count(*) AS count,
               count(DISTINCT case_no) AS cases
        FROM {STEPS_TABLE}
        WHERE is_back_jump
        GROUP BY ALL
        ORDER BY count DESC, from_stage, to_stage
        """,
    )


def directly_follows(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The directly-follows relation of activities, with start and end nodes.

    wait_hours_median is the wait before the target; handoffs counts the target events that
    received a handoff; is_back_jump is true when a case was sent back along the edge.
    """
    return fetch_frame(
        con,
        f"""
        WITH activity_edges AS (
            -- grouped by the coded activities (NULL source = the case's start)
            SELECT previous_activity, activity, count(*) AS count,
                   count(DISTINCT case_no) AS cases, median(wait_hours) AS wait_hours_median,
                   count(*) FILTER (WHERE is_handoff) AS handoffs,
                   bool_or(is_back_jump) AS is_back_jump
            FROM {STEPS_TABLE}
            GROUP BY previous_activity, activity
        ),
        end_edges AS (
            -- a case has one last event, so its end edge counts each case once
            SELECT activity, count(*) AS count, count(*) AS cases
            FROM {STEPS_TABLE}
            WHERE is_last
            GROUP BY activity
        )
        SELECT coalesce(CAST(previous_activity AS VARCHAR), '{DFG_START}') AS source,
               CAST(activity AS VARCHAR) AS target, count, cases, wait_hours_median,
               handoffs, is_back_jump
        FROM activity_edges
        UNION ALL
        SELECT CAST(activity AS VARCHAR), '{DFG_END}', count, cases, NULL, 0, false
        FROM end_edges
        ORDER BY count DESC, source, target
        """,
    )
