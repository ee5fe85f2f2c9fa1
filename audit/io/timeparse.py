"""Timestamps: recognise the format of a column and build the DuckDB expression that turns
it into naive UTC.

Offsets are converted exactly (mixed offsets in one column are fine); naive values are read
in the DuckDB session's time zone, which the normaliser sets to the zone the user chose.
Recognised text formats: ISO 8601 (`T` or space, optional fraction and offset),
`yyyy/mm/dd hh:mm:ss.fff`, day-first or month-first dates with `.`, `/` or `-`
(`dd.mm.yyyy hh:mm`, `dd/mm/yyyy`, ...) and epoch seconds or milliseconds. Day and month
order is read from the data (a value above 12 settles it); when the data cannot settle it
the user is asked, never guessed for. Dotted dates are day-first, as in every locale that
writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from audit.errors import AuditInputError

SAMPLE_ROWS = 2000
TIME = r"([T ]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?"
OFFSET = r"(\s*(Z|[+-]\d{2}(:?\d{2})?))?"


@dataclass(frozen=True)
class TimeFormat:
    """One family of timestamp text: a pattern to recognise it and a name for people."""

    name: str
    pattern: re.Pattern[str]


ISO = TimeFormat("ISO 8601", re.compile(rf"^\d{{4}}-\d{{1,2}}-\d{{1,2}}{TIME}{OFFSET}$"))
YMD = TimeFormat("yyyy/mm/dd", re.compile(rf"^\d{{4}}[/.]\d{{1,2}}[/.]\d{{1,2}}{TIME}{OFFSET}$"))
DMY = TimeFormat("dd.mm.yyyy", re.compile(rf"^\d{{1,2}}([./-])\d{{1,2}}\1\d{{4}}{TIME}$"))
EPOCH = TimeFormat("epoch seconds", re.compile(r"^\d{9,10}([.,]\d+)?$"))
EPOCH_MS = TimeFormat("epoch milliseconds", re.compile(r"^\d{12,13}$"))
FORMATS = (ISO, YMD, DMY, EPOCH, EPOCH_MS)

ISO_TEXT = (
    r"regexp_replace(replace({v}, ',', '.'), '\s+(Z|[+-]\d{{2}}:?\d{{2}}|[+-]\d{{2}})$', '\1')"
)


def quote(name: str) -> str:
    """A column name as a DuckDB identifier."""
    return '"' + name.replace('"', '""') + '"'


def to_utc_sql(
    con: duckdb.DuckDBPyConnection,
    table: str,
    column: str,
    arrow_type: pa.DataType,
    dayfirst: bool | None,
    source: str,
) -> tuple[str, str]:
    """SQL turning `column` of `table` into naive UTC timestamps (NULL where unreadable),
    and the name of the format found."""
    col = quote(column)
    if pa.types.is_timestamp(arrow_type):
        if arrow_type.tz is None and _session_zone(con) == "UTC":
            return f"{col}::TIMESTAMP", "timestamp"  # already naive UTC: no zone arithmetic
        zoned = col if arrow_type.tz else f"{col}::TIMESTAMPTZ"
        return _naive_utc(zoned), "timestamp"
    if pa.types.is_date(arrow_type):
        return _naive_utc(f"{col}::TIMESTAMP::TIMESTAMPTZ"), "date"
    if pa.types.is_integer(arrow_type) or pa.types.is_floating(arrow_type):
        return _naive_utc(f"to_timestamp({col}::DOUBLE)"), EPOCH.name
    value = f"trim({col}::VARCHAR)"
    found = _recognise(con, table, value, column, source)
    if found is ISO:
        text = ISO_TEXT.format(v=value)
    elif found is YMD:
        text = ISO_TEXT.format(
            v=rf"regexp_replace({value}, '^(\d{{4}})[/.](\d{{1,2}})[/.](\d{{1,2}})', '\1-\2-\3')"
        )
    elif found is DMY:
        day_first = _day_first(con, table, value, column, dayfirst, source)
        order = r"'\3-\2-\1'" if day_first else r"'\3-\1-\2'"
        text = ISO_TEXT.format(
            v=rf"regexp_replace({value}, '^(\d{{1,2}})[./-](\d{{1,2}})[./-](\d{{4}})', {order})"
        )
        found = TimeFormat("dd.mm.yyyy" if day_first else "mm/dd/yyyy", DMY.pattern)
    else:
        scale = " / 1000" if found is EPOCH_MS else ""
        number = f"try_cast(replace({value}, ',', '.') AS DOUBLE){scale}"
        return _naive_utc(f"to_timestamp({number})"), found.name
    if found is ISO:  # most values cast as they are; only the others pay for the rewriting
        parsed = f"coalesce(try_cast({col} AS TIMESTAMPTZ), try_cast({text} AS TIMESTAMPTZ))"
    else:
        parsed = f"try_cast({text} AS TIMESTAMPTZ)"
    return _naive_utc(parsed), found.name


def _session_zone(con: duckdb.DuckDBPyConnection) -> str:
    """The zone in which the session reads naive times."""
    return con.execute("SELECT current_setting('TimeZone')").fetchall()[0][0]


def _naive_utc(instant: str) -> str:
    """A TIMESTAMPTZ expression as naive UTC; through epoch microseconds, which needs no
    time-zone arithmetic and is several times faster than timezone('UTC', ...)."""
    return f"make_timestamp(epoch_us({instant}))"


def _recognise(
    con: duckdb.DuckDBPyConnection, table: str, value: str, column: str, source: str
) -> TimeFormat:
    """The format most sample values of the column follow."""
    query = (
        f"SELECT {value} AS v FROM {table} USING SAMPLE reservoir({SAMPLE_ROWS} ROWS) "
        "REPEATABLE (7)"
    )
    sample = [v for (v,) in con.execute(query).fetchall() if v]
    if not sample:
        query = f"SELECT v FROM (SELECT {value} AS v FROM {table}) WHERE v <> '' LIMIT 100"
        sample = [v for (v,) in con.execute(query).fetchall()]
    if not sample:
        raise AuditInputError(
            f"the timestamp column {column!r} is empty",
            source=source,
            hint="name the column that holds the event times with --timestamp",
        )
    counts = {fmt.name: sum(bool(fmt.pattern.match(v)) for v in sample) for fmt in FORMATS}
    best = max(FORMATS, key=lambda fmt: counts[fmt.name])
    if counts[best.name] * 2 < len(sample):
        examples = ", ".join(repr(v) for v in sample[:3])
        raise AuditInputError(
            f"column {column!r} does not hold timestamps in a format I know (examples: {examples})",
            source=source,
            hint="use ISO 8601 (2024-03-01 14:05:00), dd.mm.yyyy hh:mm, dd/mm/yyyy, "
            "yyyy/mm/dd hh:mm:ss or epoch seconds, or name another column with --timestamp",
        )
    return best


def _day_first(
    con: duckdb.DuckDBPyConnection,
    table: str,
    value: str,
    column: str,
    dayfirst: bool | None,
    source: str,
) -> bool:
    """Whether dd/mm or mm/dd: the user's word, else what values above 12 prove."""
    if dayfirst is not None:
        return dayfirst
    first, second, dotted = con.execute(
        f"""
        SELECT max(try_cast(regexp_extract(v, '^(\\d{{1,2}})[./-]', 1) AS INTEGER)),
               max(try_cast(regexp_extract(v, '^\\d{{1,2}}[./-](\\d{{1,2}})', 1) AS INTEGER)),
               bool_and(regexp_matches(v, '^\\d{{1,2}}\\.'))
        FROM (SELECT {value} AS v FROM {table}) WHERE v <> ''
        """
    ).fetchall()[0]
    if dotted or (first or 0) > 12 >= (second or 0):
        return True
    if (second or 0) > 12 >= (first or 0):
        return False
    raise AuditInputError(
        f"the dates in column {column!r} could be day/month or month/day "
        "(no day above 12 settles it)",
        source=source,
        hint="say which with --dayfirst or --monthfirst",
    )
