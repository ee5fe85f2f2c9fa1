"""The report in Swedish, in headless Chromium, with its screenshot (screenshots/report-sv.png;
the app's Swedish pages are drawn by test_render.py under AppTest)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from browser.conftest import page  # noqa: F401  (the browser tests' tab)

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_logs" / "insurance_claims.csv"


def test_the_report_in_swedish(page, tmp_path):  # noqa: F811
    report = tmp_path / "report-sv.html"
    command = [sys.executable, "-c", "from audit.cli import main; main()", "report", str(SAMPLE)]
    command += ["--journey", str(SAMPLE.with_suffix(".journey.yaml")), "--language", "sv"]
    done = subprocess.run([*command, "-o", str(report)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Rapporten skrevs till" in done.stdout + done.stderr
    page.goto(report.as_uri())
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", name="Kundresans friktionskarta").count() == 1
    (REPO / "screenshots").mkdir(exist_ok=True)
    page.screenshot(path=str(REPO / "screenshots" / "report-sv.png"))
