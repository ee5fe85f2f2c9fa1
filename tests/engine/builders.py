"""Build small hand-made event logs and compiled journeys for the engine tests.

Times are given in hours after T0 (2024-01-01 00:00) so that every expected number in a
test can be worked out by hand from the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd
import pyarrow as pa

from audit.io.schema import CANONICAL_SCHEMA
from audit.journey.compiled import CompiledJourney

T0 = datetime(2024, 1, 1)


def at(hours: float) -> datetime:
    """The moment `hours` after T0."""
    return T0 + timedelta(hours=hours)


@dataclass(frozen=True)
class Ev:
    """One event of a hand-made log; `start` and `hour` are hours after T0."""

    case: str
    activity: str
    hour: float
    start: float | None = None
    resource: str | None = None
    unit: str | None = None
    channel: str | None = None
    customer: str | None = None


def events_table(events: list[Ev], attributes: dict[str, list] | None = None) -> pa.Table:
    """The events in the canonical schema; event_index is the position in the list."""
    table = pa.Table.from_pylist(
        [
            {
                "case_id": e.case,
                "activity": e.activity,
                "timestamp": at(e.hour),
                "start_timestamp": at(e.start) if e.start is not None else None,
                "resource": e.resource,
                "org_unit": e.unit,
                "channel": e.channel,
                "customer_id": e.customer,
                "event_index": i,
            }
            for i, e in enumerate(events)
        ],
        schema=CANONICAL_SCHEMA,
    )
    for name, values in (attributes or {}).items():
        table = table.append_column(name, pa.array(values))
    return table


def journey(
    stages: list[tuple[str, float | None]],
    stage_of: dict[str, str | None],
    *,
    touchpoints: frozenset[str] = frozenset(),
    outcomes: dict[str, str] | None = None,
    ongoing_after_hours: float | None = 1000.0,
    survey: dict[str, str] | None = None,
) -> CompiledJourney:
    """A compiled journey: stages in order with promises, each activity's stage (None =
    unmapped), touchpoints and outcome activities."""
    order = {name: i + 1 for i, (name, _) in enumerate(stages)}
    outcomes = outcomes or {}
    return CompiledJourney(
        name="test journey",
        stages=pd.DataFrame(
            {
                "stage": [name for name, _ in stages],
                "stage_order": [order[name] for name, _ in stages],
                "promise_hours": [promise for _, promise in stages],
                "description": ["" for _ in stages],
            }
        ),
        activities=pd.DataFrame(
            {
                "activity": list(stage_of),
                "stage": list(stage_of.values()),
                "stage_order": [order.get(s) if s else None for s in stage_of.values()],
                "is_touchpoint": [a in touchpoints for a in stage_of],
                "touchpoint_channel": [None for _ in stage_of],
                "outcome": [outcomes.get(a) for a in stage_of],
            }
        ),
        unmapped=[a for a, s in stage_of.items() if s is None],
        survey=survey or {},
        ongoing_after_hours=ongoing_after_hours,
    )
