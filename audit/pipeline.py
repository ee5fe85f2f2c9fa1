"""The whole audit in one call, and its outputs on disk.

`run_audit` reads the log (or takes an EventLog already read), drafts a journey map when
none is given (and the result says so), compiles the map against the log, measures in
DuckDB and finds friction, hotspots and experience. `write_outputs` writes findings.json
(the versioned contract), one CSV per level and summary.md; `summary_text` is the short
console summary. The command line, the app and the report all go through here.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit import scratch
from audit.engine import measure
from audit.engine.segments import segment_measures
from audit.engine.trend import trend_measures
from audit.errors import AuditInputError
from audit.findings.conformance import stage_table
from audit.findings.experience import measure_experience
from audit.findings.friction import LEVEL_COMPONENTS, stage_friction
from audit.findings.hotspots import WHAT_IF_FIELDS, find_hotspots, weakest_stage
from audit.findings.humanize import LANGUAGES
from audit.findings.repeat_contacts import repeat_contact_causes
from audit.findings.result import AuditResult
from audit.findings.segments import find_segments
from audit.findings.summary import summary_markdown, summary_text
from audit.findings.trend import find_trend
from audit.io import EVENTS_VIEW, ColumnMapping, EventLog, open_events, read_log
from audit.io.scan import scan_log
from audit.io.schema import ACTIVITY, CASE, TIMESTAMP
from audit.journey import JourneyMap, compile_journey, draft_journey, load_journey
from audit.report.safe import safe_csv

__all__ = ["AuditResult", "run_audit", "summary_text", "write_outputs"]

Progress = Callable[[str], None]
"""Called with a short message as each step of the audit begins."""


LARGE_FILE_BYTES = 1 << 30
"""Parquet and CSV files larger than this are audited in place (audit.io.scan) by default."""
ENGINES = ("duckdb", "spark")
"""Where the measures run: embedded DuckDB, or Apache Spark (the same SQL, transpiled)."""
ALL_EVENTS_VIEW = "log_events"
"""The whole log when `events` is narrowed to chosen cases."""


@dataclass
class _OpenedLog:
    """A log registered as the `events` view of a DuckDB connection, whichever path read it."""

    connection: duckdb.DuckDBPyConnection
    source: str
    timezone: str
    quality: dict
    activities: list[str]
    columns: list[str]
    case_attributes: list[str]


def _reads_in_place(path: Path, large: bool | None) -> bool:
    """Whether to take the large-log path: asked for, or a big Parquet or CSV file."""
    if large is not None:
        return large
    suffixes = [s.lower() for s in path.suffixes]
    tabular = any(s in (".parquet", ".pq", ".csv") for s in suffixes)
    return tabular and path.is_file() and path.stat().st_size > LARGE_FILE_BYTES


def _open_log(
    source: str | Path | EventLog,
    mapping: ColumnMapping | None,
    timezone: str,
    dayfirst: bool | None,
    large: bool | None,
    progress: Progress,
) -> _OpenedLog:
    """Read the log into memory (or scan it in place) and register it as `events`."""
    connection = scratch.connect()
    connection.execute("SET enable_progress_bar = false")
    if not isinstance(source, EventLog) and _reads_in_place(Path(source), large):
        progress(f"Scanning {Path(source).name} in place (large-log path)")
        scanned = scan_log(source, mapping, con=connection, timezone=timezone, dayfirst=dayfirst)
        return _OpenedLog(
            connection,
            scanned.source,
            scanned.timezone,
            scanned.quality.to_dict(),
            scanned.activities,
            scanned.columns,
            scanned.case_attributes,
        )
    if isinstance(source, EventLog):
        log = source
    else:
        log = read_log(source, mapping, timezone=timezone, dayfirst=dayfirst, progress=progress)
    open_events(connection, log)
    return _OpenedLog(
        connection,
        log.source,
        log.timezone,
        log.quality.to_dict(),
        pc.unique(log.events.column(ACTIVITY)).to_pylist(),
        log.events.column_names,
        log.case_attributes,
    )


def _keep_cases(connection: duckdb.DuckDBPyConnection, case_ids: Collection[str]) -> datetime:
    """Narrow the `events` view to the chosen cases (the whole log stays as log_events);
    returns the end of the whole log."""
    connection.execute(f"ALTER VIEW {EVENTS_VIEW} RENAME TO {ALL_EVENTS_VIEW}")
    connection.register("chosen_cases", pa.table({CASE: pa.array(list(case_ids), pa.string())}))
    connection.execute(
        f"CREATE TEMP VIEW {EVENTS_VIEW} AS SELECT * FROM {ALL_EVENTS_VIEW} "
        f"WHERE {CASE} IN (SELECT {CASE} FROM chosen_cases)"
    )
    return connection.execute(f"SELECT max({TIMESTAMP}) FROM {ALL_EVENTS_VIEW}").fetchall()[0][0]


def _journey_map(
    journey: str | Path | JourneyMap | None, opened: _OpenedLog, progress: Progress
) -> JourneyMap:
    """The map to audit against: the one given, read from its file, or drafted."""
    if isinstance(journey, JourneyMap):
        return journey
    if journey is None:
        progress("Drafting a journey map from the log")
        return draft_journey(opened.connection.table(EVENTS_VIEW))
    progress(f"Reading the journey map {Path(journey).name}")
    return load_journey(journey)


def run_audit(
    source: str | Path | EventLog,
    *,
    journey: str | Path | JourneyMap | None = None,
    mapping: ColumnMapping | None = None,
    timezone: str = "UTC",
    dayfirst: bool | None = None,
    language: str | None = None,
    case_ids: Collection[str] | None = None,
    large: bool | None = None,
    repeat_within_days: float | None = None,
    by: str | None = None,
    segment: str | None = None,
    progress: Progress | None = None,
    engine: str = "duckdb",
    spark_master: str | None = None,
) -> AuditResult:
    """Audit one event log against a journey map.

    source: a log file (CSV, XES, Parquet, Excel) or an EventLog already read; mapping,
        timezone and dayfirst are passed to the reader.
    journey: a journey map file, a JourneyMap, or None to draft one from the log.
    language: "en" or "fi" for the sentences; None takes the journey map's language.
    case_ids: audit only these cases (the app's filters); None audits every case.
    large: read a Parquet or CSV file in place with DuckDB instead of into memory (for logs
        larger than memory); None decides by file size (over 1 GiB).
    repeat_within_days: the repeat-contact window in days; None takes the journey map's.
    by: "day", "week", "month" or "quarter" for the trend (result.trend); None for none.
    segment: a case attribute or the channel (any letter case) to split the stage table
        by (result.segments); None for none.
    progress: called with a message as each step begins (reading, measuring, ...).
    engine: "duckdb" (embedded, the default) or "spark": the same SQL run on Apache Spark
        at spark_master (default local[*]; sc://host for Spark Connect), audit.engine.spark.

    The result keeps its DuckDB connection (result.connection) so that single cases can be
    read back with audit.engine.case_steps. Bad input raises AuditInputError.
    """
    if language is not None and language not in LANGUAGES:
        raise AuditInputError(
            f"unknown language {language!r}", hint=f"choose one of {', '.join(LANGUAGES)}"
        )
    if repeat_within_days is not None and not 0 < repeat_within_days < math.inf:
        raise AuditInputError(
            f"the repeat-contact window must be a positive number of days, "
            f"not {repeat_within_days}",
            hint="give --repeat-within a number of days such as 30",
        )
    if engine not in ENGINES:
        raise AuditInputError(
            f"unknown engine {engine!r}", hint=f"choose one of {', '.join(ENGINES)}"
        )
    report = progress or (lambda message: None)
    opened = _open_log(source, mapping, timezone, dayfirst, large, report)
    log_end = None if case_ids is None else _keep_cases(opened.connection, case_ids)
    journey_map = _journey_map(journey, opened, report)
    compiled = compile_journey(journey_map, opened.activities, opened.columns)
    if repeat_within_days is not None:
        compiled = dataclasses.replace(compiled, repeat_within_days=float(repeat_within_days))
    report("Measuring the events")
    carried = [*opened.case_attributes, *_segment_column(opened.columns, segment)]
    con = _measuring_connection(opened, engine, spark_master, report)
    measures = measure(con, compiled, case_attributes=carried, log_end=log_end)
    measures.log["engine"] = engine
    report("Scoring friction and finding hotspots")
    friction = stage_friction(measures, compiled)
    return AuditResult(
        source=opened.source,
        timezone=opened.timezone,
        quality=opened.quality,
        journey=compiled,
        measures=measures,
        friction=friction,
        hotspots=find_hotspots(measures, compiled, friction, con),
        weakest_stage=weakest_stage(friction),
        experience=measure_experience(measures, compiled),
        repeat_causes=repeat_contact_causes(measures.customers),
        language=language or compiled.language,
        trend=None if by is None else find_trend(trend_measures(con, by), measures, compiled, by),
        segments=None
        if segment is None
        else find_segments(segment_measures(con, segment), measures, compiled, segment),
        connection=con,
    )


def _measuring_connection(
    opened: _OpenedLog, engine: str, spark_master: str | None, progress: Progress
) -> duckdb.DuckDBPyConnection:
    """The connection to measure in: the log's own DuckDB connection, or a Spark connection
    (audit.engine.spark) holding the same `events`, for --engine spark."""
    if engine == "duckdb":
        return opened.connection
    from audit.engine.spark import DEFAULT_MASTER, connect

    master = spark_master or DEFAULT_MASTER
    progress(f"Handing the events to Spark at {master}")
    spark = connect(master)
    events = opened.connection.sql(f"SELECT * FROM {EVENTS_VIEW}").to_arrow_table()
    spark.register(EVENTS_VIEW, events)
    return spark


def _segment_column(columns: list[str], segment: str | None) -> list[str]:
    """The log column the segment names (matched in any letter case, so that "Channel"
    finds the canonical `channel`), to carry into the case table; none when it names no
    column (the segments then name the case attributes there are)."""
    return [name for name in columns if segment is not None and name.lower() == segment.lower()]


def _hotspot_table(result: AuditResult) -> pd.DataFrame:
    """The hotspots with one column per friction component and per what-if field (empty
    where a hotspot has none) instead of dicts."""
    names = dict.fromkeys(c for level in LEVEL_COMPONENTS.values() for c in level)
    hotspots = result.hotspots.copy()
    for name in names:
        hotspots[f"component_{name}"] = [row.get(name) for row in hotspots["components"]]
    for name in WHAT_IF_FIELDS:
        hotspots[f"what_if_{name}"] = [
            row.get(name) if isinstance(row, dict) else None for row in hotspots["what_if"]
        ]
    return hotspots.drop(columns=["components", "what_if"])


def output_tables(result: AuditResult) -> dict[str, pd.DataFrame]:
    """The tables `write_outputs` writes, one CSV each, by file name (without .csv)."""
    measures = result.measures
    tables = {
        "stages": result.stage_table(),
        "activities": measures.activities,
        "org_units": measures.org_units,
        "cases": measures.cases,
        "case_stages": measures.case_stages,
        "handoff_pairs": measures.handoff_pairs,
        "pingpong_pairs": measures.pingpong_pairs,
        "back_jumps": measures.back_jumps,
        "hotspots": _hotspot_table(result),
    }
    if result.experience is not None:
        tables["experience"] = result.experience.table
    if measures.conformance is not None:
        tables["conformance_deviations"] = measures.conformance.deviations
        tables["conformance_stages"] = stage_table(measures.conformance)
    if result.trend is not None:
        tables["trend"] = result.trend.rows
        tables["trend_changes"] = result.trend.changes
    if result.segments is not None:
        tables["segments"] = result.segments.rows
        tables["segment_differences"] = result.segments.differences
    if measures.customers is not None:
        tables["repeat_contact_causes"] = result.repeat_causes
        tables["labyrinth_chains"] = measures.customers.chains
    return tables


def write_outputs(result: AuditResult, out_dir: str | Path) -> list[Path]:
    """Write findings.json, one CSV per level and summary.md into out_dir (created when
    missing); returns the files written. CSVs are safe to open in a spreadsheet."""
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AuditInputError(
            f"cannot create the output folder: {error.strerror}",
            source=str(folder),
            hint="choose a folder you can write to with --out",
        ) from None
    findings = folder / "findings.json"
    document = json.dumps(result.to_json_dict(), indent=2, ensure_ascii=False, allow_nan=False)
    findings.write_text(document + "\n", encoding="utf-8")
    written = [findings]
    tables = output_tables(result).items()
    written += [safe_csv(table, folder / f"{name}.csv") for name, table in tables]
    summary = folder / "summary.md"
    summary.write_text(summary_markdown(result), encoding="utf-8")
    return [*written, summary]
