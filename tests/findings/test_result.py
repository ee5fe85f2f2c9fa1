"""The JSON contract (schema_version 1): keys, types and values on the hand-made audit."""

from __future__ import annotations

import json

import pytest

from audit.journey.compiled import FRICTION_COMPONENTS

from .builders import make_result


@pytest.fixture
def contract(measures, journey):
    document = make_result(measures, journey).to_json_dict()
    return json.loads(json.dumps(document, allow_nan=False))  # plain JSON, no NaN


def test_top_level_keys(contract):
    assert contract["schema_version"] == 1
    assert {
        "log",
        "data_quality",
        "journey",
        "totals",
        "stages",
        "handoff_pairs",
        "hotspots",
        "weakest_stage",
        "unmapped_activities",
        "experience",
    } <= set(contract)
    assert contract["weakest_stage"] == "Assessment"
    assert contract["unmapped_activities"] == ["Archive"]


def test_log_and_totals(contract):
    assert contract["log"] == {
        "source": "claims.csv",
        "cases": 40,
        "events": 290,
        "activities": 6,
        "first_event": "2024-01-02T08:00:00",
        "last_event": "2024-03-28T17:30:00",
        "rows_read": 300,
        "rows_dropped": 10,
        "handoff_basis": "org_unit",
        "has_start_times": False,
        "timezone": "Europe/Helsinki",
        "ongoing_cutoff": "2024-03-20T00:00:00",
        "engine": "duckdb",
    }
    totals = contract["totals"]
    for name in (
        "handoffs",
        "cases_with_handoff",
        "pingpongs",
        "pingpong_cases",
        "self_loops",
        "repetitions",
        "rework_cases",
        "back_jumps",
        "touchpoints",
        "dropoffs",
        "ongoing_cases",
    ):
        assert isinstance(totals[name], int), name
    assert totals["handoffs"] == 100


def test_stages_carry_measures_friction_and_components(contract):
    stages = {stage["stage"]: stage for stage in contract["stages"]}
    assert list(stages) == ["Intake", "Assessment", "Decision", "(unmapped)"]
    assessment = stages["Assessment"]
    assert assessment["order"] == 2
    assert isinstance(assessment["order"], int)
    assert assessment["wait_hours_p90"] == 60.0
    assert assessment["work_hours_median"] is None
    assert assessment["promise_hours"] is None
    assert assessment["promise_kept_share"] is None
    assert assessment["friction"] == 43.1
    # no case has a customer, so repeat contacts are not measured (not scored as 0)
    assert set(assessment["friction_components"]) == set(FRICTION_COMPONENTS) - {"repeat_contacts"}
    assert assessment["friction_components"]["pingpong"] == 0.75
    assert stages["Intake"]["promise_hours"] == 24.0
    unmapped = stages["(unmapped)"]
    assert (unmapped["order"], unmapped["friction"], unmapped["friction_components"]) == (
        None,
        None,
        None,
    )


def test_pairs_hotspots_and_experience(contract):
    assert contract["handoff_pairs"][0] == {
        "from": "Claims",
        "to": "Fraud check",
        "count": 30,
        "cases": 20,
        "wait_hours_median": 12.0,
    }
    first = contract["hotspots"][0]
    assert set(first) >= {"rank", "level", "name", "stage", "score", "evidence"}
    assert (first["rank"], first["level"], first["name"], first["stage"]) == (
        1,
        "stage",
        "Assessment",
        "Assessment",
    )
    assert first["evidence"].startswith("Assessment: one wait in ten")
    experience = contract["experience"]
    assert experience["survey"] == {"nps": "nps", "csat": "csat"}
    everyone = experience["groups"][0]
    assert (everyone["comparison"], everyone["group"], everyone["cases"]) == ("all", "all", 8)
    assert everyone["stage"] is None


def test_finnish_evidence_and_no_experience(measures, journey):
    journey.survey = {}
    document = make_result(measures, journey, language="fi").to_json_dict()
    assert document["language"] == "fi"
    assert document["hotspots"][0]["evidence"].startswith("Assessment: joka kymmenes")
    assert document["experience"] is None
