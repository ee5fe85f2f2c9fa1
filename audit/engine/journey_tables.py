"""Hand the compiled journey to DuckDB as two tables the engine joins.

The journey frames come from people and from the drafting step, so their types vary
(NaN or None for "no stage", floats for stage orders). Converting them once to Arrow
tables with a fixed schema keeps the SQL free of such cases.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa

from audit.errors import AuditInputError
from audit.journey.compiled import CompiledJourney

STAGES_TABLE = "journey_stages"
ACTIVITIES_TABLE = "journey_activities"

_STAGES_SCHEMA = pa.schema(
    [
        pa.field("stage", pa.string(), nullable=False),
        pa.field("stage_order", pa.int32(), nullable=False),
        pa.field("promise_hours", pa.float64()),
    ]
)
_ACTIVITIES_SCHEMA = pa.schema(
    [
        pa.field("activity", pa.string(), nullable=False),
        pa.field("stage", pa.string()),
        pa.field("stage_order", pa.int32()),
        pa.field("is_touchpoint", pa.bool_(), nullable=False),
        pa.field("outcome", pa.string()),
    ]
)


def _stage_rows(journey: CompiledJourney) -> list[dict]:
    """The stages as plain rows, checked for unique names and orders."""
    rows = [
        {
            "stage": str(row["stage"]),
            "stage_order": int(row["stage_order"]),
            "promise_hours": float(row["promise_hours"])
            if pd.notna(row.get("promise_hours"))
            else None,
        }
        for row in journey.stages.to_dict("records")
    ]
    for key, what in (("stage", "stage"), ("stage_order", "stage order")):
        values = [row[key] for row in rows]
        duplicates = sorted({value for value in values if values.count(value) > 1})
        if duplicates:
            raise AuditInputError(
                f"{what} {duplicates[0]!r} appears more than once",
                source=f"journey map {journey.name!r}",
                hint="give every stage a unique name and place in the order",
            )
    return rows


def _activity_rows(journey: CompiledJourney, stage_orders: dict[str, int]) -> list[dict]:
    """The activities as plain rows, each stage checked against the stage list."""
    rows = []
    for row in journey.activities.to_dict("records"):
        stage = str(row["stage"]) if pd.notna(row.get("stage")) else None
        if stage is not None and stage not in stage_orders:
            raise AuditInputError(
                f"activity {row['activity']!r} belongs to unknown stage {stage!r}",
                source=f"journey map {journey.name!r}",
                hint="use one of the stages: " + ", ".join(stage_orders),
            )
        outcome = row.get("outcome") if pd.notna(row.get("outcome")) else None
        rows.append(
            {
                "activity": str(row["activity"]),
                "stage": stage,
                "stage_order": stage_orders.get(stage) if stage else None,
                "is_touchpoint": bool(row["is_touchpoint"])
                if pd.notna(row.get("is_touchpoint"))
                else False,
                "outcome": str(outcome) if outcome is not None else None,
            }
        )
    names = [row["activity"] for row in rows]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise AuditInputError(
            f"activity {duplicates[0]!r} is listed more than once in the compiled journey",
            source=f"journey map {journey.name!r}",
            hint="each activity may belong to one stage only",
        )
    return rows


def register_journey(con: duckdb.DuckDBPyConnection, journey: CompiledJourney) -> None:
    """Register `journey_stages` and `journey_activities` in the connection.

    The stage order of an activity is taken from the stage list, so the two tables can
    never disagree.
    """
    stages = _stage_rows(journey)
    orders = {row["stage"]: row["stage_order"] for row in stages}
    activities = _activity_rows(journey, orders)
    con.register(STAGES_TABLE, pa.Table.from_pylist(stages, schema=_STAGES_SCHEMA))
    con.register(ACTIVITIES_TABLE, pa.Table.from_pylist(activities, schema=_ACTIVITIES_SCHEMA))
