"""Compare the engine's Measures with the independent plain-pandas Reference."""

from __future__ import annotations

import math

import pandas as pd

from audit.engine import Measures

from .reference import STAGE_COUNTS, Reference

STAGE_VALUES = ["time_in_stage_hours_median", "promise_kept_share"]


def _same(left, right) -> bool:
    """Equal counts, or floats equal up to rounding in the last digits; None/NaN alike."""
    if left is None or right is None or (isinstance(left, float) and math.isnan(left)):
        return (left is None or math.isnan(left)) and (right is None or math.isnan(right))
    return math.isclose(float(left), float(right), rel_tol=1e-9, abs_tol=1e-9)


def assert_agrees(measures: Measures, reference: Reference) -> None:
    """Every total and every per-stage count of the engine equals the reference's."""
    differing = {
        name: (measures.totals[name], expected)
        for name, expected in reference.totals.items()
        if not _same(measures.totals[name], expected)
    }
    assert not differing, f"totals differ (engine, reference): {differing}"
    engine = measures.stages.set_index("stage")
    engine = engine[engine["cases"] > 0]
    plain = reference.stages.set_index("stage")
    assert sorted(engine.index) == sorted(plain.index)
    for stage in plain.index:
        for name in STAGE_COUNTS + STAGE_VALUES:
            got, expected = engine.loc[stage, name], plain.loc[stage, name]
            got = None if pd.isna(got) else got
            expected = None if pd.isna(expected) else expected
            assert _same(got, expected), f"{stage} {name}: engine {got}, reference {expected}"
