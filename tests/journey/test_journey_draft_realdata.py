"""Drafting journey maps from real public logs (../shared/realdata; see its README).

Logs: BPI Challenge 2012 (van Dongen, doi:10.4121/uuid:3926db30-f712-4394-aebc-75976070e91f),
help desk (Polato, doi:10.4121/uuid:0c60edf1-6f83-4e75-9367-4c63b3e9d5bb), receipt phase of
an environmental permit process (Buijs, doi:10.4121/uuid:a07386a5-7be3-4367-9535-70bc9e77dbe6)
and sepsis cases (Mannhardt, doi:10.4121/uuid:915d2bfb-7e84-49ad-a286-dc35f063a460).
"""

import pytest

from audit.journey import compile_journey, draft_journey, dump_journey, parse_journey
from audit.pipeline import run_audit

from .conftest import REALDATA

pytestmark = pytest.mark.realdata


def _stage_of(journey, activity: str) -> int:
    """1-based number of the stage that lists ``activity``."""
    return next(n for n, s in enumerate(journey.stages, start=1) if activity in s.activities)


def _check_complete_draft(journey, table, stages: int) -> None:
    """The draft has the expected number of stages, lists each activity in exactly one stage,
    and reads back into a map that maps every activity without warnings."""
    activities = set(table.column("activity").to_pylist())
    listed = [activity for stage in journey.stages for activity in stage.activities]
    assert len(journey.stages) == stages
    assert sorted(listed) == sorted(activities)
    compiled = compile_journey(parse_journey(dump_journey(journey)), activities)
    assert compiled.unmapped == []
    assert compiled.warnings == []
    assert compiled.drafted


def test_bpic2012_loan_applications(bpic2012_events):
    table = bpic2012_events
    journey = draft_journey(table)
    # 23 of the 24 activities have completed events (W_Wijzigen contractgegevens is only
    # ever scheduled); three stages explain 90% of the spread of their typical positions
    _check_complete_draft(journey, table, stages=3)
    assert _stage_of(journey, "A_SUBMITTED") == 1
    assert (
        _stage_of(journey, "A_SUBMITTED")
        < _stage_of(journey, "W_Completeren aanvraag")
        < _stage_of(journey, "A_ACTIVATED")
    )
    assert journey.stages[0].name == "A_SUBMITTED … O_SELECTED"
    assert {"A_APPROVED", "A_ACTIVATED", "O_ACCEPTED"} <= set(journey.outcomes.good)
    assert {"A_DECLINED", "A_CANCELLED"} <= set(journey.outcomes.bad)
    # the cases that end with a work item reached a named outcome before: nothing to check
    assert journey.outcomes.check == []
    touchpoints = {point.activity for point in journey.touchpoints}
    assert {"O_SENT", "W_Nabellen offertes", "W_Nabellen incomplete dossiers"} <= touchpoints
    assert "W_Beoordelen fraude" not in touchpoints


def test_helpdesk_tickets(helpdesk_events):
    table = helpdesk_events
    journey = draft_journey(table)
    _check_complete_draft(journey, table, stages=4)  # 14 activities
    assert _stage_of(journey, "Insert ticket") == 1
    assert _stage_of(journey, "Closed") == 4
    assert "Closed" in journey.outcomes.good


def test_receipt_permit_applications(receipt_events):
    table = receipt_events
    journey = draft_journey(table, language="fi")
    _check_complete_draft(journey, table, stages=4)  # 27 activities
    assert _stage_of(journey, "Confirmation of receipt") == 1
    assert journey.stages[0].name == "Confirmation of receipt"
    # the channel (Internet, Desk, Post, e-mail) is the same on every event of a case: it
    # tells how the application came in, not which events were contacts
    assert all(point.channel is None for point in journey.touchpoints)
    assert "T05 Print and send confirmation of receipt" in {
        point.activity for point in journey.touchpoints
    }
    # no activity name says how a permit application ended: where cases end is to check
    assert (journey.outcomes.good, journey.outcomes.bad) == ([], [])
    assert {
        "T05 Print and send confirmation of receipt",
        "T10 Determine necessity to stop indication",
    } <= set(journey.outcomes.check)
    assert any("T10 Determine" in note and "tarkistettava" in note for note in journey.notes)


def test_sepsis_every_release_is_an_outcome(sepsis_events):
    journey = draft_journey(sepsis_events)
    releases = {f"Release {letter}" for letter in "ABCDE"}
    assert releases <= set(journey.outcomes.check)
    assert any(stage.name == "Release" for stage in journey.stages)


@pytest.mark.parametrize("name", ["bpic2012.xes.gz", "receipt.xes.gz"])
def test_drafted_journeys_leave_few_drop_offs(name):
    # the whole audit, as `journey-audit audit LOG --out DIR` runs it with a drafted map
    totals = run_audit(REALDATA / name).measures.totals
    cases = sum(totals[key] for key in ("dropoffs", "ongoing_cases")) + sum(
        totals[f"{kind}_outcomes"] for kind in ("good", "bad", "check")
    )
    assert totals["dropoffs"] < 0.15 * cases
