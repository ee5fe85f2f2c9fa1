"""The whole audit in one call, and its outputs on disk.

`run_audit` reads the log (or takes an EventLog already read), drafts a journey map when
none is given (and the result says so), compiles the map against the log, measures in
DuckDB and finds friction, hotspots and experience. `write_outputs` writes findings.json
(the versioned contract), one CSV per level and summary.md; `summary_text` is the short
console summary. The command line, the app and the report all go through here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.compute as pc

from audit.engine import measure
from audit.errors import AuditInputError
from audit.findings.experience import measure_experience
from audit.findings.friction import LEVEL_COMPONENTS, stage_friction
from audit.findings.hotspots import find_hotspots, weakest_stage
from audit.findings.humanize import LANGUAGES
from audit.findings.result import AuditResult
from audit.findings.summary import summary_markdown, summary_text
from audit.io import ColumnMapping, EventLog, open_events, read_log
from audit.journey import JourneyMap, compile_journey, draft_journey, load_journey
from audit.report.safe import safe_csv

__all__ = ["AuditResult", "run_audit", "summary_text", "write_outputs"]

Progress = Callable[[str], None]
"""Called with a short message as each step of the audit begins."""


def _journey_map(
    journey: str | Path | JourneyMap | None, log: EventLog, progress: Progress
) -> JourneyMap:
    """The map to audit against: the one given, read from its file, or drafted."""
    if isinstance(journey, JourneyMap):
        return journey
    if journey is None:
        progress("Drafting a journey map from the log")
        return draft_journey(log.events)
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
    progress: Progress | None = None,
) -> AuditResult:
    """Audit one event log against a journey map.

    source: a log file (CSV, XES, Parquet, Excel) or an EventLog already read; mapping,
        timezone and dayfirst are passed to the reader.
    journey: a journey map file, a JourneyMap, or None to draft one from the log.
    language: "en" or "fi" for the sentences; None takes the journey map's language.
    progress: called with a message as each step begins (reading, measuring, ...).

    The result keeps its DuckDB connection (result.connection) so that single cases can be
    read back with audit.engine.case_steps. Bad input raises AuditInputError.
    """
    if language is not None and language not in LANGUAGES:
        raise AuditInputError(
            f"unknown language {language!r}", hint=f"choose one of {', '.join(LANGUAGES)}"
        )
    report = progress or (lambda message: None)
    if isinstance(source, EventLog):
        log = source
    else:
        log = read_log(source, mapping, timezone=timezone, dayfirst=dayfirst, progress=report)
    events = log.events
    journey_map = _journey_map(journey, log, report)
    activities = pc.unique(events.column("activity")).to_pylist()
    compiled = compile_journey(journey_map, activities, events.column_names)
    report(f"Measuring {events.num_rows:,} events")
    connection = duckdb.connect()
    open_events(connection, log)
    measures = measure(connection, compiled, case_attributes=log.case_attributes)
    report("Scoring friction and finding hotspots")
    friction = stage_friction(measures, compiled)
    return AuditResult(
        source=log.source,
        timezone=log.timezone,
        quality=log.quality.to_dict(),
        journey=compiled,
        measures=measures,
        friction=friction,
        hotspots=find_hotspots(measures, compiled, friction),
        weakest_stage=weakest_stage(friction),
        experience=measure_experience(measures, compiled),
        language=language or compiled.language,
        connection=connection,
    )


def _hotspot_table(result: AuditResult) -> pd.DataFrame:
    """The hotspots with one column per friction component instead of a dict."""
    names = dict.fromkeys(c for level in LEVEL_COMPONENTS.values() for c in level)
    hotspots = result.hotspots.copy()
    for name in names:
        hotspots[f"component_{name}"] = [row.get(name) for row in hotspots["components"]]
    return hotspots.drop(columns=["components"])


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
    findings = folder / "findings.json"
    document = json.dumps(result.to_json_dict(), indent=2, ensure_ascii=False, allow_nan=False)
    findings.write_text(document + "\n", encoding="utf-8")
    written = [findings]
    written += [safe_csv(table, folder / f"{name}.csv") for name, table in tables.items()]
    summary = folder / "summary.md"
    summary.write_text(summary_markdown(result), encoding="utf-8")
    return [*written, summary]
