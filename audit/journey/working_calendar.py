"""The working calendar of a journey map: when staff work, for the business-hours twins.

The customer lives calendar time; staff count working hours. A journey map may carry a
``calendar:`` block (time zone, working days, daily hours, public holidays) so that every
wait and time in stage is measured both ways. This module holds the block as written and
checks it; `audit.engine.business_hours` turns it into working intervals.

A failed check raises the journey map's validation error (reason, hint, place), which
`audit.journey.yaml_io` turns into one message naming the file, line and key.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, time
from functools import cache
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays as holiday_tables
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, field_validator

DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""Working day names as written in the map, Monday first (Python's weekday order)."""

_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _error(reason: str, hint: str, at: tuple[str | int, ...] = ()) -> Exception:
    # imported here: the journey model imports this module
    from audit.journey.model import journey_error

    return journey_error(reason, hint, at)


def day_number(name: str) -> int | None:
    """Monday = 0 ... Sunday = 6 for a day name (Mon or Monday, any case), else None."""
    key = name.strip().casefold()
    for number, full in enumerate(_FULL_DAY_NAMES):
        if key in (full, full[:3]):
            return number
    return None


def parse_hours(text: str) -> tuple[time, time | None]:
    """The opening and closing time of "HH:MM-HH:MM"; closing None stands for 24:00.

    Raises ValueError when the text is no such range or closes before it opens: a working
    day runs within one calendar day (night shifts past midnight are not supported).
    """
    match = _HOURS.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a range of hours")
    open_h, open_m, close_h, close_m = (int(part) for part in match.groups())
    if open_h > 23 or open_m > 59 or close_m > 59 or close_h > 24 or (close_h == 24 and close_m):
        raise ValueError(f"{text!r} is not a range of hours")
    opens = time(open_h, open_m)
    closes = None if close_h == 24 else time(close_h, close_m)
    if closes is not None and closes <= opens:
        raise ValueError(f"{text!r} closes before it opens")
    return opens, closes


def _listed(value: object) -> object:
    """A single text where a list is expected stands for a list of one."""
    return [value] if isinstance(value, str) else value


@cache
def _countries() -> frozenset[str]:
    return frozenset(holiday_tables.list_supported_countries())


class WorkingCalendar(BaseModel):
    """When the organisation works: time zone, working days, daily hours and holidays.

    holidays: country codes (ISO 3166, such as FI: that country's public holidays from the
    maintained `holidays` package) and/or dates (YYYY-MM-DD) that are days off.
    """

    model_config = ConfigDict(extra="forbid")

    timezone: StrictStr
    days: Annotated[list[StrictStr], BeforeValidator(_listed)] = Field(
        default_factory=lambda: list(DAY_NAMES[:5])
    )
    hours: StrictStr = "08:00-16:00"
    holidays: Annotated[list[StrictStr], BeforeValidator(_listed)] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, zone: str) -> str:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            close = difflib.get_close_matches(zone, available_timezones(), n=1)
            raise _error(
                f"unknown time zone {zone!r}",
                (f"did you mean {close[0]!r}? " if close else "")
                + "give an IANA zone name such as Europe/Helsinki, America/New_York or UTC",
            ) from None
        return zone

    @field_validator("days")
    @classmethod
    def _known_days(cls, days: list[str]) -> list[str]:
        if not days:
            raise _error("the calendar has no working days", "list them, such as [Mon, Tue]")
        for index, name in enumerate(days):
            if day_number(name) is None:
                raise _error(
                    f"{name!r} is not a day of the week",
                    "use " + ", ".join(DAY_NAMES) + " (or the full English names)",
                    (index,),
                )
        return days

    @field_validator("hours")
    @classmethod
    def _checked_hours(cls, hours: str) -> str:
        try:
            parse_hours(hours)
        except ValueError as error:
            raise _error(
                str(error),
                'write the working hours of one day as "HH:MM-HH:MM", such as "08:00-16:00" '
                '(in quotes; "00:00-24:00" for the whole day)',
            ) from None
        return hours

    @field_validator("holidays")
    @classmethod
    def _known_holidays(cls, entries: list[str]) -> list[str]:
        for index, entry in enumerate(entries):
            if _DATE.match(entry):
                try:
                    date.fromisoformat(entry)
                except ValueError:
                    raise _error(
                        f"{entry!r} is not a date", "write dates as YYYY-MM-DD", (index,)
                    ) from None
            elif entry.upper() not in _countries():
                raise _error(
                    f"{entry!r} is neither a country with known public holidays nor a date",
                    "give an ISO 3166 country code such as FI, SE or US, or a date as YYYY-MM-DD",
                    (index,),
                )
        return entries

    @property
    def zone(self) -> ZoneInfo:
        """The time zone the working hours are in."""
        return ZoneInfo(self.timezone)

    @property
    def weekdays(self) -> frozenset[int]:
        """The working days, Monday = 0."""
        return frozenset(day_number(name) for name in self.days)  # type: ignore[misc]

    def days_off(self, first_year: int, last_year: int) -> set[date]:
        """The holidays between the two years (inclusive): the listed dates and the public
        holidays of the listed countries."""
        off: set[date] = set()
        for entry in self.holidays:
            if _DATE.match(entry):
                off.add(date.fromisoformat(entry))
            else:
                years = range(first_year, last_year + 1)
                off.update(holiday_tables.country_holidays(entry.upper(), years=years))
        return off
