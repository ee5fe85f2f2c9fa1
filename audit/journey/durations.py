"""Durations in journey maps: promises and the ongoing cut-off, written as people write them.

A duration is one or more parts of a number and a unit, such as ``90m``, ``24h``, ``5d``,
``2w`` or ``1d12h``; spaces between parts are allowed. The engine works in hours, so a
duration is turned into hours here, once.
"""

from __future__ import annotations

import re

UNIT_HOURS: dict[str, float] = {"w": 7 * 24.0, "d": 24.0, "h": 1.0, "m": 1 / 60}
"""Hours in one unit: weeks, days, hours and minutes."""

_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([wdhm])", re.IGNORECASE)
_WHOLE = re.compile(r"(?:\s*\d+(?:\.\d+)?\s*[wdhm])+\s*", re.IGNORECASE)

DURATION_HINT = "write a number with a unit: 90m, 24h, 5d, 2w or a combination such as 1d12h"


def parse_duration(text: str) -> float:
    """The duration ``text`` in hours; ValueError (with the reason) when it is not one."""
    if not _WHOLE.fullmatch(text):
        raise ValueError(f"{text!r} is not a duration")
    hours = sum(float(number) * UNIT_HOURS[unit.lower()] for number, unit in _PART.findall(text))
    if hours <= 0:
        raise ValueError(f"{text!r} is zero; a duration must be longer than that")
    return hours
