"""The expert path: the log replayed on a BPMN model the user supplies.

The model is discovered from cases that all run a, b, c (a sequence). Replayed on it:
X (a, b, c) fits; Y (a, c) skips b, so c lacks its token (1 missing) and the token meant
for b stays (1 remaining); Z (a, b, d) has d, which the model lacks. Fitting share 1/3.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.errors import AuditInputError
from audit.process.bpmn_check import replay_on_bpmn
from audit.process.mining import discover_bpmn


def _events(paths: dict[str, str]) -> pd.DataFrame:
    rows = [
        (case, activity, datetime(2024, 1, 1) + timedelta(hours=hour))
        for case, path in paths.items()
        for hour, activity in enumerate(path)
    ]
    frame = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp"])
    return frame.assign(event_index=range(len(frame)))


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bpmn")
    return discover_bpmn(_events({"m1": "abc", "m2": "abc"}), folder / "abc.bpmn", 0.0)


def test_each_case_replayed_by_hand(model):
    result = replay_on_bpmn(_events({"X": "abc", "Y": "ac", "Z": "abd"}), model)
    cases = result.cases.set_index("case_id")
    assert cases["fits"].to_dict() == {"X": True, "Y": False, "Z": False}
    assert (cases.loc["Y", "missing_tokens"], cases.loc["Y", "remaining_tokens"]) == (1, 1)
    assert cases.loc["X", "fitness"] == 1.0
    assert result.fitting_cases_share == pytest.approx(1 / 3)
    assert result.unknown_activities == ["d"]


def test_a_broken_or_missing_model_names_the_file(tmp_path):
    broken = tmp_path / "broken.bpmn"
    broken.write_text("<definitions><process", encoding="utf-8")
    with pytest.raises(AuditInputError, match="cannot be read") as caught:
        replay_on_bpmn(_events({"X": "ab"}), broken)
    assert caught.value.source == str(broken)
    with pytest.raises(AuditInputError, match="does not exist"):
        replay_on_bpmn(_events({"X": "ab"}), tmp_path / "none.bpmn")


def test_the_audit_command_replays_on_the_model(model, tmp_path):
    """`journey-audit audit --bpmn`: X fits, Y skips b: half the cases fit."""
    log = tmp_path / "log.csv"
    _events({"X": "abc", "Y": "ac"}).drop(columns="event_index").to_csv(log, index=False)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(log), "--out", str(out), "--bpmn", str(model)])
    assert result.exit_code == 0, result.output
    assert "BPMN model abc.bpmn: 50% of cases fit it" in result.output
    cases = pd.read_csv(out / "bpmn_cases.csv", encoding="utf-8-sig")
    assert cases[["case_id", "fits"]].values.tolist() == [["X", True], ["Y", False]]
