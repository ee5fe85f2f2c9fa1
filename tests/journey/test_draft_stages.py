"""Drafted stages: how many (natural breaks) and what they are called (their activities)."""

import pytest

from audit.journey import draft_journey
from audit.journey.grouping import explained_spreads, natural_breaks, stage_count
from audit.journey.stage_names import StageName, stage_names

from .builders import event_log, hourly


def test_natural_breaks():
    assert natural_breaks([0.0, 0.1, 0.5, 0.55, 0.9, 1.0], 3) == [0, 2, 4]
    assert natural_breaks([0.0, 1.0], 5) == [0, 1]
    assert natural_breaks([0.3], 1) == [0]


def test_explained_spread_of_evenly_spread_positions():
    # 0, 1/6, ..., 1: squared spread 28/36 = 0.778. Two groups {0..3/6} {4/6..1} leave
    # 0.139 + 0.056 = 0.194 (75%); three {0, 1/6} {2/6..4/6} {5/6, 1} leave
    # 0.014 + 0.056 + 0.014 = 0.083 (89%); four leave 3 x 0.014 = 0.042 (95%)
    positions = [step / 6 for step in range(7)]
    shares = explained_spreads(positions, 4)
    assert shares == pytest.approx([0.0, 0.75, 0.89286, 0.94643], abs=1e-4)
    assert stage_count(positions) == 4


@pytest.mark.parametrize(
    ("positions", "stages"),
    [
        ([0.0, 0.02, 0.98, 1.0], 2),  # two tight clusters
        ([0.0, 0.02, 0.04, 0.5, 0.52, 0.97, 1.0], 3),  # three
        ([0.0, 0.0, 1.0], 2),  # two distinct positions
        ([0.5, 0.5, 0.5], 1),  # no spread at all
        ([i / 39 for i in range(40)], 4),  # evenly spread: 1 - 1/k² first reaches 90% at 4
        ([i / 99 for i in range(100)], 4),
    ],
)
def test_the_number_of_stages_follows_natural_breaks(positions, stages):
    assert stage_count(positions) == stages


def test_a_draft_has_as_many_stages_as_the_breaks_say():
    # typical positions 0 (Apply), 0.5 (Check, Verify), 1 (Approved, Rejected): three clusters
    traces = [["Apply", "Check", "Approved"], ["Apply", "Verify", "Rejected"]]
    journey = draft_journey(event_log(hourly(traces)))
    assert [stage.activities for stage in journey.stages] == [
        ["Apply"],
        ["Check", "Verify"],
        ["Approved", "Rejected"],
    ]
    assert journey.notes[1] == (
        "3 stages: the natural breaks in where the 5 activities typically occur in a case "
        "explain 100% of the spread of those positions."
    )


EVENTS = {"Release A": 671, "Release B": 56, "Return ER": 294, "Release E": 6}


def test_a_stage_is_named_after_the_words_most_of_its_activities_share():
    groups = [
        ["Confirmation of receipt", "T02 Check confirmation of receipt", "Register"],
        ["Release A", "Release B", "Release E", "Return ER"],
    ]
    events = {"T02 Check confirmation of receipt": 5, "Confirmation of receipt": 9, **EVENTS}
    assert stage_names(groups, events) == [
        # the span from the first to the last shared word, in the busiest activity that
        # has them all; "of" is a function word and names nothing
        StageName("Confirmation of receipt", ("confirmation", "receipt"), 2),
        StageName("Release", ("release",), 3),
    ]


def test_words_that_most_of_the_log_shares_name_no_stage():
    groups = [
        ["Declaration SUBMITTED by EMPLOYEE", "Declaration REJECTED by ADMINISTRATION"],
        ["Declaration APPROVED by SUPERVISOR", "Declaration FINAL_APPROVED by SUPERVISOR"],
        ["Request Payment", "Payment Handled"],
    ]
    names = stage_names(groups, {})
    # "Declaration" is in 4 of 6 names; what the first and last share is written once
    assert names[0] == StageName("Declaration SUBMITTED by EMPLOYEE … REJECTED by ADMINISTRATION")
    # "approved" (also in FINAL_APPROVED) and "supervisor" are in both, and in 2 of 6 names
    assert names[1] == StageName("APPROVED by SUPERVISOR", ("approved", "supervisor"), 2)
    assert names[2] == StageName("Payment", ("payment",), 2)


def test_stages_without_shared_words_single_activities_long_names_and_repeats():
    long_first = "T09-1 Process or receive external advice from party 1"
    groups = [
        ["Admission IC", "IV Liquid", "CRP"],
        ["Decide"],
        [long_first, "T07-2 Draft intern memo for aspect 2"],
        ["Decide", "Approve"],
    ]
    names = [name.name for name in stage_names(groups, {})]
    assert names == [
        "Admission IC … CRP",
        "Decide",
        "T09-1 Process or receive external advice… … T07-2 Draft intern memo for aspect 2",
        "Decide … Approve",
    ]
    assert [n.name for n in stage_names([["Decide"], ["Decide "], ["decide"]], {})] == [
        "Decide",
        "Decide  (2)",
        "decide (3)",
    ]


def test_drafted_stage_names_and_their_descriptions():
    traces = [
        ["ER Registration", "ER Triage", "CRP", "Release A"],
        ["ER Registration", "ER Triage", "CRP", "Release B"],
    ]
    journey = draft_journey(event_log(hourly(traces)))
    names = {stage.name: stage.description for stage in journey.stages}
    assert names == {
        "ER": "Drafted: 2 activities, typically 0% to 33% of the way through a case. "
        "Named after the words 2 of them share.",
        "CRP": "Drafted: typically 67% of the way through a case.",
        "Release": "Drafted: 2 activities, typically 100% of the way through a case. "
        "Named after the words 2 of them share.",
    }
