"""Fixtures for the report tests: the shipped example audited once, its report built once,
and a log with hostile names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from audit.pipeline import run_audit, write_outputs
from audit.report import build_report

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_logs" / "insurance_claims.csv"
SAMPLE_JOURNEY = REPO / "sample_logs" / "insurance_claims.journey.yaml"
STAGES = ("Report claim", "Provide documents", "Assessment", "Decision", "Complaint")
"""The stages of the shipped journey map, in order."""

SECTIONS = (
    "friction-map",
    "weakest-stage",
    "hotspots",
    "worth",
    "process",
    "handoffs",
    "labyrinth",
    "stories",
    "repeat-contacts",
    "conformance",
    "experience",
    "data-quality",
    "method",
)
"""Every section of a report on a log with survey answers and customers, in order."""

HOSTILE_ACTIVITY = "<script>alert(1)</script>"
HOSTILE_FORMULA = '=HYPERLINK("http://example.invalid","click")'
HOSTILE_RESOURCE = "<img src=x onerror=alert(2)>"
HOSTILE_UNIT = "@SUM(1+1)"
HOSTILE_CONTROL = "Bell\x07and\x1b[31mescape"
HOSTILE_LONG = "Very long activity " + "x" * 3000


@pytest.fixture(scope="session")
def sample_result():
    return run_audit(SAMPLE, journey=SAMPLE_JOURNEY)


@pytest.fixture(scope="session")
def sample_html(sample_result) -> str:
    return build_report(sample_result, language="en")


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    """The hostile log audited with a drafted journey: (result, report page, outputs)."""
    folder = tmp_path_factory.mktemp("hostile")
    result = run_audit(write_hostile_log(folder / "hostile.csv"))
    page = build_report(result, stories=1)
    written = write_outputs(result, folder / "out")
    return result, page, written


def write_hostile_log(path: Path) -> Path:
    """Twelve cases whose activity, resource and unit names are HTML, formulas, control
    characters and a 3,000-character name; they bounce between units and repeat work."""
    activities = [HOSTILE_ACTIVITY, HOSTILE_FORMULA, HOSTILE_CONTROL, HOSTILE_LONG, "Done"]
    units = ["+Team", HOSTILE_UNIT, "+Team", "-Desk", "-Desk"]
    rows = [["Case ID", "Activity", "Timestamp", "Resource", "Department"]]
    for case in range(12):
        order = [0, 1, 2, 1, 3, 4] if case % 2 else [0, 1, 2, 3, 4]
        for step, index in enumerate(order):
            resource = HOSTILE_RESOURCE if (case + step) % 3 == 0 else f"-R{step}"
            stamp = f"2025-01-{1 + case:02d}T{8 + step:02d}:00:00"
            rows.append([f"=C{case}", activities[index], stamp, resource, units[index]])
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path
