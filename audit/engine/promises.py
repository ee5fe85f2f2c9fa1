"""The promise calibrator: what share of customers a stage's promise keeps, and which
promise keeps a given share.

Both answers are over the cases that finished the stage (`FINISHED_CASE_STAGES` of
audit.engine.levels: an ongoing case still in the stage is left out) and use the
nearest-rank percentile of the stage table's time_in_stage_hours_p50/_p80/_p90, so a promise
of the stage's p80 keeps at least 80 % of them. A segment (column, value) narrows the cases
to one segment of audit.engine.segments (its top values, "other" and "(none)"). Every
function reads the tables `audit.engine.measure` left in the connection; times are hours of
calendar time, as promises are.
"""

from __future__ import annotations

import math

import duckdb
import pandas as pd

from audit.engine.journey_tables import STAGES_TABLE
from audit.engine.levels import (
    FINISHED_CASE_STAGES,
    PROMISE_SHARES,
    percentile_name,
    time_percentiles,
)
from audit.engine.segments import CASE_SEGMENTS_TABLE, build_case_segments, segment_column
from audit.errors import AuditInputError

Segment = tuple[str, str]
"""A segment of the cases: (the segment column, the segment's value)."""


def _finished_cases(
    con: duckdb.DuckDBPyConnection, segment: Segment | None
) -> tuple[str, dict[str, object]]:
    """The FROM clause of the finished case-stage rows (alias cs), narrowed to the segment,
    and the parameters it needs."""
    source = f"({FINISHED_CASE_STAGES}) AS cs"
    if segment is None:
        return source, {}
    column, value = segment
    build_case_segments(con, segment_column(con, column))
    return (
        f"{source} JOIN {CASE_SEGMENTS_TABLE} AS g ON g.case_no = cs.case_no "
        "AND g.case_group = $segment",
        {"segment": str(value)},
    )


def segment_values(con: duckdb.DuckDBPyConnection, column: str) -> list[str]:
    """The segments of `column` a calibration can be narrowed to, most cases first."""
    build_case_segments(con, segment_column(con, column))
    rows = con.execute(
        f"SELECT case_group FROM {CASE_SEGMENTS_TABLE} GROUP BY case_group "
        "ORDER BY count(*) DESC, case_group"
    ).fetchall()
    return [row[0] for row in rows]


def _check_share(share: float) -> None:
    if not 0 < share <= 1:
        raise AuditInputError(
            f"a share of customers must be above 0 and at most 1, not {share}",
            source="promise calibrator",
            hint="give the share as a fraction, such as 0.9 for 90 %",
        )


def _check_hours(hours: float) -> None:
    if not 0 <= hours < math.inf:
        raise AuditInputError(
            f"a promise must be a time of 0 hours or more, not {hours}",
            source="promise calibrator",
            hint="give the promise in hours, such as 72 for three days",
        )


def _finished_times(
    con: duckdb.DuckDBPyConnection,
    stage: str,
    aggregate: str,
    values: dict[str, float],
    segment: Segment | None,
) -> float | None:
    """One aggregate over the times in `stage` of the cases (in `segment`) that finished
    it, with its parameters `values`; None when no case finished it."""
    source, parameters = _finished_cases(con, segment)
    # fetchall, not fetchone: a result left unfinished would block register() on the
    # connection, which the app's pages share
    ((value,),) = con.execute(
        f"SELECT {aggregate} FROM {source} WHERE cs.finished AND cs.stage = $stage",
        {**parameters, **values, "stage": stage},
    ).fetchall()
    return None if value is None else float(value)


def promise_kept_share(
    con: duckdb.DuckDBPyConnection, stage: str, hours: float, segment: Segment | None = None
) -> float | None:
    """The share of the cases that finished `stage` (in `segment`) whose time in the stage
    was at most `hours`; None when no case finished it."""
    _check_hours(hours)
    share = "avg(CAST(time_in_stage_hours <= $hours AS DOUBLE))"
    return _finished_times(con, stage, share, {"hours": float(hours)}, segment)


def promise_for_share(
    con: duckdb.DuckDBPyConnection, stage: str, share: float, segment: Segment | None = None
) -> float | None:
    """The shortest promise, in hours, that at least `share` (0 < share ≤ 1) of the cases
    that finished `stage` (in `segment`) kept: the time in stage at rank ⌈share · n⌉;
    None when no case finished it."""
    _check_share(share)
    promise = "quantile_disc(time_in_stage_hours, $share)"
    return _finished_times(con, stage, promise, {"share": float(share)}, segment)


def promise_percentiles(
    con: duckdb.DuckDBPyConnection, segment: Segment | None = None
) -> pd.DataFrame:
    """Per journey stage in order: stage, order, promise_hours, finished_cases and the
    stage table's time_in_stage_hours_p50/_p80/_p90 over the cases (in `segment`) that
    finished it (None where none did)."""
    source, parameters = _finished_cases(con, segment)
    percentiles = ", ".join(f"f.{percentile_name(share)}" for share in PROMISE_SHARES)
    result = con.execute(
        f"""
        WITH finished_times AS (
            SELECT cs.stage, count(*) FILTER (WHERE finished) AS finished_cases,
                   {time_percentiles(PROMISE_SHARES)}
            FROM {source}
            GROUP BY cs.stage
        )
        SELECT s.stage, s.stage_order AS "order", s.promise_hours,
               coalesce(f.finished_cases, 0) AS finished_cases, {percentiles}
        FROM {STAGES_TABLE} AS s
        LEFT JOIN finished_times AS f ON f.stage = s.stage
        ORDER BY s.stage_order
        """,
        parameters,
    )
    return result.fetch_df()
