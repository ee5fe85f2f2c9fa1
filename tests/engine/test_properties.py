"""Invariants of the measures on random small logs (hypothesis)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.engine import case_steps, measure, measure_table

from .agreement import assert_agrees
from .builders import Ev, events_table, journey
from .reference import reference_measures

ACTIVITIES = ("A", "B", "C", "D")
STAGES = [("S1", 5.0), ("S2", None), ("S3", 20.0)]

stage_maps = st.fixed_dictionaries(
    {name: st.sampled_from(["S1", "S2", "S3", None]) for name in ACTIVITIES}
)


@st.composite
def logs(draw, with_starts: bool) -> list[Ev]:
    """1-4 cases of 1-6 events; whole hours 0-12 so that timestamp ties are common."""
    events = []
    for case in range(draw(st.integers(1, 4))):
        for _ in range(draw(st.integers(1, 6))):
            hour = draw(st.integers(0, 12))
            start = draw(st.one_of(st.none(), st.integers(0, hour))) if with_starts else None
            events.append(
                Ev(
                    f"c{case}",
                    draw(st.sampled_from(ACTIVITIES)),
                    hour,
                    start=start,
                    resource=draw(st.sampled_from([None, "p", "q"])),
                    unit=draw(st.sampled_from([None, "X", "Y", "Z"])),
                )
            )
    return draw(st.permutations(events))


SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(events=logs(with_starts=True), stage_of=stage_maps)
def test_waits_handoffs_and_rework_stay_within_bounds(events, stage_of):
    con = duckdb.connect()
    con.register("events", events_table(events))
    measures = measure(con, journey(STAGES, stage_of))
    steps = case_steps(con, sorted({e.case for e in events}))
    assert (steps["wait_hours"].dropna() >= 0).all()
    assert (steps["work_hours"].dropna() >= 0).all()
    totals = measures.totals
    assert totals["handoffs"] <= len(events) - measures.log["cases"]
    assert totals["pingpongs"] <= totals["handoffs"]
    rework = totals["self_loops"] + totals["repetitions"]
    assert totals["repeats"] + totals["redos"] <= rework
    assert measures.stages["events"].sum() == len(events)


@SETTINGS
@given(events=logs(with_starts=False), stage_of=stage_maps)
def test_without_start_times_stage_times_add_up_to_the_lead_time(events, stage_of):
    measures = measure_table(events_table(events), journey(STAGES, stage_of))
    # the "(unmapped)" rows of case_stages hold the waits of unmapped events
    per_case = measures.case_stages.groupby("case_id")["time_in_stage_hours"].sum()
    lead = measures.cases.set_index("case_id")["lead_time_hours"]
    pd.testing.assert_series_equal(per_case.sort_index(), lead.sort_index(), check_names=False)


@SETTINGS
@given(events=logs(with_starts=True), stage_of=stage_maps, seed=st.randoms())
def test_results_do_not_depend_on_the_row_order(events, stage_of, seed):
    # Rows are shuffled but keep their event_index, so timestamp ties keep their order.
    table = events_table(events)
    order = list(range(table.num_rows))
    seed.shuffle(order)
    shuffled = table.take(pa.array(order, pa.int64()))
    compiled = journey(STAGES, stage_of)
    first, second = measure_table(table, compiled), measure_table(shuffled, compiled)
    assert first.totals == second.totals
    assert first.log == second.log
    for name in ("stages", "activities", "org_units", "cases", "case_stages", "dfg"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))
    for name in ("handoff_pairs", "pingpong_pairs", "back_jumps"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))


@SETTINGS
@given(events=logs(with_starts=True), stage_of=stage_maps)
def test_totals_agree_with_the_plain_calculation(events, stage_of):
    compiled = journey(STAGES, stage_of, ongoing_after_hours=None)
    table = events_table(events)
    assert_agrees(measure_table(table, compiled), reference_measures(table.to_pandas(), compiled))
