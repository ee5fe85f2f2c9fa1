"""From the rows as read to the canonical event table and its data-quality account.

All formats pass through here, so the rules are the same for CSV, XES, Parquet and Excel.
The work is DuckDB SQL over the raw Arrow table, in named steps:

1. `staged`: every input row with its roles parsed (case id and activity as trimmed text,
   timestamps in UTC) and the reason it cannot be an event, if any.
2. `pairs`: lifecycle pairing. Within a case and activity, in time order, each complete
   takes the oldest open start (FIFO): a complete is paired when the starts so far exceed
   the completes already paired, which a running minimum computes without a loop.
3. `accounted`: every row's fate: an event, merged into its complete, or dropped (reason).

Lifecycle decisions (XES standard lifecycle model): `complete` and `unknown` rows are
events; `start` rows give their time to the paired complete and are counted as merged;
a start without a complete is dropped (the activity never finished in the log); the other
standard transitions (schedule, assign, reassign, suspend, resume, withdraw, ate_abort,
pi_abort, autoskip, manualskip) describe work items, not customer-visible events, and are
dropped with the transition named as the reason. Values outside the model make the row an
ordinary event and are kept in the lifecycle column as an attribute.
"""

from __future__ import annotations

import dataclasses
import re
import zoneinfo
from collections.abc import Callable

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from audit import scratch
from audit.errors import AuditInputError
from audit.io.eventlog import EventLog
from audit.io.mapping import ColumnMapping, resolve_mapping
from audit.io.names import attribute_names, unique_names
from audit.io.quality import MAX_EXAMPLES, DataQuality, RowCount
from audit.io.raw import RawLog
from audit.io.schema import CANONICAL_COLUMNS, CANONICAL_SCHEMA, EVENT_INDEX
from audit.io.timeparse import quote, to_utc_sql

ROW = "__row"
EVENT_TRANSITIONS = ("complete", "unknown")
NOT_EVENT_TRANSITIONS = (
    "schedule",
    "assign",
    "reassign",
    "suspend",
    "resume",
    "withdraw",
    "ate_abort",
    "pi_abort",
    "autoskip",
    "manualskip",
)
INTEGER = r"-?(0|[1-9][0-9]{0,17})"  # fits BIGINT; longer digit runs stay text (ids)
PATTERNS = {
    "integer": INTEGER,
    "decimal": INTEGER + r"(\.[0-9]+)?([eE][-+]?[0-9]+)?",
    "decimal comma": INTEGER + r"(,[0-9]+)?",
    "boolean": r"(?i)(true|false)",
}
"""Value patterns of the typed attribute kinds, narrowest first (Python and RE2 alike)."""
SAMPLE_ROWS = 2000
OUT_OF_RANGE_SPANS = 3
PLACEHOLDER_BEFORE = "1971-01-01"

Progress = Callable[[str], None] | None


def build_event_log(
    raw: RawLog,
    mapping: ColumnMapping | None,
    *,
    source: str,
    timezone: str = "UTC",
    dayfirst: bool | None = None,
    progress: Progress = None,
) -> EventLog:
    """Map, parse, pair and account for the rows of one input file."""
    _check_zone(timezone, source)
    raw = _with_unique_names(raw)
    table = raw.table.append_column(ROW, pa.array(np.arange(raw.table.num_rows)))
    mapping = resolve_mapping(raw.table.column_names, mapping, source)
    con = scratch.connect()
    try:
        con.execute(f"SET TimeZone = '{timezone}'")
        con.execute("SET enable_progress_bar = false")
        cleaned = _cleaned_roles(table, mapping)
        con.register("raw_input", cleaned)
        _say(progress, "parsing timestamps")
        notes = list(raw.notes)
        roles = _role_sql(con, cleaned, mapping, dayfirst, source, notes, timezone)
        attributes = _attribute_sql(con, table, mapping)
        staged = _stage(con, roles, attributes)
        _say(progress, "pairing lifecycle events")
        accounted = _account(con, staged)
        con.register("accounted", accounted)
        events = _events(accounted, table, attributes)
        con.register("final", events)
        _say(progress, "checking data quality")
        quality = _quality(con, raw, notes)
        case_attributes = _case_attributes(con, list(attributes))
        lifecycle = _lifecycle_kind(quality, mapping)
    finally:
        con.close()
    return EventLog(
        events=events,
        source=source,
        mapping=mapping,
        quality=quality,
        timezone=timezone,
        case_attributes=case_attributes,
        lifecycle=lifecycle,
    )


def _with_unique_names(raw: RawLog) -> RawLog:
    """The raw log with column names unique regardless of case (audit.io.names)."""
    names = unique_names(raw.table.column_names)
    if names == raw.table.column_names:
        return raw
    return dataclasses.replace(raw, table=raw.table.rename_columns(names))


def _say(progress: Progress, message: str) -> None:
    if progress is not None:
        progress(message)


def _check_zone(timezone: str, source: str) -> None:
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise AuditInputError(
            f"unknown time zone {timezone!r}",
            source=source,
            hint="give an IANA zone name such as UTC or Europe/Helsinki with --timezone",
        ) from exc


def _text(column: str) -> str:
    """SQL: the column as trimmed text, NULL when empty (for columns not cleaned in Arrow)."""
    return f"NULLIF(trim(CAST({quote(column)} AS VARCHAR)), '')"


def _is_text(kind: pa.DataType) -> bool:
    if pa.types.is_dictionary(kind):
        return _is_text(kind.value_type)
    return pa.types.is_string(kind) or pa.types.is_large_string(kind)


def _cleaned_roles(table: pa.Table, mapping: ColumnMapping) -> pa.Table:
    """The input with every text column that fills a role trimmed of spaces and empty text
    made NULL, as `_text` does in SQL; done once in Arrow (for dictionary-encoded columns on
    the dictionary, not on every row), which costs a fraction of DuckDB's trim per row.
    Untouched columns stay as they are; attributes are taken from the original table."""
    for name in sorted(mapping.used_columns()):
        column = table.column(name)
        if _is_text(column.type):
            index = table.column_names.index(name)
            table = table.set_column(index, name, _clean_text(column))
    return table


def _clean_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    chunks = []
    for chunk in column.chunks:
        if pa.types.is_dictionary(chunk.type):
            values = _clean_values(chunk.dictionary)
            chunk = pc.take(values, chunk.indices)
        else:
            chunk = _clean_values(chunk)
        chunks.append(chunk)
    return pa.chunked_array(chunks, type=pa.string())


def _clean_values(values: pa.Array) -> pa.Array:
    trimmed = pc.utf8_trim(values.cast(pa.string()), " ")
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _role_sql(
    con: duckdb.DuckDBPyConnection,
    table: pa.Table,
    mapping: ColumnMapping,
    dayfirst: bool | None,
    source: str,
    notes: list[str],
    timezone: str,
) -> dict[str, str]:
    """One SQL expression per role, over `raw_input`."""

    def timestamp(column: str) -> str:
        sql, name = to_utc_sql(
            con, "raw_input", column, table.schema.field(column).type, dayfirst, source
        )
        notes.append(f"{column}: read as {name}; times without an offset read in {timezone}")
        return sql

    def text(column: str) -> str:
        return quote(column) if _is_text(table.schema.field(column).type) else _text(column)

    def text_or_null(column: str | None) -> str:
        return text(column) if column else "NULL::VARCHAR"

    assert mapping.case is not None and mapping.timestamp is not None
    if len(mapping.activity) == 1:
        activity = text(mapping.activity[0])
    else:
        parts = ", ".join(text(column) for column in mapping.activity)
        activity = f"NULLIF(concat_ws({_literal(mapping.separator)}, {parts}), '')"
    return {
        "case_id": text(mapping.case),
        "activity": activity,
        "timestamp_given": f"{quote(mapping.timestamp)} IS NOT NULL",
        "timestamp": timestamp(mapping.timestamp),
        "start_given": f"{quote(mapping.start)} IS NOT NULL" if mapping.start else "false",
        "start_timestamp": timestamp(mapping.start) if mapping.start else "NULL::TIMESTAMP",
        "resource": text_or_null(mapping.resource),
        "org_unit": text_or_null(mapping.org_unit),
        "channel": text_or_null(mapping.channel),
        "customer_id": text_or_null(mapping.customer),
        "transition": f"lower({text(mapping.lifecycle)})" if mapping.lifecycle else "NULL",
    }


def _attribute_sql(
    con: duckdb.DuckDBPyConnection, table: pa.Table, mapping: ColumnMapping
) -> dict[str, tuple[str, str | None]]:
    """Output name -> (input column, SQL converting it, or None to keep it as it is) for
    every input column that fills no role. The lifecycle column stays an attribute when it
    holds values outside the XES model. Text columns whose every value is a number or a
    boolean get that type; numbers with a leading zero (`0012`) stay text, decimal commas
    are understood."""
    used = mapping.used_columns()
    if mapping.lifecycle and _has_foreign_transitions(con, mapping.lifecycle):
        used.discard(mapping.lifecycle)
    names = [name for name in table.column_names if name not in used and name != ROW]
    text_columns = [name for name in names if pa.types.is_string(table.schema.field(name).type)]
    kinds = _text_kinds(con, text_columns)
    return {
        out: (name, _typed(name, kinds.get(name)))
        for out, name in attribute_names(names, CANONICAL_COLUMNS).items()
    }


def _has_foreign_transitions(con: duckdb.DuckDBPyConnection, column: str) -> bool:
    """True when the lifecycle column holds a value outside the XES lifecycle model."""
    known = ", ".join(
        _literal(value) for value in ("start", *EVENT_TRANSITIONS, *NOT_EVENT_TRANSITIONS)
    )
    (count,) = con.execute(
        f"SELECT count(*) FROM raw_input WHERE lower({_text(column)}) NOT IN ({known})"
    ).fetchall()[0]
    return count > 0


def _text_kinds(con: duckdb.DuckDBPyConnection, columns: list[str]) -> dict[str, str]:
    """For each text column: "integer", "decimal", "decimal comma", "boolean" or "text".

    A sample rules out most text columns cheaply; the rest are checked on every value,
    because a conversion that failed on one row would lose that value."""
    if not columns:
        return {}
    sample = con.execute(
        f"SELECT {', '.join(quote(c) for c in columns)} FROM raw_input "
        f"USING SAMPLE reservoir({SAMPLE_ROWS} ROWS) REPEATABLE (7)"
    ).fetchall()
    kinds = {}
    for index, column in enumerate(columns):
        values = [row[index].strip() for row in sample if row[index] is not None]
        kinds[column] = _kind(values) if values else "text"
    candidates = [column for column, kind in kinds.items() if kind != "text"]
    if candidates:
        checks = [
            f"bool_and(regexp_full_match(trim({quote(column)}), '{PATTERNS[kinds[column]]}'))"
            for column in candidates
        ]
        row = con.execute(f"SELECT {', '.join(checks)} FROM raw_input").fetchall()[0]
        for column, holds in zip(candidates, row, strict=True):
            kinds[column] = kinds[column] if holds else "text"
    return kinds


def _kind(values: list[str]) -> str:
    """The narrowest kind every one of these values fits."""
    for kind, pattern in PATTERNS.items():
        if all(re.fullmatch(pattern, value) for value in values):
            return kind
    return "text"


def _typed(column: str, kind: str | None) -> str | None:
    """SQL converting a text column of this kind, or None for text kept as it is."""
    v = quote(column)
    return {
        "integer": f"try_cast(trim({v}) AS BIGINT)",
        "decimal": f"try_cast(trim({v}) AS DOUBLE)",
        "decimal comma": f"try_cast(replace(trim({v}), ',', '.') AS DOUBLE)",
        "boolean": f"lower(trim({v})) = 'true'",
    }.get(kind or "")


def _stage(
    con: duckdb.DuckDBPyConnection,
    roles: dict[str, str],
    attributes: dict[str, tuple[str, str | None]],
) -> pa.Table:
    """Step 1: every row with its roles, converted attributes and the reason it cannot be
    an event, in input order (row positions 0..n-1). Fetched as Arrow, which is cheaper
    than a DuckDB table."""
    role_list = ",\n".join(f"{sql} AS {name}" for name, sql in roles.items())
    converted = "".join(
        f",\n{sql} AS {quote(name)}" for name, (_, sql) in attributes.items() if sql
    )
    skipped = ", ".join(_literal(value) for value in NOT_EVENT_TRANSITIONS)
    staged = con.sql(
        f"""
        WITH parsed AS (
            SELECT {ROW}, {role_list}{converted}
            FROM raw_input
        )
        SELECT *,
            CASE
                WHEN case_id IS NULL THEN 'missing case id'
                WHEN activity IS NULL THEN 'missing activity'
                WHEN NOT timestamp_given THEN 'missing timestamp'
                WHEN timestamp IS NULL THEN 'unparseable timestamp'
                WHEN transition IN ({skipped})
                    THEN 'lifecycle ' || upper(transition) || ' (not an event)'
            END AS drop_reason
        FROM parsed
        """
    ).to_arrow_table()
    if not pc.all(pc.equal(staged.column(ROW), pa.array(np.arange(staged.num_rows)))).as_py():
        staged = staged.sort_by(ROW)  # DuckDB keeps input order here; this only guards it
    con.register("staged", staged)
    return staged


def _account(con: duckdb.DuckDBPyConnection, staged: pa.Table) -> pa.Table:
    """Steps 2 and 3: pair starts with completes (FIFO) and give every row its fate, in
    input order: the staged rows with paired_start, fate and unpaired_complete appended
    (only those three come back from DuckDB, not the staged columns again)."""
    (starts,) = con.execute(
        "SELECT count(*) FROM staged WHERE drop_reason IS NULL AND transition = 'start'"
    ).fetchall()[0]
    if not starts:
        fate = pc.coalesce(staged.column("drop_reason"), pa.scalar("event"))
        return (
            staged.append_column("paired_start", staged.column("start_timestamp"))
            .append_column("fate", fate)
            .append_column("unpaired_complete", pa.array(np.zeros(staged.num_rows, bool)))
        )
    fates = con.sql(
        f"""
        WITH lifecycle_rows AS (
            SELECT {ROW}, case_id, activity, timestamp, transition
            FROM staged
            WHERE drop_reason IS NULL AND transition IN ('start', 'complete')
        ),
        counted AS (
            SELECT *,
                sum(CASE WHEN transition = 'start' THEN 1 ELSE 0 END) OVER running
                    AS starts_so_far,
                sum(CASE WHEN transition = 'complete' THEN 1 ELSE 0 END) OVER running
                    AS completes_so_far
            FROM lifecycle_rows
            WINDOW running AS (
                PARTITION BY case_id, activity
                ORDER BY timestamp, transition = 'complete', {ROW}
                ROWS UNBOUNDED PRECEDING)
        ),
        completes AS (
            SELECT *,
                completes_so_far + least(0, min(starts_so_far - completes_so_far) OVER running)
                    AS paired_so_far
            FROM counted
            WHERE transition = 'complete'
            WINDOW running AS (
                PARTITION BY case_id, activity ORDER BY timestamp, {ROW}
                ROWS UNBOUNDED PRECEDING)
        ),
        paired_completes AS (
            SELECT *,
                paired_so_far > coalesce(lag(paired_so_far) OVER (
                    PARTITION BY case_id, activity ORDER BY timestamp, {ROW}), 0) AS is_paired
            FROM completes
        ),
        starts AS (
            SELECT {ROW}, case_id, activity, timestamp, starts_so_far AS start_number
            FROM counted
            WHERE transition = 'start'
        ),
        started_activities AS (
            SELECT DISTINCT activity FROM starts
        ),
        pairs AS (
            SELECT c.{ROW} AS complete_row, s.{ROW} AS start_row, s.timestamp AS start_time
            FROM paired_completes AS c
            JOIN starts AS s
              ON s.case_id = c.case_id AND s.activity = c.activity
             AND s.start_number = c.paired_so_far
            WHERE c.is_paired
        )
        SELECT coalesce(as_complete.start_time, staged.start_timestamp) AS paired_start,
            CASE
                WHEN staged.drop_reason IS NOT NULL THEN staged.drop_reason
                WHEN staged.transition = 'start' AND as_start.start_row IS NOT NULL
                    THEN 'merged'
                WHEN staged.transition = 'start' THEN 'start without a complete'
                ELSE 'event'
            END AS fate,
            staged.transition = 'complete' AND as_complete.complete_row IS NULL
                AND started.activity IS NOT NULL AS unpaired_complete
        FROM staged
        LEFT JOIN pairs AS as_complete ON as_complete.complete_row = staged.{ROW}
        LEFT JOIN pairs AS as_start ON as_start.start_row = staged.{ROW}
        LEFT JOIN started_activities AS started ON started.activity = staged.activity
        ORDER BY staged.{ROW}
        """
    ).to_arrow_table()
    for name in fates.column_names:  # the staged rows are in row order, and so are these
        staged = staged.append_column(name, fates.column(name))
    return staged


def _events(
    accounted: pa.Table, table: pa.Table, attributes: dict[str, tuple[str, str | None]]
) -> pa.Table:
    """The canonical event table, in input order, with the attribute columns after it:
    converted attributes from `accounted`, the rest straight from the input."""
    start, timestamp = accounted.column("paired_start"), accounted.column("timestamp")
    columns = {
        "case_id": accounted.column("case_id"),
        "activity": accounted.column("activity"),
        "timestamp": timestamp,
        "start_timestamp": pc.if_else(
            pc.less_equal(start, timestamp), start, pa.scalar(None, start.type)
        ),
        "resource": accounted.column("resource"),
        "org_unit": accounted.column("org_unit"),
        "channel": accounted.column("channel"),
        "customer_id": accounted.column("customer_id"),
        EVENT_INDEX: accounted.column(ROW),
    }
    for name, (column, sql) in attributes.items():
        columns[name] = accounted.column(name) if sql else _naive_utc(table.column(column))
    events = pa.table(columns)
    is_event = pc.equal(accounted.column("fate"), "event")
    if not pc.all(is_event).as_py():  # filtering copies every column: only when needed
        events = events.filter(is_event)
    schema = pa.schema(list(CANONICAL_SCHEMA) + list(events.schema)[len(CANONICAL_COLUMNS) :])
    return events if events.schema == schema else events.cast(schema)


def _naive_utc(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Zoned timestamps as naive UTC, like every time in the event table; Arrow keeps zoned
    values as UTC instants, so dropping the zone is exact."""
    kind = column.type
    if pa.types.is_timestamp(kind) and kind.tz is not None:
        return column.cast(pa.timestamp(kind.unit))
    return column


def _examples(con: duckdb.DuckDBPyConnection, raw: RawLog, sql: str) -> dict[str, RowCount]:
    """Run a query returning (label, count, first rows) and turn rows into places."""
    return {
        label: RowCount(count, [raw.locate(row) for row in rows or []])
        for label, count, rows in con.execute(sql).fetchall()
        if count
    }


def _quality(con: duckdb.DuckDBPyConnection, raw: RawLog, notes: list[str]) -> DataQuality:
    """The data-quality account from `accounted` and `final`."""
    fates = _examples(
        con,
        raw,
        f"""
        SELECT fate, count(*), min({ROW}, {MAX_EXAMPLES})
        FROM accounted GROUP BY fate ORDER BY count(*) DESC, fate
        """,
    )
    empty = RowCount(0)
    dropped = {fate: entry for fate, entry in fates.items() if fate not in ("event", "merged")}
    if raw.rejected:
        dropped["line could not be split into the header's columns"] = RowCount(
            len(raw.rejected), raw.rejected[:MAX_EXAMPLES]
        )
    (
        unpaired_completes,
        bad_starts,
        late_starts,
        other_transitions,
    ) = con.execute(
        """
        SELECT count(*) FILTER (WHERE unpaired_complete AND fate = 'event'),
            count(*) FILTER (WHERE fate = 'event' AND start_given
                             AND start_timestamp IS NULL),
            count(*) FILTER (WHERE fate = 'event' AND paired_start > timestamp),
            count(*) FILTER (WHERE fate = 'event' AND transition IS NOT NULL
                             AND transition NOT IN ('start', 'complete', 'unknown'))
        FROM accounted
        """
    ).fetchall()[0]
    if bad_starts:
        notes.append(f"{bad_starts} start times could not be read; those events have none")
    if late_starts:
        notes.append(f"{late_starts} start times were after the completion and were ignored")
    if other_transitions:
        notes.append(
            f"{other_transitions} events have a lifecycle value outside the XES model; "
            "they were kept as ordinary events"
        )
    (lost,) = con.execute(
        """
        WITH per_activity AS (
            SELECT activity, count(*) FILTER (WHERE fate = 'event') AS events
            FROM accounted WHERE activity IS NOT NULL GROUP BY activity
        )
        SELECT list(activity ORDER BY activity) FROM per_activity WHERE events = 0
        """
    ).fetchall()[0]
    if lost:
        notes.append(
            f"{len(lost)} activities occur only in dropped rows and so not as events: "
            + ", ".join(lost[:10])
        )
    # events per case and timestamp (cheaper than count(DISTINCT)); duplicates share their
    # case and timestamp, so only the events of a moment with several are searched for them
    con.execute(
        "CREATE TEMP TABLE moments AS "
        "SELECT case_id, timestamp, count(*) AS events FROM final GROUP BY case_id, timestamp"
    )
    single, tied = con.execute(
        """
        WITH per_case AS (
            SELECT case_id, sum(events) AS events, max(events) AS most_at_once
            FROM moments GROUP BY case_id
        )
        SELECT count(*) FILTER (WHERE events = 1), count(*) FILTER (WHERE most_at_once > 1)
        FROM per_case
        """
    ).fetchall()[0]
    duplicates = _examples(
        con,
        raw,
        f"""
        WITH shared AS (
            SELECT * FROM final
            SEMI JOIN (SELECT case_id, timestamp FROM moments WHERE events > 1) AS tied
            USING (case_id, timestamp)
        ),
        copies AS (
            SELECT count(*) AS copies, max({EVENT_INDEX}) AS last_copy
            FROM shared
            GROUP BY case_id, activity, timestamp, start_timestamp, resource
            HAVING count(*) > 1
        )
        SELECT 'duplicates', coalesce(sum(copies - 1), 0), min(last_copy, {MAX_EXAMPLES})
        FROM copies
        """,
    )
    out_of_range = _examples(
        con,
        raw,
        f"""
        WITH bounds AS (
            SELECT quantile_cont(epoch(timestamp), 0.01) AS low,
                   quantile_cont(epoch(timestamp), 0.99) AS high
            FROM final
        ),
        fences AS (
            SELECT low - {OUT_OF_RANGE_SPANS} * greatest(high - low, 86400) AS early,
                   high + {OUT_OF_RANGE_SPANS} * greatest(high - low, 86400) AS late
            FROM bounds
        )
        SELECT 'out of range', count(*), min({EVENT_INDEX}, {MAX_EXAMPLES})
        FROM final, fences
        WHERE epoch(timestamp) < early OR epoch(timestamp) > late
           OR timestamp < TIMESTAMP '{PLACEHOLDER_BEFORE}'
        """,
    )
    return DataQuality(
        rows_read=raw.table.num_rows + len(raw.rejected),
        events_used=fates.get("event", empty).count,
        dropped=dropped,
        merged_by_lifecycle=fates.get("merged", empty).count,
        unpaired_completes=unpaired_completes,
        duplicated_events=duplicates.get("duplicates", empty),
        single_event_cases=single,
        cases_with_tied_timestamps=tied,
        timestamps_out_of_range=out_of_range.get("out of range", empty),
        notes=notes,
    )


def _case_attributes(con: duckdb.DuckDBPyConnection, attributes: list[str]) -> list[str]:
    """Attribute columns with at most one value (besides nulls) in every case."""
    if not attributes:
        return []
    bounds = ", ".join(
        f"min({quote(name)}) AS low{i}, max({quote(name)}) AS high{i}"
        for i, name in enumerate(attributes)
    )
    constant = ", ".join(f"bool_and(low{i} = high{i})" for i in range(len(attributes)))
    row = con.execute(
        f"SELECT {constant} FROM (SELECT {bounds} FROM final GROUP BY case_id)"
    ).fetchall()[0]
    return [name for name, same in zip(attributes, row, strict=True) if same is not False]


def _lifecycle_kind(quality: DataQuality, mapping: ColumnMapping) -> str | None:
    if mapping.lifecycle is None:
        return None
    return "paired" if quality.merged_by_lifecycle else "complete only"
