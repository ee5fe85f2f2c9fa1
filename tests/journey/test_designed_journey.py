"""The designed journey in the journey map: `required` touchpoints per stage and
`allowed_skips`, read, written again, checked and resolved against a log."""

from __future__ import annotations

import pytest

from audit.errors import AuditInputError
from audit.journey import compile_journey, dump_journey, parse_journey

MAP = """journey: Designed
allowed_skips: [review]
stages:
  - name: Apply
    activities: [Apply, Send receipt]
    required: Send receipt
  - name: Review
    activities: ["Review *"]
  - name: Decide
    activities: [Grant, Reject, Decide]
    required: ["re:^(Grant|Reject)$", Notify]
"""


def test_read_and_written_again_unchanged():
    journey = parse_journey(MAP)
    assert journey.stages[0].required == ["Send receipt"]  # a single name is a list of one
    assert journey.allowed_skips == ["review"]
    assert parse_journey(dump_journey(journey)) == journey
    assert "required" not in dump_journey(parse_journey(MAP.replace("required", "#")))


def test_a_map_without_design_reads_as_before():
    journey = parse_journey("journey: J\nstages:\n  - {name: A, activities: [a]}\n")
    assert journey.allowed_skips == [] and journey.stages[0].required == []
    compiled = compile_journey(journey, ["a"])
    assert compiled.required.empty and compiled.allowed_skips == []


def test_an_allowed_skip_must_be_a_stage():
    with pytest.raises(AuditInputError) as caught:
        parse_journey(MAP.replace("[review]", "[Reveiw]"), "map.yaml")
    message = str(caught.value)
    assert "allowed skip 'Reveiw' is not a stage of the journey" in message
    assert "Apply, Review, Decide" in message


def test_required_entries_resolve_to_their_own_stage_activities():
    """ "Send receipt" and the decision pattern match; "Notify" matches nothing (a
    warning); the skip takes the stage's own spelling."""
    compiled = compile_journey(
        parse_journey(MAP), ["Apply", "Send receipt", "Review x", "Grant", "Reject", "Decide"]
    )
    rows = compiled.required[["stage", "requirement", "activity"]].values.tolist()
    assert rows == [
        ["Apply", "Send receipt", "Send receipt"],
        ["Decide", "re:^(Grant|Reject)$", "Grant"],
        ["Decide", "re:^(Grant|Reject)$", "Reject"],
    ]
    assert compiled.allowed_skips == ["Review"]
    assert any("required name 'Notify' matches none" in w for w in compiled.warnings)


def test_a_required_activity_of_another_stage_never_meets_it():
    compiled = compile_journey(
        parse_journey(MAP.replace("[Apply, Send receipt]", "[Apply]")),
        ["Apply", "Send receipt", "Grant"],
    )
    assert "Send receipt" not in compiled.required["activity"].tolist()
    assert any("required name 'Send receipt'" in w for w in compiled.warnings)
