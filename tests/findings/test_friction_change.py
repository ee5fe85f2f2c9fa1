"""The change of each stage's friction between two audits, worked out by hand."""

from __future__ import annotations

import math

import pandas as pd

from audit.findings.friction_change import friction_change


def test_each_stage_gets_its_change_and_a_new_stage_none():
    after = pd.DataFrame({"stage": ["B", "A"], "order": [2, 1], "friction": [10.0, 40.0]})
    before = pd.DataFrame({"stage": ["A", "Gone"], "order": [1, 2], "friction": [30.5, 5.0]})
    table = friction_change(after, before)
    assert table["stage"].tolist() == ["A", "B"]
    assert table["friction"].tolist() == [40.0, 10.0]
    assert table["change"].iloc[0] == 9.5
    assert math.isnan(table["change"].iloc[1])


def test_without_an_earlier_audit_no_stage_has_a_change():
    after = pd.DataFrame({"stage": ["A"], "order": [1], "friction": [math.pi]})
    assert friction_change(after, None)["change"].isna().all()
