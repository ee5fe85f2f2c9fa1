"""Business hours end to end: the journey file's calendar reaches findings.json and the CSVs."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from audit.pipeline import run_audit, write_outputs

LOG = """case_id,activity,timestamp
B,Submit,2025-01-06 09:00
B,Check,2025-01-06 11:00
B,Decision,2025-01-07 10:00
"""

JOURNEY = """journey: Tiny
stages:
  - name: Apply
    activities: [Submit, Check]
  - name: Decide
    activities: [Decision]
outcomes:
  good: [Decision]
calendar:
  timezone: UTC
  hours: "09:00-17:00"
"""


def test_findings_and_csvs_carry_the_business_hours_twins(tmp_path):
    """Monday 6.1.2025 09:00 to Tuesday 10:00: lead time 25 h, working 8 + 1 = 9 h. Decide
    waits from Monday 11:00 to Tuesday 10:00: 23 h, working 6 + 1 = 7 h."""
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    (tmp_path / "j.yaml").write_text(JOURNEY, encoding="utf-8")
    result = run_audit(tmp_path / "log.csv", journey=tmp_path / "j.yaml")
    write_outputs(result, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert document["totals"]["lead_time_hours_median"] == pytest.approx(25)
    assert document["totals"]["lead_time_business_hours_median"] == pytest.approx(9)
    decide = next(stage for stage in document["stages"] if stage["stage"] == "Decide")
    assert decide["wait_hours_median"] == pytest.approx(23)
    assert decide["wait_business_hours_median"] == pytest.approx(7)
    assert document["journey"]["calendar"]["hours"] == "09:00-17:00"
    cases = pd.read_csv(tmp_path / "out" / "cases.csv", encoding="utf-8-sig")
    assert cases.loc[0, "lead_time_business_hours"] == pytest.approx(9)
    stages = pd.read_csv(tmp_path / "out" / "stages.csv", encoding="utf-8-sig")
    assert "time_in_stage_business_hours_median" in stages.columns
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "(median lead time) and 9.0 h of working hours." in summary


def test_without_a_calendar_the_twins_are_absent(tmp_path):
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    (tmp_path / "j.yaml").write_text(JOURNEY.split("calendar:")[0], encoding="utf-8")
    document = run_audit(tmp_path / "log.csv", journey=tmp_path / "j.yaml").to_json_dict()
    assert document["journey"]["calendar"] is None
    assert "lead_time_business_hours_median" not in document["totals"]
    assert not [key for key in document["stages"][0] if "business" in key]


def test_the_large_log_path_gives_the_same_twins(tmp_path):
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    (tmp_path / "j.yaml").write_text(JOURNEY, encoding="utf-8")
    parquet = tmp_path / "log.parquet"
    pd.read_csv(tmp_path / "log.csv", dtype=str).to_parquet(parquet)
    in_memory = run_audit(parquet, journey=tmp_path / "j.yaml", large=False)
    in_place = run_audit(parquet, journey=tmp_path / "j.yaml", large=True)
    assert in_place.measures.totals == in_memory.measures.totals
    assert in_place.measures.totals["lead_time_business_hours_median"] == pytest.approx(9)
