"""Business hours: the working time between two instants, by the journey's calendar.

The customer feels calendar time; staff count working hours. With a calendar, every wait
and time in stage gets a twin in working hours, named like the calendar measure with
`business_hours` for `hours` (`wait_hours_median` -> `wait_business_hours_median`).

The working time between two instants is computed in DuckDB without a loop over events:

- `working_intervals` has one row per working day of the log's span (weekday listed,
  not a holiday): the day's opening and closing instants in naive UTC, like every time in
  the event table (the time zone converts each local day, so daylight saving moves the
  hours in UTC as it does on the office clock), and `before_us`, the working microseconds
  of all earlier intervals (a cumulative sum);
- the working clock at an instant t, W(t), is `before_us` of the last interval that opens
  at or before t plus the part of that interval up to t (an ASOF join); 0 before the first;
- the working time from a to b is W(b) - W(a), which is exact to the microsecond.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from zoneinfo import ZoneInfo

import duckdb
import pyarrow as pa

from audit.engine.sql import MICROSECONDS_PER_HOUR, fetch_row
from audit.journey.working_calendar import WorkingCalendar, parse_hours

WORKING_INTERVALS_TABLE = "working_intervals"
BUSINESS_SUFFIX = "business_hours"


def twin_name(name: str) -> str:
    """The business-hours twin of a calendar measure or column name."""
    return name.replace("_hours", f"_{BUSINESS_SUFFIX}")


def twins(enabled: bool, *fragments: str) -> str:
    """SQL select items for the business-hours twins of `fragments`, each led by a comma,
    or "" without a calendar.

    Each fragment is written for calendar hours ("median(wait_hours) AS wait_hours_median");
    its twin renames every `_hours` to `_business_hours`, so one text defines both.
    """
    return "".join(f", {twin_name(fragment)}" for fragment in fragments) if enabled else ""


def with_twins(enabled: bool, *fragments: str) -> str:
    """The select items `fragments`, followed by their twins when `enabled`."""
    return ", ".join(fragments) + twins(enabled, *fragments)


def has_business_hours(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the table was built with a calendar (it has the working-clock columns)."""
    columns = con.execute(f"SELECT * FROM {table} LIMIT 0").description
    return any(column[0] == "wait_business_hours" for column in columns)


def working_intervals(calendar: WorkingCalendar, first: datetime, last: datetime) -> pa.Table:
    """The working intervals (opens, closes in naive UTC; before_us) of every local day from
    the day before `first` to the day after `last` (naive UTC), so that every instant of the
    log lies inside the table's span.

    One row per day of the span (not per event): a log of ten years has under 4,000.
    """
    zone = calendar.zone
    opens_at, closes_at = parse_hours(calendar.hours)
    start = first.replace(tzinfo=UTC).astimezone(zone).date() - timedelta(days=1)
    end = last.replace(tzinfo=UTC).astimezone(zone).date() + timedelta(days=1)
    days_off = calendar.days_off(start.year, end.year)
    weekdays = calendar.weekdays
    opens: list[datetime] = []
    closes: list[datetime] = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        if day.weekday() in weekdays and day not in days_off:
            opens.append(_naive_utc(day, opens_at, zone))
            # closing at 24:00 is the next day's midnight, which daylight saving may move
            closes.append(
                _naive_utc(day + timedelta(days=1), time(0), zone)
                if closes_at is None
                else _naive_utc(day, closes_at, zone)
            )
    lengths = [(c - o) // timedelta(microseconds=1) for o, c in zip(opens, closes, strict=True)]
    return pa.table(
        {
            "opens": pa.array(opens, pa.timestamp("us")),
            "closes": pa.array(closes, pa.timestamp("us")),
            "before_us": pa.array(list(accumulate(lengths, initial=0))[:-1], pa.int64()),
        }
    )


def _naive_utc(day: date, moment: time, zone: ZoneInfo) -> datetime:
    """The local wall-clock time `moment` on `day` in `zone`, as naive UTC."""
    local = datetime.combine(day, moment, tzinfo=zone)
    return local.astimezone(UTC).replace(tzinfo=None)


def register_working_intervals(
    con: duckdb.DuckDBPyConnection, calendar: WorkingCalendar, events_view: str
) -> None:
    """Create the `working_intervals` table for the span of the events' times."""
    span = fetch_row(
        con,
        f"SELECT least(min(timestamp), min(start_timestamp)) AS first, "
        f"greatest(max(timestamp), max(start_timestamp)) AS last FROM {events_view}",
    )
    intervals = working_intervals(calendar, span["first"], span["last"])
    con.register("working_intervals_arrow", intervals)
    try:
        con.execute(
            f"CREATE OR REPLACE TABLE {WORKING_INTERVALS_TABLE} AS "
            "SELECT * FROM working_intervals_arrow"
        )
    finally:
        con.unregister("working_intervals_arrow")


def working_clock_join(instant: str, alias: str) -> str:
    """SQL joining the working interval that opens last at or before `instant` as `alias`."""
    return f"ASOF LEFT JOIN {WORKING_INTERVALS_TABLE} AS {alias} ON {instant} >= {alias}.opens"


def working_clock(instant: str, alias: str) -> str:
    """SQL for W(instant) in microseconds, given `working_clock_join(instant, alias)`;
    0 before the first interval, NULL when the instant is NULL."""
    return (
        f"CASE WHEN {instant} IS NOT NULL THEN coalesce({alias}.before_us + "
        f"least(epoch_us({instant}) - epoch_us({alias}.opens), "
        f"epoch_us({alias}.closes) - epoch_us({alias}.opens)), 0) END"
    )


def business_hours_between(earlier_clock: str, later_clock: str) -> str:
    """SQL for the working hours between two working-clock readings (microseconds)."""
    return f"(({later_clock} - {earlier_clock}) / {MICROSECONDS_PER_HOUR}.0)"
