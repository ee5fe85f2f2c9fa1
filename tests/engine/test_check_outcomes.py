"""Outcomes still to be judged ("check"): an ending, but neither good nor bad.

A case whose only outcome events are to check has status "check": it ended, so it is not a
drop-off nor ongoing. A good or bad outcome anywhere in the case says more and decides, even
when an outcome to check comes after it.
"""

from __future__ import annotations

from audit.engine import measure_table

from .agreement import assert_agrees
from .builders import Ev, events_table, journey
from .reference import reference_measures

SERVICE = journey(
    [("Apply", None), ("Leave", None)],
    {"Submit": "Apply", "Review": "Apply", "Approve": "Leave", "Release": "Leave"},
    outcomes={"Approve": "good", "Release": "check"},
    ongoing_after_hours=48.0,
)

# The log ends at hour 200, so the cut-off is 152.
LOG = [
    # k1: ends with the outcome to check -> check
    Ev("k1", "Submit", 0),
    Ev("k1", "Release", 10),
    # k2: good, then the outcome to check: the good outcome decides -> good
    Ev("k2", "Submit", 0),
    Ev("k2", "Approve", 5),
    Ev("k2", "Release", 6),
    # k3: the outcome to check, then more work: it still ended there -> check
    Ev("k3", "Submit", 0),
    Ev("k3", "Release", 3),
    Ev("k3", "Review", 4),
    # k4: no outcome, last event 20 <= 152 -> dropoff
    Ev("k4", "Submit", 0),
    Ev("k4", "Review", 20),
    # k5: no outcome, last event 200 > 152 -> ongoing
    Ev("k5", "Submit", 200),
]


def test_status_check_is_an_ending_that_good_or_bad_outweighs():
    measures = measure_table(events_table(LOG), SERVICE)
    status = measures.cases.set_index("case_id")["status"].to_dict()
    assert status == {
        "k1": "check",
        "k2": "good",
        "k3": "check",
        "k4": "dropoff",
        "k5": "ongoing",
    }
    totals = measures.totals
    assert totals["check_outcomes"] == 2
    assert (totals["good_outcomes"], totals["bad_outcomes"]) == (1, 0)
    assert (totals["dropoffs"], totals["ongoing_cases"]) == (1, 1)
    assert measures.stages.set_index("stage")["dropoffs"].to_dict() == {"Apply": 1, "Leave": 0}


def test_check_outcomes_agree_with_the_plain_calculation():
    table = events_table(LOG)
    assert_agrees(measure_table(table, SERVICE), reference_measures(table.to_pandas(), SERVICE))
