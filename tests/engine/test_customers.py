"""Repeat contacts and labyrinth chains, on a hand-made log worked out by hand.

Times are hours after T0; 30 days = 720 h, 90 days = 2160 h. Journey: Apply (stage 1),
Reject/Grant (stage 2, bad/good outcome); a case without an outcome whose last event is
more than 1000 h before the log's end (h 2000) is a drop-off.

    customer P1: a  Apply 0,    Reject 48     bad
                 b  Apply 768,  Grant 800     good  starts exactly 30 days after a ended
                 c  Apply 1521, Grant 1530    good  starts 30 days + 1 h after b ended
    customer P2: d  Apply 0,    Grant 2000    good  (open while e and f start)
                 e  Apply 100,  Apply 120     drop-off
                 f  Apply 150,  Apply 160     drop-off
    customer P3: g  Apply 0,    Apply 10      drop-off   (one case only)
    no customer: h  Apply 0,    Grant 5       good
    customer P4: k2 and k1 both start at 0 (order by case id: k1 first); k1 ends 5, k2 6.

Repeat contacts: b (a ended 720 h before: the boundary counts), e and f (d still open;
both attributed to d, which ended last), k2 (k1 still open) = 4 of 9 cases with a customer;
c is not (721 h). Came back: a, d, k1. Customers 4, repeat customers 3 (P1, P2, P4).
Chains (3+ cases starting within 2160 h): P1 (0, 768, 1521) and P2 (0, 100, 150).
"""

from __future__ import annotations

import duckdb
import pytest

from audit.engine import measure
from audit.engine.customers import customer_measures
from tests.engine.builders import Ev, events_table, journey

JOURNEY = journey(
    [("Apply", None), ("Decide", None)],
    {"Apply": "Apply", "Reject": "Decide", "Grant": "Decide"},
    outcomes={"Reject": "bad", "Grant": "good"},
)

EVENTS = [
    Ev("a", "Apply", 0, customer="P1"),
    Ev("a", "Reject", 48, customer="P1"),
    Ev("b", "Apply", 768),  # the customer is on the second event only: first non-null
    Ev("b", "Grant", 800, customer="P1"),
    Ev("c", "Apply", 1521, customer="P1"),
    Ev("c", "Grant", 1530, customer="P1"),
    Ev("d", "Apply", 0, customer="P2"),
    Ev("d", "Grant", 2000, customer="P2"),
    Ev("e", "Apply", 100, customer="P2"),
    Ev("e", "Apply", 120, customer="P2"),
    Ev("f", "Apply", 150, customer="P2"),
    Ev("f", "Apply", 160, customer="P2"),
    Ev("g", "Apply", 0, customer="P3"),
    Ev("g", "Apply", 10, customer="P3"),
    Ev("h", "Apply", 0),
    Ev("h", "Grant", 5),
    Ev("k2", "Apply", 0, customer="P4"),
    Ev("k2", "Apply", 6, customer="P4"),
    Ev("k1", "Apply", 0, customer="P4"),
    Ev("k1", "Apply", 5, customer="P4"),
]


@pytest.fixture(scope="module")
def audited():
    con = duckdb.connect()
    con.register("events", events_table(EVENTS))
    measure(con, JOURNEY)
    return con, customer_measures(con, within_days=30)


def test_totals(audited):
    _, result = audited
    assert result.totals == {
        "customers": 4,
        "cases_with_customer": 9,
        "cases_without_customer": 1,
        "repeat_contacts": 4,
        "repeat_contact_customers": 3,
        "repeat_contact_share": pytest.approx(4 / 9),
        "repeat_within_days": 30.0,
        "labyrinth_customers": 2,
    }


def test_each_case(audited):
    con, _ = audited
    rows = con.execute(
        "SELECT case_id, customer, customer_order, is_repeat_contact, follows_case, came_back "
        "FROM customer_cases ORDER BY case_id"
    ).fetchall()
    assert rows == [
        ("a", "P1", 1, False, None, True),
        ("b", "P1", 2, True, "a", False),
        ("c", "P1", 3, False, None, False),
        ("d", "P2", 1, False, None, True),
        ("e", "P2", 2, True, "d", False),
        ("f", "P2", 3, True, "d", False),
        ("g", "P3", 1, False, None, False),
        ("k1", "P4", 1, False, None, True),
        ("k2", "P4", 2, True, "k1", False),
    ]


def test_a_shorter_window_moves_the_boundary(audited):
    con, _ = audited
    result = customer_measures(con, within_days=719 / 24)  # b now starts 1 h too late
    assert result.totals["repeat_contacts"] == 3


def test_shares_by_what_the_earlier_case_did(audited):
    """Seen: cases that ended by h 1280 (2000 - 720): a, b, e, f, g, k1, k2 (c, d not).
    Of those only a and k1 came back."""
    _, result = audited
    status = result.causes[result.causes["cause"] == "status"].set_index("value")
    assert status.loc["bad", ["cases", "came_back", "rest_cases", "rest_came_back"]].tolist() == [
        1,
        1,
        6,
        1,
    ]
    assert status.loc["bad", "came_back_share"] == 1.0
    assert status.loc["bad", "rest_share"] == pytest.approx(1 / 6)
    assert status.loc["dropoff", ["cases", "came_back"]].tolist() == [5, 1]
    assert status.loc["good", ["cases", "came_back", "rest_came_back"]].tolist() == [1, 0, 2]
    stage = result.causes[result.causes["cause"] == "last_stage"].set_index("value")
    # a and b end in Decide (a came back); e, f, g, k1, k2 end in Apply (k1 came back)
    assert stage.loc["Decide", ["cases", "came_back"]].tolist() == [2, 1]
    assert stage.loc["Apply", ["cases", "came_back"]].tolist() == [5, 1]


def test_repeat_contacts_count_at_the_stage_where_the_earlier_case_ended(audited):
    _, result = audited
    assert dict(zip(result.stages["stage"], result.stages["repeat_contacts"], strict=True)) == {
        "Decide": 3,  # b after a, e and f after d
        "Apply": 1,  # k2 after k1
    }


def test_labyrinth_chains(audited):
    _, result = audited
    chains = result.chains
    assert chains["customer"].tolist() == ["P1", "P2"]
    assert [list(ids) for ids in chains["case_ids"]] == [["a", "b", "c"], ["d", "e", "f"]]
    assert [list(statuses) for statuses in chains["statuses"]] == [
        ["bad", "good", "good"],
        ["good", "dropoff", "dropoff"],
    ]


def test_no_customer_column_gives_none():
    con = duckdb.connect()
    con.register("events", events_table([Ev("x", "Apply", 0), Ev("x", "Grant", 1)]))
    measure(con, JOURNEY)
    assert customer_measures(con) is None
