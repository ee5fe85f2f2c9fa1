"""The engine's conformance agrees with the plain case-by-case calculation
(tests/engine/conformance_reference.py) on a generated log of random stage paths, with
required touchpoints, an allowed skip, back-jumps, drop-offs and ongoing cases."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd
import pyarrow as pa

from audit.engine import measure_table
from audit.io.schema import CANONICAL_SCHEMA
from audit.journey.compile import compile_journey
from audit.journey.yaml_io import parse_journey

from .builders import T0
from .conformance_reference import reference_deviations

MAP = """
journey: Random paths
ongoing_after: 200h
allowed_skips: [S3]
stages:
  - {name: S1, activities: ["S1 *"], required: [S1 a]}
  - {name: S2, activities: ["S2 *"], required: ["S2 a", "re:^S2 [bc]$"]}
  - {name: S3, activities: ["S3 *"]}
  - {name: S4, activities: ["S4 *"], required: [S4 c]}
  - {name: S5, activities: ["S5 *"]}
outcomes: {good: [S5 c], bad: [S4 b]}
"""


def _random_log(cases: int, seed: int) -> pa.Table:
    """Cases of 1-12 events; each event's stage mostly moves forward by 0-2 stages, now and
    then back; a few events are unmapped. Whole hours make ties, broken by event_index."""
    rng = np.random.default_rng(seed)
    rows = []
    for case in range(cases):
        stage = int(rng.integers(1, 4))
        hour = int(rng.integers(0, 2000))
        for _ in range(int(rng.integers(1, 13))):
            if rng.random() < 0.05:
                activity = "Unmapped"
            else:
                activity = f"S{stage} {'abc'[int(rng.integers(0, 3))]}"
            rows.append((f"c{case:04d}", activity, T0 + timedelta(hours=hour)))
            hour += int(rng.integers(0, 3))
            step = int(rng.choice([-2, -1, 0, 1, 1, 2]))
            stage = min(5, max(1, stage + step))
    return pa.Table.from_pylist(
        [
            {"case_id": c, "activity": a, "timestamp": t, "event_index": i}
            for i, (c, a, t) in enumerate(rows)
        ],
        schema=CANONICAL_SCHEMA,
    )


def test_generated_log_agrees_with_reference():
    events = _random_log(1500, seed=5)
    activities = set(events.column("activity").to_pylist())
    journey = compile_journey(parse_journey(MAP), activities)
    measures = measure_table(events, journey)
    status = dict(zip(measures.cases["case_id"], measures.cases["status"], strict=True))
    expected = reference_deviations(events.to_pandas(), journey, status)
    got = measures.conformance.deviations
    engine = [
        (row.case_id, row.kind, row.stage, None if pd.isna(row.detail) else row.detail, row.count)
        for row in got.itertuples()
    ]
    assert engine == expected
    kinds = {row[1] for row in expected}
    assert kinds == {"skipped", "out_of_order", "touchpoint_missing"}
    deviating = len({row[0] for row in expected})
    totals = measures.conformance.totals
    assert totals["conforming_cases"] == totals["cases"] - deviating
    assert set(measures.cases["status"]) >= {"ongoing", "dropoff", "good", "bad"}
