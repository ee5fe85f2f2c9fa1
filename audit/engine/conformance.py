"""Conformance to the designed journey: which cases went the way the journey map designs.

The stage order of the journey map is the design; the map may also name `required`
touchpoints per stage and `allowed_skips`. Definitions (docs/measures.md, "Conformance to
the designed journey"):

- A case **reached** a stage when at least one of its events is mapped to it.
- **Stage skipped**: a stage whose order lies strictly between the lowest and the highest
  stage order the case reached, that the case never entered, and that is not an allowed
  skip. Stages before the lowest (the export may begin mid-journey) and after the highest
  (a drop-off or an ongoing case never got there) are never skips.
- **Stage entered out of order**: a mapped event whose stage differs from that of the
  case's previous mapped event (it enters the stage) and whose order is lower than the
  highest stage the case had entered before. Every back-jump is such an entry; an entry
  above the previous stage but below the highest one (1, 3, 1, 2: the 2) is one too.
- **Required touchpoint missing**: the case reached the stage but no event of the entry's
  activities happened in it. A case that is ongoing or dropped off is not blamed at its
  last stage, where it stopped (or may still get the touchpoint).
- A case **conforms** when it has none of these deviations.

Everything is one statement over `steps`, `case_stages` and `cases` in the connection
`measure` built (window functions, joins on small journey tables), so it runs on the
large-log path too.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import pyarrow as pa

from audit.engine.cases import CASE_STAGES_TABLE, CASES_TABLE
from audit.engine.journey_tables import STAGES_TABLE
from audit.engine.sql import fetch_frame, fetch_large_frame, fetch_row, quote
from audit.engine.steps import CASE_NUMBERS_TABLE, STEPS_TABLE
from audit.journey.compiled import CompiledJourney

DEVIATIONS_TABLE = "conformance_deviations"
REQUIRED_TABLE = "journey_required"
SKIPPABLE_TABLE = "journey_allowed_skips"

DEVIATION_KINDS: tuple[str, ...] = ("skipped", "out_of_order", "touchpoint_missing")
"""The kinds of deviation from the designed journey."""

DEVIATION_COLUMNS: tuple[str, ...] = ("case_id", "kind", "stage", "order", "detail", "count")
"""Columns of the per-case deviation table: detail is the highest stage entered before
(out_of_order) or the required entry as written (touchpoint_missing); count is how many
times the case entered the stage out of order (1 for the other kinds)."""

STAGE_COLUMNS: tuple[str, ...] = (
    "stage",
    "order",
    "cases",
    "skipped",
    "out_of_order",
    "touchpoint_missing",
)
"""Columns of the per-stage table: cases that reached the stage, and cases with each kind
of deviation there."""


@dataclass
class ConformanceMeasures:
    """Conformance of one audit to its designed journey.

    totals: cases, conforming_cases, conforming_cases_share (None without cases),
        cases_skipped, cases_out_of_order, cases_touchpoint_missing (cases with at least
        one deviation of the kind), required_touchpoints (entries in the map that match an
        activity), allowed_skips (stage names).
    stages: STAGE_COLUMNS, one row per journey stage in order.
    deviations: DEVIATION_COLUMNS, one row per case and deviation, by case and stage order.
    """

    totals: dict
    stages: pd.DataFrame
    deviations: pd.DataFrame


def register_design(con: duckdb.DuckDBPyConnection, journey: CompiledJourney) -> None:
    """Register the required touchpoints and the allowed skips as two small tables."""
    required = journey.required
    con.register(
        REQUIRED_TABLE,
        pa.table(
            {
                "stage_order": pa.array(required["stage_order"].astype("int64"), pa.int32()),
                "requirement": pa.array(required["requirement"].astype(str), pa.string()),
                "activity": pa.array(required["activity"].astype(str), pa.string()),
            }
        ),
    )
    orders = dict(zip(journey.stages["stage"], journey.stages["stage_order"], strict=True))
    skips = [int(orders[name]) for name in journey.allowed_skips]
    con.register(SKIPPABLE_TABLE, pa.table({"stage_order": pa.array(skips, pa.int32())}))


def build_deviations(con: duckdb.DuckDBPyConnection) -> None:
    """Create `conformance_deviations` (DEVIATION_COLUMNS plus case_no). Needs `steps`,
    `case_stages`, `cases` and the design tables (`register_design`)."""
    con.execute(f"""
        CREATE OR REPLACE TABLE {DEVIATIONS_TABLE} AS
        WITH reached AS (
            SELECT case_no, case_id, "order" AS stage_order
            FROM {CASE_STAGES_TABLE}
            WHERE "order" IS NOT NULL
        ),
        span AS (
            SELECT case_no, case_id, min(stage_order) AS lowest, max(stage_order) AS highest
            FROM reached
            GROUP BY case_no, case_id
        ),
        skipped AS (
            SELECT p.case_no, p.case_id, s.stage_order, NULL::VARCHAR AS detail, 1 AS count
            FROM span AS p
            JOIN {STAGES_TABLE} AS s
              ON s.stage_order > p.lowest AND s.stage_order < p.highest
            WHERE NOT EXISTS (SELECT 1 FROM reached AS r
                              WHERE r.case_no = p.case_no AND r.stage_order = s.stage_order)
              AND s.stage_order NOT IN (SELECT stage_order FROM {SKIPPABLE_TABLE})
        ),
        mapped AS (
            SELECT case_no, stage_order,
                   lag(stage_order) OVER in_case AS previous_order,
                   max(stage_order) OVER (in_case ROWS BETWEEN UNBOUNDED PRECEDING
                                                       AND 1 PRECEDING) AS highest_before
            FROM {STEPS_TABLE}
            WHERE stage_order IS NOT NULL
            WINDOW in_case AS (PARTITION BY case_no ORDER BY position)
        ),
        out_of_order AS (
            SELECT m.case_no, n.case_id, m.stage_order, h.stage AS detail, m.count
            FROM (SELECT case_no, stage_order, max(highest_before) AS highest,
                         count(*) AS count
                  FROM mapped
                  WHERE stage_order <> previous_order AND stage_order < highest_before
                  GROUP BY case_no, stage_order) AS m
            JOIN {CASE_NUMBERS_TABLE} AS n USING (case_no)
            JOIN {STAGES_TABLE} AS h ON h.stage_order = m.highest
        ),
        requirements AS (
            SELECT DISTINCT stage_order, requirement FROM {REQUIRED_TABLE}
        ),
        met AS (
            SELECT DISTINCT t.case_no, q.stage_order, q.requirement
            FROM {STEPS_TABLE} AS t
            JOIN {REQUIRED_TABLE} AS q
              ON q.activity = CAST(t.activity AS VARCHAR) AND q.stage_order = t.stage_order
        ),
        missing AS (
            SELECT r.case_no, r.case_id, r.stage_order, q.requirement AS detail, 1 AS count
            FROM reached AS r
            JOIN requirements AS q USING (stage_order)
            JOIN {CASES_TABLE} AS c USING (case_id)
            WHERE NOT (c.status IN ('ongoing', 'dropoff')
                       AND c.last_stage_order = r.stage_order)
              AND NOT EXISTS (SELECT 1 FROM met
                              WHERE met.case_no = r.case_no
                                AND met.stage_order = r.stage_order
                                AND met.requirement = q.requirement)
        ),
        deviations AS (
            SELECT *, 'skipped' AS kind FROM skipped
            UNION ALL SELECT *, 'out_of_order' AS kind FROM out_of_order
            UNION ALL SELECT *, 'touchpoint_missing' AS kind FROM missing
        )
        SELECT d.case_id, d.kind, s.stage, d.stage_order AS "order", d.detail,
               CAST(d.count AS BIGINT) AS count, d.case_no
        FROM deviations AS d
        JOIN {STAGES_TABLE} AS s USING (stage_order)
    """)


def conformance_measures(
    con: duckdb.DuckDBPyConnection, journey: CompiledJourney
) -> ConformanceMeasures:
    """Conformance of every case in the `cases` table to the journey's design."""
    register_design(con, journey)
    build_deviations(con)
    row = fetch_row(
        con,
        f"""
        WITH per_case AS (
            SELECT case_no,
                   bool_or(kind = 'skipped') AS skipped,
                   bool_or(kind = 'out_of_order') AS out_of_order,
                   bool_or(kind = 'touchpoint_missing') AS touchpoint_missing
            FROM {DEVIATIONS_TABLE}
            GROUP BY case_no
        )
        SELECT (SELECT count(*) FROM {CASES_TABLE}) AS cases,
               count(*) AS deviating_cases,
               count(*) FILTER (WHERE skipped) AS cases_skipped,
               count(*) FILTER (WHERE out_of_order) AS cases_out_of_order,
               count(*) FILTER (WHERE touchpoint_missing) AS cases_touchpoint_missing
        FROM per_case
        """,
    )
    cases = int(row["cases"])
    conforming = cases - int(row["deviating_cases"])
    totals = {
        "cases": cases,
        "conforming_cases": conforming,
        "conforming_cases_share": conforming / cases if cases else None,
        "cases_skipped": int(row["cases_skipped"]),
        "cases_out_of_order": int(row["cases_out_of_order"]),
        "cases_touchpoint_missing": int(row["cases_touchpoint_missing"]),
        "required_touchpoints": int(journey.required["requirement"].nunique())
        if len(journey.required)
        else 0,
        "allowed_skips": list(journey.allowed_skips),
    }
    stages = fetch_frame(
        con,
        f"""
        WITH reached AS (
            SELECT "order" AS stage_order, count(*) AS cases
            FROM {CASE_STAGES_TABLE}
            WHERE "order" IS NOT NULL
            GROUP BY "order"
        ),
        kinds AS (
            SELECT "order" AS stage_order,
                   count(DISTINCT case_no) FILTER (WHERE kind = 'skipped') AS skipped,
                   count(DISTINCT case_no) FILTER (WHERE kind = 'out_of_order') AS out_of_order,
                   count(DISTINCT case_no) FILTER (WHERE kind = 'touchpoint_missing')
                       AS touchpoint_missing
            FROM {DEVIATIONS_TABLE}
            GROUP BY "order"
        )
        SELECT s.stage, s.stage_order AS "order",
               CAST(coalesce(r.cases, 0) AS BIGINT) AS cases,
               CAST(coalesce(k.skipped, 0) AS BIGINT) AS skipped,
               CAST(coalesce(k.out_of_order, 0) AS BIGINT) AS out_of_order,
               CAST(coalesce(k.touchpoint_missing, 0) AS BIGINT) AS touchpoint_missing
        FROM {STAGES_TABLE} AS s
        LEFT JOIN reached AS r USING (stage_order)
        LEFT JOIN kinds AS k USING (stage_order)
        ORDER BY s.stage_order
        """,
    )
    deviations = fetch_large_frame(
        con,
        f"SELECT {', '.join(map(quote, DEVIATION_COLUMNS))} FROM {DEVIATIONS_TABLE} "
        f'ORDER BY case_id, "order", kind',
    )
    return ConformanceMeasures(totals=totals, stages=stages, deviations=deviations)
