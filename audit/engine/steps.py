"""The steps table: every event with its predecessor in the case, built in one pass.

All measures are groupings of this one table, so each definition lives here exactly once:

- order: a case's events by `timestamp` (completion), ties by `event_index` (input order);
- wait_hours: start of the event (its completion when the start is unknown) minus the
  completion of the previous event of the case, clamped at 0; NULL for a case's first event;
- work_hours: completion minus start (NULL without a start time);
- unit: the handoff basis (org unit, else resource); is_handoff when the unit differs from
  that of the previous event *that carries a unit* (events without one are skipped);
- ping-pong (in the `pingpongs` table, see `build_pingpongs`): a handoff back to the unit
  that handed over to the current one (X, Y, X with consecutive repeats collapsed);
- is_self_loop: same activity as the previous event; is_repetition: the activity occurred
  earlier in the case but not immediately before; is_repeat / is_redo: the resource equals /
  differs from that of the latest earlier occurrence of the activity (neither when either
  resource is unknown);
- is_back_jump: stage order below that of the previous *mapped* event (unmapped skipped);
- occurrence: how many times the case has done the activity, this event included;

The table has the STEP_COLUMNS except is_pingpong (see the pingpongs table) and the
INTERNAL_STEP_COLUMNS. Case attributes are not carried through the sorts: the case table
takes them from `events` directly.

Names are dictionary-coded so that the sorts and groupings move small fixed-size values
instead of text: each case has an integer `case_no` (numbered in case id order, table
`case_numbers`), and activity, stage, unit and resource are DuckDB ENUM types built from
the values present (NAME_TYPES). The groupings cast them back to text in their (small)
results; `case_steps` does so for its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from audit.engine.business_hours import (
    business_hours_between,
    working_clock,
    working_clock_join,
)
from audit.engine.journey_tables import ACTIVITIES_TABLE, STAGES_TABLE
from audit.engine.sql import fetch_frame, fetch_row, hours_between
from audit.errors import AuditInputError
from audit.io.schema import CANONICAL_COLUMNS

EVENTS_VIEW = "events"
STEPS_TABLE = "steps"
PINGPONGS_TABLE = "pingpongs"
CASE_NUMBERS_TABLE = "case_numbers"

ACTIVITY_TYPE = "activity_name"
STAGE_TYPE = "stage_name"
UNIT_TYPE = "unit_name"
RESOURCE_TYPE = "resource_name"

STEP_COLUMNS: tuple[str, ...] = (
    "case_id",
    "position",
    "activity",
    "stage",
    "stage_order",
    "timestamp",
    "start_timestamp",
    "wait_hours",
    "work_hours",
    "unit",
    "resource",
    "is_touchpoint",
    "is_handoff",
    "is_pingpong",
    "is_self_loop",
    "is_repetition",
    "is_back_jump",
    "outcome",
)
"""The columns `case_steps` returns, in order: one case's story as the customer lived it."""

INTERNAL_STEP_COLUMNS: tuple[str, ...] = (
    "event_index",
    "previous_activity",
    "is_last",
    "handoff_from",
    "is_repeat",
    "is_redo",
    "back_jump_from",
    "is_repeated_touchpoint",
    "occurrence",
    "case_no",
)
"""The other columns of the steps table, which the groupings use."""

TEXT_STEP_COLUMNS = frozenset(
    ("activity", "stage", "unit", "resource", "previous_activity", "handoff_from", "back_jump_from")
)
"""Step columns of an ENUM type: cast to text when they leave DuckDB."""


@dataclass(frozen=True)
class EventsProfile:
    """What the engine must know about the events before building the steps."""

    events: int
    handoff_basis: str | None
    has_start_times: bool
    columns: tuple[str, ...]
    every_event_has_unit: bool
    every_event_mapped: bool


def profile_events(con: duckdb.DuckDBPyConnection) -> EventsProfile:
    """Check the `events` view and choose the handoff basis in one scan.

    The basis is "org_unit" if any event has an org unit, else "resource" if any has a
    resource, else None (then there are no handoffs or ping-pongs). The scan also tells
    whether every event has a unit and a stage: then the steps need no IGNORE NULLS, which
    is much slower. The journey tables must be registered first.
    """
    try:
        columns = tuple(con.sql(f"SELECT * FROM {EVENTS_VIEW} LIMIT 0").columns)
    except duckdb.CatalogException as error:
        raise AuditInputError(
            "the database connection has no table or view named 'events'",
            source="audit engine",
            hint="register the event log (canonical schema) as 'events' before measuring",
        ) from error
    missing = [name for name in CANONICAL_COLUMNS if name not in columns]
    if missing:
        raise AuditInputError(
            "the event table lacks the column(s) " + ", ".join(missing),
            source="audit engine",
            hint="read the log with audit.io, which maps the input columns to "
            + ", ".join(CANONICAL_COLUMNS),
        )
    counts = fetch_row(
        con,
        f"""
        SELECT count(*) AS events, count(e.org_unit) AS org_units,
               count(e.resource) AS resources, count(e.start_timestamp) AS starts,
               count(a.stage_order) AS mapped
        FROM {EVENTS_VIEW} AS e
        LEFT JOIN {ACTIVITIES_TABLE} AS a ON a.activity = e.activity
        """,
    )
    if counts["events"] == 0:
        raise AuditInputError(
            "the event log has no events", source="audit engine", hint="check the input file"
        )
    basis = "org_unit" if counts["org_units"] else "resource" if counts["resources"] else None
    return EventsProfile(
        events=counts["events"],
        handoff_basis=basis,
        has_start_times=bool(counts["starts"]),
        columns=columns,
        every_event_has_unit=basis is not None and counts[f"{basis}s"] == counts["events"],
        every_event_mapped=counts["mapped"] == counts["events"],
    )


def _previous(column: str, never_null: bool) -> str:
    """SQL for the last non-null value of `column` before the event in its case.

    A plain lag gives the same when the column is never null, and costs far less.
    """
    skip = "" if never_null else " IGNORE NULLS"
    return f"lag({column}{skip}) OVER case_order"


def _name_type_sql(type_name: str, values: str) -> str:
    """SQL creating an ENUM type of the distinct non-null values of a query's first column,
    in text order (so that ordering by the type orders the names)."""
    return (
        f"CREATE OR REPLACE TYPE {type_name} AS ENUM "
        f"(SELECT DISTINCT v FROM ({values}) AS t(v) WHERE v IS NOT NULL ORDER BY v)"
    )


def code_names(con: duckdb.DuckDBPyConnection, profile: EventsProfile) -> None:
    """Create the dictionaries of the steps: the `case_numbers` table (case_id, case_no in
    case id order) and the ENUM types of activities, stages (in journey order), units and
    resources. The journey tables must be registered first."""
    con.execute(f"""
        CREATE OR REPLACE TABLE {CASE_NUMBERS_TABLE} AS
        SELECT case_id, CAST(row_number() OVER (ORDER BY case_id) AS INTEGER) AS case_no
        FROM (SELECT DISTINCT case_id FROM {EVENTS_VIEW})
    """)
    con.execute(_name_type_sql(ACTIVITY_TYPE, f"SELECT activity FROM {EVENTS_VIEW}"))
    con.execute(_name_type_sql(RESOURCE_TYPE, f"SELECT resource FROM {EVENTS_VIEW}"))
    units = f"SELECT {profile.handoff_basis or 'CAST(NULL AS VARCHAR)'} FROM {EVENTS_VIEW}"
    con.execute(_name_type_sql(UNIT_TYPE, units))
    con.execute(
        f"CREATE OR REPLACE TYPE {STAGE_TYPE} AS ENUM "
        f"(SELECT stage FROM {STAGES_TABLE} ORDER BY stage_order)"
    )


def build_steps(
    con: duckdb.DuckDBPyConnection, profile: EventsProfile, business_hours: bool = False
) -> None:
    """Create the `steps` table (kept in the connection) from `events` and the journey.

    The dictionaries of `code_names` must exist. Two sorts: the case order, then the
    activity order within a case, keyed by the position the first one gave.

    business_hours (the `working_intervals` table must exist): the steps also carry the
    working clock at each event's start and completion (clock_start_us, clock_end_us) and
    the twins wait_business_hours and work_business_hours, defined as wait_hours and
    work_hours with working time for elapsed time (audit.engine.business_hours).
    """
    unit = f"e.{profile.handoff_basis}" if profile.handoff_basis else "NULL"
    event_start = "coalesce(start_timestamp, timestamp)"
    clocks = clock_joins = previous_clock = business = business_out = ""
    if business_hours:
        # without start times an event starts when it completes: one clock reading will do
        start = "coalesce(e.start_timestamp, e.timestamp)" if profile.has_start_times else None
        end_clock = working_clock("e.timestamp", "clock_at_end")
        start_clock = working_clock(start, "clock_at_start") if start else end_clock
        clocks = f", {start_clock} AS clock_start_us, {end_clock} AS clock_end_us"
        clock_joins = working_clock_join("e.timestamp", "clock_at_end") + (
            f" {working_clock_join(start, 'clock_at_start')}" if start else ""
        )
        previous_clock = ", lag(clock_end_us) OVER case_order AS previous_clock_end_us"
        business = f""",
                CASE WHEN previous_timestamp IS NOT NULL THEN greatest(
                    {business_hours_between("previous_clock_end_us", "clock_start_us")}, 0)
                    END AS wait_business_hours,
                CASE WHEN start_timestamp IS NOT NULL
                    THEN {business_hours_between("clock_start_us", "clock_end_us")}
                    END AS work_business_hours"""
        business_out = ", wait_business_hours, work_business_hours, clock_start_us, clock_end_us"
    con.execute(f"""
        CREATE OR REPLACE TABLE {STEPS_TABLE} AS
        WITH journey_events AS (
            -- each event with its case number, coded names, stage (NULL = unmapped) and
            -- touchpoint flag: the windows below sort and carry small fixed-size values
            SELECT n.case_no, e.case_id, CAST(e.activity AS {ACTIVITY_TYPE}) AS activity,
                   e.timestamp, e.start_timestamp,
                   CAST(e.resource AS {RESOURCE_TYPE}) AS resource,
                   CAST({unit} AS {UNIT_TYPE}) AS unit, e.event_index,
                   CAST(a.stage AS {STAGE_TYPE}) AS stage, a.stage_order, a.outcome,
                   coalesce(a.is_touchpoint, false) AS is_touchpoint{clocks}
            FROM {EVENTS_VIEW} AS e
            JOIN {CASE_NUMBERS_TABLE} AS n ON n.case_id = e.case_id
            LEFT JOIN {ACTIVITIES_TABLE} AS a ON a.activity = e.activity
            {clock_joins}
        ),
        with_predecessors AS (
            -- the predecessor in the case, the last unit and mapped stage before the event
            SELECT *,
                row_number() OVER case_order AS position,
                lag(activity) OVER case_order AS previous_activity,
                lag(timestamp) OVER case_order AS previous_timestamp,
                lead(event_index) OVER case_order IS NULL AS is_last,
                {_previous("unit", profile.every_event_has_unit)} AS previous_unit,
                {_previous("stage_order", profile.every_event_mapped)} AS previous_stage_order,
                {_previous("stage", profile.every_event_mapped)} AS previous_stage{previous_clock}
            FROM journey_events
            WINDOW case_order AS (PARTITION BY case_no ORDER BY timestamp, event_index)
        ),
        with_occurrences AS (
            -- the earlier occurrences of the same activity in the case (one integer sort key)
            SELECT *,
                row_number() OVER activity_order AS occurrence,
                lag(resource) OVER activity_order AS earlier_resource
            FROM with_predecessors
            WINDOW activity_order AS (PARTITION BY case_no, activity ORDER BY position)
        ),
        flagged AS (
            -- waits, work and the labyrinth flags of each event (greatest() skips NULLs, so
            -- the first event's missing wait is kept NULL explicitly)
            SELECT *,
                CASE WHEN previous_timestamp IS NOT NULL THEN greatest(
                    {hours_between("previous_timestamp", event_start)}, 0) END AS wait_hours,
                {hours_between("start_timestamp", "timestamp")} AS work_hours,
                coalesce(unit <> previous_unit, false) AS is_handoff,
                CASE WHEN unit <> previous_unit THEN previous_unit END AS handoff_from,
                coalesce(activity = previous_activity, false) AS is_self_loop,
                occurrence > 1 AND activity IS DISTINCT FROM previous_activity AS is_repetition,
                occurrence > 1 AND resource = earlier_resource AS is_repeat,
                occurrence > 1 AND resource <> earlier_resource AS is_redo,
                coalesce(stage_order < previous_stage_order, false) AS is_back_jump,
                is_touchpoint AND occurrence > 1 AS is_repeated_touchpoint{business}
            FROM with_occurrences
        )
        SELECT case_id, position, activity, stage, stage_order, timestamp,
               start_timestamp, wait_hours, work_hours, unit, resource,
               is_touchpoint, is_handoff, is_self_loop, is_repetition,
               is_back_jump, outcome, event_index, previous_activity, is_last,
               handoff_from, coalesce(is_repeat, false) AS is_repeat,
               coalesce(is_redo, false) AS is_redo,
               CASE WHEN is_back_jump THEN previous_stage END AS back_jump_from,
               is_repeated_touchpoint, occurrence, case_no{business_out}
        FROM flagged
    """)


def build_pingpongs(con: duckdb.DuckDBPyConnection) -> None:
    """Create `pingpongs`: the handoffs that send a case back (case_id, position, stage, unit,
    via_unit, case_no).

    With consecutive repeats collapsed, a case's unit sequence changes exactly at its
    handoffs, so X, Y, X is a handoff Y -> X whose previous handoff was X -> Y. Working on
    the handoff rows only keeps this second pass over the case order narrow and cheap.
    """
    con.execute(f"""
        CREATE OR REPLACE TABLE {PINGPONGS_TABLE} AS
        WITH handoffs AS (
            SELECT case_no, case_id, position, stage, unit, handoff_from,
                   lag(handoff_from) OVER (PARTITION BY case_no ORDER BY position)
                       AS earlier_handoff_from
            FROM {STEPS_TABLE}
            WHERE is_handoff
        )
        SELECT case_id, position, stage, unit, handoff_from AS via_unit, case_no
        FROM handoffs
        WHERE earlier_handoff_from = unit
    """)


def case_steps(con: duckdb.DuckDBPyConnection, case_ids: Sequence[str]) -> pd.DataFrame:
    """The steps of the given cases in order, for the customer's-eye view of single cases.

    Reads the `steps` and `pingpongs` tables that `measure` left in the connection;
    columns: STEP_COLUMNS.
    """
    columns = ", ".join(
        "p.position IS NOT NULL AS is_pingpong"
        if name == "is_pingpong"
        else f"CAST(s.{name} AS VARCHAR) AS {name}"
        if name in TEXT_STEP_COLUMNS
        else f"s.{name}"
        for name in STEP_COLUMNS
    )
    con.register("requested_cases", pd.DataFrame({"case_id": [str(c) for c in case_ids]}))
    try:
        return fetch_frame(
            con,
            f"SELECT {columns} FROM {STEPS_TABLE} AS s "
            f"LEFT JOIN {PINGPONGS_TABLE} AS p USING (case_id, position) "
            "WHERE s.case_id IN (SELECT case_id FROM requested_cases) "
            "ORDER BY s.case_id, s.position",
        )
    finally:
        con.unregister("requested_cases")
