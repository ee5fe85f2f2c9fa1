"""The report's 'Calendar time and working hours' section and the findings it lays out."""

from __future__ import annotations

import re

import pytest

from audit.findings.business_hours import (
    calendar_sentence,
    format_working_hours,
    lead_time_sentence,
    stage_times,
)
from audit.pipeline import run_audit
from audit.report.build import build_report
from tests.test_business_hours_outputs import JOURNEY as CALENDAR_JOURNEY
from tests.test_business_hours_outputs import LOG

# the end-to-end test's log and calendar, with Finland's public holidays and one date off
JOURNEY = CALENDAR_JOURNEY + '  holidays: [FI, "2025-12-24"]\n'


@pytest.fixture
def audited(tmp_path):
    """Monday 6.1.2025 is Epiphany, a public holiday in Finland: of the lead time (Monday
    09:00 to Tuesday 10:00, 25 h) only Tuesday 09:00-10:00 is working time (1 h). Decide
    waits 23 h, working 1 h; Apply waits 2 h, working 0."""
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    (tmp_path / "j.yaml").write_text(JOURNEY, encoding="utf-8")
    with_calendar = run_audit(tmp_path / "log.csv", journey=tmp_path / "j.yaml")
    (tmp_path / "plain.yaml").write_text(JOURNEY.split("calendar:")[0], encoding="utf-8")
    without = run_audit(tmp_path / "log.csv", journey=tmp_path / "plain.yaml")
    return with_calendar, without


def test_findings_pair_each_measure_with_its_twin(audited):
    result, without = audited
    times = stage_times(result).set_index("stage")
    assert list(times.columns[:2]) == ["wait_hours_median", "wait_business_hours_median"]
    assert times.loc["Decide", "wait_hours_median"] == pytest.approx(23)
    assert times.loc["Decide", "wait_business_hours_median"] == pytest.approx(1)
    assert times.loc["Apply", "wait_business_hours_median"] == 0
    assert stage_times(without) is None and lead_time_sentence(without, "en") is None
    assert lead_time_sentence(result, "en") == (
        "A case takes 25.0 h for the customer (median lead time) and 1.0 h of working hours."
    )
    assert calendar_sentence(result.journey.calendar, "fi") == (
        "Työaika: ma, ti, ke, to, pe 09:00-17:00 (UTC); vapaapäivät: maan FI yleiset "
        "vapaapäivät, 2025-12-24."
    )


def test_working_hours_are_never_written_in_days():
    assert format_working_hours(320, "en") == "320.0 h"
    assert format_working_hours(0.5, "fi") == "30 min"


@pytest.mark.parametrize(
    ("language", "title", "cell"),
    [
        ("en", "Calendar time and working hours", "23.0 h / 1.0 h"),
        ("fi", "Kalenteriaika ja työaika", "odotuksen mediaani: kalenteri / työaika"),
    ],
)
def test_report_section_in_both_languages(audited, language, title, cell):
    result, without = audited
    html = build_report(result, language=language, stories=0)
    section = re.search(r'<section id="business-hours".*?</section>', html, re.S)
    assert section is not None
    assert title in section.group(0)
    assert cell in section.group(0)
    assert "business-hours" not in build_report(without, language=language, stories=0)
