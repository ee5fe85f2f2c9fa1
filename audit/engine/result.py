"""What the engine returns: every measure, as small tables at each level.

All durations are in hours (float). Tables are pandas DataFrames with the columns listed;
the engine builds them in DuckDB and only these aggregates come back to Python. The
definitions behind every number are in docs/measures.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from audit.engine.conformance import ConformanceMeasures
from audit.engine.customers import CustomerMeasures


@dataclass
class Measures:
    """Every measure of one audit, at the levels log, stage, activity, org unit and case.

    log: cases, events, activities, first_event, last_event (ISO text), handoff_basis
        ("org_unit", "resource" or None), has_start_times (bool), ongoing_cutoff (ISO text:
        cases without an outcome whose last event is after it are ongoing, not drop-offs),
        ongoing_after_hours (the hours before the log's end that gave the cut-off) and
        ongoing_rule ("journey map" or "95th percentile of waits").
    totals: handoffs, cases_with_handoff, pingpongs, pingpong_cases, self_loops, repetitions,
        repeats, redos, rework_cases, back_jumps, back_jump_cases, touchpoints, dropoffs,
        ongoing_cases, good_outcomes, bad_outcomes, check_outcomes, lead_time_hours_median,
        handoffs_per_case, promises_kept_share (None without promises).
    stages: one row per journey stage in order, plus a final row "(unmapped)" when events
        fall outside every stage. Columns: stage, order, cases, events, handoffs,
        wait_hours_median, wait_hours_p90, time_in_stage_hours_median (outside-in: waits and
        work of the case in the stage), work_hours_median (inside-out, None without start
        times), steps_median (internal steps per case), units_median (org units per case),
        self_loops, repetitions, back_jumps_into, touchpoints, dropoffs, promise_hours,
        promise_kept_share, pingpongs, repeat_contacts (whose earlier case ended in the stage;
        missing without customers).
    activities: activity, stage, is_touchpoint, events, cases, wait_hours_median,
        wait_hours_p90, work_hours_median, self_loops, repetitions, repeats, redos,
        handoffs_in.
    org_units: org_unit, events, cases, handoffs_in, handoffs_out, wait_hours_median,
        handoff_wait_hours_median, pingpongs.
    cases: case_id, events, first_event, last_event, lead_time_hours, handoffs, pingpongs,
        self_loops, repetitions, rework, repeats, redos, back_jumps, touchpoints,
        repeated_touchpoints, silence_hours, wait_hours_total, last_stage, last_stage_order,
        status ("good", "bad", "check", "dropoff", "ongoing"), promises_broken, plus the
        journey's survey columns and the requested case attributes (first non-null value per
        case).
    case_stages: case_id, stage, order, events, time_in_stage_hours, work_hours,
        promise_kept (None without a promise); includes "(unmapped)" rows (order None).
    handoff_pairs: from_unit, to_unit, count, cases, wait_hours_median.
    pingpong_pairs: unit, via_unit, count, cases  (unit -> via_unit -> unit).
    back_jumps: from_stage, to_stage, count, cases.
    dfg: source, target, count, cases, wait_hours_median, handoffs, is_back_jump
        (directly-follows relation between activities, with "▶ start" / "■ end" nodes).
    customers: repeat contacts across each customer's cases (audit.engine.customers), or
        None when the log has no customer column or no case has a customer.
    With a journey calendar, the business-hours twins of every wait and time column follow
    the calendar columns in stages, activities, org_units, cases and case_stages, and totals
    has lead_time_business_hours_median (audit.engine.business_hours; absent without one).
    conformance: each case against the designed journey (audit.engine.conformance).
    """

    log: dict
    totals: dict
    stages: pd.DataFrame
    activities: pd.DataFrame
    org_units: pd.DataFrame
    cases: pd.DataFrame
    case_stages: pd.DataFrame
    handoff_pairs: pd.DataFrame
    pingpong_pairs: pd.DataFrame
    back_jumps: pd.DataFrame
    dfg: pd.DataFrame
    customers: CustomerMeasures | None = None
    conformance: ConformanceMeasures | None = None
    extra: dict = field(default_factory=dict)
