"""The trend: stage measures per period in which cases started, on a hand-made log.

Times are hours after T0 = Monday 2024-01-01 00:00. Journey: Apply (promise 5 h), then
Decide (Grant = good outcome); the log ends at h 2000 and a case without an outcome whose
last event is before h 1000 is a drop-off, after it ongoing.

    a  Apply 0 (X), Apply 2 (Y), Apply 4 (X), Grant 10 (X)   good; X -> Y -> X: 1 ping-pong
    b  Apply 240 (Thu 11 Jan), Grant 250                       good
    c  Apply 840 (Mon 5 Feb), Apply 850                        drop-off at Apply
    d  Apply 960 (Sat 10 Feb), Grant 2000                      good
    e  Apply 1990 (Sat 23 Mar)                                 ongoing

Time in Apply (waits before its events): a 2 + 2 = 4, b 0, c 10, d 0, e 0; the promise
(5 h) is broken by c only. By month: January a, b; February c, d; March e.

    January  Apply: 2 cases, 4 events, 2 handoffs, 1 ping-pong (1 case), median 2 h,
                    promise kept 1.0, 0 drop-offs; Decide: 2 cases, waits 6 and 10
    February Apply: 2 cases, 3 events, median 5 h, promise kept 0.5, 1 drop-off;
                    Decide: 1 case, wait 1040
    March    Apply: 1 case (ongoing: March has no ended case); Decide: 0 cases

By week the cases start in the weeks of 1 Jan (a), 8 Jan (b), 5 Feb (c, d), 18 Mar (e);
by quarter all five in the one starting 1 Jan.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from audit.engine import measure
from audit.engine.trend import trend_measures
from audit.errors import AuditInputError
from audit.findings.trend import window_quarters
from tests.engine.builders import Ev, events_table, journey

JOURNEY = journey(
    [("Apply", 5.0), ("Decide", None)],
    {"Apply": "Apply", "Grant": "Decide"},
    outcomes={"Grant": "good"},
)

EVENTS = [
    Ev("a", "Apply", 0, unit="X"),
    Ev("a", "Apply", 2, unit="Y"),
    Ev("a", "Apply", 4, unit="X"),
    Ev("a", "Grant", 10, unit="X"),
    Ev("b", "Apply", 240),
    Ev("b", "Grant", 250),
    Ev("c", "Apply", 840),
    Ev("c", "Apply", 850),
    Ev("d", "Apply", 960),
    Ev("d", "Grant", 2000),
    Ev("e", "Apply", 1990),
]

SUMMED = ["cases", "events", "handoffs", "pingpongs", "pingpong_cases", "dropoffs"]


@pytest.fixture(scope="module")
def audited():
    connection = duckdb.connect()
    connection.register("events", events_table(EVENTS))
    measures = measure(connection, JOURNEY)
    yield connection, measures
    connection.close()


@pytest.fixture(scope="module")
def con(audited):
    return audited[0]


def _row(table, period: str, stage: str):
    rows = table[(table["period"] == dt.date.fromisoformat(period)) & (table["stage"] == stage)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_month_by_month(con):
    trend = trend_measures(con, "month")
    table = trend.stages.assign(period=trend.stages["period"].dt.date)
    assert sorted(set(table["period"])) == [
        dt.date(2024, 1, 1),
        dt.date(2024, 2, 1),
        dt.date(2024, 3, 1),
    ]
    january = _row(table, "2024-01-01", "Apply")
    assert january[["cases", "events", "handoffs", "pingpongs", "pingpong_cases"]].tolist() == [
        2,
        4,
        2,
        1,
        1,
    ]
    assert january["time_in_stage_hours_median"] == pytest.approx(2.0)
    assert january["promise_kept_share"] == pytest.approx(1.0)
    assert january["dropoffs"] == 0
    assert _row(table, "2024-01-01", "Decide")["wait_hours_median"] == pytest.approx(8.0)
    february = _row(table, "2024-02-01", "Apply")
    assert february[["cases", "events", "dropoffs", "pingpong_cases"]].tolist() == [2, 3, 1, 0]
    assert february["time_in_stage_hours_median"] == pytest.approx(5.0)
    assert february["promise_kept_share"] == pytest.approx(0.5)
    assert _row(table, "2024-02-01", "Decide")["wait_hours_p90"] == pytest.approx(1040.0)
    assert _row(table, "2024-03-01", "Apply")["cases"] == 1
    assert _row(table, "2024-03-01", "Decide")["cases"] == 0


def test_only_ended_cases_are_tested(con):
    trend = trend_measures(con, "month")
    ended = trend.ended.assign(period=trend.ended["period"].dt.date)
    assert dt.date(2024, 3, 1) not in set(ended["period"])  # e, still open, is left out
    assert _row(ended, "2024-02-01", "Apply")["cases"] == 2
    assert sorted(trend.members["case_id"]) == ["a", "b", "c", "d"]


def test_weeks_start_on_monday_and_quarters_in_january(con):
    weeks = trend_measures(con, "week").stages
    apply = weeks[weeks["stage"] == "Apply"]
    apply = apply.set_index(apply["period"].dt.date)["cases"]
    assert apply.to_dict() == {
        dt.date(2024, 1, 1): 1,
        dt.date(2024, 1, 8): 1,
        dt.date(2024, 2, 5): 2,
        dt.date(2024, 3, 18): 1,
    }
    quarters = trend_measures(con, "quarter").stages
    assert quarters["period"].dt.date.unique().tolist() == [dt.date(2024, 1, 1)]
    assert quarters.set_index("stage").loc["Apply", "cases"] == 5


@pytest.mark.parametrize("by", ["day", "week", "month", "quarter"])
def test_the_periods_add_up_to_the_stage_table(audited, by):
    """Whatever the period, every count of the stage table is split over the periods."""
    con, measures = audited
    stages = measures.stages.set_index("stage")[SUMMED[:4] + ["dropoffs"]]
    summed = trend_measures(con, by).stages.groupby("stage")[stages.columns].sum()
    assert summed.loc[stages.index].astype(int).equals(stages.astype(int))


def test_an_unknown_period_is_refused(con):
    with pytest.raises(AuditInputError, match="unknown trend period 'year'"):
        trend_measures(con, "year")


@pytest.mark.parametrize(
    ("periods", "first", "last"),
    [(1, 0, 0), (2, 1, 1), (3, 1, 1), (4, 1, 1), (5, 2, 2), (13, 4, 4)],
)
def test_the_window_quarters(periods, first, last):
    head, tail = window_quarters(list(range(periods)))
    assert (len(head), len(tail)) == (first, last)
    assert head == list(range(first)) and tail == list(range(periods - last, periods))
