"""Conformance computed the plain way, case by case in pandas and Python, independently of
the engine's window functions and joins, to check the engine on generated logs."""

from __future__ import annotations

import pandas as pd

from audit.journey.compiled import CompiledJourney


def reference_deviations(
    events: pd.DataFrame, journey: CompiledJourney, status: dict[str, str]
) -> list[tuple]:
    """(case_id, kind, stage, detail, count) for every deviation, sorted.

    events: the canonical columns case_id, activity, timestamp, event_index.
    status: each case's status (from the case table; it decides whether the last stage of
    an ongoing case or a drop-off is checked for required touchpoints).
    """
    stages = dict(zip(journey.activities["activity"], journey.activities["stage"], strict=True))
    order = dict(zip(journey.stages["stage"], journey.stages["stage_order"], strict=True))
    name = {number: stage for stage, number in order.items()}
    required: dict[str, dict[str, set[str]]] = {}
    for row in journey.required.itertuples():
        required.setdefault(row.stage, {}).setdefault(row.requirement, set()).add(row.activity)
    rows = []
    for case, group in events.sort_values(["case_id", "timestamp", "event_index"]).groupby(
        "case_id"
    ):
        path = [(stages[a], a) for a in group["activity"] if pd.notna(stages[a])]
        if not path:
            continue
        reached = {stage for stage, _ in path}
        orders = sorted(order[stage] for stage in reached)
        for number in range(orders[0] + 1, orders[-1]):
            if name[number] not in reached and name[number] not in journey.allowed_skips:
                rows.append((case, "skipped", name[number], None, 1))
        entries: dict[str, list[int]] = {}
        highest = 0
        for index, (stage, _) in enumerate(path):
            entering = index == 0 or path[index - 1][0] != stage
            if entering and order[stage] < highest:
                entries.setdefault(stage, []).append(highest)
            highest = max(highest, order[stage])
        rows += [
            (case, "out_of_order", stage, name[max(before)], len(before))
            for stage, before in entries.items()
        ]
        last = path[-1][0]
        for stage in reached:
            if stage == last and status[case] in ("ongoing", "dropoff"):
                continue
            done = {activity for s, activity in path if s == stage}
            rows += [
                (case, "touchpoint_missing", stage, requirement, 1)
                for requirement, activities in required.get(stage, {}).items()
                if not done & activities
            ]
    return sorted(rows, key=lambda row: (row[0], order[row[2]], row[1]))
