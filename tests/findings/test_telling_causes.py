"""The causes told to a room: those after which more customers came back than the rest,
beyond chance first, and their labels."""

from __future__ import annotations

from audit.findings.repeat_contacts import repeat_contact_causes, telling_causes, whose
from tests.findings.test_repeat_contacts import MEASURES


def test_only_causes_that_bring_more_customers_back_are_told():
    """MEASURES: ended badly 30 % vs 6 % (beyond chance), ended well 6 % vs 30 % (beyond
    chance, but fewer came back), ping-pong 13 % vs 10 % (could be chance)."""
    causes = repeat_contact_causes(MEASURES)
    told = telling_causes(causes)
    assert told[["value", "significant"]].values.tolist() == [["bad", True], ["true", False]]
    assert telling_causes(causes, count=1)["value"].tolist() == ["bad"]


def test_no_causes_tell_nothing():
    assert telling_causes(repeat_contact_causes(None)).empty


def test_a_cause_value_reads_as_a_clause_in_both_languages():
    assert whose("status", "bad", "en") == "whose case ended badly"
    assert whose("last_stage", "Decision", "fi") == "joiden tapaus päättyi vaiheeseen Decision"
