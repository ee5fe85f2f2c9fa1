"""The stage measures per segment: customers classified by a case attribute or the channel.

Each case falls in the segment of its value of the column (its first non-null value, as
the case table carries it). The TOP_SEGMENTS values with the most cases are kept, the rest
are pooled as "other" and a case without a value is "(none)", so that the table side by side
stays readable whatever the column holds.
"""

from __future__ import annotations

import duckdb

from audit.engine.business_hours import twin_name
from audit.engine.cases import CASE_COLUMNS, CASE_ORDER_KEY, CASES_TABLE
from audit.engine.sql import quote
from audit.engine.steps import CASE_NUMBERS_TABLE, EVENTS_VIEW
from audit.engine.trend import GroupedStages, grouped_stage_measures
from audit.errors import AuditInputError
from audit.io.schema import CHANNEL, ORG_UNIT

TOP_SEGMENTS = 6
"""Values of the segment column shown on their own; the rest are pooled as OTHER_SEGMENT."""
OTHER_SEGMENT = "other"
MISSING_SEGMENT = "(none)"

CASE_SEGMENTS_TABLE = "case_segments"


SEGMENTABLE_ROLES = (CHANNEL, ORG_UNIT)
"""Canonical event columns that classify customers too (the first one of the case)."""


def segment_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The columns a log can be segmented by: the case table's attributes, then the
    channel and org unit when some event has one."""
    measures = {*CASE_COLUMNS, *(twin_name(name) for name in CASE_COLUMNS)}
    cases = [row[0] for row in con.execute(f"DESCRIBE {CASES_TABLE}").fetchall()]
    attributes = [name for name in cases if name not in measures]
    present = {row[0] for row in con.execute(f"DESCRIBE {EVENTS_VIEW}").fetchall()}
    roles = [role for role in SEGMENTABLE_ROLES if role in present and role not in attributes]
    if not roles:
        return attributes
    counts = ", ".join(f"count({quote(role)}) > 0" for role in roles)
    # fetchall: a result left unfinished blocks register() on the shared connection
    (filled,) = con.execute(f"SELECT {counts} FROM {EVENTS_VIEW}").fetchall()
    return attributes + [role for role, has in zip(roles, filled, strict=True) if has]


def segment_column(con: duckdb.DuckDBPyConnection, column: str) -> str:
    """The column named `column` among `segment_columns`, matched without regard to case
    ("Channel" finds the canonical `channel`); AuditInputError naming them otherwise."""
    names = segment_columns(con)
    for name in names:
        if name.lower() == column.lower():
            return name
    raise AuditInputError(
        f"segment column {column!r} is not a case attribute of the event log",
        source="audit engine",
        hint="choose a case attribute or the channel: " + ", ".join(names),
    )


def build_case_segments(con: duckdb.DuckDBPyConnection, column: str) -> None:
    """Create `case_segments` (case_no, case_id, case_group): each case's segment. A column
    the case table does not carry (the channel) is read from the events: the first non-null
    value of the case in case order."""
    cases = {row[0] for row in con.execute(f"DESCRIBE {CASES_TABLE}").fetchall()}
    source = (
        f"SELECT case_id, {quote(column)} AS value FROM {CASES_TABLE}"
        if column in cases
        else f"SELECT case_id, arg_min({quote(column)}, {CASE_ORDER_KEY}) AS value "
        f"FROM {EVENTS_VIEW} GROUP BY case_id"
    )
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {CASE_SEGMENTS_TABLE} AS
        WITH source AS ({source}),
        case_values AS (
            SELECT c.case_id,
                   coalesce(CAST(s.value AS VARCHAR), '{MISSING_SEGMENT}') AS value
            FROM {CASES_TABLE} AS c
            LEFT JOIN source AS s USING (case_id)
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
