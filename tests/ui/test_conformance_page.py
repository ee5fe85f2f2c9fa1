"""The Designed journey page on the example: the numbers the library computed, in English
and in Finnish (see tests/engine/test_conformance.py for how they are worked out)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"


def test_the_page_lays_out_the_example_conformance():
    at = AppTest.from_file(str(APP), default_timeout=180).run()
    at.switch_page("audit/ui/pages/conformance.py").run()
    assert not at.exception
    assert [m.value for m in at.metric] == ["88%", "3%", "9%", "0%"]
    assert at.caption[1].value == "Allowed to skip: Provide documents"
    texts = [m.value for m in at.markdown]
    assert "**1,854 of 2,100 cases (88%) went the designed way**" in texts
    assert "- Assessment: 60 cases skipped it." in texts
    at.sidebar.segmented_control[0].set_value("fi").run()
    assert at.title[0].value == "Suunniteltu polku"
    assert "- Assessment: 60 asiaa ohitti sen." in [m.value for m in at.markdown]
