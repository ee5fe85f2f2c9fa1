"""Numbers for people, in English and Finnish."""

from __future__ import annotations

import math

import pytest

from audit.errors import AuditInputError
from audit.findings.humanize import format_count, format_hours, format_number, format_share
from audit.findings.texts import text


@pytest.mark.parametrize(
    ("hours", "english", "finnish"),
    [
        (0.25, "15 min", "15 min"),
        (3.24, "3.2 h", "3,2 h"),
        (47.9, "47.9 h", "47,9 h"),
        (60.0, "2.5 days", "2,5 päivää"),
        (24 * 12.04, "12.0 days", "12,0 päivää"),
        (math.nan, "–", "–"),
        (None, "–", "–"),
    ],
)
def test_durations_in_the_unit_a_person_would_say(hours, english, finnish):
    assert format_hours(hours, "en") == english
    assert format_hours(hours, "fi") == finnish


def test_counts_shares_and_decimals():
    assert format_count(1234567, "en") == "1,234,567"
    assert format_count(1234567, "fi") == "1 234 567"
    assert format_share(0.384, "en") == "38%"
    assert format_share(0.384, "fi") == "38 %"
    assert format_share(0.004, "en") == "<1%"
    assert format_share(0.0, "en") == "0%"
    assert format_number(2.25 + 0.01, "fi") == "2,3"


def test_unknown_language_is_a_clear_error():
    with pytest.raises(AuditInputError, match="no language 'de'"):
        text("summary.hotspots", "de")
