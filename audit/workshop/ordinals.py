"""A place in a ranking as a room says it: 1st / 1. / 1:a."""

from __future__ import annotations


def ordinal(place: int, language: str) -> str:
    """``place`` as an ordinal in ``language`` (en: 1st 2nd 3rd 4th 11th 21st; fi: 1. 2.;
    sv: 1:a 2:a 3:e 11:e 21:a). Unknown languages get the English form."""
    tens = place % 100
    if language == "fi":
        return f"{place}."
    if language == "sv":
        return f"{place}:{'a' if place % 10 in (1, 2) and tens not in (11, 12) else 'e'}"
    suffix = "th" if 11 <= tens <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"
