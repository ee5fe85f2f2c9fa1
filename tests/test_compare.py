"""Before/after comparison: the statistics by hand, hotspot matching, splitting at a date,
and the generated example with one friction source removed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from audit.compare import (
    JOURNEY,
    _correct,
    _distribution_test,
    _share_test,
    compare,
    compare_hotspots,
    split_at,
)
from audit.errors import AuditInputError
from audit.io import ColumnMapping, DataQuality, EventLog
from audit.pipeline import run_audit
from audit.sample import write_log

REPO = Path(__file__).resolve().parents[1]
JOURNEY_MAP = REPO / "sample_logs" / "insurance_claims.journey.yaml"


def test_two_proportion_z_test_by_hand():
    # 30 of 100 vs 10 of 100: pooled share 0.2, standard error sqrt(0.2 * 0.8 * (1/100 +
    # 1/100)) = 0.05657, z = 0.2 / 0.05657 = 3.536, two-sided p = 0.000407.
    before, after, change, n_b, n_a, test, p = _share_test(30, 100, 10, 100)
    assert (before, after, n_b, n_a, test) == (0.3, 0.1, 100, 100, "two-proportion z")
    assert change == pytest.approx(-0.2)
    assert p == pytest.approx(0.000407, abs=2e-6)
    # Nothing can differ when no case (or every case) has the property.
    assert _share_test(0, 50, 0, 60)[-1] == 1.0
    assert _share_test(50, 50, 60, 60)[-1] == 1.0


def test_mann_whitney_by_hand():
    # [1, 2, 3] vs [4, 5, 6]: U = 0, the most extreme of the C(6,3) = 20 equally likely
    # orderings on either side, so the exact two-sided p = 2/20 = 0.1.
    before, after, change, n_b, n_a, test, p = _distribution_test(
        pd.Series([1.0, 2.0, 3.0]).to_numpy(), pd.Series([4.0, 5.0, 6.0]).to_numpy()
    )
    assert (before, after, change, n_b, n_a) == (2.0, 5.0, 3.0, 3, 3)
    assert test == "Mann-Whitney U"
    assert p == pytest.approx(0.1)


def test_benjamini_hochberg_and_verdicts_by_hand():
    rows = [
        ["A", 1, "pingpong_share", "share", 0.3, 0.1, -0.2, 100, 100, "z", 0.01],
        ["A", 1, "promise_kept_share", "share", 0.5, 0.4, -0.1, 100, 100, "z", 0.04],
        ["B", 2, "time_in_stage_hours", "hours", 10.0, 20.0, 10.0, 100, 100, "U", 0.03],
        ["B", 2, "dropoff_share", "share", 0.1, 0.1, 0.0, 100, 100, "z", 0.5],
    ]
    columns = ["scope", "order", "measure", "kind", "before", "after", "change"]
    columns += ["before_n", "after_n", "test", "p_value"]
    result = _correct(pd.DataFrame(rows, columns=columns), alpha=0.05)
    # Sorted p 0.01, 0.03, 0.04, 0.5 -> p * 4 / rank = 0.04, 0.06, 0.0533, 0.5; each q is
    # the smallest of those at its rank or above: 0.04, 0.0533, 0.0533, 0.5.
    assert result["q_value"].tolist() == pytest.approx([0.04, 0.05333, 0.05333, 0.5], abs=1e-4)
    assert result["significant"].tolist() == [True, False, False, False]
    assert result["verdict"].tolist() == [
        "improved",
        "no clear change",
        "no clear change",
        "no clear change",
    ]
    # A rise in a share where higher is better is an improvement; in time, a worsening.
    flipped = _correct(pd.DataFrame(rows, columns=columns).assign(p_value=0.001), alpha=0.05)
    assert flipped["verdict"].tolist() == ["improved", "worsened", "worsened", "worsened"]


def test_hotspots_matched_by_level_and_name():
    def hotspots(rows):
        frame = pd.DataFrame(rows, columns=["level", "name", "score"])
        return frame.assign(
            **{f"evidence_{lang}": frame["name"] + f" {lang}" for lang in ("en", "fi", "sv")}
        )

    before = hotspots(
        [["stage", "Assessment", 48.0], ["org_unit", "Fraud check", 30.0], ["stage", "Pay", 10.0]]
    )
    after = hotspots(
        [["stage", "Assessment", 40.0], ["stage", "Pay", 10.4], ["activity", "Call", 20.0]]
    )
    table = compare_hotspots(before, after).set_index(["level", "name"])
    assert table.loc[("activity", "Call"), "status"] == "appeared"
    assert table.loc[("org_unit", "Fraud check"), "status"] == "disappeared"
    assert table.loc[("stage", "Assessment"), "status"] == "improved"  # 48 -> 40
    assert table.loc[("stage", "Pay"), "status"] == "unchanged"  # +0.4 is under 5 % of 10.4
    assert table.loc[("org_unit", "Fraud check"), "evidence_en"] == "Fraud check en"


def _log(case_starts: dict[str, datetime]) -> EventLog:
    """Two events per case, an hour apart, starting at the given times."""
    cases, times = [], []
    for case, start in case_starts.items():
        cases += [case, case]
        times += [start, start + pd.Timedelta(hours=1)]
    events = pa.table(
        {
            "case_id": cases,
            "activity": ["Apply", "Decide"] * len(case_starts),
            "timestamp": pa.array(times, pa.timestamp("us")),
            "event_index": list(range(len(cases))),
        }
    )
    return EventLog(events, "log.csv", ColumnMapping(), DataQuality(len(cases), len(cases)))


def test_split_at_keeps_each_case_whole():
    log = _log(
        {
            "A": datetime(2025, 2, 27, 10),
            "B": datetime(2025, 2, 28, 23, 30),  # starts before, ends after the cut
            "C": datetime(2025, 3, 1),  # starts exactly at the cut: after
            "D": datetime(2025, 3, 5),
        }
    )
    before, after = split_at(log, "2025-03-01")
    assert before.events.column("case_id").to_pylist() == ["A", "A", "B", "B"]
    assert after.events.column("case_id").to_pylist() == ["C", "C", "D", "D"]
    assert before.source == "log.csv (before 2025-03-01 00:00)"
    assert after.source == "log.csv (from 2025-03-01 00:00)"


def test_split_at_explains_a_bad_date():
    log = _log({"A": datetime(2025, 2, 27)})
    with pytest.raises(AuditInputError, match="not a date"):
        split_at(log, "next tuesday")
    with pytest.raises(AuditInputError, match="that period would be empty"):
        split_at(log, "2026-01-01")


@pytest.fixture(scope="module")
def before_after(tmp_path_factory):
    """The generated example and a copy generated without ping-pong (same seed, same cases
    otherwise), both audited with the shipped journey map."""
    folder = tmp_path_factory.mktemp("before_after")
    results = []
    for name, without in (("claims.csv", ()), ("claims_without_pingpong.csv", ("pingpong",))):
        write_log(folder / name, cases=1500, seed=7, without=without)
        results.append(run_audit(folder / name, journey=JOURNEY_MAP))
    return compare(*results)


def test_removing_pingpong_shows_as_pingpong_improved(before_after):
    measures = before_after.measures.set_index(["scope", "measure"])
    for scope in (JOURNEY, "Assessment"):
        row = measures.loc[(scope, "pingpong_share")]
        assert row["verdict"] == "improved"
        assert row["after"] == 0.0
        assert row["before"] > 0.05  # the example's ping-pong ends in September


def test_removing_pingpong_changes_nothing_else(before_after):
    significant = before_after.significant()
    # Nothing got worse, and no other stage changed at all: the generator left every other
    # case and friction source as it was.
    assert (significant["verdict"] == "improved").all()
    assert set(significant["scope"]) <= {JOURNEY, "Assessment"}
    # Every other friction source of the journey is unchanged: handoffs, back-jumps and
    # drop-offs; what did change in Assessment and overall is the time and rework that the
    # bouncing itself took (the ping-pong block is extra work and waiting).
    unchanged = {"handoff_share", "back_jump_share", "dropoff_share", "touchpoints"}
    assert not set(significant["measure"]) & unchanged
    allowed = {
        "pingpong_share",
        "rework_share",
        "promise_kept_share",
        "time_in_stage_hours",
        "lead_time_hours",
        "wait_hours_total",
        "silence_hours",
        "promise_broken_share",
    }
    assert set(significant["measure"]) <= allowed
    hotspots = before_after.hotspots.set_index(["level", "name"])
    assert hotspots.loc[("stage", "Assessment"), "status"] == "improved"
    assert "worsened" not in set(before_after.hotspots.query("level == 'stage'")["status"])
