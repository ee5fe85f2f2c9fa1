"""The stage measures per segment: customers classified by a case attribute or the channel.

Each case falls in the segment of its value of the column (its first non-null value, as
the case table carries it). The TOP_SEGMENTS values with the most cases are kept, the rest
are pooled as "other" and a case without a value is "(none)", so that the table side by side
stays readable whatever the column holds.
"""

from __future__ import annotations

import duckdb

from audit.engine.cases import CASE_COLUMNS, CASES_TABLE
from audit.engine.sql import quote
from audit.engine.steps import CASE_NUMBERS_TABLE
from audit.engine.trend import GroupedStages, grouped_stage_measures
from audit.errors import AuditInputError

TOP_SEGMENTS = 6
"""Values of the segment column shown on their own; the rest are pooled as OTHER_SEGMENT."""
OTHER_SEGMENT = "other"
MISSING_SEGMENT = "(none)"

CASE_SEGMENTS_TABLE = "case_segments"


def segment_column(con: duckdb.DuckDBPyConnection, column: str) -> str:
    """The case-table column named `column`, matched without regard to case ("Channel" finds
    the canonical `channel`); AuditInputError naming the columns there are otherwise."""
    names = [row[0] for row in con.execute(f"DESCRIBE {CASES_TABLE}").fetchall()]
    for name in names:
        if name.lower() == column.lower():
            return name
    raise AuditInputError(
        f"segment column {column!r} is not a case attribute of the event log",
        source="audit engine",
        hint="choose a case attribute or the channel: "
        + ", ".join(name for name in names if name not in CASE_COLUMNS),
    )


def build_case_segments(con: duckdb.DuckDBPyConnection, column: str) -> None:
    """Create `case_segments` (case_no, case_id, case_group): each case's segment."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {CASE_SEGMENTS_TABLE} AS
        WITH case_values AS (
            SELECT case_id,
                   coalesce(CAST({quote(column)} AS VARCHAR), '{MISSING_SEGMENT}') AS value
            FROM {CASES_TABLE}
        ),
        ranked AS (
            SELECT value, row_number() OVER (ORDER BY count(*) DESC, value) AS rank
            FROM case_values
            GROUP BY value
        )
        SELECT n.case_no, v.case_id,
               CASE WHEN r.rank <= {TOP_SEGMENTS} THEN v.value
                    ELSE '{OTHER_SEGMENT}' END AS case_group
        FROM case_values AS v
        JOIN ranked AS r USING (value)
        JOIN {CASE_NUMBERS_TABLE} AS n USING (case_id)
    """)


def segment_measures(con: duckdb.DuckDBPyConnection, column: str) -> GroupedStages:
    """The stage measures per segment (`segment`) of `column`. Reads the tables `measure`
    left in the connection."""
    build_case_segments(con, segment_column(con, column))
    return grouped_stage_measures(con, CASE_SEGMENTS_TABLE, "segment")
