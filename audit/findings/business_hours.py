"""Calendar time next to working hours: what the app and the report lay out for a calendar.

The engine computes each wait and time in stage twice when the journey has a calendar
(audit.engine.business_hours); this module picks the pairs side by side, the customer's
(calendar) measure first, and says in a sentence what the calendar is and how the lead time
reads both ways. Without a calendar there is nothing to show (None).
"""

from __future__ import annotations

import pandas as pd

from audit.engine.business_hours import twin_name
from audit.engine.sql import UNMAPPED_STAGE
from audit.findings.humanize import format_hours, format_number
from audit.findings.texts import text
from audit.journey.working_calendar import DAY_NAMES, WorkingCalendar, day_number

STAGE_TIMES: tuple[str, ...] = (
    "wait_hours_median",
    "wait_hours_p90",
    "time_in_stage_hours_median",
)
"""The stage measures shown with their working-hours twins, each calendar column first."""

PAIRED_COLUMNS: tuple[str, ...] = tuple(
    column for name in STAGE_TIMES for column in (name, twin_name(name))
)
"""The columns of `stage_times`, after `stage`: each measure, then its twin."""


def stage_times(result) -> pd.DataFrame | None:  # noqa: ANN001 (AuditResult imports this)
    """Per journey stage in order: stage, then each of STAGE_TIMES followed by its
    working-hours twin; None without a calendar."""
    if result.journey.calendar is None:
        return None
    stages = result.measures.stages
    stages = stages[stages["stage"] != UNMAPPED_STAGE]
    return stages[["stage", *PAIRED_COLUMNS]].reset_index(drop=True)


def calendar_sentence(calendar: WorkingCalendar, language: str) -> str:
    """What the working hours are: days, hours, time zone and days off, in one sentence."""
    days_off = [
        text("hours.country", language, country=entry.upper()) if len(entry) < 10 else entry
        for entry in calendar.holidays
    ]
    return text(
        "hours.calendar" if days_off else "hours.calendar_no_holidays",
        language,
        days=", ".join(
            text(f"hours.day.{DAY_NAMES[day_number(name)]}", language) for name in calendar.days
        ),
        hours=calendar.hours,
        zone=calendar.timezone,
        holidays=", ".join(days_off),
    )


def format_working_hours(hours: float | None, language: str) -> str:
    """Working time in hours however long (a working day is not 24 hours, so never in
    days): 45 min, 18.5 h, 320.0 h."""
    if hours is None or pd.isna(hours) or hours < 48:
        return format_hours(hours, language)
    return f"{format_number(hours, language)} h"


def lead_time_sentence(result, language: str) -> str | None:  # noqa: ANN001
    """The median lead time for the customer and in working hours; None without a
    calendar."""
    if result.journey.calendar is None:
        return None
    totals = result.measures.totals
    return text(
        "hours.lead_time",
        language,
        calendar=format_hours(totals.get("lead_time_hours_median"), language),
        working=format_working_hours(totals.get(twin_name("lead_time_hours_median")), language),
    )
