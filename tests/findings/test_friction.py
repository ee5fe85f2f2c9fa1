"""Friction components and scores on the hand-made audit (numbers worked out by hand)."""

from __future__ import annotations

import pytest

from audit.findings.friction import (
    activity_friction,
    contributions,
    handoff_pair_friction,
    org_unit_friction,
    stage_friction,
)
from audit.findings.hotspots import weakest_stage
from audit.journey.compiled import FRICTION_COMPONENTS

from .builders import make_journey, make_measures


def _components(table, key, name):
    return table.set_index(key).loc[name].to_dict()


def test_stage_components_follow_the_formulas(measures, journey):
    table = stage_friction(measures, journey)
    assert table["stage"].tolist() == ["Intake", "Assessment", "Decision"]  # no "(unmapped)"
    assessment = _components(table, "stage", "Assessment")
    # wait 60/60; handoffs 80/160; ping-pong 24/32; rework (8+24)/160; back-jumps 8/32;
    # no promise; drop-off 8/32; silence 48/48 * (1 - 16/32).
    assert assessment == pytest.approx(
        {
            "order": 2,
            "wait": 1.0,
            "handoffs": 0.5,
            "pingpong": 0.75,
            "rework": 0.2,
            "back_jumps": 0.25,
            "promise": 0.0,
            "dropoff": 0.25,
            "silence": 0.5,
            "friction": 100 * 3.45 / 8,
        }
    )
    intake = _components(table, "stage", "Intake")
    # wait 6/60, handoffs 8/80, rework 8/80, promise 1 - 0.9, drop-off 4/40; one contact
    # per case, so no silence although the stage takes time.
    assert intake["wait"] == pytest.approx(0.1)
    assert intake["promise"] == pytest.approx(0.1)
    assert intake["silence"] == 0.0
    assert intake["friction"] == pytest.approx(100 * 0.5 / 8)
    decision = _components(table, "stage", "Decision")
    # wait 30/60, handoffs 12/48, promise 1 - 0.5.
    assert decision["friction"] == pytest.approx(100 * (0.5 + 0.25 + 0.5) / 8)


def test_weights_of_the_journey_file_shift_the_score():
    measures = make_measures()
    table = stage_friction(measures, make_journey({"wait": 2.0, "promise": 3.0}))
    scores = table.set_index("stage")["friction"].to_dict()
    # total weight 2 + 3 + 6 * 1 = 11
    assert scores["Assessment"] == pytest.approx(100 * (2 * 1.0 + 2.45) / 11)
    assert scores["Intake"] == pytest.approx(100 * (2 * 0.1 + 3 * 0.1 + 0.3) / 11)
    assert scores["Decision"] == pytest.approx(100 * (2 * 0.5 + 0.25 + 3 * 0.5) / 11)


def test_weakest_stage_is_the_highest_score_and_follows_the_weights(measures, journey):
    assert weakest_stage(stage_friction(measures, journey)) == "Assessment"
    promise_heavy = make_journey({"promise": 20.0})
    # Assessment 3.45 / 27 = 12.8 points; Decision (0.5 + 0.25 + 20 * 0.5) / 27 = 39.8
    assert weakest_stage(stage_friction(measures, promise_heavy)) == "Decision"


def test_zero_weights_give_zero_scores_and_no_weakest_stage(measures):
    silent = make_journey(dict.fromkeys(FRICTION_COMPONENTS, 0.0))
    table = stage_friction(measures, silent)
    assert table["friction"].tolist() == [0.0, 0.0, 0.0]
    assert weakest_stage(table) is None


def test_contributions_add_up_to_the_score(measures, journey):
    table = stage_friction(measures, journey).set_index("stage")
    row = table.loc["Assessment"].drop(["order", "friction"])
    points = contributions(row, journey.weights)
    assert points.sum() == pytest.approx(table.loc["Assessment", "friction"])
    assert points.index[:2].tolist() == ["wait", "pingpong"]
    assert points["wait"] == pytest.approx(12.5)


def test_activities_met_by_few_cases_are_not_scored(measures, journey):
    table = activity_friction(measures, journey).set_index("activity")
    # "Manual override" has 1 case of 40, below 5 %: its 500 h wait must not set the scale.
    assert "Manual override" not in table.index
    assess = table.loc["Assess claim"]
    # wait 50/60, handoffs 50/100, rework (8+20)/100
    assert assess["wait"] == pytest.approx(50 / 60)
    assert assess["friction"] == pytest.approx(100 * (50 / 60 + 0.5 + 0.28) / 3)
    assert table.loc["Fraud check", "friction"] == pytest.approx(100 * (1 + 0.5 + 4 / 60) / 3)


def test_org_unit_components(measures, journey):
    table = org_unit_friction(measures, journey).set_index("org_unit")
    # Fraud check: wait 12/12, handoffs in 30/60, ping-pongs 4/20
    assert table.loc["Fraud check", "friction"] == pytest.approx(100 * 1.7 / 3)
    # Claims: wait 4/12, handoffs in 60/200, ping-pongs 20/40
    assert table.loc["Claims", "friction"] == pytest.approx(100 * (4 / 12 + 0.3 + 0.5) / 3)


def test_handoff_pair_components_count_the_bounces(measures, journey):
    table = handoff_pair_friction(measures, journey).set_index(["from_unit", "to_unit"])
    assert ("Fraud check", "Service desk") not in table.index  # 1 case of 40
    there = table.loc[("Claims", "Fraud check")]
    # 30 of the most frequent 30; wait 12 of 12; 20 of its 30 handoffs came straight back
    assert there["bounced_back"] == 20
    assert there["pingpong"] == pytest.approx(20 / 30)
    assert there["friction"] == pytest.approx(100 * (1 + 1 + 20 / 30) / 3)
    back = table.loc[("Fraud check", "Claims")]
    assert back["friction"] == pytest.approx(100 * (1 + 0.5 + 4 / 30) / 3)
    assert table.loc[("Service desk", "Claims"), "bounced_back"] == 0
