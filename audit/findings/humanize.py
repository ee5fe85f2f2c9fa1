"""Numbers formatted for people, in English, Finnish or Swedish.

Evidence sentences are read aloud in workshops, so durations come in the unit a person
would use (minutes, hours or days), shares as whole percentages and counts with thousands
separators. Finnish and Swedish use a decimal comma, a space before the percent sign and a
space as the thousands separator.
"""

from __future__ import annotations

import math

from audit.i18n import LANGUAGES as _CATALOGUE_LANGUAGES

LANGUAGES: tuple[str, ...] = tuple(_CATALOGUE_LANGUAGES)
"""The languages every sentence of the findings exists in."""

_UNITS = {
    "en": {"min": "min", "h": "h", "day": "day", "days": "days"},
    "fi": {"min": "min", "h": "h", "day": "päivä", "days": "päivää"},
    "sv": {"min": "min", "h": "h", "day": "dag", "days": "dagar"},
}
_DECIMAL_COMMA = frozenset({"fi", "sv"})
"""The languages written with a decimal comma, a space before "%" and spaces between
thousands."""


def _decimal(value: float, digits: int, language: str) -> str:
    """`value` with `digits` decimals and the language's decimal mark."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language in _DECIMAL_COMMA else text


def format_count(value: float, language: str = "en") -> str:
    """A whole number with thousands separators: 12,345 (en) or 12 345 (fi, sv)."""
    text = f"{round(value):,}"
    return text.replace(",", " ") if language in _DECIMAL_COMMA else text


def format_number(value: float, language: str = "en", digits: int = 1) -> str:
    """A decimal number such as a score or a rate: 2.5 (en) or 2,5 (fi, sv)."""
    return _decimal(value, digits, language)


def format_share(share: float, language: str = "en") -> str:
    """A share 0..1 as a whole percentage: 38% (en) or 38 % (fi, sv); below 1% as "<1%"."""
    percent = 100 * share
    text = "<1" if 0 < percent < 0.5 else f"{round(percent)}"
    return f"{text} %" if language in _DECIMAL_COMMA else f"{text}%"


def format_hours(hours: float | None, language: str = "en") -> str:
    """A duration in the unit a person would say: 45 min, 3.2 h, 2.5 days.

    Under one hour in whole minutes, under 48 hours in hours with one decimal, longer in
    days with one decimal (Finnish: 45 min, 3,2 h, 2,5 päivää; Swedish: 2,5 dagar). Missing
    values show as "–".
    """
    if hours is None or (isinstance(hours, float) and math.isnan(hours)):
        return "–"
    units = _UNITS[language]
    if hours < 1:
        return f"{round(hours * 60)} {units['min']}"
    if hours < 48:
        return f"{_decimal(hours, 1, language)} {units['h']}"
    days = hours / 24
    unit = units["day"] if round(days, 1) == 1 else units["days"]
    return f"{_decimal(days, 1, language)} {unit}"
