"""Invariants of the friction score on random stage measures (hypothesis)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.findings.friction import stage_friction
from audit.journey.compiled import FRICTION_COMPONENTS

from .builders import STAGE_COLUMNS, make_journey, make_measures

counts = st.integers(min_value=0, max_value=500)
hours = st.one_of(st.none(), st.floats(min_value=0, max_value=5000))


@st.composite
def stage_rows(draw, name: str, order: int) -> list:
    cases = draw(st.integers(min_value=0, max_value=200))
    events = draw(st.integers(min_value=cases, max_value=cases * 5 + 1))
    handoffs = draw(st.integers(min_value=0, max_value=events))
    self_loops = draw(st.integers(min_value=0, max_value=events))
    repetitions = draw(st.integers(min_value=0, max_value=events - self_loops))
    kept = draw(st.one_of(st.none(), st.floats(min_value=0, max_value=1)))
    promise = None if kept is None else 24.0
    return [
        name, order, cases, events, handoffs, draw(hours), draw(hours), draw(hours), None,
        1, 1, self_loops, repetitions, draw(counts), draw(counts),
        draw(st.integers(min_value=0, max_value=cases)), promise, kept, draw(counts),
    ]  # fmt: skip


@settings(max_examples=50, deadline=None)
@given(
    intake=stage_rows("Intake", 1),
    assessment=stage_rows("Assessment", 2),
    decision=stage_rows("Decision", 3),
    weights=st.fixed_dictionaries(
        {c: st.floats(min_value=0, max_value=10) for c in FRICTION_COMPONENTS}
    ),
)
def test_components_and_scores_stay_in_range(intake, assessment, decision, weights):
    measures = make_measures()
    measures.stages = pd.DataFrame([intake, assessment, decision], columns=STAGE_COLUMNS)
    table = stage_friction(measures, make_journey(weights))
    components = table[[c for c in FRICTION_COMPONENTS if c in table.columns]]
    assert ((components >= 0) & (components <= 1)).all().all()
    assert table["friction"].between(0, 100).all()
    # the stage with the longest p90 wait (if any wait) gets the full wait component
    if table["wait"].max() > 0:
        assert table["wait"].max() == 1.0
    # more drop-offs never lower a stage's score
    worse = measures.stages.copy()
    worse["dropoffs"] = worse["cases"]
    measures.stages = worse
    worse_table = stage_friction(measures, make_journey(weights))
    assert (worse_table["friction"] >= table["friction"] - 1e-9).all()
