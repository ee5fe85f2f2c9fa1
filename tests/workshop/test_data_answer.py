"""The data's answer a room opens with, read from an audit's findings."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from audit.workshop.data_answer import data_answer


def test_stages_in_journey_order_with_friction_and_median_days():
    friction = pd.DataFrame(
        {"stage": ["Decide", "Apply", "Pay"], "order": [2, 1, 3], "friction": [61.5, 12, 30]}
    )
    stages = pd.DataFrame(
        {"stage": ["Apply", "Decide", "Pay"], "time_in_stage_hours_median": [36.0, 120.0, None]}
    )
    result = SimpleNamespace(friction=friction, measures=SimpleNamespace(stages=stages))
    data = data_answer(result)
    assert data.stages == ("Apply", "Decide", "Pay")
    assert data.friction == (12.0, 61.5, 30.0)
    assert data.days == (1.5, 5.0, None)  # 36 h and 120 h; no case finished Pay
