"""The command line's draft, audit, report and compare commands on the generated example,
and their clear errors (exit status 2, one message, no traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.cli import app

REPO = Path(__file__).resolve().parents[1]
SAMPLE_LOG = REPO / "sample_logs" / "insurance_claims.csv"
SAMPLE_JOURNEY = REPO / "sample_logs" / "insurance_claims.journey.yaml"
TINY_LOG = (
    "Case ID;Activity;Complete Timestamp;Team\n"
    "7;Apply;01.02.2024 09:00;Front\n"
    "7;Check;01.02.2024 15:00;Back\n"
    "7;Decide;02.02.2024 10:30;Credit\n"
    "8;Apply;03.02.2024 11:00;Front\n"
    "8;Check;04.02.2024 11:00;Back\n"
)


def _run(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from audit.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_audit_writes_the_findings_and_prints_the_hotspots(tmp_path):
    result = CliRunner().invoke(
        app,
        ["audit", str(SAMPLE_LOG), "--journey", str(SAMPLE_JOURNEY), "--out", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    assert "Weakest stage: Assessment" in result.output
    findings = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert findings["schema_version"] == 1
    assert findings["log"]["cases"] == 2095  # 2,000 claims and 95 complaints
    assert (tmp_path / "stages.csv").exists() and (tmp_path / "summary.md").exists()


def test_audit_json_and_mapping_flags_on_a_tiny_log(write_file, tmp_path):
    path = write_file("tiny.csv", TINY_LOG)
    args = ["audit", str(path), "--out", str(tmp_path / "out"), "--json", "--dayfirst"]
    result = CliRunner().invoke(app, [*args, "--org-unit", "Team"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)
    # case 7: Front > Back > Credit (2 handoffs); case 8: Front > Back (1)
    assert findings["log"]["handoff_basis"] == "org_unit"
    assert findings["totals"]["handoffs"] == 3
    assert findings["journey"]["drafted"] is True


def test_draft_writes_a_journey_map_that_the_audit_accepts(write_file, tmp_path):
    path = write_file("tiny.csv", TINY_LOG)
    journey = tmp_path / "journey.yaml"
    drafted = CliRunner().invoke(app, ["draft", str(path), "-o", str(journey), "--dayfirst"])
    assert drafted.exit_code == 0, drafted.output
    assert "stages:" in journey.read_text(encoding="utf-8")
    args = ["audit", str(path), "--journey", str(journey), "--out", str(tmp_path / "out")]
    audited = CliRunner().invoke(app, [*args, "--dayfirst"])
    assert audited.exit_code == 0, audited.output


def test_report_is_pseudonymised_by_default(tmp_path):
    output = tmp_path / "report.html"
    args = ["report", str(SAMPLE_LOG), "--journey", str(SAMPLE_JOURNEY), "-o", str(output)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    page = output.read_text(encoding="utf-8")
    assert "Assessment" in page
    # the generator's case ids look like CLM-00001 and its resources are named clerks
    assert "CLM-0" not in page


def test_compare_two_periods_of_one_log(tmp_path):
    args = ["compare", str(SAMPLE_LOG), "--split-at", "2025-07-01"]
    result = CliRunner().invoke(
        app, [*args, "--journey", str(SAMPLE_JOURNEY), "--json", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    comparison = json.loads(result.stdout)
    assert comparison["before"]["cases"] + comparison["after"]["cases"] == 2095
    assert comparison["multiple_testing"] == "Benjamini-Hochberg"
    assert (tmp_path / "comparison_measures.csv").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["audit", "missing.csv", "--out", "out"], "missing.csv: no such file"),
        (["compare", str(SAMPLE_LOG)], "compare needs either a second log or --split-at"),
        (
            ["audit", str(SAMPLE_LOG), "--journey", "nowhere.yaml", "--out", "out"],
            "nowhere.yaml",
        ),
    ],
)
def test_bad_input_is_one_message_and_exit_status_2(args, message, tmp_path):
    done = _run(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_audit_reports_repeat_contacts_with_their_window(tmp_path):
    args = ["audit", str(SAMPLE_LOG), "--journey", str(SAMPLE_JOURNEY), "--out", str(tmp_path)]
    result = CliRunner().invoke(app, [*args, "--repeat-within", "14", "--json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)
    repeat = findings["repeat_contacts"]
    assert repeat["within_days"] == 14.0
    assert findings["totals"]["customers"] > 1000
    assert 0 < findings["totals"]["repeat_contacts"] < findings["log"]["cases"]
    assert (repeat["causes"][0]["cause"], repeat["causes"][0]["value"]) == ("status", "bad")
    assert "within 14 days" in repeat["causes"][0]["evidence"]
    assert (tmp_path / "repeat_contact_causes.csv").exists()
    assert (tmp_path / "labyrinth_chains.csv").exists()


def test_a_window_that_is_not_positive_is_refused(tmp_path):
    done = _run("audit", str(SAMPLE_LOG), "--out", str(tmp_path), "--repeat-within", "0")
    assert done.returncode == 2
    assert "positive number of days" in done.stderr
    assert "Traceback" not in done.stderr
