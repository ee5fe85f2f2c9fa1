"""The service blueprint table (one DuckDB query over the events) and its picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from audit.errors import AuditInputError
from audit.io.schema import CANONICAL_SCHEMA
from audit.process.blueprint import blueprint_svg, blueprint_table

from .permit import A, C, D, S, X

SVG = "{http://www.w3.org/2000/svg}"


def events(rows: list[tuple[str, str, str | None, str | None]]) -> pa.Table:
    """Canonical events from (case, activity, resource, org unit), an hour apart."""
    start = datetime(2024, 3, 1, 9)
    return pa.Table.from_pylist(
        [
            {
                "case_id": case,
                "activity": activity,
                "timestamp": start + timedelta(hours=index),
                "start_timestamp": None,
                "resource": resource,
                "org_unit": unit,
                "channel": None,
                "event_index": index,
            }
            for index, (case, activity, resource, unit) in enumerate(rows)
        ],
        schema=CANONICAL_SCHEMA,
    )


LOG = events(
    [
        ("1", S, "Ann", "Desk"),
        ("1", C, "Bo", "Back office"),
        ("1", A, "Bo", "Back office"),
        ("1", D, "Ann", "Desk"),
        ("2", S, "Ann", "Desk"),
        ("2", C, "Bo", "Back office"),
        ("2", C, "Cy", "Legal"),
        ("2", X, None, None),
    ]
)


@pytest.fixture
def journey_activities() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "activity": [S, C, A, D, X],
            "stage": ["Apply", "Review", "Decide", "Decide", None],
            "is_touchpoint": [True, False, False, True, False],
        }
    )


@pytest.fixture
def journey_stages() -> pd.DataFrame:
    return pd.DataFrame({"stage": ["Apply", "Review", "Decide"], "order": [1, 2, 3]})


def rows(table: pd.DataFrame) -> list[tuple]:
    return [tuple(row) for row in table.itertuples(index=False)]


def test_lanes_by_hand(journey_activities, journey_stages):
    # backstage events per unit: Back office 3 (C, A), Legal 1 (C), no unit 1 (X);
    # the tie between Legal and "(no unit)" goes by name
    table = blueprint_table(LOG, journey_activities, journey_stages)
    assert list(table.columns) == [
        "lane_kind", "lane", "lane_order", "stage", "stage_order", "activity", "events",
    ]  # fmt: skip
    assert rows(table) == [
        ("frontstage", "frontstage", 0, "Apply", 1, S, 2),
        ("frontstage", "frontstage", 0, "Decide", 3, D, 1),
        ("backstage", "Back office", 1, "Review", 2, C, 2),
        ("backstage", "Back office", 1, "Decide", 3, A, 1),
        ("backstage", "(no unit)", 2, "(unmapped)", 4, X, 1),
        ("backstage", "Legal", 3, "Review", 2, C, 1),
    ]


def test_small_units_share_one_lane_and_resources_stand_in(journey_activities, journey_stages):
    table = blueprint_table(LOG, journey_activities, journey_stages, max_lanes=1)
    assert rows(table)[2:] == [
        ("backstage", "Back office", 1, "Review", 2, C, 2),
        ("backstage", "Back office", 1, "Decide", 3, A, 1),
        ("backstage", "(other units)", 2, "Review", 2, C, 1),
        ("backstage", "(other units)", 2, "(unmapped)", 4, X, 1),
    ]
    by_resource = blueprint_table(LOG, journey_activities, journey_stages, "resource")
    assert set(by_resource["lane"]) == {"frontstage", "Bo", "Cy", "(no unit)"}
    nobody = blueprint_table(LOG, journey_activities, journey_stages, None)
    assert set(nobody["lane"]) == {"frontstage", "(no unit)"}


def test_query_runs_on_the_audit_connection(journey_activities, journey_stages):
    with duckdb.connect() as con:
        con.register("events", LOG)
        table = blueprint_table(con, journey_activities, journey_stages)
        assert len(table) == 6
        # the helper tables are gone again; the connection is left as it was
        names = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        views = {row[0] for row in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        assert not {"blueprint_activities", "blueprint_stages"} & (names | views)


def test_unknown_unit_column_is_a_clear_error(journey_activities, journey_stages):
    with pytest.raises(AuditInputError, match="unknown unit column 'channel'"):
        blueprint_table(LOG, journey_activities, journey_stages, "channel")


def test_svg_has_stages_lanes_and_the_line(journey_activities, journey_stages):
    stages = pd.concat(
        [journey_stages, pd.DataFrame({"stage": ["Receive"], "order": [4]})], ignore_index=True
    )
    table = blueprint_table(LOG, journey_activities, stages)
    root = ET.fromstring(blueprint_svg(table, stages))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    # every stage has a column, "Receive" too although no case reached it
    for word in (
        "Apply",
        "Review",
        "Decide",
        "Receive",
        "not in journey",
        "line of visibility",
        "customer",
        "Back office",
        "Legal",
        "(no unit)",
        f"{S} · 2",
        f"{C} · 2",
    ):
        assert word in texts, word  # fmt: skip
    assert texts.index("Back office") < texts.index("Legal")


def test_svg_in_finnish_escapes_hostile_units(journey_activities, journey_stages):
    hostile = events([("1", S, "Ann", "<script>alert(1)</script>"), ("1", C, "Bo", "<img>")])
    table = blueprint_table(hostile, journey_activities, journey_stages)
    document = blueprint_svg(table, journey_stages, language="fi")
    assert "<script>" not in document and "<img>" not in document
    texts = [t.text for t in ET.fromstring(document).iter(f"{SVG}text")]
    assert "<img>" in texts and "näkyvyyden raja" in texts
