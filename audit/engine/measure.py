"""The engine's entry points: measure an event table against a compiled journey."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import duckdb
import pyarrow as pa

from audit import scratch
from audit.engine.business_hours import register_working_intervals, twins
from audit.engine.cases import (
    CASE_COLUMNS,
    CASE_STAGES_TABLE,
    CASES_TABLE,
    build_case_stages,
    build_cases,
    ongoing_cutoff,
)
from audit.engine.conformance import conformance_measures
from audit.engine.customers import customer_measures, with_repeat_contacts
from audit.engine.journey_tables import register_journey
from audit.engine.levels import activity_measures, stage_measures, unit_measures
from audit.engine.overview import log_summary, totals
from audit.engine.relations import back_jump_pairs, directly_follows, handoff_pairs, pingpong_pairs
from audit.engine.result import Measures
from audit.engine.sql import fetch_large_frame
from audit.engine.steps import (
    EVENTS_VIEW,
    INTERNAL_STEP_COLUMNS,
    STEP_COLUMNS,
    EventsProfile,
    build_pingpongs,
    build_steps,
    code_names,
    profile_events,
)
from audit.errors import AuditInputError
from audit.io.schema import CANONICAL_COLUMNS
from audit.journey.compiled import CompiledJourney

RESERVED_NAMES = frozenset((*STEP_COLUMNS, *INTERNAL_STEP_COLUMNS, *CASE_COLUMNS))


def case_attribute_columns(
    profile: EventsProfile, journey: CompiledJourney, case_attributes: Sequence[str]
) -> list[str]:
    """The columns to carry into the case table: the journey's survey columns that the log
    has (the journey layer warns about the others), then the requested case attributes,
    without duplicates, each checked against the events.

    A canonical column (for example `channel`) may be carried; a name the engine uses for a
    measure (for example `stage`) may not, since the case table would be ambiguous.
    """
    survey = [name for name in journey.survey.values() if name in profile.columns]
    wanted = list(dict.fromkeys([*survey, *case_attributes]))
    for name in wanted:
        if name not in profile.columns:
            raise AuditInputError(
                f"case attribute {name!r} is not a column of the event log",
                source="audit engine",
                hint="choose one of: " + ", ".join(profile.columns),
            )
        if name in RESERVED_NAMES and name not in CANONICAL_COLUMNS:
            raise AuditInputError(
                f"case attribute {name!r} has the name of a measure",
                source="audit engine",
                hint="rename the column in the column mapping",
            )
    return wanted


def measure(
    con: duckdb.DuckDBPyConnection,
    journey: CompiledJourney,
    *,
    case_attributes: Sequence[str] = (),
    log_end: datetime | None = None,
) -> Measures:
    """Every measure of the `events` view (canonical schema) against the journey.

    log_end: the last event of the whole log when `events` holds only some of its cases, so
    that a chosen case is ongoing or a drop-off exactly as in the whole log.

    Builds the `case_numbers`, `steps`, `pingpongs`, `case_stages` and `cases` tables in the
    connection (they stay there for single-case views) and returns the aggregates. Only aggregates
    leave DuckDB, so `events` may be a view over a Parquet file larger than memory. Survey
    columns of the journey and `case_attributes` are carried into the case table (first
    non-null value).
    """
    register_journey(con, journey)
    profile = profile_events(con)
    attributes = case_attribute_columns(profile, journey, case_attributes)
    code_names(con, profile)
    if journey.calendar is not None:
        register_working_intervals(con, journey.calendar, EVENTS_VIEW)
    build_steps(con, profile, business_hours=journey.calendar is not None)
    build_pingpongs(con)
    cutoff, after_hours = ongoing_cutoff(con, journey.ongoing_after_hours, log_end)
    build_case_stages(con)
    build_cases(con, cutoff, attributes)
    activities = activity_measures(con)
    customers = customer_measures(con, journey.repeat_within_days, log_end)
    calendar = journey.calendar is not None
    rule = "journey map" if journey.ongoing_after_hours is not None else "95th percentile of waits"
    return Measures(
        log=log_summary(con, profile, len(activities), cutoff, after_hours, rule),
        totals=totals(con),
        stages=with_repeat_contacts(stage_measures(con), customers),
        activities=activities,
        org_units=unit_measures(con),
        cases=fetch_large_frame(con, f"SELECT * FROM {CASES_TABLE} ORDER BY case_id"),
        case_stages=fetch_large_frame(
            con,
            f'SELECT case_id, stage, "order", events, time_in_stage_hours, work_hours, '
            f"promise_kept{twins(calendar, 'time_in_stage_hours', 'work_hours')} "
            f'FROM {CASE_STAGES_TABLE} ORDER BY case_id, "order" NULLS LAST',
        ),
        handoff_pairs=handoff_pairs(con),
        pingpong_pairs=pingpong_pairs(con),
        back_jumps=back_jump_pairs(con),
        dfg=directly_follows(con),
        customers=customers,
        conformance=conformance_measures(con, journey),
    )


def measure_table(
    events: pa.Table, journey: CompiledJourney, *, case_attributes: Sequence[str] = ()
) -> Measures:
    """Measure an in-memory Arrow event table (canonical schema) in a fresh DuckDB."""
    con = scratch.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        con.register(EVENTS_VIEW, events)
        return measure(con, journey, case_attributes=case_attributes)
    finally:
        con.close()
