"""What a fix is worth: the lead-time measure run again with a hotspot's long waits cut.

The rule (docs/friction.md): the log's typical wait is the median wait over all steps whose
wait is longer than zero. The waits a target is blamed for — for a stage the waits of the
steps in the stage, for a handoff pair the waits of the steps that received a handoff from
the one unit to the other (the blame of the friction score's wait component) — that are
longer than the typical wait are brought down to it. Every later event of the case moves
earlier by the cut, so each affected case's lead time shrinks by the sum of its cuts; the
median lead time is then taken again over every case, as the log's median is. Customer-days
saved per month are the total cut hours / 24 / the months the log spans.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd
import pyarrow as pa

from audit.engine.cases import CASES_TABLE
from audit.engine.sql import MICROSECONDS_PER_HOUR, fetch_frame
from audit.engine.steps import STEPS_TABLE

TARGETS_TABLE = "what_if_targets"

DAYS_PER_MONTH = 365.25 / 12
"""The length of a month in days: a Gregorian year's average month (30.4375 days)."""

RULE = "waits_above_typical_cut_to_typical"
"""The name of the rule in findings.json (written out in docs/friction.md)."""

WHAT_IF_COLUMNS: tuple[str, ...] = (
    "level",
    "stage",
    "from_unit",
    "to_unit",
    "typical_wait_hours",
    "lead_time_hours_median_before",
    "lead_time_hours_median_after",
    "cases_affected",
    "cut_hours",
    "months",
    "customer_days_saved_per_month",
)
"""One row per target: level "stage" (stage set) or "handoff_pair" (from_unit, to_unit)."""


def _register_targets(
    con: duckdb.DuckDBPyConnection, stages: Sequence[str], pairs: Sequence[tuple[str, str]]
) -> None:
    """Register the table of targets: target_no, level, stage, from_unit, to_unit (an Arrow
    table, which every engine the SQL runs on can read)."""
    rows = [("stage", stage, None, None) for stage in stages]
    rows += [("handoff_pair", None, from_unit, to_unit) for from_unit, to_unit in pairs]
    columns = ("level", "stage", "from_unit", "to_unit")
    targets = {"target_no": pa.array(range(len(rows)), pa.int32())}
    targets |= {
        name: pa.array([row[i] for row in rows], pa.string()) for i, name in enumerate(columns)
    }
    con.register(TARGETS_TABLE, pa.table(targets))


def what_if_measures(
    con: duckdb.DuckDBPyConnection,
    stages: Sequence[str] = (),
    pairs: Sequence[tuple[str, str]] = (),
) -> pd.DataFrame:
    """WHAT_IF_COLUMNS for each stage in `stages` and each (from_unit, to_unit) in `pairs`,
    in that order, by the rule of this module. Reads the `steps` and `cases` tables that
    `audit.engine.measure` left in the connection.

    cases_affected counts the cases with at least one wait cut; months is the span from the
    log's first to its last event in months of DAYS_PER_MONTH days, at least 1 (a shorter
    log's saving is not scaled up to a month it did not see).
    """
    _register_targets(con, stages, pairs)
    hours_per_month = 24 * DAYS_PER_MONTH
    return fetch_frame(
        con,
        f"""
        WITH typical AS (
            SELECT median(wait_hours) AS wait_hours FROM {STEPS_TABLE} WHERE wait_hours > 0
        ),
        long_waits AS (
            SELECT s.case_id, CAST(s.stage AS VARCHAR) AS stage, s.is_handoff,
                   CAST(s.handoff_from AS VARCHAR) AS from_unit,
                   CAST(s.unit AS VARCHAR) AS to_unit, s.wait_hours - y.wait_hours AS cut_hours
            FROM {STEPS_TABLE} AS s CROSS JOIN typical AS y
            WHERE s.wait_hours > y.wait_hours
        ),
        blamed AS (
            SELECT t.target_no, w.case_id, w.cut_hours
            FROM long_waits AS w JOIN {TARGETS_TABLE} AS t ON t.stage = w.stage
            WHERE t.level = 'stage'
            UNION ALL
            SELECT t.target_no, w.case_id, w.cut_hours
            FROM long_waits AS w
            JOIN {TARGETS_TABLE} AS t ON t.from_unit = w.from_unit AND t.to_unit = w.to_unit
            WHERE t.level = 'handoff_pair' AND w.is_handoff
        ),
        case_cuts AS (
            SELECT target_no, case_id, sum(cut_hours) AS cut_hours
            FROM blamed
            GROUP BY target_no, case_id
        ),
        span AS (
            SELECT greatest((epoch_us(max(last_event)) - epoch_us(min(first_event)))
                            / {MICROSECONDS_PER_HOUR}.0 / {hours_per_month}, 1) AS months
            FROM {CASES_TABLE}
        ),
        target_lead_times AS (
            -- every case for every target: the median after is over the same cases as before
            SELECT t.target_no, any_value(t.level) AS level, any_value(t.stage) AS stage,
                   any_value(t.from_unit) AS from_unit, any_value(t.to_unit) AS to_unit,
                   median(c.lead_time_hours) AS lead_time_hours_median_before,
                   median(c.lead_time_hours - coalesce(k.cut_hours, 0))
                       AS lead_time_hours_median_after,
                   count(k.case_id) AS cases_affected,
                   coalesce(sum(k.cut_hours), 0) AS cut_hours
            FROM {TARGETS_TABLE} AS t
            CROSS JOIN {CASES_TABLE} AS c
            LEFT JOIN case_cuts AS k ON k.target_no = t.target_no AND k.case_id = c.case_id
            GROUP BY t.target_no
        )
        SELECT level, stage, from_unit, to_unit, y.wait_hours AS typical_wait_hours,
               lead_time_hours_median_before, lead_time_hours_median_after, cases_affected,
               cut_hours, p.months, cut_hours / 24 / p.months AS customer_days_saved_per_month
        FROM target_lead_times CROSS JOIN typical AS y CROSS JOIN span AS p
        ORDER BY target_no
        """,
    )
