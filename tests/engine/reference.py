"""An independent calculation of the engine's totals and per-stage counts in plain pandas.

Written separately from the SQL, case by case with ordinary Python loops, straight from
the definitions in DESIGN.md and docs/measures.md. Tests compare the engine with it on the
real logs; a disagreement means one of the two misreads a definition.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

import numpy as np
import pandas as pd

from audit.journey.compiled import CompiledJourney

UNMAPPED = "(unmapped)"

STAGE_COUNTS = [
    "cases",
    "events",
    "handoffs",
    "self_loops",
    "repetitions",
    "back_jumps_into",
    "touchpoints",
    "dropoffs",
    "pingpongs",
]
"""The per-stage counts the reference computes and the engine must match."""


@dataclass
class Reference:
    """Totals and per-stage counts from the plain calculation."""

    totals: dict
    stages: pd.DataFrame


def _hours(later: pd.Timestamp, earlier: pd.Timestamp) -> float:
    return (later - earlier).total_seconds() / 3600


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _journey_lookup(journey: CompiledJourney):
    stage_of, outcome_of, touchpoints = {}, {}, set()
    for row in journey.activities.to_dict("records"):
        stage_of[row["activity"]] = None if _missing(row["stage"]) else row["stage"]
        outcome_of[row["activity"]] = None if _missing(row["outcome"]) else row["outcome"]
        if bool(row["is_touchpoint"]):
            touchpoints.add(row["activity"])
    order_of = dict(zip(journey.stages["stage"], journey.stages["stage_order"], strict=True))
    promise_of = {
        stage: None if _missing(promise) else float(promise)
        for stage, promise in zip(
            journey.stages["stage"], journey.stages["promise_hours"], strict=True
        )
    }
    return stage_of, outcome_of, touchpoints, order_of, promise_of


def _walk_case(rows: list[dict], unit_column, stage_of, touchpoints, order_of) -> dict:
    """Everything about one case that does not need the log-wide cut-off."""
    counts: Counter = Counter()
    stage_counts: dict[str, Counter] = defaultdict(Counter)
    stage_time: dict[str, float] = defaultdict(float)
    waits: list[float] = []
    latest_resource: dict[str, object] = {}
    collapsed_units: list[str] = []
    last_mapped_order = None
    last_mapped_stage = None
    previous = None
    # the last good or bad outcome decides; an outcome to check counts only without one
    last_judged_outcome, reached_check = None, False
    for row in rows:
        activity = row["activity"]
        stage = stage_of.get(activity)
        bucket = stage if stage is not None else UNMAPPED
        stage_counts[bucket]["events"] += 1
        begin = row["start_timestamp"] if not _missing(row["start_timestamp"]) else row["timestamp"]
        if previous is not None:
            wait = max(_hours(begin, previous["timestamp"]), 0.0)
            waits.append(wait)
            stage_time[bucket] += wait
        if not _missing(row["start_timestamp"]):
            stage_time[bucket] += _hours(row["timestamp"], row["start_timestamp"])
        # handoffs and ping-pong on the units, skipping events without one
        unit = row[unit_column] if unit_column else None
        if not _missing(unit):
            if collapsed_units and collapsed_units[-1] != unit:
                counts["handoffs"] += 1
                stage_counts[bucket]["handoffs"] += 1
                collapsed_units.append(unit)
                if len(collapsed_units) >= 3 and collapsed_units[-3] == unit:
                    counts["pingpongs"] += 1
                    stage_counts[bucket]["pingpongs"] += 1
            elif not collapsed_units:
                collapsed_units.append(unit)
        # self-loops and repetitions
        if activity in latest_resource:
            if previous is not None and previous["activity"] == activity:
                counts["self_loops"] += 1
                stage_counts[bucket]["self_loops"] += 1
            else:
                counts["repetitions"] += 1
                stage_counts[bucket]["repetitions"] += 1
            earlier = latest_resource[activity]
            if not _missing(earlier) and not _missing(row["resource"]):
                counts["repeats" if earlier == row["resource"] else "redos"] += 1
        latest_resource[activity] = row["resource"]
        # back-jumps against the previous mapped event
        if stage is not None:
            if last_mapped_order is not None and order_of[stage] < last_mapped_order:
                counts["back_jumps"] += 1
                stage_counts[bucket]["back_jumps_into"] += 1
            last_mapped_order = order_of[stage]
            last_mapped_stage = stage
        if activity in touchpoints:
            counts["touchpoints"] += 1
            stage_counts[bucket]["touchpoints"] += 1
        previous = row
        if row["outcome"] == "check":
            reached_check = True
        elif not _missing(row["outcome"]):
            last_judged_outcome = row["outcome"]
    return {
        "counts": counts,
        "stage_counts": stage_counts,
        "stage_time": stage_time,
        "waits": waits,
        "last_stage": last_mapped_stage,
        "outcome": last_judged_outcome or ("check" if reached_check else None),
        "first": rows[0]["timestamp"],
        "last": rows[-1]["timestamp"],
    }


def reference_measures(events: pd.DataFrame, journey: CompiledJourney) -> Reference:
    """Totals and per-stage counts of a canonical event table, case by case."""
    stage_of, outcome_of, touchpoints, order_of, promise_of = _journey_lookup(journey)
    if events["org_unit"].notna().any():
        unit_column = "org_unit"
    elif events["resource"].notna().any():
        unit_column = "resource"
    else:
        unit_column = None
    ordered = events.sort_values(["case_id", "timestamp", "event_index"], kind="stable")
    ordered = ordered.assign(outcome=ordered["activity"].map(outcome_of))
    cases = {
        case_id: _walk_case(list(rows), unit_column, stage_of, touchpoints, order_of)
        for case_id, rows in groupby(ordered.to_dict("records"), key=itemgetter("case_id"))
    }
    waits = [wait for case in cases.values() for wait in case["waits"]]
    after = journey.ongoing_after_hours
    if after is None:
        after = float(np.percentile(waits, 95)) if waits else 0.0
    cutoff = ordered["timestamp"].max() - pd.Timedelta(hours=after)

    totals: Counter = Counter()
    stage_rows: dict[str, Counter] = defaultdict(Counter)
    stage_times: dict[str, list[float]] = defaultdict(list)
    kept: dict[str, list[bool]] = defaultdict(list)
    leads = []
    for case in cases.values():
        counts = case["counts"]
        totals.update(counts)
        for name in ("handoffs", "pingpongs", "back_jumps"):
            if counts[name]:
                totals[f"{name}_cases"] += 1
        if counts["self_loops"] + counts["repetitions"]:
            totals["rework_cases"] += 1
        for stage, stage_counts in case["stage_counts"].items():
            stage_rows[stage].update(stage_counts)
            stage_rows[stage]["cases"] += 1
            stage_times[stage].append(case["stage_time"][stage])
            if promise_of.get(stage) is not None:
                kept[stage].append(case["stage_time"][stage] <= promise_of[stage])
        outcome = case["outcome"]
        if outcome is not None:
            totals[f"{outcome}_outcomes"] += 1
        elif case["last"] > cutoff:
            totals["ongoing_cases"] += 1
        else:
            totals["dropoffs"] += 1
            stage_rows[case["last_stage"] or UNMAPPED]["dropoffs"] += 1
        leads.append(_hours(case["last"], case["first"]))
    all_kept = [flag for flags in kept.values() for flag in flags]
    summary = {
        "handoffs": totals["handoffs"],
        "cases_with_handoff": totals["handoffs_cases"],
        "pingpongs": totals["pingpongs"],
        "pingpong_cases": totals["pingpongs_cases"],
        "self_loops": totals["self_loops"],
        "repetitions": totals["repetitions"],
        "repeats": totals["repeats"],
        "redos": totals["redos"],
        "rework_cases": totals["rework_cases"],
        "back_jumps": totals["back_jumps"],
        "back_jump_cases": totals["back_jumps_cases"],
        "touchpoints": totals["touchpoints"],
        "dropoffs": totals["dropoffs"],
        "ongoing_cases": totals["ongoing_cases"],
        "good_outcomes": totals["good_outcomes"],
        "bad_outcomes": totals["bad_outcomes"],
        "check_outcomes": totals["check_outcomes"],
        "lead_time_hours_median": float(np.median(leads)),
        "handoffs_per_case": totals["handoffs"] / len(cases),
        "promises_kept_share": sum(all_kept) / len(all_kept) if all_kept else None,
    }
    stages = pd.DataFrame(
        [
            {
                "stage": stage,
                **{name: stage_rows[stage][name] for name in STAGE_COUNTS},
                "time_in_stage_hours_median": float(np.median(stage_times[stage]))
                if stage_times[stage]
                else None,
                "promise_kept_share": sum(kept[stage]) / len(kept[stage]) if kept[stage] else None,
            }
            for stage in stage_rows
        ]
    )
    return Reference(totals=summary, stages=stages)
