"""Following one customer across cases, and the customers who came back, on the hand-made
log of tests/engine/test_customers.py (its docstring works the cases out; 30-day window).

    P1: a 0-48 (Reject, bad), b 768-800 (Grant), c 1521-1530 (Grant)
    P2: d 0-2000 (Grant), e 100-120 and f 150-160 (Apply only: drop-offs)
    P4: k1 0-5, k2 0-6 (Apply only)

Gaps run from the end of the earlier case that ended last to the case's start: b 768 - 48
= 720 h (a repeat contact, on the boundary), c 1521 - 800 = 721 h (not one), e 100 - 2000 =
-1900 h and f 150 - 2000 = -1850 h (d still open), k2 0 - 5 = -5 h.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from audit.engine import measure
from audit.engine.customers import (
    JOURNEY_COLUMNS,
    customer_journey,
    customer_measures,
    repeat_contact_customers,
)
from tests.engine.builders import Ev, events_table
from tests.engine.test_customers import EVENTS, JOURNEY


def measured(events: list[Ev]) -> duckdb.DuckDBPyConnection:
    """A connection in which the events were measured with the test journey and their
    customers across cases (30-day window)."""
    connection = duckdb.connect()
    connection.register("events", events_table(events))
    measure(connection, JOURNEY)
    customer_measures(connection, within_days=30)
    return connection


@pytest.fixture(scope="module")
def con():
    return measured(EVENTS)


def test_one_customer_in_order_with_gaps_and_endings(con):
    journey = customer_journey(con, "P1")
    assert list(journey.columns) == list(JOURNEY_COLUMNS)
    assert journey["case_id"].tolist() == ["a", "b", "c"]
    assert journey["customer_order"].tolist() == [1, 2, 3]
    assert journey["status"].tolist() == ["bad", "good", "good"]
    assert journey["ending_activity"].tolist() == ["Reject", "Grant", "Grant"]
    assert journey["is_repeat_contact"].tolist() == [False, True, False]
    assert journey["earlier_case"].tolist()[1:] == ["a", "b"]
    assert pd.isna(journey["earlier_case"].iloc[0])
    assert journey["follows_case"].tolist()[1] == "a"
    assert pd.isna(journey["follows_case"].iloc[2])  # 721 h: beyond the window
    assert pd.isna(journey["gap_hours"].iloc[0])
    assert journey["gap_hours"].tolist()[1:] == [720.0, 721.0]
    assert journey["came_back"].tolist() == [True, False, False]


def test_cases_started_while_an_earlier_one_was_open_have_negative_gaps(con):
    journey = customer_journey(con, "P2")
    assert journey["case_id"].tolist() == ["d", "e", "f"]
    assert journey["earlier_case"].tolist()[1:] == ["d", "d"]  # d ended last
    assert journey["gap_hours"].tolist()[1:] == [-1900.0, -1850.0]
    assert journey["status"].tolist() == ["good", "dropoff", "dropoff"]
    # no outcome: the case ended with its last event
    assert journey["ending_activity"].tolist() == ["Grant", "Apply", "Apply"]


def test_an_unknown_customer_has_no_cases(con):
    journey = customer_journey(con, "nobody")
    assert journey.empty
    assert list(journey.columns) == list(JOURNEY_COLUMNS)


def test_customers_who_came_back_worst_first(con):
    """P2 has two repeat contacts; P1 and P4 one each, P1 with more cases; P3 none."""
    ranked = repeat_contact_customers(con)
    assert ranked["customer"].tolist() == ["P2", "P1", "P4"]
    assert ranked["cases"].tolist() == [3, 3, 2]
    assert ranked["repeat_contacts"].tolist() == [2, 1, 1]
    assert ranked["shortest_gap_hours"].tolist() == [-1900.0, 720.0, -5.0]
    assert repeat_contact_customers(con, limit=2)["customer"].tolist() == ["P2", "P1"]


def test_ties_in_repeat_contacts_and_cases_go_to_the_quickest_return():
    """Q1 came back after 10 h, Q2 after 5 h: Q2 is worse."""
    connection = measured(
        [
            Ev("q1a", "Apply", 0, customer="Q1"),
            Ev("q1b", "Apply", 10, customer="Q1"),
            Ev("q2a", "Apply", 0, customer="Q2"),
            Ev("q2b", "Apply", 5, customer="Q2"),
        ]
    )
    assert repeat_contact_customers(connection)["customer"].tolist() == ["Q2", "Q1"]


def test_a_customer_name_with_quotes_is_a_value_not_sql():
    name = "O'Brien'); DROP TABLE customer_cases; --"
    connection = measured([Ev("x", "Apply", 0, customer=name), Ev("y", "Apply", 5, customer=name)])
    assert customer_journey(connection, name)["case_id"].tolist() == ["x", "y"]
