"""Resolving a journey map against a log's activities: stages, touchpoints, outcomes, survey."""

import math

import pytest

from audit.errors import AuditInputError
from audit.journey import compile_journey, parse_journey
from audit.journey.compiled import FRICTION_COMPONENTS
from audit.journey.survey import recognise_survey_columns

CLAIM = """\
journey: Claim
language: fi
stages:
  - name: Report
    promise: 24h
    description: The customer reports the damage.
    activities: [Claim received, "Register *"]
  - name: Assess
    activities: ["re:Assess (damage|car)", Request documents]
  - name: Pay
    activities: [Pay claim, Archive]
touchpoints:
  - activity: Claim received
    channel: web
  - activity: "Request *"
outcomes:
  good: [Claim paid]
  bad: ["Claim rej*"]
ongoing_after: 2w
weights:
  pingpong: 2.5
"""

ACTIVITIES = [
    "Claim received",
    "Register claim",
    "Register car",
    "Assess damage",
    "Assess damages",
    "Request documents",
    "Claim paid",
    "Claim rejected",
    "Pay claim",
    "Phone call",
]


def _journey(text: str = CLAIM):
    return parse_journey(text, "claim.yaml")


def _row(compiled, activity: str) -> dict:
    table = compiled.activities.set_index("activity")
    return table.loc[activity].to_dict()


def test_exact_names_and_patterns_resolve_in_stage_order():
    compiled = compile_journey(_journey(), ACTIVITIES)
    stages = compiled.activities.set_index("activity")["stage"]
    assert stages["Claim received"] == "Report"
    assert stages["Register claim"] == stages["Register car"] == "Report"
    assert stages["Assess damage"] == "Assess"
    assert stages["Request documents"] == "Assess"
    assert stages["Pay claim"] == "Pay"
    orders = compiled.activities.set_index("activity")["stage_order"]
    assert orders.dropna().to_dict() == {
        "Assess damage": 2,
        "Claim received": 1,
        "Pay claim": 3,
        "Register car": 1,
        "Register claim": 1,
        "Request documents": 2,
    }
    assert list(compiled.activities["activity"]) == sorted(ACTIVITIES)


def test_activities_no_stage_claims_are_kept_and_listed():
    compiled = compile_journey(_journey(), ACTIVITIES)
    # a regular expression must match the whole name: "Assess damages" is not claimed
    assert compiled.unmapped == ["Assess damages", "Claim paid", "Claim rejected", "Phone call"]
    assert len(compiled.activities) == len(ACTIVITIES)
    row = _row(compiled, "Phone call")
    assert row["stage"] is None or math.isnan(row["stage"])
    assert not row["is_touchpoint"]


def test_stage_table_promises_and_settings():
    compiled = compile_journey(_journey(), ACTIVITIES)
    stages = compiled.stages
    assert list(stages["stage"]) == ["Report", "Assess", "Pay"]
    assert list(stages["stage_order"]) == [1, 2, 3]
    assert stages["promise_hours"][0] == 24.0
    assert math.isnan(stages["promise_hours"][1])
    assert stages["description"][0] == "The customer reports the damage."
    assert compiled.name == "Claim"
    assert compiled.language == "fi"
    assert compiled.ongoing_after_hours == 336.0
    assert compiled.drafted is False
    assert set(compiled.weights) == set(FRICTION_COMPONENTS)
    assert compiled.weights["pingpong"] == 2.5
    assert compiled.weights["wait"] == 1.0


def test_touchpoints_and_outcomes():
    compiled = compile_journey(_journey(), ACTIVITIES)
    table = compiled.activities.set_index("activity")
    touchpoints = table[table["is_touchpoint"]]
    assert list(touchpoints.index) == ["Claim received", "Request documents"]
    assert touchpoints.loc["Claim received", "touchpoint_channel"] == "web"
    outcomes = table["outcome"].dropna().to_dict()
    assert outcomes == {"Claim paid": "good", "Claim rejected": "bad"}


def test_entries_that_match_nothing_are_warnings():
    compiled = compile_journey(_journey(), ACTIVITIES)
    assert compiled.warnings == ["stage 'Pay': name 'Archive' matches no activity in the log"]
    compiled = compile_journey(_journey(), ["Claim received", "Register claim"])
    assert "stage 'Assess': pattern 're:Assess (damage|car)' matches no activity in the log" in (
        compiled.warnings
    )
    assert "touchpoint pattern 'Request *' matches no activity in the log" in compiled.warnings
    assert "good outcome name 'Claim paid' matches no activity in the log" in compiled.warnings
    assert compiled.warnings[-1].startswith("no outcome activity of the map occurs in the log")


def _map(stages: str, extra: str = "") -> str:
    return "journey: J\nstages:\n" + stages + extra


def test_pattern_overlap_between_stages_is_an_error_naming_both():
    text = _map(
        "  - name: One\n    activities: ['Register *']\n"
        "  - name: Two\n    activities: ['* claim']\n"
    )
    with pytest.raises(AuditInputError) as caught:
        compile_journey(_journey(text), ["Register claim"])
    message = str(caught.value)
    assert message.startswith("claim.yaml: activity 'Register claim' is claimed by stage 'One'")
    assert "pattern 'Register *'" in message and "stage 'Two' (pattern '* claim')" in message


def test_one_exact_name_in_two_stages_is_an_error():
    text = _map("  - name: One\n    activities: [a]\n  - name: Two\n    activities: [b, a]\n")
    with pytest.raises(AuditInputError, match="'a' is claimed by stage 'One'.*stage 'Two'"):
        compile_journey(_journey(text), ["a", "b"])


def test_exact_name_wins_over_a_pattern_of_another_stage():
    text = _map(
        "  - name: Check\n    activities: ['Check *']\n"
        "  - name: Pay\n    activities: [Check payment, Pay]\n"
    )
    compiled = compile_journey(_journey(text), ["Check claim", "Check payment", "Pay"])
    stages = compiled.activities.set_index("activity")["stage"].to_dict()
    assert stages == {"Check claim": "Check", "Check payment": "Pay", "Pay": "Pay"}
    assert compiled.unmapped == []


def test_patterns_of_one_stage_may_overlap():
    text = _map("  - name: One\n    activities: ['Reg*', '*claim', Register claim]\n")
    compiled = compile_journey(_journey(text), ["Register claim"])
    assert compiled.activities["stage"].tolist() == ["One"]


def test_glob_wildcards_are_only_star_and_question_mark():
    text = _map("  - name: One\n    activities: ['Call [*]', 'T0? check']\n")
    activities = ["Call [phone]", "Call x", "T01 check", "T10 check", "T0 check"]
    compiled = compile_journey(_journey(text), activities)
    assert compiled.unmapped == ["Call x", "T0 check", "T10 check"]


def test_touchpoint_channels_that_disagree_are_an_error():
    text = _map(
        "  - name: One\n    activities: [a]\n",
        "touchpoints:\n  - activity: 'Call *'\n    channel: phone\n"
        "  - activity: '* customer'\n    channel: web\n",
    )
    with pytest.raises(AuditInputError, match="'Call customer' gets channel 'phone'.*'web'"):
        compile_journey(_journey(text), ["Call customer"])


def test_exact_touchpoint_wins_over_a_pattern():
    text = _map(
        "  - name: One\n    activities: [a]\n",
        "touchpoints:\n  - activity: 'Call *'\n    channel: phone\n"
        "  - activity: Call back\n    channel: sms\n",
    )
    compiled = compile_journey(_journey(text), ["Call back", "Call now"])
    channels = compiled.activities.set_index("activity")["touchpoint_channel"].to_dict()
    assert channels == {"Call back": "sms", "Call now": "phone"}


def test_outcomes_exact_wins_and_pattern_conflict_is_an_error():
    text = _map("  - name: One\n    activities: [a]\n", "outcomes:\n  good: ['Claim *']\n")
    compiled = compile_journey(
        _journey(text + "  bad: [Claim lost]\n"), ["Claim paid", "Claim lost"]
    )
    outcomes = compiled.activities.set_index("activity")["outcome"].to_dict()
    assert outcomes == {"Claim lost": "bad", "Claim paid": "good"}
    with pytest.raises(AuditInputError, match="'Claim lost' is both a good outcome.*bad outcome"):
        compile_journey(_journey(text + "  bad: ['* lost']\n"), ["Claim lost"])


def test_named_survey_columns_must_exist():
    text = _map("  - name: One\n    activities: [a]\n", "survey:\n  nps: nps_score\n")
    compiled = compile_journey(_journey(text), ["a"], ["case_id", "nps_score", "csat"])
    assert compiled.survey == {"nps": "nps_score"}  # named ones only: csat is not added
    with pytest.raises(AuditInputError) as caught:
        compile_journey(_journey(text), ["a"], ["case_id", "NPS"])
    message = str(caught.value)
    assert "survey column 'nps_score' (survey > nps) is not in the log" in message
    assert "case_id, NPS" in message


def test_survey_columns_are_recognised_by_name_when_the_map_names_none():
    compiled = compile_journey(_journey(), ACTIVITIES, ["case:NPS", "Customer Satisfaction", "x"])
    assert compiled.survey == {"nps": "case:NPS", "csat": "Customer Satisfaction"}
    assert "survey answers (nps) recognised in column 'case:NPS'" in compiled.notes


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (
            ["likelihood_to_recommend", "csat_score"],
            {"nps": "likelihood_to_recommend", "csat": "csat_score"},
        ),
        (["Customer-Effort-Score"], {"ces": "Customer-Effort-Score"}),
        (
            ["Tyytyväisyys", "suositteluhalukkuus"],
            {"csat": "Tyytyväisyys", "nps": "suositteluhalukkuus"},
        ),
        (["klanttevredenheid"], {"csat": "klanttevredenheid"}),
        (["nps_score", "nps"], {"nps": "nps"}),
        (["npsx", "unsatisfied", "activity"], {}),
    ],
)
def test_recognise_survey_columns(columns, expected):
    assert recognise_survey_columns(columns) == expected
