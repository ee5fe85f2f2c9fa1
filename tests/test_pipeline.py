"""The whole audit, end to end: a tiny log worked out by hand, and the generated example."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from audit.engine import case_steps
from audit.errors import AuditInputError
from audit.io import read_log
from audit.pipeline import run_audit, summary_text, write_outputs

REPO = Path(__file__).resolve().parents[1]
SAMPLE_LOG = REPO / "sample_logs" / "insurance_claims.csv"
SAMPLE_JOURNEY = REPO / "sample_logs" / "insurance_claims.journey.yaml"

# Case A bounces between Back and Expert and is sent back from Decide to Apply; case B goes
# straight through; case C stops after Check and is a drop-off (its last event is more than
# 12 h before the end of the log).
TINY_LOG = """case_id,activity,timestamp,department,nps
A,Submit,2025-01-06 09:00,Front,3
A,Check,2025-01-06 10:00,Back,3
A,Review,2025-01-06 12:00,Expert,3
A,Check,2025-01-06 13:00,Back,3
A,Review,2025-01-06 15:00,Expert,3
A,Decision,2025-01-06 16:00,Back,3
B,Submit,2025-01-06 09:00,Front,10
B,Check,2025-01-06 11:00,Back,10
B,Review,2025-01-06 14:00,Expert,10
B,Decision,2025-01-07 10:00,Expert,10
C,Submit,2025-01-06 09:00,Front,
C,Check,2025-01-06 09:30,Back,
"""

TINY_JOURNEY = """journey: Tiny application
stages:
  - name: Apply
    activities: [Submit, Check]
  - name: Decide
    activities: [Review, Decision]
touchpoints:
  - activity: Submit
    channel: web
  - activity: Decision
    channel: letter
outcomes:
  good: [Decision]
ongoing_after: 12h
survey: {nps: nps}
"""


@pytest.fixture
def tiny(tmp_path) -> tuple[Path, Path]:
    log = tmp_path / "tiny.csv"
    log.write_text(TINY_LOG, encoding="utf-8")
    journey = tmp_path / "tiny.journey.yaml"
    journey.write_text(TINY_JOURNEY, encoding="utf-8")
    return log, journey


def test_tiny_log_totals_friction_and_weakest_stage(tiny):
    log, journey = tiny
    messages: list[str] = []
    result = run_audit(log, journey=journey, progress=messages.append)
    assert messages  # the progress callback hears every step
    totals = result.measures.totals
    # handoffs: A 5 (F>B, B>E, E>B, B>E, E>B), B 2 (F>B, B>E), C 1 (F>B)
    assert (totals["handoffs"], totals["cases_with_handoff"]) == (8, 3)
    # A's units Front, Back, Expert, Back, Expert, Back: Back, Expert and Back recur
    assert (totals["pingpongs"], totals["pingpong_cases"]) == (3, 1)
    assert (totals["repetitions"], totals["back_jumps"], totals["dropoffs"]) == (2, 1, 1)
    friction = result.friction.set_index("stage")
    # Decide: 2 cases, 5 events, 4 handoffs into it, 2 ping-pongs, 1 repetition, the
    # largest p90 wait, a touchpoint per case, no promise, no drop-off:
    # 100 * (1 + 4/5 + 2/2 + 1/5) / 8
    assert friction.loc["Decide", "friction"] == pytest.approx(37.5)
    assert friction.loc["Apply", "dropoff"] == pytest.approx(1 / 3)
    assert friction.loc["Apply", "back_jumps"] == pytest.approx(1 / 3)
    assert result.weakest_stage == "Decide"
    pairs = result.hotspots[result.hotspots["level"] == "handoff_pair"].set_index("name")
    assert "Back → Expert" in pairs.index
    assert "(ping-pong)" in pairs.loc["Back → Expert", "evidence_en"]
    # NPS: A (ping-pong) answered 3, B (none) 10, C did not answer
    experience = result.experience
    assert experience.row("pingpong", "with")["nps"] == -100
    assert experience.row("pingpong", "without")["nps"] == 100
    # the connection stays open for single-case views
    steps = case_steps(result.connection, ["A"])
    assert len(steps) == 6


def test_outputs_on_disk(tiny, tmp_path):
    log, journey = tiny
    result = run_audit(log, journey=journey, language="fi")
    written = write_outputs(result, tmp_path / "out")
    names = {path.name for path in written}
    assert {
        "findings.json",
        "summary.md",
        "stages.csv",
        "activities.csv",
        "org_units.csv",
        "cases.csv",
        "handoff_pairs.csv",
        "pingpong_pairs.csv",
        "back_jumps.csv",
        "hotspots.csv",
        "experience.csv",
    } <= names
    document = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert document["schema_version"] == 1
    assert document["weakest_stage"] == "Decide"
    assert document["totals"]["handoffs"] == 8
    assert document["log"]["rows_read"] == 12
    assert document["hotspots"][0]["evidence"].startswith("Decide: ")
    cases = pd.read_csv(tmp_path / "out" / "cases.csv", encoding="utf-8-sig")
    assert sorted(cases["case_id"]) == ["A", "B", "C"]
    hotspots = pd.read_csv(tmp_path / "out" / "hotspots.csv", encoding="utf-8-sig")
    assert {"evidence_en", "evidence_fi", "component_pingpong"} <= set(hotspots.columns)
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("# Asiakaspolun auditointi: tiny.csv")
    assert "Heikoin vaihe: Decide" in summary


def test_chosen_cases_are_audited_alone(tiny):
    log, journey = tiny
    result = run_audit(log, journey=journey, case_ids=["A", "C"])
    totals = result.measures.totals
    # A's 5 handoffs and C's 1; A's 3 ping-pongs; C is still a drop-off
    assert result.measures.log["cases"] == 2
    assert (totals["handoffs"], totals["pingpongs"], totals["dropoffs"]) == (6, 3, 1)
    assert sorted(result.measures.cases["case_id"]) == ["A", "C"]


def test_the_large_log_path_gives_the_same_audit(tiny, tmp_path):
    log, journey = tiny
    parquet = tmp_path / "tiny.parquet"
    pd.read_csv(log, dtype=str).to_parquet(parquet)
    in_memory = run_audit(parquet, journey=journey, large=False)
    in_place = run_audit(parquet, journey=journey, large=True)
    assert in_place.measures.totals == in_memory.measures.totals
    assert in_place.weakest_stage == in_memory.weakest_stage == "Decide"
    assert in_place.quality["rows_read"] == in_memory.quality["rows_read"] == 12


def test_without_a_journey_map_the_audit_drafts_one_and_says_so(tiny):
    log, _ = tiny
    result = run_audit(read_log(log))  # an EventLog already read works as well
    assert result.journey.drafted
    assert result.to_json_dict()["journey"]["drafted"] is True
    assert "drafted from the log" in summary_text(result)


def test_bad_input_is_a_clear_error(tiny, tmp_path):
    log, journey = tiny
    with pytest.raises(AuditInputError, match="unknown language 'de'"):
        run_audit(log, journey=journey, language="de")
    with pytest.raises(AuditInputError, match="no such file"):
        run_audit(tmp_path / "missing.csv", journey=journey)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run_audit(log, journey=journey)
    with pytest.raises(AuditInputError, match="cannot create the output folder"):
        write_outputs(result, blocker / "out")


@pytest.fixture(scope="module")
def example():
    return run_audit(SAMPLE_LOG, journey=SAMPLE_JOURNEY)


def _evidence(result, level, name) -> str:
    hotspots = result.hotspots.set_index(["level", "name"])
    return hotspots.loc[(level, name), "evidence_en"]


def test_example_hotspots_name_the_friction_the_generator_put_in(example):
    assert example.weakest_stage == "Assessment"
    # ping-pong between Assessment and Fraud check
    pair = _evidence(example, "handoff_pair", "Assessment → Fraud check")
    assert "came straight back (ping-pong)" in pair
    assert example.hotspots.iloc[0]["name"] == "Assessment"
    assert "between units" in _evidence(example, "stage", "Assessment")
    assert "(ping-pong)" in _evidence(example, "stage", "Assessment")
    # documents requested again: rework in Provide documents
    assert "redo earlier work" in _evidence(example, "stage", "Provide documents")
    # back-jumps to Report claim, broken promises, drop-offs while documents are asked for
    report = _evidence(example, "stage", "Report claim")
    assert "sent back to this stage" in report
    assert "promise" in report
    assert "without an outcome" in _evidence(example, "stage", "Provide documents")


def test_example_experience_follows_friction(example):
    experience = example.experience
    assert experience is not None and experience.survey == {"nps": "nps"}

    def nps(comparison, group, stage=None):
        return experience.row(comparison, group, stage)["nps"]

    assert nps("pingpong", "without") - nps("pingpong", "with") > 30
    assert nps("promise", "kept") - nps("promise", "broken") > 30
    assert nps("rework", "without") > nps("rework", "with")
    assert nps("stage", "rest", "Assessment") > nps("stage", "weakest", "Assessment")
    sentences = summary_text(example)
    assert "NPS" in sentences and "without ping-pong" in sentences


REALDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "realdata"


@pytest.mark.realdata
def test_real_log_with_a_drafted_journey_gives_a_valid_contract(tmp_path):
    result = run_audit(REALDATA / "receipt.csv.gz")
    document = json.loads(json.dumps(result.to_json_dict(), allow_nan=False))
    assert document["log"]["cases"] == 1434
    assert document["journey"]["drafted"] is True
    stages = [stage for stage in document["stages"] if stage["friction"] is not None]
    assert all(0 <= stage["friction"] <= 100 for stage in stages)
    worst = max(stages, key=lambda stage: stage["friction"])
    assert document["weakest_stage"] == worst["stage"]
    assert all(hotspot["evidence"] for hotspot in document["hotspots"])
    assert all(result.hotspots["evidence_fi"].str.len() > 0)
    write_outputs(result, tmp_path)
    assert (tmp_path / "findings.json").stat().st_size > 0
