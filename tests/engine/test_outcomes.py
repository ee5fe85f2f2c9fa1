"""Outcomes, drop-off vs ongoing, effort and silence."""

from __future__ import annotations

import pandas as pd

from audit.engine import measure_table

from .builders import Ev, events_table, journey

STAGES = [("Apply", None), ("Decide", None)]
ACTIVITIES = {
    "Submit": "Apply",
    "Remind": "Apply",
    "Review": "Decide",
    "Approve": "Decide",
    "Reject": "Decide",
    "Note": None,
}
SERVICE = journey(
    STAGES,
    ACTIVITIES,
    touchpoints=frozenset({"Submit", "Remind"}),
    outcomes={"Approve": "good", "Reject": "bad"},
    ongoing_after_hours=48.0,
)

# The log ends at hour 200 (o6), so the cut-off is 200 - 48 = 152: a case without an
# outcome whose last event is after 152 is ongoing, otherwise it dropped off.
LOG = [
    # o1: good (Approve is its last outcome event)
    Ev("o1", "Submit", 0),
    Ev("o1", "Review", 10),
    Ev("o1", "Approve", 20),
    # o2: Approve then Reject then a Review: the *last* outcome event decides -> bad
    Ev("o2", "Submit", 0),
    Ev("o2", "Approve", 25),
    Ev("o2", "Reject", 30),
    Ev("o2", "Review", 40),
    # o3: no outcome, last event 100 <= 152 -> dropoff at Decide; silence 50 (0 -> 50)
    Ev("o3", "Submit", 0),
    Ev("o3", "Remind", 50),
    Ev("o3", "Review", 100),
    # o4: no outcome, last event 160 > 152 -> ongoing; silence 10
    Ev("o4", "Submit", 150),
    Ev("o4", "Remind", 160),
    # o5: dropoff; its last *mapped* event is Submit -> counted at Apply
    Ev("o5", "Submit", 0),
    Ev("o5", "Note", 5),
    # o6: only an unmapped event at 200 -> ongoing
    Ev("o6", "Note", 200),
    # o7: only an unmapped event at 10 -> dropoff counted in the "(unmapped)" row
    Ev("o7", "Note", 10),
    # o8: last event exactly at the cut-off 152 -> not after it -> dropoff at Apply
    Ev("o8", "Submit", 152),
    # o9: three touchpoints at 0, 5, 25: silence max(5, 20) = 20, one repeated (Remind);
    #     dropoff at Apply
    Ev("o9", "Submit", 0),
    Ev("o9", "Remind", 5),
    Ev("o9", "Remind", 25),
]


def test_status_of_each_case():
    measures = measure_table(events_table(LOG), SERVICE)
    status = measures.cases.set_index("case_id")["status"].to_dict()
    assert status == {
        "o1": "good",
        "o2": "bad",
        "o3": "dropoff",
        "o4": "ongoing",
        "o5": "dropoff",
        "o6": "ongoing",
        "o7": "dropoff",
        "o8": "dropoff",
        "o9": "dropoff",
    }
    totals = measures.totals
    assert (totals["good_outcomes"], totals["bad_outcomes"]) == (1, 1)
    assert (totals["dropoffs"], totals["ongoing_cases"]) == (5, 2)
    assert measures.log["ongoing_cutoff"] == "2024-01-07T08:00:00"  # T0 + 152 h
    assert measures.log["ongoing_after_hours"] == 48.0


def test_dropoffs_are_counted_at_the_last_stage_reached():
    measures = measure_table(events_table(LOG), SERVICE)
    dropoffs = measures.stages.set_index("stage")["dropoffs"].to_dict()
    # Apply: o5, o8, o9; Decide: o3; (unmapped): o7
    assert dropoffs == {"Apply": 3, "Decide": 1, "(unmapped)": 1}
    last = measures.cases.set_index("case_id")
    assert last.loc["o5", "last_stage"] == "Apply"
    assert last.loc["o3", ["last_stage", "last_stage_order"]].tolist() == ["Decide", 2]
    assert pd.isna(last.loc["o7", "last_stage"])


def test_effort_and_silence():
    cases = measure_table(events_table(LOG), SERVICE).cases.set_index("case_id")
    assert cases.loc["o9", ["touchpoints", "repeated_touchpoints"]].tolist() == [3, 1]
    assert cases.loc["o9", "silence_hours"] == 20.0
    assert cases.loc["o3", "silence_hours"] == 50.0
    assert cases.loc["o4", "silence_hours"] == 10.0
    assert pd.isna(cases.loc["o1", "silence_hours"])  # one touchpoint: no silence
    assert cases.loc["o7", "touchpoints"] == 0


def test_silence_ends_when_the_next_touchpoint_starts():
    # Submit completes at 0; Remind starts at 30 and completes at 40: the customer heard
    # nothing for 30 hours.
    events = [Ev("s", "Submit", 0), Ev("s", "Remind", 40, start=30)]
    cases = measure_table(events_table(events), SERVICE).cases
    assert cases.loc[0, "silence_hours"] == 30.0


def test_ongoing_cut_off_from_the_waits_when_the_journey_sets_none():
    # waits 10 (p1), 20 (p2), 5 (p3); 95th percentile of [5, 10, 20] = 10 + 0.9 * 10 = 19.
    # The log ends at 100, so the cut-off is 81: p1 (last 10) and p2 (last 20) dropped off,
    # p3 (last 100) is ongoing.
    events = [
        Ev("p1", "Submit", 0),
        Ev("p1", "Remind", 10),
        Ev("p2", "Submit", 0),
        Ev("p2", "Remind", 20),
        Ev("p3", "Submit", 95),
        Ev("p3", "Remind", 100),
    ]
    compiled = journey(STAGES, ACTIVITIES, ongoing_after_hours=None)
    measures = measure_table(events_table(events), compiled)
    assert abs(measures.log["ongoing_after_hours"] - 19.0) < 1e-9
    assert measures.log["ongoing_cutoff"] == "2024-01-04T09:00:00"  # T0 + 81 h
    status = measures.cases.set_index("case_id")["status"].to_dict()
    assert status == {"p1": "dropoff", "p2": "dropoff", "p3": "ongoing"}
