"""The report's "Over time and by segment" section on the example (audited by month and by
first contact): it lays out the trend and the tested differences the library found (the
planted changes, tests/sample/test_planted_changes.py), in English and Finnish; absent
when neither was asked for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit.pipeline import run_audit
from audit.report import build_report

REPO = Path(__file__).resolve().parents[2]


def _section(page: str) -> str:
    start = page.index('data-section="trend"')
    section = page[start : page.index("</section>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section)).replace("&lt;", "<")


@pytest.fixture(scope="module")
def audited():
    return run_audit(
        REPO / "sample_logs" / "insurance_claims.csv",
        journey=REPO / "sample_logs" / "insurance_claims.journey.yaml",
        by="month",
        segment="first_contact",
    )


def test_english_section(audited):
    text = _section(build_report(audited, language="en", stories=0))
    assert "in parentheses when the stage had fewer than 30 cases" in text
    assert "2025-09-01 " in text and "2026-01-01 (" in text  # the last month: a few days
    assert "Assessment: ping-pong 0% against 15% (two-proportion z, q < 0.001)" in text
    assert "letter, Provide documents: rework 80% against 31% (two-proportion z" in text
    assert "Mann-Whitney U" in text


def test_finnish_section(audited):
    text = _section(build_report(audited, language="fi", stories=0))
    assert "Ajassa ja ryhmittäin" in text
    assert "Assessment: ping-pong 0 %, vertailu 15 % (two-proportion z, q < 0,001)" in text


def test_no_section_without_trend_or_segments(sample_result):
    assert 'data-section="trend"' not in build_report(sample_result, language="en", stories=0)


def test_the_trend_is_drawn_one_line_per_stage(audited):
    page = build_report(audited, language="en", stories=0)
    start = page.index('data-section="trend"')
    section = page[start : page.index("</section>", start)]
    assert 'data-chart="trend"' in section
    svg = section[section.index("<svg") : section.index("</svg>")]
    stages = ["Report claim", "Provide documents", "Assessment", "Decision", "Complaint"]
    assert all(stage in svg for stage in stages)  # the legend names every stage's line
    assert "2025-09-01" in svg  # the month the planted fix took hold is on the axis
