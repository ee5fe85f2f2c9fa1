"""Drafting journey maps from real public logs (../shared/realdata; see its README)."""

import pytest

from audit.journey import compile_journey, draft_journey, dump_journey, parse_journey

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
    # ever scheduled); sqrt(23) rounds to 5 stages
    _check_complete_draft(journey, table, stages=5)
    assert _stage_of(journey, "A_SUBMITTED") == 1
    assert (
        _stage_of(journey, "A_SUBMITTED")
        < _stage_of(journey, "W_Completeren aanvraag")
        < _stage_of(journey, "A_ACTIVATED")
    )
    assert {"A_APPROVED", "A_ACTIVATED", "O_ACCEPTED"} <= set(journey.outcomes.good)
    assert {"A_DECLINED", "A_CANCELLED"} <= set(journey.outcomes.bad)
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
    _check_complete_draft(journey, table, stages=5)  # 27 activities
    assert _stage_of(journey, "Confirmation of receipt") == 1
    assert journey.stages[0].name.startswith("Vaihe 1: ")
    # the channel (Internet, Desk, Post, e-mail) is the same on every event of a case: it
    # tells how the application came in, not which events were contacts
    assert all(point.channel is None for point in journey.touchpoints)
    assert "T05 Print and send confirmation of receipt" in {
        point.activity for point in journey.touchpoints
    }
    # no activity name says how a permit application ended: the draft says so
    assert len(journey.outcomes.good) == 1 and journey.outcomes.bad == []
    assert "yleisin viimeinen toiminto" in journey.notes[1]
