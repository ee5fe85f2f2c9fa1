"""Handoffs between units, their waits, ping-pong, and the handoff basis."""

from __future__ import annotations

import duckdb

from audit.engine import case_steps, measure, measure_table

from .builders import Ev, events_table, journey

ACTIVITIES = {name: "Handle" for name in ("a", "b", "c", "d", "e", "f")}
HANDLE = journey([("Handle", None)], ACTIVITIES)

# h1: units X, (none), Y, Y, X, Z at hours 0, 1, 3, 4, 7, 8
#     handoffs: X->Y at 3 (wait 3 - 1 = 2; the unit-less event is skipped, not a unit),
#               Y->X at 7 (wait 3), X->Z at 8 (wait 1)           -> 3 handoffs
#     collapsed units X, Y, X, Z: X returns via Y at 7           -> 1 ping-pong (X via Y)
# h2: units X, X, Y, X at hours 0, 1, 2, 4
#     handoffs X->Y at 2 (wait 1), Y->X at 4 (wait 2)            -> 2 handoffs
#     collapsed X, Y, X                                          -> 1 ping-pong (X via Y)
# h3: units X, Y, Z, X at hours 0, 1, 2, 3: 3 handoffs (waits 1), no ping-pong
# h4: one event in Y: nothing
LOG = [
    Ev("h1", "a", 0, unit="X"),
    Ev("h1", "b", 1),
    Ev("h1", "c", 3, unit="Y"),
    Ev("h1", "d", 4, unit="Y"),
    Ev("h1", "e", 7, unit="X"),
    Ev("h1", "f", 8, unit="Z"),
    Ev("h2", "a", 0, unit="X"),
    Ev("h2", "b", 1, unit="X"),
    Ev("h2", "c", 2, unit="Y"),
    Ev("h2", "d", 4, unit="X"),
    Ev("h3", "a", 0, unit="X"),
    Ev("h3", "b", 1, unit="Y"),
    Ev("h3", "c", 2, unit="Z"),
    Ev("h3", "d", 3, unit="X"),
    Ev("h4", "a", 0, unit="Y"),
]


def test_handoff_and_pingpong_totals():
    totals = measure_table(events_table(LOG), HANDLE).totals
    assert totals["handoffs"] == 3 + 2 + 3
    assert totals["cases_with_handoff"] == 3
    assert totals["pingpongs"] == 2
    assert totals["pingpong_cases"] == 2
    assert totals["handoffs_per_case"] == 8 / 4


def test_handoff_pairs_with_their_waits():
    pairs = measure_table(events_table(LOG), HANDLE).handoff_pairs
    got = {
        (row.from_unit, row.to_unit): (row.count, row.cases, row.wait_hours_median)
        for row in pairs.itertuples()
    }
    assert got == {
        ("X", "Y"): (3, 3, 1.0),  # waits h1 2, h2 1, h3 1 -> median 1
        ("Y", "X"): (2, 2, 2.5),  # waits h1 3, h2 2 -> median 2.5
        ("X", "Z"): (1, 1, 1.0),
        ("Y", "Z"): (1, 1, 1.0),
        ("Z", "X"): (1, 1, 1.0),
    }


def test_pingpong_pairs_and_units():
    measures = measure_table(events_table(LOG), HANDLE)
    assert measures.pingpong_pairs.to_dict("records") == [
        {"unit": "X", "via_unit": "Y", "count": 2, "cases": 2}
    ]
    units = measures.org_units.set_index("org_unit")
    # X: events h1 2 + h2 3 + h3 2 = 7; in: h1@7, h2@4, h3@3; out: X->Y 3 + X->Z 1
    assert units.loc[
        "X", ["events", "cases", "handoffs_in", "handoffs_out", "pingpongs"]
    ].tolist() == [
        7,
        3,
        3,
        4,
        2,
    ]
    # Y: events h1 2 + h2 1 + h3 1 + h4 1 = 5; in: X->Y 3; out: Y->X 2 + Y->Z 1
    assert units.loc["Y", ["events", "handoffs_in", "handoffs_out"]].tolist() == [5, 3, 3]
    # Z: in X->Z 1 + Y->Z 1, out Z->X 1; handoff waits 1 and 1
    assert units.loc["Z", ["events", "handoffs_in", "handoffs_out"]].tolist() == [2, 2, 1]
    assert units.loc["Z", "handoff_wait_hours_median"] == 1.0
    assert measures.log["handoff_basis"] == "org_unit"


def test_flags_of_a_case_that_bounces_twice():
    # X, Y, X, Y: the third event returns to X via Y, the fourth to Y via X -> 2 ping-pongs
    events = [
        Ev("p", name, hour, unit=unit)
        for name, hour, unit in zip("abcd", range(4), "XYXY", strict=True)
    ]
    con = duckdb.connect()
    con.register("events", events_table(events))
    measures = measure(con, HANDLE)
    steps = case_steps(con, ["p"])
    assert steps["is_handoff"].tolist() == [False, True, True, True]
    assert steps["is_pingpong"].tolist() == [False, False, True, True]
    assert steps["unit"].tolist() == ["X", "Y", "X", "Y"]
    assert sorted(map(tuple, measures.pingpong_pairs[["unit", "via_unit"]].values.tolist())) == [
        ("X", "Y"),
        ("Y", "X"),
    ]


def test_handoff_basis_falls_back_to_resource():
    # no org units at all: resources ann, bob, ann -> 2 handoffs and 1 ping-pong
    events = [
        Ev("r", "a", 0, resource="ann"),
        Ev("r", "b", 1, resource="bob"),
        Ev("r", "c", 2, resource="ann"),
    ]
    measures = measure_table(events_table(events), HANDLE)
    assert measures.log["handoff_basis"] == "resource"
    assert measures.totals["handoffs"] == 2
    assert measures.totals["pingpongs"] == 1
    assert set(measures.org_units["org_unit"]) == {"ann", "bob"}


def test_org_unit_wins_over_resource_when_any_event_has_one():
    # one org unit in the log: resources are ignored; the single unit gives no handoff
    events = [
        Ev("r", "a", 0, resource="ann", unit="Desk"),
        Ev("r", "b", 1, resource="bob"),
        Ev("r", "c", 2, resource="ann"),
    ]
    measures = measure_table(events_table(events), HANDLE)
    assert measures.log["handoff_basis"] == "org_unit"
    assert measures.totals["handoffs"] == 0


def test_no_units_no_handoffs():
    events = [Ev("n", "a", 0), Ev("n", "b", 1)]
    measures = measure_table(events_table(events), HANDLE)
    assert measures.log["handoff_basis"] is None
    assert measures.totals["handoffs"] == 0
    assert measures.org_units.empty
    assert measures.handoff_pairs.empty
