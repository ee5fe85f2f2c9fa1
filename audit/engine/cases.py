"""The case level: one row per case and one per case and stage, kept in the connection.

Stage and log measures that are "per case" (time in stage, drop-offs, promises) are
groupings of these two tables, which are groupings of `steps`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import duckdb

from audit.engine.business_hours import (
    business_hours_between,
    has_business_hours,
    twins,
    with_twins,
)
from audit.engine.journey_tables import STAGES_TABLE
from audit.engine.sql import UNMAPPED_STAGE, fetch_row, hours_between, quote
from audit.engine.steps import CASE_NUMBERS_TABLE, EVENTS_VIEW, PINGPONGS_TABLE, STEPS_TABLE

CASE_ORDER_KEY = "epoch_us(timestamp)::HUGEINT * 1099511627776 + event_index"
"""An event's place in the case order (timestamp, then event_index below 2**40) as one
number: arg_min over it costs half of arg_min over the pair (timestamp, event_index)."""

CASE_STAGES_TABLE = "case_stages"
CASES_TABLE = "cases"

CASE_COLUMNS: tuple[str, ...] = (
    "case_id",
    "events",
    "first_event",
    "last_event",
    "lead_time_hours",
    "handoffs",
    "pingpongs",
    "self_loops",
    "repetitions",
    "rework",
    "repeats",
    "redos",
    "back_jumps",
    "touchpoints",
    "repeated_touchpoints",
    "silence_hours",
    "wait_hours_total",
    "last_stage",
    "last_stage_order",
    "status",
    "promises_broken",
)
"""The measure columns of the case table; case attributes follow them."""


def build_case_stages(con: duckdb.DuckDBPyConnection) -> None:
    """Create `case_stages`: the time each case spent in each stage it reached.

    time_in_stage_hours is the customer's elapsed time: the waits before the case's events
    in the stage plus their work times. Without start times the stage times of a case plus
    its "(unmapped)" time add up to its lead time. promise_kept is time ≤ promise (NULL for
    a stage without a promise); units counts the distinct units that worked on it there.
    With a calendar, time_in_stage_business_hours and work_business_hours are their twins in
    working hours (the promise stays the customer's: calendar time).
    """
    business = has_business_hours(con, STEPS_TABLE)
    unit_sums = with_twins(
        business, "sum(wait_hours) AS wait_hours", "sum(work_hours) AS work_hours"
    )
    stage_sums = with_twins(
        business,
        "coalesce(sum(wait_hours), 0) + coalesce(sum(work_hours), 0) AS time_in_stage_hours",
        "sum(work_hours) AS work_hours",
    )
    stage_twins = twins(business, "v.time_in_stage_hours", "v.work_hours")
    con.execute(f"""
        CREATE OR REPLACE TABLE {CASE_STAGES_TABLE} AS
        WITH unit_visits AS (
            -- grouped by unit first: counting the units of a case's stage is then a count
            -- of rows, much cheaper than count(DISTINCT unit) over millions of events; the
            -- case number and stage order (NULL = unmapped) are cheaper keys than the names
            SELECT case_no, stage_order, unit, count(*) AS events, {unit_sums}
            FROM {STEPS_TABLE}
            GROUP BY case_no, stage_order, unit
        ),
        stage_visits AS (
            SELECT case_no, stage_order, CAST(sum(events) AS BIGINT) AS events,
                   {stage_sums},
                   count(unit) AS units
            FROM unit_visits
            GROUP BY case_no, stage_order
        )
        SELECT n.case_id, coalesce(s.stage, '{UNMAPPED_STAGE}') AS stage,
               v.stage_order AS "order", v.events, v.time_in_stage_hours, v.work_hours,
               v.units, s.promise_hours,
               CASE WHEN s.promise_hours IS NOT NULL
                    THEN v.time_in_stage_hours <= s.promise_hours END AS promise_kept,
               v.case_no{stage_twins}
        FROM stage_visits AS v
        JOIN {CASE_NUMBERS_TABLE} AS n USING (case_no)
        LEFT JOIN {STAGES_TABLE} AS s ON s.stage_order = v.stage_order
    """)


def build_cases(
    con: duckdb.DuckDBPyConnection, ongoing_cutoff: datetime, attributes: Sequence[str]
) -> None:
    """Create `cases`: the measures of each case and its status.

    silence_hours is the longest time between two consecutive touchpoints, from the
    completion of one to the start of the next (its completion when the start is unknown),
    clamped at 0; NULL with fewer than two. status is the outcome ("good"/"bad") of the
    case's last good or bad outcome event; without one it is "check" when the case reached
    an outcome still to be judged, "ongoing" when the last event is later than
    `ongoing_cutoff`, else "dropoff" (counted at last_stage, the stage of its last mapped
    event). rework = self_loops + repetitions; repeats + redos can be fewer when a resource
    is unknown. Case attributes take the first non-null value in the case.

    With a calendar, lead_time_business_hours, silence_business_hours and
    wait_business_hours_total are the twins in working hours (from the working clock of the
    steps, so the lead time is the working time from the first to the last completion).
    """
    business = has_business_hours(con, STEPS_TABLE)
    clock_span = (
        ", min(clock_end_us) AS first_clock_us, max(clock_end_us) AS last_clock_us"
        if business
        else ""
    )
    touchpoint_clocks = (
        ", clock_start_us AS contact_clock_us, lag(clock_end_us) OVER "
        "(PARTITION BY case_no ORDER BY position) AS previous_contact_clock_us"
        if business
        else ""
    )
    business_silence = (
        f", max(greatest({business_hours_between('previous_contact_clock_us', 'contact_clock_us')}"
        ", 0)) AS silence_business_hours"
        if business
        else ""
    )
    business_case = (
        f", {business_hours_between('first_clock_us', 'last_clock_us')} "
        "AS lead_time_business_hours, silence_business_hours, wait_business_hours_total"
        if business
        else ""
    )
    first_values = ", ".join(
        f"arg_min({quote(name)}, {CASE_ORDER_KEY}) AS {quote(name)}" for name in attributes
    )
    # the first non-null value in case order (arg_min skips nulls), read from the events
    # so that the attributes need not ride through the steps' sorts
    attribute_values = (
        f"case_attributes AS (SELECT case_id, {first_values} FROM {EVENTS_VIEW} GROUP BY case_id),"
        if attributes
        else ""
    )
    attribute_join = "JOIN case_attributes AS a ON a.case_id = n.case_id" if attributes else ""
    carried_out = "".join(f", a.{quote(name)}" for name in attributes)
    con.execute(
        f"""
        CREATE OR REPLACE TABLE {CASES_TABLE} AS
        WITH per_case AS (
            SELECT case_no, count(*) AS events,
                   min(timestamp) AS first_event, max(timestamp) AS last_event,
                   count(*) FILTER (WHERE is_handoff) AS handoffs,
                   count(*) FILTER (WHERE is_self_loop) AS self_loops,
                   count(*) FILTER (WHERE is_repetition) AS repetitions,
                   count(*) FILTER (WHERE is_repeat) AS repeats,
                   count(*) FILTER (WHERE is_redo) AS redos,
                   count(*) FILTER (WHERE is_back_jump) AS back_jumps,
                   count(*) FILTER (WHERE is_touchpoint) AS touchpoints,
                   count(*) FILTER (WHERE is_repeated_touchpoint) AS repeated_touchpoints,
                   {with_twins(business, "coalesce(sum(wait_hours), 0) AS wait_hours_total")},
                   arg_max(stage_order, position) FILTER (WHERE stage_order IS NOT NULL)
                       AS last_stage_order,
                   arg_max(outcome, position) FILTER (WHERE outcome IN ('good', 'bad'))
                       AS last_outcome,
                   bool_or(outcome = 'check') AS reached_check{clock_span}
            FROM {STEPS_TABLE}
            GROUP BY case_no
        ),
        {attribute_values}
        touchpoints AS (
            -- silence: a second, narrow pass over the touchpoint events only
            SELECT case_no, coalesce(start_timestamp, timestamp) AS contact_start,
                   lag(timestamp) OVER (PARTITION BY case_no ORDER BY position)
                       AS previous_contact_end{touchpoint_clocks}
            FROM {STEPS_TABLE}
            WHERE is_touchpoint
        ),
        case_silence AS (
            SELECT case_no,
                   max(greatest({hours_between("previous_contact_end", "contact_start")}, 0))
                       AS silence_hours{business_silence}
            FROM touchpoints
            WHERE previous_contact_end IS NOT NULL
            GROUP BY case_no
        ),
        case_pingpongs AS (
            SELECT case_no, count(*) AS pingpongs FROM {PINGPONGS_TABLE} GROUP BY case_no
        ),
        broken_promises AS (
            SELECT case_no, count(*) FILTER (WHERE NOT promise_kept) AS promises_broken
            FROM {CASE_STAGES_TABLE}
            GROUP BY case_no
        )
        SELECT n.case_id, events, first_event, last_event,
               {hours_between("first_event", "last_event")} AS lead_time_hours,
               handoffs, coalesce(pingpongs, 0) AS pingpongs, self_loops, repetitions,
               self_loops + repetitions AS rework,
               repeats, redos, back_jumps, touchpoints, repeated_touchpoints, silence_hours,
               wait_hours_total, s.stage AS last_stage, last_stage_order,
               CASE WHEN last_outcome IS NOT NULL THEN last_outcome
                    WHEN reached_check THEN 'check'
                    WHEN last_event > $cutoff THEN 'ongoing'
                    ELSE 'dropoff' END AS status,
               coalesce(promises_broken, 0) AS promises_broken{business_case}{carried_out}
        FROM per_case
        JOIN {CASE_NUMBERS_TABLE} AS n USING (case_no)
        LEFT JOIN {STAGES_TABLE} AS s ON s.stage_order = per_case.last_stage_order
        LEFT JOIN case_silence USING (case_no)
        LEFT JOIN case_pingpongs USING (case_no)
        LEFT JOIN broken_promises USING (case_no)
        {attribute_join}
        """,
        {"cutoff": ongoing_cutoff},
    )


def ongoing_cutoff(
    con: duckdb.DuckDBPyConnection,
    ongoing_after_hours: float | None,
    log_end: datetime | None = None,
) -> tuple[datetime, float]:
    """The moment after which a case without an outcome counts as ongoing, and the hours.

    The cut-off is the end of the log (its last event, or `log_end` when the events are a
    selection of a larger log) minus `ongoing_after_hours`. When the
    journey leaves that open, the engine uses the 95th percentile of all waits in the log: a
    case silent for longer than 95 % of the waits between events is taken to have dropped
    off (0 hours when the log has no waits, so then no case is ongoing).
    """
    row = fetch_row(
        con,
        f"SELECT max(timestamp) AS log_end, quantile_cont(wait_hours, 0.95) AS wait_p95 "
        f"FROM {STEPS_TABLE}",
    )
    if ongoing_after_hours is not None:
        after = float(ongoing_after_hours)
    else:
        after = float(row["wait_p95"] or 0.0)
    return (log_end or row["log_end"]) - timedelta(hours=after), after
