"""The large-log path: a Parquet or CSV file audited by DuckDB, never loaded into Python.

`scan_log` parses the file once, with `read_parquet(...)` or `read_csv(...)`, into a DuckDB
table and defines the view `events` (the canonical schema of audit.io.schema) over it; the
engine's queries read that table instead of parsing the file again. DuckDB keeps within a
memory limit and spills the table, its sorts and hash tables to a temporary folder, so a log
many times larger than the machine's memory is audited, and only aggregates come back to
Python.

The rules are the readers' rules: columns are recognised by `resolve_mapping`, timestamps
by `to_utc_sql` (offsets converted exactly, naive times read in the chosen zone), ids are
text, and a row without a case id, an activity or a readable timestamp is dropped with its
reason and counted in the data-quality account. What this path does not do, because each
would need the whole log in memory at once: lifecycle pairing (a log with START rows is
refused: give start times in their own column), typing text attributes by their values
(Parquet attributes keep their own types; CSV attributes get DuckDB's sniffed types), and
the duplicate, tie and out-of-range checks (the account says so in its notes).

    con = duckdb.connect()
    log = scan_log("claims_50m.parquet", con=con)
    measures = audit.engine.measure(con, compiled, case_attributes=log.case_attributes)
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from audit.errors import AuditInputError
from audit.io.csv_reader import detect_delimiter, detect_encoding
from audit.io.eventlog import EVENTS_VIEW
from audit.io.limits import BoundedStream, check_columns, line_place
from audit.io.mapping import ColumnMapping, resolve_mapping
from audit.io.names import attribute_names
from audit.io.normalise import NOT_EVENT_TRANSITIONS, _check_zone, _literal, _text
from audit.io.quality import MAX_EXAMPLES, DataQuality, RowCount
from audit.io.raw import is_gzip, read_head
from audit.io.schema import CANONICAL_COLUMNS, EVENT_INDEX
from audit.io.timeparse import quote, to_utc_sql

INPUT_VIEW = "scan_input"
"""The file as it is, with its row number: what the role expressions read."""
STAGED_TABLE = "scan_staged"
"""Every row with its roles parsed and the reason it cannot be an event (NULL if it can):
parsed once into a DuckDB table, which spills to disk when it outgrows the memory limit."""
ROW = "__row"
MEMORY_SHARE = 0.6
"""Share of the machine's memory DuckDB may use before it spills to disk."""
HEAD_BYTES = 1 << 16
UNREADABLE = (duckdb.InvalidInputException, duckdb.IOException, duckdb.ConversionException)
"""DuckDB's errors about the file's content (a query of ours that is wrong raises others)."""
NOT_CHECKED = (
    "large-log path: duplicated events, tied timestamps, single-event cases and timestamps "
    "out of range were not checked (they need the whole log at once)"
)


@dataclass
class ScannedLog:
    """A log read in place: what the audit needs to know, without its rows.

    source: the file name; mapping: which input column(s) fill each role.
    quality: the data-quality account (rows read, events used, dropped by reason).
    events: the number of events in the `events` view.
    activities: the distinct activities (for compiling the journey map).
    columns: the columns of the `events` view (canonical first, then attributes).
    case_attributes: attribute columns whose value is constant within every case.
    spill_directory: where DuckDB spills; removed when the connection is garbage-collected.
    """

    source: str
    mapping: ColumnMapping
    quality: DataQuality
    timezone: str
    events: int
    activities: list[str]
    columns: list[str]
    case_attributes: list[str] = field(default_factory=list)
    spill_directory: Path | None = None


def scan_log(
    path: str | Path,
    mapping: ColumnMapping | None = None,
    *,
    con: duckdb.DuckDBPyConnection,
    timezone: str = "UTC",
    dayfirst: bool | None = None,
    spill_directory: str | Path | None = None,
    memory_limit: str | None = None,
) -> ScannedLog:
    """Define the view `events` in `con` over the Parquet or CSV file at `path`.

    mapping, timezone and dayfirst mean what they mean for `read_log`.
    spill_directory: where DuckDB may spill (default: a new temporary folder).
    memory_limit: DuckDB's limit, e.g. "4GB" (default: 60 % of the machine's memory).
    Raises AuditInputError naming the file, the problem and what to do.
    """
    path = Path(path)
    source = path.name
    if not path.is_file():
        raise AuditInputError("no such file", source=str(path), hint="check the path")
    _check_zone(timezone, source)
    _configure(con, timezone, spill_directory, memory_limit)
    try:
        locate = _open_input(con, path)
        query = f"SELECT * EXCLUDE ({ROW}) FROM {INPUT_VIEW} LIMIT 0"
        schema = con.sql(query).to_arrow_table().schema
        check_columns(len(schema.names), source)
        mapping = resolve_mapping(schema.names, mapping, source)
        attributes = _attributes(schema, mapping)
        notes: list[str] = []
        _stage(con, _roles(con, schema, mapping, dayfirst, source, timezone, notes), attributes)
    except UNREADABLE as exc:
        message = str(exc).splitlines()[0]
        raise AuditInputError(
            f"cannot be read ({message})",
            source=source,
            hint="check that the file is a complete CSV or Parquet export, or audit it without "
            "the large-log path, whose readers say more",
        ) from exc
    quality = _quality(con, locate, notes, source)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP VIEW {EVENTS_VIEW} AS
        SELECT case_id, activity, timestamp,
            CASE WHEN start_timestamp <= timestamp THEN start_timestamp END AS start_timestamp,
            resource, org_unit, channel, customer_id, {ROW} AS {EVENT_INDEX}
            {"".join(f", {quote(name)}" for name in attributes)}
        FROM {STAGED_TABLE}
        WHERE drop_reason IS NULL
        """
    )
    activities = [
        a for (a,) in con.execute(f"SELECT DISTINCT activity FROM {EVENTS_VIEW}").fetchall()
    ]
    return ScannedLog(
        source=source,
        mapping=mapping,
        quality=quality,
        timezone=timezone,
        events=quality.events_used,
        activities=sorted(activities),
        columns=[*CANONICAL_COLUMNS, *attributes],
        case_attributes=_case_attributes(con, list(attributes)),
        spill_directory=Path(_setting(con, "temp_directory")),
    )


def _setting(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """The current value of a DuckDB setting (fetched to the end: the connection is free)."""
    ((value,),) = con.execute(f"SELECT current_setting({_literal(name)})").fetchall()
    return value


def _configure(
    con: duckdb.DuckDBPyConnection,
    timezone: str,
    spill_directory: str | Path | None,
    memory_limit: str | None,
) -> None:
    """Time zone for naive times, a memory limit and a spill folder; no insertion order to
    keep (every engine query orders what it needs), which lets big sorts stream."""
    if spill_directory is None:
        spill_directory = tempfile.mkdtemp(prefix="journey-audit-spill-")
        weakref.finalize(con, shutil.rmtree, spill_directory, True)
    if memory_limit is None:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        memory_limit = f"{int(total * MEMORY_SHARE) // 2**20}MB"
    con.execute(f"SET TimeZone = {_literal(timezone)}")
    con.execute(f"SET memory_limit = {_literal(memory_limit)}")
    con.execute(f"SET temp_directory = {_literal(str(spill_directory))}")
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET enable_progress_bar = false")


def _open_input(con: duckdb.DuckDBPyConnection, path: Path) -> Callable[[int], str]:
    """Create the view of the raw file with its 0-based row number; returns the locator
    that turns a row number into a place in the file."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    file = _literal(str(path))
    if suffixes and suffixes[-1] in (".parquet", ".pq"):
        try:
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW {INPUT_VIEW} AS SELECT *, file_row_number AS {ROW} "
                f"FROM read_parquet({file}, file_row_number = true)"
            )
        except duckdb.Error as exc:
            raise AuditInputError(
                f"cannot be read as Parquet ({exc})",
                source=path.name,
                hint="check that the file is a complete Parquet export",
            ) from exc
        return lambda row: f"row {row + 1}"
    if set(suffixes) & {".csv", ".tsv", ".txt"}:
        head = read_head(path, HEAD_BYTES)
        if detect_encoding(head) not in ("utf-8", "utf-8-sig"):
            raise AuditInputError(
                "the large-log path reads CSV only in UTF-8",
                source=path.name,
                hint="save the file as UTF-8 or as Parquet, or audit it without the large-log path",
            )
        lines = head.decode("utf-8", errors="replace").splitlines()[:50]
        compression = "gzip" if is_gzip(path) else "none"
        separator = detect_delimiter(lines)
        _check_limits(path, separator)
        delimiter = _literal(separator)
        # every column as text: ids such as 0012 stay ids, and timestamps are parsed under
        # the readers' rules; row_number() OVER () streams and numbers rows in file order
        con.execute(
            f"""
            CREATE OR REPLACE TEMP VIEW {INPUT_VIEW} AS
            SELECT *, row_number() OVER () - 1 AS {ROW}
            FROM read_csv({file}, delim = {delimiter}, header = true, all_varchar = true,
                          compression = '{compression}')
            """
        )
        return lambda row: f"line {row + 2}"
    raise AuditInputError(
        f"the large-log path reads Parquet and CSV, not {''.join(path.suffixes) or 'this file'}",
        source=path.name,
        hint="give a .parquet or .csv file, or audit it without the large-log path",
    )


def _check_limits(path: Path, delimiter: str) -> None:
    """Stream the file once through the input limits (audit.io.limits) before DuckDB reads
    it: DuckDB keeps within its memory, but a decompression bomb would still cost the time
    and the disk to spill it. Decompressing costs about 3 s a GB, reading a plain file less."""
    with BoundedStream(path, f"\n\r{delimiter}".encode(), line_place) as stream:
        while stream.read(1 << 24):
            pass


def _attributes(schema: pa.Schema, mapping: ColumnMapping) -> dict[str, str]:
    """Output name -> input column for every column that fills no role; a name that is a
    canonical column gets " (input)" appended, as the readers do."""
    used = mapping.used_columns()
    return attribute_names([name for name in schema.names if name not in used], CANONICAL_COLUMNS)


def _roles(
    con: duckdb.DuckDBPyConnection,
    schema: pa.Schema,
    mapping: ColumnMapping,
    dayfirst: bool | None,
    source: str,
    timezone: str,
    notes: list[str],
) -> dict[str, str]:
    """One SQL expression per role over the input view, by the readers' rules."""

    def timestamp(column: str) -> str:
        sql, name = to_utc_sql(con, INPUT_VIEW, column, schema.field(column).type, dayfirst, source)
        notes.append(f"{column}: read as {name}; times without an offset read in {timezone}")
        return sql

    def text_or_null(column: str | None) -> str:
        return _text(column) if column else "NULL::VARCHAR"

    assert mapping.case is not None and mapping.timestamp is not None
    parts = ", ".join(_text(column) for column in mapping.activity)
    return {
        "case_id": _text(mapping.case),
        "activity": f"NULLIF(concat_ws({_literal(mapping.separator)}, {parts}), '')",
        "timestamp_text": _text(mapping.timestamp),
        "timestamp": timestamp(mapping.timestamp),
        "start_text": text_or_null(mapping.start),
        "start_timestamp": timestamp(mapping.start) if mapping.start else "NULL::TIMESTAMP",
        "resource": text_or_null(mapping.resource),
        "org_unit": text_or_null(mapping.org_unit),
        "channel": text_or_null(mapping.channel),
        "customer_id": text_or_null(mapping.customer),
        "transition": f"lower({_text(mapping.lifecycle)})" if mapping.lifecycle else "NULL",
    }


def _stage(con: duckdb.DuckDBPyConnection, roles: dict[str, str], attributes: dict[str, str]):
    """Parse every row once into a table with its roles and the reason it cannot be an
    event; every later query (quality account, engine) reads that table, not the file."""
    role_list = ",\n".join(f"{sql} AS {name}" for name, sql in roles.items())
    attribute_list = "".join(
        f",\n{quote(column)} AS {quote(name)}" for name, column in attributes.items()
    )
    skipped = ", ".join(_literal(value) for value in NOT_EVENT_TRANSITIONS)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {STAGED_TABLE} AS
        WITH parsed AS (
            SELECT {ROW}, {role_list}{attribute_list}
            FROM {INPUT_VIEW}
        )
        SELECT *,
            CASE
                WHEN case_id IS NULL THEN 'missing case id'
                WHEN activity IS NULL THEN 'missing activity'
                WHEN timestamp_text IS NULL THEN 'missing timestamp'
                WHEN timestamp IS NULL THEN 'unparseable timestamp'
                WHEN transition IN ({skipped})
                    THEN 'lifecycle ' || upper(transition) || ' (not an event)'
            END AS drop_reason
        FROM parsed
        """
    )


def _quality(
    con: duckdb.DuckDBPyConnection, locate: Callable[[int], str], notes: list[str], source: str
) -> DataQuality:
    """The data-quality account in one scan of the file: rows read, events, every drop
    reason with up to five example rows, and the start times that could not be used."""
    rows = con.execute(
        f"""
        SELECT coalesce(drop_reason, 'event') AS fate, count(*) AS rows,
            min({ROW}, {MAX_EXAMPLES}) AS examples,
            count(*) FILTER (WHERE transition = 'start') AS starts,
            count(*) FILTER (WHERE start_text IS NOT NULL AND start_timestamp IS NULL)
                AS bad_starts,
            count(*) FILTER (WHERE start_timestamp > timestamp) AS late_starts
        FROM {STAGED_TABLE}
        GROUP BY ALL
        ORDER BY rows DESC, fate
        """
    ).fetchall()
    fates = {
        fate: RowCount(count, [locate(row) for row in examples])
        for fate, count, examples, *_ in rows
    }
    events = [row for row in rows if row[0] == "event"]
    starts, bad_starts, late_starts = events[0][3:] if events else (0, 0, 0)
    if starts:
        raise AuditInputError(
            f"{starts:,} rows are lifecycle START events; the large-log path does not pair "
            "them with their completions",
            source=source,
            hint="give start times in their own column (--start), or audit the log without "
            "the large-log path",
        )
    if bad_starts:
        notes.append(f"{bad_starts} start times could not be read; those events have none")
    if late_starts:
        notes.append(f"{late_starts} start times were after the completion and were ignored")
    notes.append(NOT_CHECKED)
    used = fates.pop("event", RowCount(0))
    if not used.count:
        raise AuditInputError(
            "no row is a usable event (each lacks a case id, an activity or a timestamp)",
            source=source,
            hint="check the column mapping with --case, --activity and --timestamp",
        )
    return DataQuality(
        rows_read=sum(row[1] for row in rows),
        events_used=used.count,
        dropped=fates,
        notes=notes,
    )


def _case_attributes(con: duckdb.DuckDBPyConnection, attributes: list[str]) -> list[str]:
    """Attribute columns with at most one distinct value in every case (one grouping)."""
    if not attributes:
        return []
    counts = ", ".join(
        f"count(DISTINCT {quote(name)}) AS c{i}" for i, name in enumerate(attributes)
    )
    constant = ", ".join(f"max(c{i}) <= 1" for i in range(len(attributes)))
    (row,) = con.execute(
        f"SELECT {constant} FROM (SELECT {counts} FROM {EVENTS_VIEW} GROUP BY case_id)"
    ).fetchall()
    return [name for name, holds in zip(attributes, row, strict=True) if holds]
