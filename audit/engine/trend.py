"""The stage measures per period: a case belongs to the period in which it started.

Each case is put in the period (day, week, month or quarter) of its first event, and the
stage table of `audit.engine.levels` is measured per period over those groups, so that the
trend shows the same numbers as the stage table, split by when the customers came.
Weeks start on Monday (ISO weeks), quarters on 1 January, April, July and October.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from audit.engine.cases import CASES_TABLE
from audit.engine.levels import stage_measures
from audit.engine.sql import fetch_frame
from audit.engine.steps import CASE_NUMBERS_TABLE, PINGPONGS_TABLE, STEPS_TABLE
from audit.errors import AuditInputError

PERIODS = ("day", "week", "month", "quarter")
"""The period lengths a trend can be measured by."""

CASE_PERIODS_TABLE = "case_periods"


def build_case_periods(con: duckdb.DuckDBPyConnection, by: str) -> None:
    """Create `case_periods` (case_no, case_id, case_group): each case's period start."""
    if by not in PERIODS:
        raise AuditInputError(
            f"unknown trend period {by!r}",
            source="audit engine",
            hint="choose one of: " + ", ".join(PERIODS),
        )
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {CASE_PERIODS_TABLE} AS
        SELECT n.case_no, c.case_id,
               CAST(date_trunc('{by}', c.first_event) AS DATE) AS case_group
        FROM {CASES_TABLE} AS c
        JOIN {CASE_NUMBERS_TABLE} AS n USING (case_id)
    """)


def case_counts(con: duckdb.DuckDBPyConnection, case_groups: str) -> pd.DataFrame:
    """case_group, stage, pingpong_cases, rework_cases: the cases of each group with a
    ping-pong, and with rework (a self-loop or repetition), in the stage: counts of cases,
    so that their shares of the stage's cases can be tested."""
    return fetch_frame(
        con,
        f"""
        WITH rework AS (
            SELECT case_group, stage,
                   count(DISTINCT case_no) AS rework_cases
            FROM {STEPS_TABLE} JOIN {case_groups} USING (case_no)
            WHERE stage IS NOT NULL AND (is_self_loop OR is_repetition)
            GROUP BY ALL
        ),
        pingpong AS (
            SELECT case_group, stage, count(DISTINCT case_no) AS pingpong_cases
            FROM {PINGPONGS_TABLE} JOIN {case_groups} USING (case_no)
            WHERE stage IS NOT NULL
            GROUP BY ALL
        )
        SELECT case_group, CAST(stage AS VARCHAR) AS stage,
               coalesce(pingpong_cases, 0) AS pingpong_cases,
               coalesce(rework_cases, 0) AS rework_cases
        FROM pingpong FULL JOIN rework USING (case_group, stage)
        """,
    )


@dataclass
class GroupedStages:
    """The stage measures per group of cases (a period, a segment).

    stages: group column, then the columns of `audit.engine.levels.stage_measures`,
        pingpong_cases and rework_cases, for every group and stage.
    ended: the same over the cases that have ended (status not "ongoing"), for the tests:
        an open case has not yet had the chance to bounce, drop off or break a promise.
    members: case_id and group of each ended case, for tests over per-case values.
    """

    stages: pd.DataFrame
    ended: pd.DataFrame
    members: pd.DataFrame


def _with_case_counts(con: duckdb.DuckDBPyConnection, case_groups: str) -> pd.DataFrame:
    """The stage measures per group plus pingpong_cases and rework_cases (0 where none)."""
    table = stage_measures(con, case_groups).merge(
        case_counts(con, case_groups), on=["case_group", "stage"], how="left"
    )
    counts = ["pingpong_cases", "rework_cases"]
    table[counts] = table[counts].fillna(0).astype("int64")
    return table


def grouped_stage_measures(
    con: duckdb.DuckDBPyConnection, case_groups: str, key: str
) -> GroupedStages:
    """The stage measures per group of `case_groups`, its group column named `key`."""
    ended_groups = f"{case_groups}_ended"
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {ended_groups} AS
        SELECT g.* FROM {case_groups} AS g JOIN {CASES_TABLE} USING (case_id)
        WHERE status <> 'ongoing'
    """)
    renamed = {"case_group": key}
    return GroupedStages(
        stages=_with_case_counts(con, case_groups).rename(columns=renamed),
        ended=_with_case_counts(con, ended_groups).rename(columns=renamed),
        members=fetch_frame(con, f"SELECT case_id, case_group FROM {ended_groups}").rename(
            columns=renamed
        ),
    )


def trend_measures(con: duckdb.DuckDBPyConnection, by: str) -> GroupedStages:
    """The stage measures per period (`period`: the date the period starts) in which cases
    started. Reads the tables `measure` left in the connection."""
    build_case_periods(con, by)
    return grouped_stage_measures(con, CASE_PERIODS_TABLE, "period")
