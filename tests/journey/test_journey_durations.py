"""Durations as written in journey maps (promises, ongoing cut-off), turned into hours."""

import pytest

from audit.journey.durations import parse_duration


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("90m", 1.5),
        ("24h", 24.0),
        ("5d", 120.0),
        ("2w", 336.0),
        ("1d12h", 36.0),
        ("1d 12h", 36.0),
        ("1.5h", 1.5),
        ("2H", 2.0),
        ("1w1d1h30m", 168 + 24 + 1 + 0.5),
    ],
)
def test_durations_in_hours(text, hours):
    assert parse_duration(text) == pytest.approx(hours)


@pytest.mark.parametrize("text", ["", "24", "3x", "h", "1 day", "-1h", "1d-2h", "24h!"])
def test_not_a_duration(text):
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)


def test_zero_is_not_a_duration():
    with pytest.raises(ValueError, match="longer than that"):
        parse_duration("0h")
