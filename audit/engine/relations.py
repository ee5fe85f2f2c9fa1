"""Measures between two things: handoff pairs, ping-pong pairs, back-jumps and the
directly-follows graph (DFG) of activities. All are groupings of the steps table."""

from __future__ import annotations

import duckdb
import pandas as pd

from audit.engine.sql import fetch_frame
from audit.engine.steps import PINGPONGS_TABLE, STEPS_TABLE

DFG_START = "▶ start"
DFG_END = "■ end"


def handoff_pairs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Handoffs from one unit to another, with the waits before the receiving events."""
    return fetch_frame(
        con,
        f"""
        SELECT handoff_from AS from_unit, unit AS to_unit, count(*) AS count,
               count(DISTINCT case_id) AS cases, median(wait_hours) AS wait_hours_median
        FROM {STEPS_TABLE}
        WHERE is_handoff
        GROUP BY ALL
        ORDER BY count DESC, from_unit, to_unit
        """,
    )


def pingpong_pairs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Ping-pongs unit → via_unit → unit, counted where the case returns to `unit`."""
    return fetch_frame(
        con,
        f"""
        SELECT unit, via_unit, count(*) AS count, count(DISTINCT case_id) AS cases
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
        SELECT back_jump_from AS from_stage, stage AS to_stage, count(*) AS count,
               count(DISTINCT case_id) AS cases
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
        WITH edges AS (
            SELECT coalesce(previous_activity, '{DFG_START}') AS source,
                   activity AS target, case_id, wait_hours, is_handoff, is_back_jump
            FROM {STEPS_TABLE}
            UNION ALL
            SELECT activity, '{DFG_END}', case_id, NULL, false, false
            FROM {STEPS_TABLE}
            WHERE is_last
        )
        SELECT source, target, count(*) AS count, count(DISTINCT case_id) AS cases,
               median(wait_hours) AS wait_hours_median,
               count(*) FILTER (WHERE is_handoff) AS handoffs,
               bool_or(is_back_jump) AS is_back_jump
        FROM edges
        GROUP BY source, target
        ORDER BY count DESC, source, target
        """,
    )
