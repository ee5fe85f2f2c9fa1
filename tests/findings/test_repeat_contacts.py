"""Why customers come back: causes weighed against the rest, ranked, and told in words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from audit.engine.customers import CustomerMeasures
from audit.findings.repeat_contacts import repeat_contact_causes, top_cause
from audit.pipeline import run_audit
from audit.stats import two_proportion_p

REPO = Path(__file__).resolve().parents[2]


def _measures(rows: list[tuple]) -> CustomerMeasures:
    causes = pd.DataFrame(
        rows, columns=["cause", "value", "cases", "came_back", "rest_cases", "rest_came_back"]
    )
    causes["came_back_share"] = causes["came_back"] / causes["cases"]
    causes["rest_share"] = causes["rest_came_back"] / causes["rest_cases"]
    totals = {"repeat_within_days": 30.0}
    return CustomerMeasures(totals=totals, causes=causes, stages=pd.DataFrame())


MEASURES = _measures(
    [
        # 12 of 40 badly ended cases came back (30 %), 12 of the other 200 (6 %)
        ("status", "bad", 40, 12, 200, 12),
        ("status", "good", 200, 12, 40, 12),
        ("had_pingpong", "true", 30, 4, 210, 20),  # 13 % vs 10 %: not beyond chance
        ("channel", "phone", 19, 10, 221, 14),  # too few cases to weigh
    ]
)


def test_causes_are_weighed_ranked_and_explained():
    causes = repeat_contact_causes(MEASURES)
    assert causes[["cause", "value"]].values.tolist() == [
        ["status", "bad"],  # significant, +24 points
        ["status", "good"],  # significant, -24 points
        ["had_pingpong", "true"],  # not significant
    ]
    bad = causes.iloc[0]
    assert bad["difference"] == pytest.approx(0.30 - 0.06)
    assert bad["p_value"] == pytest.approx(two_proportion_p(12, 40, 12, 200))
    assert bool(bad["significant"]) and not bool(causes.iloc[2]["significant"])
    assert bad["evidence_en"] == (
        "30% of customers whose case ended badly came back within 30 days, against 6% of "
        "the rest (12 of 40 cases)"
    )
    assert bad["evidence_fi"] == (
        "30 % asiakkaista, joiden tapaus päättyi huonosti, palasi 30 päivän kuluessa, muista "
        "6 % (12/40 tapausta)"
    )
    assert top_cause(causes)["value"] == "bad"


def test_without_customers_there_is_nothing_to_weigh():
    assert repeat_contact_causes(None).empty
    assert top_cause(repeat_contact_causes(None)) is None


def test_the_example_finds_the_planted_cause():
    """The generator makes customers whose claim was rejected complain within two weeks
    (most often after ping-pong): the top cause is a claim that ended badly."""
    result = run_audit(
        REPO / "sample_logs" / "insurance_claims.csv",
        journey=REPO / "sample_logs" / "insurance_claims.journey.yaml",
    )
    top = top_cause(repeat_contact_causes(result.measures.customers))
    assert (top["cause"], top["value"]) == ("status", "bad")
    assert top["came_back_share"] > 4 * top["rest_share"]
