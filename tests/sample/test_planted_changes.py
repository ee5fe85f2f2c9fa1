"""The shipped example's planted changes, found by the trend and the segments.

sample_logs/insurance_claims.csv (2,000 claims from January 2025, cut at the export on
5 January 2026) carries two changes (audit.sample): claims arriving from 1 September no
longer bounce between Assessment and Fraud check, and customers who first wrote a letter
are asked again for documents more often. The audit by month and by channel must find
exactly these: the changes between the window's first and last quarter are all in
Assessment (the ping-pong and what it caused: its rework and time), and the segments that
do worse than the other customers are the letters, in Provide documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.pipeline import run_audit

REPO = Path(__file__).resolve().parents[2]
HIGHER_IS_WORSE = {"pingpong_share", "rework_share", "dropoff_share", "time_in_stage_hours_median"}


@pytest.fixture(scope="module")
def audited():
    return run_audit(
        REPO / "sample_logs" / "insurance_claims.csv",
        journey=REPO / "sample_logs" / "insurance_claims.journey.yaml",
        by="month",
        segment="Channel",
    )


def test_the_trend_covers_every_month(audited):
    periods = [row["period"] for row in audited.to_json_dict()["trend"]]
    months = sorted(set(periods))
    assert months == [f"2025-{m:02d}-01" for m in range(1, 13)] + ["2026-01-01"]
    january_2026 = [r for r in audited.to_json_dict()["trend"] if r["period"] == "2026-01-01"]
    assert not any(r["trusted"] for r in january_2026)  # a few days' claims: too few


def test_the_trend_finds_the_pingpong_fix(audited):
    changes = audited.trend.changes
    found = changes[changes["significant"]]
    assert set(found["stage"]) == {"Assessment"}
    pingpong = found[found["measure"] == "pingpong_share"].iloc[0]
    assert pingpong["value"] == 0 and pingpong["rest_value"] > 0.1


def test_the_segments_find_the_letters(audited):
    json = audited.to_json_dict()["segments"]
    assert json["column"] == "Channel"
    assert {row["segment"] for row in json["rows"]} == {"web", "phone", "e-mail", "letter"}
    differences = audited.segments.differences
    found = differences[differences["significant"]]
    worse = found[
        (found["change"] > 0) == found["measure"].isin(HIGHER_IS_WORSE)
    ]  # promise_kept_share: lower is worse
    assert set(zip(worse["segment"], worse["stage"], strict=True)) == {
        ("letter", "Provide documents")
    }
    assert "rework_share" in set(worse["measure"])


def test_the_trend_agrees_with_plain_pandas(audited):
    """Independently of the engine's SQL: each case's month from its first event (pandas),
    then per month and stage the cases, the median time in stage and the share of promises
    kept, from the per-case tables."""
    cases = audited.measures.cases
    month = cases["first_event"].dt.to_period("M").dt.start_time
    per_case = audited.measures.case_stages.merge(
        cases[["case_id"]].assign(period=month), on="case_id"
    )
    expected = (
        per_case.assign(kept=per_case["promise_kept"].astype("float"))
        .groupby(["period", "stage"])
        .agg(
            cases=("case_id", "size"),
            time_in_stage_hours_median=("time_in_stage_hours", "median"),
            promise_kept_share=("kept", "mean"),
        )
    )
    rows = audited.trend.rows
    found = rows[rows["cases"] > 0].set_index(["period", "stage"])[expected.columns]
    assert len(found) == len(expected) > 50  # every month and stage the cases reached
    expected = expected.loc[found.index]
    assert found["cases"].tolist() == expected["cases"].tolist()
    for column in ("time_in_stage_hours_median", "promise_kept_share"):
        assert found[column].to_numpy() == pytest.approx(expected[column].to_numpy())
