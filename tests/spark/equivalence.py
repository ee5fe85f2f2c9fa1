"""Measure one event table on DuckDB and on Spark, and require the same numbers."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import pyarrow as pa

from audit.engine import measure, measure_table
from audit.engine.result import Measures
from audit.engine.spark import SparkConnection
from audit.engine.steps import EVENTS_VIEW
from audit.journey.compiled import CompiledJourney

TOLERANCE = 1e-9
COMPARED_TABLES = ("stages", "handoff_pairs", "pingpong_pairs", "back_jumps", "cases")
"""The tables the issue names (besides the totals), compared row by row."""


def measure_on_spark(
    connect: Callable[[], SparkConnection], events: pa.Table, journey: CompiledJourney
) -> Measures:
    """Every measure of `events`, computed by the Spark engine."""
    con = connect()
    try:
        con.register(EVENTS_VIEW, events)
        return measure(con, journey)
    finally:
        con.close()


def assert_same_value(name: str, duck: object, spark: object) -> None:
    """Equal, floats to TOLERANCE, and of the same kind (an int stays an int)."""
    if isinstance(duck, float) and isinstance(spark, float):
        assert math.isclose(duck, spark, rel_tol=TOLERANCE, abs_tol=TOLERANCE) or (
            math.isnan(duck) and math.isnan(spark)
        ), f"{name}: DuckDB {duck!r}, Spark {spark!r}"
    else:
        assert type(duck) is type(spark) and duck == spark, (
            f"{name}: DuckDB {duck!r}, Spark {spark!r}"
        )


def assert_same_json(path: str, duck: object, spark: object) -> None:
    """Two JSON documents are equal, floats to TOLERANCE."""
    if isinstance(duck, dict) and isinstance(spark, dict):
        assert duck.keys() == spark.keys(), path
        for key, value in duck.items():
            assert_same_json(f"{path}.{key}", value, spark[key])
    elif isinstance(duck, list) and isinstance(spark, list):
        assert len(duck) == len(spark), path
        for index, (left, right) in enumerate(zip(duck, spark, strict=True)):
            assert_same_json(f"{path}[{index}]", left, right)
    else:
        assert_same_value(path, duck, spark)


def assert_same_measures(duck: Measures, spark: Measures) -> None:
    """Totals and the compared tables of the two engines agree (dtypes, order, values)."""
    assert duck.totals.keys() == spark.totals.keys()
    for name, value in duck.totals.items():
        assert_same_value(f"totals.{name}", value, spark.totals[name])
    for name in COMPARED_TABLES:
        pd.testing.assert_frame_equal(
            getattr(duck, name),
            getattr(spark, name),
            check_exact=False,
            rtol=TOLERANCE,
            atol=TOLERANCE,
            obj=name,
        )


def assert_engines_agree(
    connect: Callable[[], SparkConnection], events: pa.Table, journey: CompiledJourney
) -> Measures:
    """Measure on both engines, require agreement, and return DuckDB's measures."""
    duck = measure_table(events, journey)
    assert_same_measures(duck, measure_on_spark(connect, events, journey))
    return duck
