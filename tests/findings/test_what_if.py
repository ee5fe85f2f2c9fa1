"""What a fix is worth: the median lead time run again in DuckDB with a hotspot's long waits
cut down to the log's typical wait, on hand-made logs worked out in the docstrings."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.engine.measure import measure
from audit.engine.steps import EVENTS_VIEW
from audit.engine.what_if import DAYS_PER_MONTH, RULE, what_if_measures
from audit.errors import AuditInputError
from audit.findings.friction import stage_friction
from audit.findings.hotspots import find_hotspots, order_hotspots
from audit.findings.result import AuditResult
from audit.pipeline import run_audit
from audit.sample import generate_table
from tests.engine.builders import Ev, events_table, journey

ROOT = Path(__file__).resolve().parents[2]
SERVICE = journey([("Service", None)], {"ask": "Service", "check": "Service", "answer": "Service"})


def _events() -> list[Ev]:
    """Four cases in one stage; units A and B hand the case over (hours after T0):

    c1: ask 0 (A), check 10 (B, wait 10, A→B), answer 12 (A, wait 2, B→A)   lead 12
    c2: ask 0 (A), check 2 (B, wait 2, A→B),   answer 4 (A, wait 2, B→A)    lead 4
    c3: ask 0 (A), check 30 (B, wait 30, A→B), answer 31 (A, wait 1, B→A)   lead 31
    c4: ask 0 (A), answer 4 (A, wait 4, no handoff)                          lead 4
    """
    return [
        Ev("c1", "ask", 0, unit="A"),
        Ev("c1", "check", 10, unit="B"),
        Ev("c1", "answer", 12, unit="A"),
        Ev("c2", "ask", 0, unit="A"),
        Ev("c2", "check", 2, unit="B"),
        Ev("c2", "answer", 4, unit="A"),
        Ev("c3", "ask", 0, unit="A"),
        Ev("c3", "check", 30, unit="B"),
        Ev("c3", "answer", 31, unit="A"),
        Ev("c4", "ask", 0, unit="A"),
        Ev("c4", "answer", 4, unit="A"),
    ]


@pytest.fixture
def audited():
    """The connection the hand-made log was measured in, and its measures."""
    con = duckdb.connect()
    con.register(EVENTS_VIEW, events_table(_events()))
    yield con, measure(con, SERVICE)
    con.close()


def test_cutting_one_handoffs_waits_moves_the_median_lead_time_by_hand(audited):
    """Waits longer than zero: 10, 2, 2, 2, 30, 1, 4; sorted 1 2 2 2 4 10 30, so the typical
    wait is 2 h. A→B's waits 10, 2, 30: c1's is cut by 8 h, c3's by 28 h (2 cases, 36 h).
    Lead times 12, 4, 31, 4: median (4 + 12) / 2 = 8 h; after the cuts 4, 4, 3, 4: median
    4 h, four hours shorter. The log spans 31 h, under a month: counted as one month, so
    36 h / 24 = 1.5 customer-days a month.
    B→A's waits 2, 2, 1 are none longer than 2 h: nothing changes.
    The stage Service holds every wait: 10, 30 and c4's 4 are cut (by 8, 28, 2): leads
    4, 4, 3, 2, median (3 + 4) / 2 = 3.5 h, three cases, 38 h."""
    con, _ = audited
    found = what_if_measures(con, ["Service"], [("A", "B"), ("B", "A")])
    assert found["level"].tolist() == ["stage", "handoff_pair", "handoff_pair"]
    assert found["typical_wait_hours"].tolist() == [2.0, 2.0, 2.0]
    assert found["lead_time_hours_median_before"].tolist() == [8.0, 8.0, 8.0]
    assert found["lead_time_hours_median_after"].tolist() == [3.5, 4.0, 8.0]
    assert found["cases_affected"].tolist() == [3, 2, 0]
    assert found["cut_hours"].tolist() == pytest.approx([38.0, 36.0, 0.0])
    assert found["months"].tolist() == [1.0, 1.0, 1.0]
    assert found["customer_days_saved_per_month"].tolist() == pytest.approx([38 / 24, 1.5, 0.0])


def test_months_are_the_logs_span_in_average_months():
    """c1: ask 0 (A), check 10 (B, wait 10); c2: ask 1400 (A), check 1401 (B, wait 1),
    answer 1461 (A, wait 60). Typical wait: median of 10, 1, 60 = 10 h. A→B cuts nothing;
    B→A cuts c2's 60 h wait by 50 h. The log spans 1461 h = 60.875 days = 2 months of
    30.4375 days: 50 / 24 / 2 customer-days a month; lead times 10 and 61 h, median 35.5 h,
    after 10 and 11 h, median 10.5 h."""
    events = [
        Ev("c1", "ask", 0, unit="A"),
        Ev("c1", "check", 10, unit="B"),
        Ev("c2", "ask", 1400, unit="A"),
        Ev("c2", "check", 1401, unit="B"),
        Ev("c2", "answer", 1461, unit="A"),
    ]
    con = duckdb.connect()
    con.register(EVENTS_VIEW, events_table(events))
    measure(con, SERVICE)
    found = what_if_measures(con, [], [("B", "A")])
    assert DAYS_PER_MONTH == 30.4375
    assert found["months"].tolist() == [2.0]
    assert found["customer_days_saved_per_month"].tolist() == pytest.approx([50 / 24 / 2])
    assert found["lead_time_hours_median_before"].tolist() == [35.5]
    assert found["lead_time_hours_median_after"].tolist() == [10.5]


def test_hotspots_carry_their_what_if_and_say_it(audited):
    con, measures = audited
    friction = stage_friction(measures, SERVICE)
    hotspots = find_hotspots(measures, SERVICE, friction, con)
    by_name = hotspots.set_index("name")
    pair = by_name.loc["A → B", "what_if"]
    assert pair == {
        "lead_time_hours_median_before": 8.0,
        "lead_time_hours_median_after": 4.0,
        "cases_affected": 2,
        "customer_days_saved_per_month": 1.5,
        "typical_wait_hours": 2.0,
        "rule": RULE,
    }
    assert by_name.loc["A → B", "what_if_en"] == (
        "Bringing the waits at A → B down to the typical 2.0 h would cut the median lead "
        "time from 8.0 h to 4.0 h for 2 cases: 2 customer-days a month."
    )
    assert by_name.loc["B → A", "what_if_en"].startswith("No wait at B → A is longer than")
    assert "8,0 h" in by_name.loc["A → B", "what_if_fi"]
    # activities and org units are not scored for a fix of their waits
    others = hotspots[hotspots["level"].isin(["activity", "org_unit"])]
    assert others["what_if"].isna().all()
    # without the connection there is nothing to run the what-if in
    assert find_hotspots(measures, SERVICE, friction)["what_if"].isna().all()

    result = AuditResult(
        source="x.csv",
        timezone="UTC",
        quality={},
        journey=SERVICE,
        measures=measures,
        friction=friction,
        hotspots=hotspots,
        weakest_stage=None,
        experience=None,
    )
    document = {h["name"]: h for h in result.to_json_dict()["hotspots"]}
    assert document["A → B"]["what_if"]["lead_time_hours_median_after"] == 4.0
    assert document["A → B"]["what_if"]["sentence"] == by_name.loc["A → B", "what_if_en"]


def test_hotspots_ordered_by_worth_within_each_level(audited):
    """By worth the stage stays first among the levels; among the pairs A → B (1.5
    customer-days a month) comes before B → A (none), whatever their friction rank."""
    con, measures = audited
    hotspots = find_hotspots(measures, SERVICE, stage_friction(measures, SERVICE), con)
    ordered = order_hotspots(hotspots, "worth")
    assert ordered["level"].tolist() == hotspots["level"].tolist()
    pairs = ordered[ordered["level"] == "handoff_pair"]["name"].tolist()
    assert pairs == ["A → B", "B → A"]
    assert order_hotspots(ordered, "friction")["name"].tolist() == hotspots["name"].tolist()


def test_the_large_log_path_gives_the_same_what_ifs(tmp_path):
    """The what-if runs in DuckDB over the tables `measure` builds, so a log audited in place
    (the large-log path) is worth the same as the same log read into memory."""
    path = tmp_path / "claims.parquet"
    pq.write_table(generate_table(200, seed=5), path)
    journey_map = ROOT / "sample_logs" / "insurance_claims.journey.yaml"
    in_memory = run_audit(path, journey=journey_map, large=False).hotspots
    in_place = run_audit(path, journey=journey_map, large=True).hotspots
    what_ifs = [w for w in in_memory["what_if"] if isinstance(w, dict)]
    assert len(what_ifs) >= 2 and any(w["cases_affected"] for w in what_ifs)
    assert in_place["name"].tolist() == in_memory["name"].tolist()
    for there, here in zip(in_place["what_if"], in_memory["what_if"], strict=True):
        if not isinstance(here, dict):
            assert there is None
            continue
        assert there.pop("rule") == here.pop("rule") == RULE
        assert there == pytest.approx(here)


def test_the_command_line_orders_the_hotspots_by_worth(tmp_path):
    """`journey-audit audit --order-hotspots worth` writes each level's hotspots most
    customer-days a month first; an unknown order is refused before the audit runs."""
    log = ROOT / "sample_logs" / "insurance_claims.csv"
    journey_map = ROOT / "sample_logs" / "insurance_claims.journey.yaml"
    args = ["audit", str(log), "--journey", str(journey_map), "--out", str(tmp_path)]
    result = CliRunner().invoke(app, [*args, "--order-hotspots", "worth"])
    assert result.exit_code == 0, result.output
    hotspots = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))["hotspots"]
    for level in ("stage", "handoff_pair"):
        days = [
            h["what_if"]["customer_days_saved_per_month"] for h in hotspots if h["level"] == level
        ]
        assert len(days) > 1 and days == sorted(days, reverse=True)
    ranks = [h["rank"] for h in hotspots if h["level"] == "handoff_pair"]
    assert ranks != sorted(ranks)  # the worth order is not the friction order here
    elsewhere = tmp_path / "not-written"
    args[-1] = str(elsewhere)
    refused = CliRunner().invoke(app, [*args, "--order-hotspots", "best"])
    assert isinstance(refused.exception, AuditInputError)  # exit status 2 from the command
    assert "choose one of: friction, worth" in str(refused.exception)
    assert not elsewhere.exists()
