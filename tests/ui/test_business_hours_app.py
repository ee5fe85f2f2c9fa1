"""Calendar time and working hours on the Friction map, under Streamlit's AppTest: the
section lays out the findings for a journey with a calendar (English and Finnish) and is
absent without one."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.report.test_business_hours_report import JOURNEY, LOG


def _section(folder: str, journey: str, lang: str) -> None:
    """The app script: audit the tiny log and draw only the section."""
    from pathlib import Path

    import streamlit as st

    from audit.pipeline import run_audit
    from audit.ui.business_hours import calendar_and_working_hours

    st.session_state["language"] = lang
    result = run_audit(Path(folder) / "log.csv", journey=Path(folder) / journey)
    calendar_and_working_hours(result)


def _run(tmp_path, journey_text: str, lang: str) -> AppTest:
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    (tmp_path / "j.yaml").write_text(journey_text, encoding="utf-8")
    at = AppTest.from_function(_section, args=(str(tmp_path), "j.yaml", lang), default_timeout=60)
    return at.run()


@pytest.mark.parametrize(
    ("lang", "title", "header"),
    [
        ("en", "Calendar time and working hours", "Wait, work (h)"),
        ("fi", "Kalenteriaika ja työaika", "Odotus, työ (h)"),
    ],
)
def test_the_section_shows_both_clocks(tmp_path, lang, title, header):
    at = _run(tmp_path, JOURNEY, lang)
    assert not at.exception
    assert [s.value for s in at.subheader] == [title]
    table = at.dataframe[0].value.set_index("stage")
    # Decide: 23 h for the customer, 1 h of working time (Epiphany is a holiday in Finland)
    assert table.loc["Decide", "wait_hours_median"] == pytest.approx(23)
    assert table.loc["Decide", "wait_business_hours_median"] == pytest.approx(1)
    assert list(table.columns[:2]) == ["wait_hours_median", "wait_business_hours_median"]
    labels = [column.get("label") for column in json.loads(at.dataframe[0].proto.columns).values()]
    assert header in labels
    assert {button.key for button in at.get("download_button")} == {
        "csv-calendar_and_working_hours"
    }


def test_without_a_calendar_nothing_is_shown(tmp_path):
    at = _run(tmp_path, JOURNEY.split("calendar:")[0], "en")
    assert not at.exception
    assert not at.subheader and not at.dataframe
