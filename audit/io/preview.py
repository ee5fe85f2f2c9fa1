"""A first look at a log file before it is read: its columns, its first rows, the role each
column is recognised for, each column's type, and how a column chosen as a time reads.

The import wizard shows this within a second whatever the size of the file, so only the
head of the file is read: for CSV the sniffed head (the same sniffing as the full read),
for XES the first traces (cut from the stream and parsed by the XES reader itself), for
Parquet and Excel the first rows. The names and values shown are therefore the ones the
mapping will meet when the whole file is read.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import re
import tempfile
import zlib
import zoneinfo
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

import duckdb
import pyarrow as pa

from audit.errors import AuditInputError
from audit.io import file_kind
from audit.io.csv_reader import sniff_csv
from audit.io.eventlog import EventLog
from audit.io.mapping import ColumnMapping, recognise_roles
from audit.io.names import attribute_names, unique_names
from audit.io.normalise import PATTERNS, PLACEHOLDER_BEFORE, build_event_log
from audit.io.raw import RawLog, broken_gzip, is_gzip
from audit.io.schema import CANONICAL_COLUMNS, CASE, CUSTOMER, ORG_UNIT, RESOURCE
from audit.io.table_readers import read_parquet_raw, read_xlsx_raw
from audit.io.timeparse import DMY, FORMATS, to_utc_sql
from audit.io.xes_reader import read_xes_raw
from audit.privacy import PrivacyOptions, protect_events

PREVIEW_ROWS = 1000
"""Rows read to judge types and time formats and to try a mapping on (enough for advice
that weighs how values go together; the wizard shows the first of them)."""
PREVIEW_TRACES = 25
"""XES traces read for the preview (their events give the rows)."""
XES_HEAD_LIMIT = 16 << 20
"""Decompressed bytes of an XES file searched for the end of its first traces."""
TRACE_END = b"</trace>"
EXAMPLES = 5
"""Parsed times shown beside their text."""
OTHER_ZONE = "Asia/Kolkata"
"""A zone always 5:30 ahead of UTC: times that read differently in it and in UTC carry no
offset."""
FIRST_PLAUSIBLE = datetime.fromisoformat(PLACEHOLDER_BEFORE).replace(tzinfo=UTC)

TYPE_NAMES = ("text", "integer", "decimal", "decimal comma", "boolean", "time", "empty")
"""The column types a preview tells apart."""


@dataclass(frozen=True)
class FilePreview:
    """The head of one file.

    table: its first rows, columns under the names the mapping uses (input names made
        unique regardless of case, as the full read makes them).
    roles: the role each column is recognised for from its name (roles no name fits stay
        empty: the user chooses them).
    types: column -> one of TYPE_NAMES, judged from the first rows.
    """

    source: str
    table: pa.Table
    roles: ColumnMapping
    types: dict[str, str]

    @property
    def columns(self) -> list[str]:
        """The columns in file order."""
        return self.table.column_names

    def role_of(self, column: str, mapping: ColumnMapping | None = None) -> str | None:
        """The role `column` fills in `mapping` (the recognised roles when None)."""
        chosen = mapping or self.roles
        return next((role for role, names in chosen.columns().items() if column in names), None)


@dataclass(frozen=True)
class TimeCheck:
    """How one column of the first rows reads as a time.

    format: the name of the format found (e.g. "ISO 8601", "dd.mm.yyyy"), None when the
        values are not times in a format the reader knows.
    examples: up to EXAMPLES pairs of the text as written and the instant it reads as
        (aware, UTC; None where that value does not read).
    values, readable: non-empty values in the first rows, and how many of them are written
        in a time format.
    naive: the times carry no UTC offset, so they are read in the zone the user chooses.
    day_month: dates such as 03/04/2024, where the order of day and month matters;
        ambiguous when the first rows do not settle it (no day above 12).
    implausible: values that read as instants before 1971, as numbers read as epoch
        seconds do (an id column chosen as a time).
    """

    column: str
    format: str | None
    examples: tuple[tuple[str, datetime | None], ...]
    values: int
    readable: int
    naive: bool = False
    day_month: bool = False
    ambiguous: bool = False
    implausible: int = 0


def preview_file(path: str | Path, rows: int = PREVIEW_ROWS) -> FilePreview:
    """The first `rows` rows of a log file with the recognised roles and column types.
    Raises AuditInputError when even the head of the file cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise AuditInputError(
            "no such file", source=str(path), hint="check the path and the file name"
        )
    kind = file_kind(path)
    if kind == "csv":
        table = _csv_head(path, rows)
    elif kind == "xes":
        table = _xes_head(path, PREVIEW_TRACES).slice(0, rows)
    elif kind == "parquet":
        table = read_parquet_raw(path, rows).table
    else:
        table = read_xlsx_raw(path, rows).table
    table = table.rename_columns(unique_names(table.column_names))
    return FilePreview(
        source=path.name,
        table=table,
        roles=recognise_roles(table.column_names),
        types={name: column_type(table.column(name)) for name in table.column_names},
    )


def head_log(
    preview: FilePreview,
    mapping: ColumnMapping,
    *,
    timezone: str = "UTC",
    dayfirst: bool | None = None,
) -> EventLog:
    """The first rows read as an event log with this mapping, by the rules of the full
    read: a mapping can be tried, and advice drawn from it, before the whole file is read.
    Raises AuditInputError as the full read would on these rows."""
    raw = RawLog(table=preview.table, locate=lambda position: f"row {position + 1}")
    return build_event_log(
        raw, mapping, source=preview.source, timezone=timezone, dayfirst=dayfirst
    )


def pseudonymised(
    preview: FilePreview, mapping: ColumnMapping, options: PrivacyOptions
) -> FilePreview:
    """The preview as the privacy switch shows the log read with `mapping` (audit.privacy):
    the columns that fill the case, resource and customer roles (and the org unit, when the
    options say so) and the attributes named like a person's id hold the tokens the audit
    uses with the same key; free-text attributes are emptied (they stay listed, so that
    they can still be given a role). The columns of the other roles stay as they are, as
    in the audit, and so do columns of times, whatever their name ("ContactDate" is not a
    person): the audit keeps every time, and the user needs them to choose the timestamp."""
    people = {
        mapping.case: CASE,
        mapping.resource: RESOURCE,
        mapping.customer: CUSTOMER,
        mapping.org_unit: ORG_UNIT,
    }
    roles = {column: role for column, role in people.items() if column}
    times = {name for name, kind in preview.types.items() if kind == "time"}
    untouched = (mapping.used_columns() - set(roles)) | times
    others = [name for name in preview.columns if name not in mapping.used_columns() | times]
    renamed = {name: out for out, name in attribute_names(others, CANONICAL_COLUMNS).items()}
    renamed.update(roles)
    guarded = [name for name in preview.columns if name in renamed]
    table = preview.table.select(guarded).rename_columns([renamed[name] for name in guarded])
    protected, _ = protect_events(table, options)
    empty = pa.nulls(preview.table.num_rows, pa.string())
    columns = {}
    for name in preview.columns:
        if name in untouched:
            columns[name] = preview.table.column(name)
        elif renamed[name] in protected.column_names:
            columns[name] = protected.column(renamed[name])
        else:
            columns[name] = empty
    return replace(preview, table=pa.table(columns))


def _csv_head(path: Path, rows: int) -> pa.Table:
    """The first rows of a delimited text file, as text, split as the full read splits it
    (a row with the wrong number of fields is left out, as the full read leaves it)."""
    layout = sniff_csv(path)
    width = len(layout.names)
    reader = csv.reader(io.StringIO(layout.head), delimiter=layout.delimiter)
    kept: list[list[str]] = []
    record: list[str] = []
    try:
        for record in islice(reader, layout.skip, None):
            if len(record) == width:
                kept.append(record)
            if len(kept) > rows:
                break
        else:  # the whole head was read: its last row may be cut off where the head ends
            if layout.truncated and kept and kept[-1] is record:
                kept.pop()
    except csv.Error as exc:  # a quoted value longer than any real one
        raise AuditInputError(
            f"line {reader.line_num}: cannot be split into values ({exc})",
            source=path.name,
            hint="check the quotes on that line; a value may be missing its closing quote",
        ) from exc
    kept = kept[:rows]
    return pa.table(
        {
            name: pa.array([record[index] or None for record in kept], type=pa.string())
            for index, name in enumerate(layout.names)
        }
    )


def _xes_head(path: Path, traces: int) -> pa.Table:
    """The events of the first `traces` traces: the file is cut after the last of them,
    closed as a log and parsed by the XES reader with all its checks."""
    head = _xes_bytes(path, traces)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name.removesuffix(".gz").removesuffix(".GZ")
        copy.write_bytes(head)
        return read_xes_raw(copy).table


def _xes_bytes(path: Path, traces: int) -> bytes:
    """The decompressed file up to the end of its `traces`-th trace, with the log closed;
    the whole file when it has fewer traces."""
    data = bytearray()
    found, complete = 0, False
    opener = gzip.open if is_gzip(path) else open
    try:
        with opener(path, "rb") as handle:
            while found < traces and len(data) < XES_HEAD_LIMIT:
                chunk = handle.read(1 << 20)
                if not chunk:
                    complete = True
                    break
                searched_from = max(0, len(data) - len(TRACE_END))
                data += chunk
                found += data.count(TRACE_END, searched_from)
    except (OSError, EOFError, zlib.error) as exc:
        raise broken_gzip(path, exc) from exc
    if complete:
        return bytes(data)
    ends = [match.end() for match in re.finditer(re.escape(TRACE_END), data)]
    if not ends:
        raise AuditInputError(
            f"no trace ends within the first {XES_HEAD_LIMIT >> 20} MB of the XES file",
            source=path.name,
            hint="check that it is an XES event log with <trace> elements",
        )
    return bytes(data[: ends[min(traces, len(ends)) - 1]]) + b"\n</log>\n"


def column_type(column: pa.ChunkedArray) -> str:
    """One of TYPE_NAMES: the column's own type when the format carries one, else the
    narrowest kind all its values fit (as the full read types attributes), "time" when
    most of them are written in a time format."""
    kind = column.type
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        return "time"
    if pa.types.is_boolean(kind):
        return "boolean"
    if pa.types.is_integer(kind):
        return "integer"
    if pa.types.is_floating(kind) or pa.types.is_decimal(kind):
        return "decimal"
    values = _texts(column)
    if not values:
        return "empty"
    for name, pattern in PATTERNS.items():
        if all(re.fullmatch(pattern, value) for value in values):
            return name
    return "time" if _time_written(values) * 2 >= len(values) else "text"


def _texts(column: pa.ChunkedArray) -> list[str]:
    """The non-empty values of a column as trimmed text."""
    values = (str(value).strip() for value in column.to_pylist() if value is not None)
    return [value for value in values if value]


def _time_written(values: list[str]) -> int:
    """How many values are written in one of the time formats the reader knows."""
    return sum(any(fmt.pattern.match(value) for fmt in FORMATS) for value in values)


def check_time(
    preview: FilePreview,
    column: str,
    *,
    timezone: str = "UTC",
    dayfirst: bool | None = None,
) -> TimeCheck:
    """How `column` of the first rows reads as a time with these settings, by the rules of
    the full read (audit.io.timeparse). A column that does not read is reported in the
    result (format None), not raised: the wizard shows it beside the field. Raises
    AuditInputError only for a time zone that does not exist."""
    if timezone not in zoneinfo.available_timezones():
        raise AuditInputError(
            f"unknown time zone {timezone!r}",
            source=preview.source,
            hint="choose an IANA zone name such as UTC or Europe/Helsinki",
        )
    data = preview.table.column(column)
    texts = _texts(data)
    typed = not pa.types.is_string(data.type) and column_type(data) == "time"
    readable = len(texts) if typed else _time_written(texts)
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        con.register("head", preview.table.select([column]))
        read = functools.partial(_read_times, con, column, data.type, preview.source)
        ambiguous = False
        try:
            instants, name = read(timezone, dayfirst)
        except AuditInputError:
            if dayfirst is not None:
                return TimeCheck(column, None, (), len(texts), readable)
            try:  # the order of day and month is the only thing a choice can settle
                instants, name = read(timezone, True)
            except AuditInputError:
                return TimeCheck(column, None, (), len(texts), readable)
            ambiguous = True
        order = True if ambiguous else dayfirst
        naive = read("UTC", order)[0] != read(OTHER_ZONE, order)[0]
    finally:
        con.close()
    raw = [None if value is None else str(value) for value in data.to_pylist()]
    shown = [(text, instant) for text, instant in zip(raw, instants, strict=True) if text]
    return TimeCheck(
        column=column,
        format=name,
        examples=tuple(shown[:EXAMPLES]),
        values=len(texts),
        readable=readable,
        naive=naive,
        day_month=any(DMY.pattern.match(text) for text in texts),
        ambiguous=ambiguous,
        implausible=sum(instant < FIRST_PLAUSIBLE for instant in instants if instant),
    )


def _read_times(
    con: duckdb.DuckDBPyConnection,
    column: str,
    arrow_type: pa.DataType,
    source: str,
    timezone: str,
    dayfirst: bool | None,
) -> tuple[list[datetime | None], str]:
    """The column's values as UTC instants, naive ones read in `timezone`, and the name of
    the format found."""
    con.execute(f"SET TimeZone = '{timezone}'")
    sql, name = to_utc_sql(con, "head", column, arrow_type, dayfirst, source)
    rows = con.execute(f"SELECT {sql} FROM head").fetchall()
    return [None if value is None else value.replace(tzinfo=UTC) for (value,) in rows], name
