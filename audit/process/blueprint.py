"""The service blueprint: who does what in each stage of the journey, seen against the line
of visibility.

Columns are the journey's stages in order (events outside every stage in a last column).
The first lane holds the customer's touchpoints (frontstage); below the line of visibility
each internal unit has a lane (backstage) listing the other activities it performs in each
stage, with their numbers of events. The unit is the org unit, or the resource when the
log has no org units (the engine's `handoff_basis` says which).

The engine's measures do not count activities per unit, so `blueprint_table` asks the
audit's DuckDB connection with one query over the `events` view (canonical schema).
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa

from audit import scratch
from audit.errors import AuditInputError
from audit.process import labels as words_table
from audit.process import svg
from audit.process.journey_map import UNMAPPED_STAGE, require_columns, stage_orders

MAX_LANES = 10
"""Units beyond this many backstage lanes (by events) share one "other units" lane."""
UNIT_COLUMNS = ("org_unit", "resource")
FRONTSTAGE, BACKSTAGE = "frontstage", "backstage"
NO_UNIT, OTHER_UNITS = "(no unit)", "(other units)"
"""Lanes for events without a unit and for the units past `max_lanes` (translated when
drawn)."""

_BLUEPRINT_SQL = """
WITH journey AS (
    SELECT activity, stage, is_touchpoint FROM blueprint_activities
),
stage_orders AS (
    SELECT stage, "order" AS stage_order FROM blueprint_stages
),
unit_events AS (
    SELECT e.activity, coalesce({unit}, $no_unit) AS unit, count(*) AS events
    FROM events AS e
    GROUP BY ALL
),
placed AS (
    SELECT
        u.activity,
        u.unit,
        u.events,
        coalesce(j.is_touchpoint, false) AS is_touchpoint,
        coalesce(s.stage, $unmapped) AS stage,
        coalesce(s.stage_order, (SELECT coalesce(max(stage_order), 0) + 1 FROM stage_orders))
            AS stage_order
    FROM unit_events AS u
    LEFT JOIN journey AS j USING (activity)
    LEFT JOIN stage_orders AS s ON s.stage = j.stage
),
unit_rank AS (
    SELECT unit, row_number() OVER (ORDER BY sum(events) DESC, unit) AS rank
    FROM placed
    WHERE NOT is_touchpoint
    GROUP BY unit
),
lanes AS (
    SELECT
        CASE WHEN p.is_touchpoint THEN $frontstage ELSE $backstage END AS lane_kind,
        CASE
            WHEN p.is_touchpoint THEN $frontstage
            WHEN r.rank <= $max_lanes THEN p.unit
            ELSE $other_units
        END AS lane,
        CASE
            WHEN p.is_touchpoint THEN 0
            WHEN r.rank <= $max_lanes THEN r.rank
            ELSE $max_lanes + 1
        END AS lane_order,
        p.stage,
        p.stage_order,
        p.activity,
        p.events
    FROM placed AS p
    LEFT JOIN unit_rank AS r USING (unit)
)
SELECT lane_kind, lane, lane_order, stage, stage_order, activity, sum(events)::BIGINT AS events
FROM lanes
GROUP BY ALL
ORDER BY lane_order, stage_order, events DESC, activity
"""


def blueprint_table(
    source: duckdb.DuckDBPyConnection | pa.Table,
    activities: pd.DataFrame,
    stages: pd.DataFrame,
    unit_column: str | None = "org_unit",
    max_lanes: int = MAX_LANES,
) -> pd.DataFrame:
    """Activities per lane and stage: lane_kind ("frontstage" or "backstage"), lane (the
    unit; "frontstage" for the touchpoint lane), lane_order (0 for touchpoints, then units
    by events), stage, stage_order, activity, events.

    source: a DuckDB connection holding the audit's `events` view, or the event table
        itself (canonical schema). activities, stages: the engine's tables (activity,
        stage, is_touchpoint; stage, order). unit_column: "org_unit", "resource", or None
        when the log has neither: the engine's `Measures.log["handoff_basis"]`.
    Events without a unit are in the lane NO_UNIT; units past `max_lanes` in OTHER_UNITS.
    """
    if unit_column is not None and unit_column not in UNIT_COLUMNS:
        raise AuditInputError(
            f"unknown unit column {unit_column!r} for the service blueprint",
            source="service blueprint",
            hint=f"use one of {', '.join(UNIT_COLUMNS)}, or None",
        )
    require_columns(activities, ("activity", "stage", "is_touchpoint"), "activities")
    orders = stage_orders(stages)
    if isinstance(source, pa.Table):
        with scratch.connect() as con:
            con.register("events", source)
            return blueprint_table(con, activities, stages, unit_column, max_lanes)
    con = source
    con.register("blueprint_activities", activities[["activity", "stage", "is_touchpoint"]])
    con.register(
        "blueprint_stages", pd.DataFrame({"stage": list(orders), "order": list(orders.values())})
    )
    try:
        return con.execute(
            _BLUEPRINT_SQL.format(unit=f"e.{unit_column}" if unit_column else "NULL"),
            {
                "no_unit": NO_UNIT,
                "unmapped": UNMAPPED_STAGE,
                "frontstage": FRONTSTAGE,
                "backstage": BACKSTAGE,
                "other_units": OTHER_UNITS,
                "max_lanes": max_lanes,
            },
        ).df()
    finally:
        con.unregister("blueprint_activities")
        con.unregister("blueprint_stages")


COLUMN_MIN = 170.0
LANE_LABEL = 170.0
HEADER = 56.0
LINE_SIZE = 14
LINE_PITCH = 19
MAX_LINES = 8
"""At most this many activities per cell; the rest are summed up as "+ n more"."""


def _lane_name(lane: str, words: dict[str, str]) -> str:
    """The name drawn for a lane key."""
    names = {
        FRONTSTAGE: words["frontstage"],
        NO_UNIT: words["no_unit"],
        OTHER_UNITS: words["other_units"],
    }
    return names.get(lane, lane)


def _cell_lines(cell: pd.DataFrame, chars: int, words, language) -> list[str]:
    """The text lines of one cell: "activity · events", most frequent first."""
    lines = []
    for row in cell.head(MAX_LINES).itertuples():
        count = words_table.number(row.events, language)
        name = str(row.activity)
        room = max(4, chars - len(count) - 3)
        if len(name) > room:
            name = name[: room - 1] + "…"
        lines.append(f"{name} · {count}")
    if len(cell) > MAX_LINES:
        lines.append(f"+ {len(cell) - MAX_LINES} {words['more']}")
    return lines


def blueprint_svg(
    table: pd.DataFrame,
    stages: pd.DataFrame,
    language: str = "en",
    labels: dict[str, str] | None = None,
) -> str:
    """The service blueprint (from `blueprint_table`) as one self-contained SVG string.

    stages: the engine's stage table; every stage gets a column, even one no case reached,
    so the whole journey is always in view.
    """
    words = words_table.words(language, labels)
    orders = stage_orders(stages)
    stage_list = sorted(orders, key=orders.get)
    if UNMAPPED_STAGE in set(table["stage"]):
        stage_list.append(UNMAPPED_STAGE)
    lanes = table[["lane", "lane_order", "lane_kind"]].drop_duplicates().sort_values("lane_order")
    if FRONTSTAGE not in set(lanes["lane"]):
        front = pd.DataFrame([{"lane": FRONTSTAGE, "lane_order": 0, "lane_kind": FRONTSTAGE}])
        lanes = pd.concat([front, lanes], ignore_index=True)
    column_width = max(COLUMN_MIN, (svg.DISPLAY_WIDTH - LANE_LABEL) / max(len(stage_list), 1))
    chars = int((column_width - 16) / (LINE_SIZE * svg.CHAR_WIDTH))
    width = LANE_LABEL + column_width * len(stage_list)
    cells = {key: cell for key, cell in table.groupby(["lane", "stage"], sort=False)}
    body: list[str] = []
    y = HEADER
    for index, stage in enumerate(stage_list):
        x = LANE_LABEL + index * column_width
        name = stage if stage != UNMAPPED_STAGE else words["unmapped"]
        for number, line in enumerate(svg.wrap(name, column_width - 16, 17)):
            body.append(
                svg.text(
                    x + column_width / 2,
                    20 + number * 20,
                    line,
                    size=17,
                    weight="bold",
                    italic=stage == UNMAPPED_STAGE,
                )
            )
    for lane in lanes.itertuples():
        texts = {
            stage: _cell_lines(cells.get((lane.lane, stage), table.head(0)), chars, words, language)
            for stage in stage_list
        }
        height = max(2, max(len(lines) for lines in texts.values())) * LINE_PITCH + 18
        front = lane.lane_kind == FRONTSTAGE
        fill = "#fff1e0" if front else "#e6f0fb" if lane.lane_order % 2 else "#f3f7fc"
        body.append(
            f'<rect x="0" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
            f'fill="{fill}" stroke="#cbd5e0"/>'
        )
        for number, line in enumerate(svg.wrap(_lane_name(lane.lane, words), LANE_LABEL - 16, 15)):
            body.append(
                svg.text(
                    10,
                    y + 18 + number * 18,
                    line,
                    size=15,
                    anchor="start",
                    weight="bold",
                    fill="#c05621" if front else "#2b6cb0",
                )
            )
        for index, stage in enumerate(stage_list):
            x = LANE_LABEL + index * column_width
            for number, line in enumerate(texts[stage]):
                body.append(
                    svg.text(
                        x + 8, y + 18 + number * LINE_PITCH, line, size=LINE_SIZE, anchor="start"
                    )
                )
        y += height
        if front:
            body.append(
                f'<line x1="0" y1="{y:.1f}" x2="{width:.1f}" y2="{y:.1f}" stroke="#2d3748" '
                f'stroke-width="3" stroke-dasharray="14 8"/>'
            )
            body.append(
                svg.text(
                    width - 10,
                    y + 12,
                    words["line_of_visibility"],
                    size=13,
                    anchor="end",
                    italic=True,
                    halo=True,
                )
            )
            y += 24
    for index in range(len(stage_list)):
        x = LANE_LABEL + index * column_width
        body.append(
            f'<line x1="{x:.1f}" y1="{HEADER - 8:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="#a0aec0" stroke-width="1"/>'
        )
    return svg.document(width, y + 10, body, words["blueprint_title"])
