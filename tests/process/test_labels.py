"""Durations and numbers in the words a person reads."""

from __future__ import annotations

import math

import pytest

from audit.process.labels import WORDS, duration, number


@pytest.mark.parametrize(
    ("hours", "language", "text"),
    [
        (0.25, "en", "15 min"),
        (3.2, "en", "3.2 h"),
        (47.9, "en", "47.9 h"),
        (60, "en", "2.5 d"),
        (60, "fi", "2,5 pv"),
        (None, "en", "–"),
        (math.nan, "fi", "–"),
    ],
)
def test_duration_in_human_units(hours, language, text):
    assert duration(hours, language) == text


def test_numbers_group_thousands_in_each_language():
    assert number(1234567) == "1,234,567"
    assert number(1234.5, "fi", 1) == "1\u00a0234,5"


def test_every_language_has_every_word():
    assert set(WORDS["fi"]) == set(WORDS["en"])
