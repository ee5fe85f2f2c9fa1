"""The promise calibrator: the stage percentiles and the promise <-> share answers against a
plain calculation, on a hand-made log and on a real one."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from audit.engine.measure import measure
from audit.engine.promises import promise_for_share, promise_kept_share, promise_percentiles
from audit.engine.segments import segment_measures
from audit.engine.steps import EVENTS_VIEW
from audit.errors import AuditInputError
from audit.io import read_log
from audit.journey import compile_journey, draft_journey

from .builders import Ev, events_table, journey

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"

TWO_STAGES = journey(
    [("Intake", None), ("Decision", 24.0)],
    {"apply": "Intake", "complete": "Intake", "decide": "Decision"},
    outcomes={"decide": "good"},
)
PERCENTILES = ["time_in_stage_hours_p50", "time_in_stage_hours_p80", "time_in_stage_hours_p90"]


def nearest_rank(values: list[float], share: float) -> float:
    """The plain nearest-rank percentile: the sorted values' element at rank ⌈share · n⌉,
    the rank worked out in exact fractions."""
    ordered = sorted(values)
    rank = math.ceil(Fraction(str(share)) * len(ordered))
    return ordered[max(rank, 1) - 1]


@pytest.fixture
def claims():
    """Five cases (hours after T0; times in stage = the waits of their events there):

    k1: apply 0, complete 10, decide 11    Intake 10, Decision 1    region N
    k2: apply 0, complete 20, decide 25    Intake 20, Decision 5    region S
    k3: apply 0, complete 30, decide 40    Intake 30, Decision 10   region N
    k4: apply 0, complete 40, decide 42    Intake 40, Decision 2    region S
    k5: apply 0, complete 50               Intake 50, ongoing (no outcome, ends within the
        journey's 1000 h of the log's end) in Intake, so it has not finished Intake.
    """
    cases = {
        "k1": ([0, 10, 11], "N"),
        "k2": ([0, 20, 25], "S"),
        "k3": ([0, 30, 40], "N"),
        "k4": ([0, 40, 42], "S"),
        "k5": ([0, 50], "N"),
    }
    names = ["apply", "complete", "decide"]
    events = [
        Ev(case, name, hour)
        for case, (hours, _) in cases.items()
        for name, hour in zip(names, hours, strict=False)
    ]
    regions = [region for hours, region in cases.values() for _ in hours]
    con = duckdb.connect()
    con.register(EVENTS_VIEW, events_table(events, {"region": regions}))
    measures = measure(con, TWO_STAGES, case_attributes=["region"])
    yield con, measures
    con.close()


def test_stage_percentiles_by_hand(claims):
    """Intake's finished times 10, 20, 30, 40 (k5 is still in it): p50 is rank ⌈0.5·4⌉ = 2,
    20 h; p80 rank ⌈3.2⌉ = 4 and p90 rank ⌈3.6⌉ = 4, 40 h. Decision's 1, 2, 5, 10: 2, 10, 10.
    """
    con, measures = claims
    stages = measures.stages.set_index("stage")
    assert stages.loc["Intake", PERCENTILES].tolist() == [20.0, 40.0, 40.0]
    assert stages.loc["Decision", PERCENTILES].tolist() == [2.0, 10.0, 10.0]
    for stage, times in {"Intake": [10, 20, 30, 40], "Decision": [1, 5, 10, 2]}.items():
        plain = [nearest_rank(times, share) for share in (0.5, 0.8, 0.9)]
        assert stages.loc[stage, PERCENTILES].tolist() == plain
    table = promise_percentiles(con).set_index("stage")
    assert table["finished_cases"].tolist() == [4, 4]
    assert table[PERCENTILES].equals(stages.loc[["Intake", "Decision"], PERCENTILES])


def test_promise_to_share_and_back_by_hand(claims):
    """A 25 h promise for Intake: 10 and 20 of 10, 20, 30, 40 kept it, 50 %; the ongoing
    k5 would have made it 2 of 5. To keep it for 75 %: rank 3, 30 h. Region N's finished
    Intake times are 10 and 30: 25 h keeps 50 %, and all of them need 30 h."""
    con, _ = claims
    assert promise_kept_share(con, "Intake", 25) == 0.5
    assert promise_for_share(con, "Intake", 0.75) == 30.0
    assert promise_kept_share(con, "Decision", 24) == 1.0
    assert promise_kept_share(con, "Intake", 25, segment=("region", "N")) == 0.5
    assert promise_for_share(con, "Intake", 1.0, segment=("Region", "N")) == 30.0
    north = promise_percentiles(con, segment=("region", "N")).set_index("stage")
    assert north.loc["Intake", PERCENTILES].tolist() == [10.0, 30.0, 30.0]
    assert promise_kept_share(con, "No such stage", 25) is None
    # the answers leave no result unfinished: the app's pages register tables on the
    # connection they share (a DuckDB connection refuses that while a result is pending)
    con.register("after_the_calibrator", pd.DataFrame({"x": [1]}))
    with pytest.raises(AuditInputError, match="share"):
        promise_for_share(con, "Intake", 1.5)
    with pytest.raises(AuditInputError, match="promise"):
        promise_kept_share(con, "Intake", -1)


def test_promise_and_share_round_trip(claims):
    """A promise of the p-percentile keeps at least p; the promise for the share a promise
    keeps is never longer than that promise."""
    con, _ = claims
    for share in (0.1, 0.25, 0.5, 0.7, 0.8, 0.9, 1.0):
        promise = promise_for_share(con, "Intake", share)
        assert promise_kept_share(con, "Intake", promise) >= share
    for hours in (0, 5, 10, 15, 30, 45, 100):
        kept = promise_kept_share(con, "Intake", hours)
        if kept > 0:
            assert promise_for_share(con, "Intake", kept) <= hours


@pytest.mark.realdata
def test_percentiles_on_sepsis_agree_with_pandas():
    """Sepsis (Mannhardt, doi:10.4121/uuid:915d2bfb-7e84-49ad-a286-dc35f063a460) with a
    drafted journey: each stage's percentiles and the calibrator's answers against pandas
    over the engine's per-case times, ongoing cases in their last stage left out."""
    events = read_log(REALDATA / "sepsis.xes.gz").events
    drafted = draft_journey(events)
    compiled = compile_journey(drafted, events.column("activity").to_pylist(), events.column_names)
    con = duckdb.connect()
    con.register(EVENTS_VIEW, events)
    measures = measure(con, compiled)
    rows = measures.case_stages.merge(measures.cases[["case_id", "status", "last_stage"]])
    still_in = (rows["status"] == "ongoing") & (rows["last_stage"] == rows["stage"])
    finished = rows[~still_in]
    stages = measures.stages.set_index("stage")
    checked = 0
    for stage, times in finished.groupby("stage")["time_in_stage_hours"]:
        values = times.tolist()
        plain = [nearest_rank(values, share) for share in (0.5, 0.8, 0.9)]
        assert stages.loc[stage, PERCENTILES].tolist() == pytest.approx(plain, abs=1e-9)
        three_days = float((pd.Series(values) <= 72).mean())
        if stage in set(compiled.stages["stage"]):
            assert promise_kept_share(con, stage, 72) == pytest.approx(three_days)
            assert promise_for_share(con, stage, 0.9) == pytest.approx(plain[2], abs=1e-9)
            checked += 1
    assert checked == len(compiled.stages)
    con.close()


def test_the_segment_table_has_the_calibrators_percentiles(claims):
    """The stage table per segment (audit.engine.segments) measures the percentiles in the
    same pass as the stage table, over the same finished cases as the calibrator."""
    con, _ = claims
    segments = segment_measures(con, "region").stages.set_index(["segment", "stage"])
    for region in ("N", "S"):
        calibrated = promise_percentiles(con, segment=("region", region)).set_index("stage")
        for stage in ("Intake", "Decision"):
            assert (
                segments.loc[(region, stage), PERCENTILES].tolist()
                == calibrated.loc[stage, PERCENTILES].tolist()
            )
    # region S: k2 and k4, Intake 20 and 40 h: p50 rank 1 = 20 h, p80 and p90 rank 2 = 40 h
    assert segments.loc[("S", "Intake"), PERCENTILES].tolist() == [20.0, 40.0, 40.0]
