"""Self-loops, repetitions, repeat vs redo, and repeated touchpoints."""

from __future__ import annotations

import duckdb

from audit.engine import case_steps, measure

from .builders import Ev, events_table, journey

REWORK = journey(
    [("Handle", None)],
    {"A": "Handle", "B": "Handle", "C": "Handle"},
    touchpoints=frozenset({"A"}),
)

# r1: A(p) A(p) B(q) A(q) A(?) B(q) C(?)
#   2nd A: self-loop; same resource as the A before (p)            -> repeat
#   4th event A: repetition (B in between); latest earlier A is p  -> redo (q)
#   5th event A: self-loop; its resource is unknown                -> neither
#   6th event B: repetition; latest earlier B is q                 -> repeat
# r2: A(p) B(x) A(q) C(x) A(q)
#   3rd event A: repetition vs A(p)                                -> redo
#   5th event A: repetition vs the *latest* earlier A (q)          -> repeat
LOG = [
    Ev("r1", "A", 0, resource="p"),
    Ev("r1", "A", 1, resource="p"),
    Ev("r1", "B", 2, resource="q"),
    Ev("r1", "A", 3, resource="q"),
    Ev("r1", "A", 4),
    Ev("r1", "B", 5, resource="q"),
    Ev("r1", "C", 6),
    Ev("r2", "A", 0, resource="p"),
    Ev("r2", "B", 1, resource="x"),
    Ev("r2", "A", 2, resource="q"),
    Ev("r2", "C", 3, resource="x"),
    Ev("r2", "A", 4, resource="q"),
]


def _measure():
    con = duckdb.connect()
    con.register("events", events_table(LOG))
    return measure(con, REWORK), case_steps(con, ["r1", "r2"])


def test_self_loop_and_repetition_flags():
    _, steps = _measure()
    r1 = steps[steps["case_id"] == "r1"]
    assert r1["is_self_loop"].tolist() == [False, True, False, False, True, False, False]
    assert r1["is_repetition"].tolist() == [False, False, False, True, False, True, False]


def test_rework_totals_split_into_repeat_and_redo():
    measures, _ = _measure()
    totals = measures.totals
    assert totals["self_loops"] == 2
    assert totals["repetitions"] == 2 + 2
    assert totals["repeats"] == 2 + 1
    assert totals["redos"] == 1 + 1
    assert totals["rework_cases"] == 2
    cases = measures.cases.set_index("case_id")
    # r1: rework 4, but only 3 of them have both resources known
    assert cases.loc["r1", ["rework", "repeats", "redos"]].tolist() == [4, 2, 1]
    assert cases.loc["r2", ["rework", "repeats", "redos"]].tolist() == [2, 1, 1]


def test_rework_per_activity():
    activities = _measure()[0].activities.set_index("activity")
    columns = ["self_loops", "repetitions", "repeats", "redos"]
    # A: self-loops r1 x2; repetitions r1 x1 + r2 x2; repeats r1 x1 + r2 x1; redos r1 + r2
    assert activities.loc["A", columns].tolist() == [2, 3, 2, 2]
    assert activities.loc["B", columns].tolist() == [0, 1, 1, 0]
    assert activities.loc["C", columns].tolist() == [0, 0, 0, 0]


def test_repeated_touchpoints_are_effort_again():
    cases = _measure()[0].cases.set_index("case_id")
    # A is the touchpoint: r1 has 4 A events (3 repeated), r2 has 3 (2 repeated)
    assert cases.loc["r1", ["touchpoints", "repeated_touchpoints"]].tolist() == [4, 3]
    assert cases.loc["r2", ["touchpoints", "repeated_touchpoints"]].tolist() == [3, 2]
