"""The Promises page on the example lays out what the calibrator computed (the numbers are
checked in tests/engine/test_promises.py) and sets a calibrated promise in the journey map
in one click, in English and in Finnish."""

from __future__ import annotations

from pathlib import Path

import yaml
from streamlit.testing.v1 import AppTest

from audit.ui.session import SETTINGS_KEY

APP = Path(__file__).resolve().parents[2] / "app.py"


def _promises(at: AppTest) -> dict[str, str | None]:
    """The promise of each stage in the session's journey map (what the Journey page's
    download gives)."""
    journey = yaml.safe_load(at.session_state[SETTINGS_KEY].journey_text)
    return {stage["name"]: stage.get("promise") for stage in journey["stages"]}


def test_a_calibrated_promise_is_set_in_one_click():
    at = AppTest.from_file(str(APP), default_timeout=180).run()
    at.switch_page("audit/ui/pages/promises.py").run()
    assert not at.exception
    assert at.title[0].value == "Promise calibrator"
    table = at.dataframe[0].value
    assert table["stage"].tolist()[:2] == ["Report claim", "Provide documents"]
    assert (table["time_in_stage_hours_p50"] <= table["time_in_stage_hours_p90"]).all()
    sentences = [m.value for m in at.markdown if m.value.startswith("**")]
    assert sentences[0].startswith("**A promise of 24.0 h for Report claim would be kept for")
    assert sentences[1].startswith("**To keep it for 90% of customers, promise")
    assert _promises(at)["Report claim"] == "24h"
    at.slider[0].set_value(100).run()
    (button,) = at.button
    promise = button.label.removeprefix("Set ").removesuffix(" as the stage's promise")
    button.click().run()
    assert not at.exception
    assert _promises(at)["Report claim"] == promise != "24h"
    assert at.success[0].value.startswith(f"The journey map now promises {promise}")
    # the promise asked about is now the new one, which keeps every customer who finished
    kept = next(m.value for m in at.markdown if m.value.startswith("**A promise of"))
    assert kept.endswith("would be kept for 100% of customers.**")
    at.sidebar.segmented_control[0].set_value("fi").run()
    assert not at.exception
    assert at.title[0].value == "Lupausten kalibrointi"
