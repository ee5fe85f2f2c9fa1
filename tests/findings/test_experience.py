"""Survey scores against friction on eight hand-made cases (NPS worked out by hand).

NPS answers: c1 10, c2 9, c3 8, c4 7, c5 6, c6 3, c7 0, c8 11 (out of range: missing).
Promoters answer 9-10, detractors 0-6; NPS = 100 * (promoters - detractors) / answers.
"""

from __future__ import annotations

import pytest

from audit.findings.experience import experience_sentences, measure_experience

from .builders import make_journey, make_measures, survey_cases


@pytest.fixture
def experience(measures, journey):
    return measure_experience(measures, journey)


def _group(experience, comparison, group, stage=None):
    row = experience.row(comparison, group, stage)
    return {
        "cases": int(row["cases"]),
        "answers": int(row["nps_answers"]),
        "nps": float(row["nps"]),
        "mean": float(row["nps_mean"]),
    }


def test_every_case(experience):
    # 2 promoters, 3 detractors (6, 3, 0) of 7 answers; mean 43 / 7
    assert _group(experience, "all", "all") == pytest.approx(
        {"cases": 8, "answers": 7, "nps": -100 / 7, "mean": 43 / 7}
    )
    everyone = experience.row("all", "all")
    assert (everyone["csat_answers"], everyone["csat_mean"]) == (2, 4.5)  # "n/a" is missing


def test_by_number_of_handoffs(experience):
    groups = experience.table[experience.table["comparison"] == "handoffs"]
    assert groups["group"].tolist() == ["0", "1", "2", "3+"]
    assert groups["cases"].tolist() == [2, 2, 2, 2]
    assert groups["nps"].tolist() == pytest.approx([100, 0, -100, -100])  # 3+: c7 only answers
    assert groups["nps_mean"].tolist() == pytest.approx([9.5, 7.5, 4.5, 0.0])


def test_with_and_without_friction(experience):
    # ping-pong in c5, c6, c7; without: c1 c2 c3 c4 (c8 no valid answer): 2 promoters of 4
    assert _group(experience, "pingpong", "without") == pytest.approx(
        {"cases": 5, "answers": 4, "nps": 50, "mean": 8.5}
    )
    assert _group(experience, "pingpong", "with")["nps"] == -100
    # rework in c3, c6, c7: 8, 3, 0 -> 0 promoters, 2 detractors of 3
    assert _group(experience, "rework", "with") == pytest.approx(
        {"cases": 3, "answers": 3, "nps": -200 / 3, "mean": 11 / 3}
    )
    assert _group(experience, "rework", "without")["nps"] == pytest.approx(25)


def test_promise_kept_or_broken_leaves_out_cases_without_a_promise(experience):
    # c8 never reached the promised Intake stage; c5 and c7 broke the promise
    assert _group(experience, "promise", "kept") == pytest.approx(
        {"cases": 5, "answers": 5, "nps": 20, "mean": 7.4}
    )
    assert _group(experience, "promise", "broken") == pytest.approx(
        {"cases": 2, "answers": 2, "nps": -100, "mean": 3.0}
    )


def test_weakest_quarter_of_each_stage(experience):
    stages = experience.table[experience.table["comparison"] == "stage"]
    assert stages["stage"].unique().tolist() == ["Intake", "Assessment"]  # not "(unmapped)"
    # Assessment times 1..8 h: the longest quarter is c8 and c7 (only c7 answers: 0)
    assert _group(experience, "stage", "weakest", "Assessment") == pytest.approx(
        {"cases": 2, "answers": 1, "nps": -100, "mean": 0.0}
    )
    assert _group(experience, "stage", "rest", "Assessment")["nps"] == pytest.approx(0)
    # Intake, 7 cases: NTILE(4) makes groups of 2, 2, 2, 1; the first holds c7 (20 h), c5 (10 h)
    assert _group(experience, "stage", "weakest", "Intake") == pytest.approx(
        {"cases": 2, "answers": 2, "nps": -100, "mean": 3.0}
    )
    assert _group(experience, "stage", "rest", "Intake")["nps"] == pytest.approx(20)


def test_sentences_in_english_and_finnish(experience):
    assert experience_sentences(experience, "en", "Assessment") == [
        "NPS 100 at 0 vs -100 at 3+ handoffs per case (2 cases)",
        "NPS 50 without ping-pong vs -100 with ping-pong (3 cases)",
        "NPS 20 when promises were kept vs -100 when one was broken (2 cases)",
        "NPS 25 without rework vs -67 with rework (3 cases)",
        "NPS -100 for the quarter of cases slowest through Assessment vs 0 for the rest (2 cases)",
    ]
    finnish = experience_sentences(experience, "fi")
    assert finnish[1] == "NPS 50 ilman ping-pongia ja -100 ping-pongin kanssa (3 tapausta)"
    assert len(finnish) == 4  # no stage sentence without a weakest stage


def test_mean_score_is_quoted_without_nps():
    cases = survey_cases().assign(csat=["5", "5", "4", "4", "2", "1", "1", None])
    experience = measure_experience(make_measures(cases), make_journey(survey={"csat": "csat"}))
    assert list(experience.survey) == ["csat"]
    assert "nps" not in experience.table.columns
    # without ping-pong: 5, 5, 4, 4 -> 4.5; with: 2, 1, 1 -> 1.3
    assert experience_sentences(experience, "en")[1] == (
        "mean CSAT 4.5 without ping-pong vs 1.3 with ping-pong (3 cases)"
    )
    assert experience_sentences(experience, "fi")[1].startswith("CSAT-keskiarvo 4,5 ilman")


def test_no_experience_without_survey_columns():
    assert measure_experience(make_measures(), make_journey(survey={})) is None
    assert measure_experience(make_measures(), make_journey(survey={"nps": "missing"})) is None
