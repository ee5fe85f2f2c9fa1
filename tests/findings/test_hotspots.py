"""Hotspot ranking and evidence sentences (English and Finnish) on the hand-made audit."""

from __future__ import annotations

import pandas as pd
import pytest

from audit.findings.friction import stage_friction
from audit.findings.hotspots import HOTSPOT_COLUMNS, find_hotspots, top_hotspots

from .builders import make_journey, make_measures


@pytest.fixture
def hotspots(measures, journey):
    return find_hotspots(measures, journey, stage_friction(measures, journey))


def _level(hotspots, level):
    return hotspots[hotspots["level"] == level]


def test_levels_come_in_order_each_ranked_by_score(hotspots):
    assert list(hotspots.columns) == list(HOTSPOT_COLUMNS)
    assert list(dict.fromkeys(hotspots["level"])) == [
        "stage",
        "activity",
        "org_unit",
        "handoff_pair",
    ]
    stages = _level(hotspots, "stage")
    assert stages["name"].tolist() == ["Assessment", "Decision", "Intake"]
    assert stages["rank"].tolist() == [1, 2, 3]
    assert stages["score"].tolist() == pytest.approx([43.1, 15.6, 6.2], abs=0.051)
    activities = _level(hotspots, "activity")
    # 53.8, 52.2, 25.0, 16.7, 1.1; "Manual override" (1 case of 40) is not scored
    assert activities["name"].tolist() == [
        "Assess claim",
        "Fraud check",
        "Decide",
        "Request documents",
        "Register claim",
    ]
    assert activities["stage"].tolist()[:2] == ["Assessment", "Assessment"]
    assert _level(hotspots, "org_unit")["name"].tolist() == [
        "Fraud check",
        "Claims",
        "Service desk",
    ]
    pairs = _level(hotspots, "handoff_pair")
    assert pairs["name"].tolist() == [
        "Claims → Fraud check",
        "Fraud check → Claims",
        "Service desk → Claims",
        "Claims → Service desk",
    ]
    assert pairs["score"].tolist() == pytest.approx([88.9, 54.4, 27.8, 13.9])
    assert pairs["stage"].isna().all()


def test_stage_evidence_names_the_two_strongest_components_and_lost_customers(hotspots):
    stages = _level(hotspots, "stage").set_index("name")
    assert stages.loc["Assessment", "evidence_en"] == (
        "Assessment: one wait in ten is longer than 2.5 days (median wait 10.0 h); "
        "cases bounced back between units 24 times in 32 cases (ping-pong); "
        "customers were sent back to this stage 8 times; 25% of the cases that reached it "
        "ended here without an outcome (8 drop-offs)."
    )
    assert stages.loc["Assessment", "evidence_fi"] == (
        "Assessment: joka kymmenes odotus kestää yli 2,5 päivää (mediaaniodotus 10,0 h); "
        "tapaukset pomppasivat takaisin yksiköiden välillä 24 kertaa 32 tapauksessa (ping-pong); "
        "asiakas palautettiin tähän vaiheeseen 8 kertaa; 25 % tänne edenneistä tapauksista "
        "päättyi tähän ilman lopputulosta (8 keskeytystä)."
    )
    # wait 0.5 and promise 0.5 tie: the journey's component order decides
    assert stages.loc["Decision", "evidence_en"] == (
        "Decision: one wait in ten is longer than 30.0 h (median wait 5.0 h); "
        "the promise of 2.0 days was kept for only 50% of cases."
    )
    assert stages.loc["Decision", "evidence_fi"].endswith(
        "lupaus (2,0 päivää) pitää vain 50 % tapauksista."
    )
    assert stages.loc["Assessment", "components"]["pingpong"] == 0.75
    # Decision has neither back-jumps nor drop-offs; Intake has drop-offs (0.1, fifth)
    assert "drop-offs" not in stages.loc["Decision", "evidence_en"]
    assert stages.loc["Intake", "evidence_en"].endswith(
        "10% of steps change hands between units (8 handoffs); 10% of the cases that reached "
        "it ended here without an outcome (4 drop-offs)."
    )


def test_activity_unit_and_pair_evidence(hotspots):
    by_name = hotspots.set_index(["level", "name"])
    assert by_name.loc[("activity", "Assess claim"), "evidence_en"] == (
        "Assess claim (Assessment): one wait in ten before it is longer than 2.1 days "
        "(median 8.0 h); 50% of its 100 events arrive from another unit."
    )
    assert by_name.loc[("org_unit", "Claims"), "evidence_en"] == (
        "Claims: 20 ping-pongs through it in 40 cases; cases wait a median 4.0 h before its work."
    )
    assert by_name.loc[("org_unit", "Claims"), "evidence_fi"] == (
        "Claims: 20 ping-pong-palautusta sen kautta 40 tapauksessa; "
        "tapaukset odottavat sen työtä mediaanisti 4,0 h."
    )
    assert by_name.loc[("handoff_pair", "Claims → Fraud check"), "evidence_en"] == (
        "Claims → Fraud check: median wait after the handoff 12.0 h; 30 handoffs in 20 cases; "
        "20 times the case came straight back (ping-pong)."
    )


def test_items_without_friction_are_no_hotspots(journey):
    measures = make_measures()
    register = measures.activities["activity"] == "Register claim"
    measures.activities.loc[register, "wait_hours_p90"] = 0.0
    stages = stage_friction(measures, journey)
    names = find_hotspots(measures, make_journey(), stages)["name"].tolist()
    assert "Register claim" not in names
    assert "Request documents" in names


def test_top_hotspots_by_friction_or_by_what_a_fix_is_worth():
    """Three hotspots: a unit without a what-if scores most; of the two with one, the
    lower-scoring handoff saves more customer-days, so it comes first by worth."""
    table = pd.DataFrame(
        {
            "name": ["Finance", "Assessment", "A → B"],
            "score": [80.0, 60.0, 40.0],
            "what_if": [
                None,
                {"customer_days_saved_per_month": 10.0},
                {"customer_days_saved_per_month": 25.0},
            ],
        }
    )
    assert list(top_hotspots(table, "friction", 3)["name"]) == ["Finance", "Assessment", "A → B"]
    assert list(top_hotspots(table, "worth", 3)["name"]) == ["A → B", "Assessment", "Finance"]
    assert list(top_hotspots(table, "worth", 1)["name"]) == ["A → B"]
