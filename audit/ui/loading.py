"""The library calls the app makes, cached so that moving between pages is instant.

Reading a log is keyed on the file's content hash, the column mapping, the time zone and
the day-first choice; an audit on the log's key, the journey map's text and the case
filter. Results are cached as resources (shared, not copied): a log or an audit is never
changed after it is made. Everything here may raise AuditInputError for bad input.
"""

from __future__ import annotations

import threading

import pandas as pd
import streamlit as st

from audit.engine import case_steps
from audit.io import ColumnMapping, EventLog, read_log
from audit.journey import JourneyMap, draft_journey, dump_journey, parse_journey
from audit.pipeline import AuditResult, run_audit
from audit.process.blueprint import blueprint_table
from audit.ui.filters import NO_FILTER, CaseFilter, matching_cases, restrict_events
from audit.ui.sources import LogSource

_CONNECTION_LOCK = threading.Lock()
"""An audit's DuckDB connection is shared by every session that shows it, and a DuckDB
connection serves one thread at a time."""

LogKey = tuple[str, ColumnMapping | None, str, bool | None]
"""What identifies a read log: content hash, mapping, time zone, day first."""


@st.cache_resource(max_entries=4, show_spinner=False)
def read(
    source: LogSource, mapping: ColumnMapping | None, timezone: str, dayfirst: bool | None
) -> EventLog:
    """The event log of ``source`` read with the given column mapping and time settings."""
    return read_log(source.path, mapping, timezone=timezone, dayfirst=dayfirst)


@st.cache_data(max_entries=16, show_spinner=False)
def drafted_journey_text(log_key: LogKey, _log: EventLog, language: str) -> str:
    """A journey map drafted from the log, as YAML for the user to edit."""
    return dump_journey(draft_journey(_log.events, language=language))


@st.cache_resource(max_entries=16, show_spinner=False)
def journey_map(text: str, source: str) -> JourneyMap:
    """The journey map written in ``text``, validated."""
    return parse_journey(text, source)


@st.cache_resource(max_entries=12, show_spinner=False)
def audit(
    log_key: LogKey,
    _log: EventLog,
    journey_text: str,
    journey_source: str,
    case_filter: CaseFilter,
) -> AuditResult:
    """The audit of the log against the journey map, for the cases the filter keeps.

    A filter that keeps every case, or none, audits the whole log (the sidebar says so
    when none matched).
    """
    journey = journey_map(journey_text, journey_source)
    if not case_filter.active:
        return run_audit(_log, journey=journey)
    full = audit(log_key, _log, journey_text, journey_source, NO_FILTER)
    case_ids = matching_cases(full.measures.cases, case_filter)
    if case_ids.empty or len(case_ids) == len(full.measures.cases):
        return full
    return run_audit(restrict_events(_log, case_ids.tolist()), journey=journey)


def steps_of_case(result: AuditResult, case_id: str) -> pd.DataFrame:
    """The steps of one case, read back from the audit's connection."""
    with _CONNECTION_LOCK:
        return case_steps(result.connection, [case_id])


def blueprint(result: AuditResult) -> pd.DataFrame:
    """The service blueprint's cells (activities per lane and stage) of the audit."""
    measures = result.measures
    with _CONNECTION_LOCK:
        return blueprint_table(
            result.connection,
            measures.activities,
            measures.stages,
            unit_column=measures.log.get("handoff_basis"),
        )
