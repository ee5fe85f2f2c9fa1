"""The library calls the app makes, cached so that moving between pages is instant.

Reading a log is keyed on the file's content hash, the column mapping, the time zone and
the day-first choice; an audit on an `AuditKey` (that log, the journey map's text, the
privacy switch and the case filter). Results are cached as resources (shared, not copied):
a log or an audit is never changed after it is made. Everything here may raise
AuditInputError for bad input.

Privacy is applied to the event log before any audit (audit.privacy.protect_log), so every
view, table, CSV and report built from a pseudonymised audit shows tokens, never the
original case ids and resources. The key is drawn once per running app: tokens stay the
same across pages, sessions and the two logs of a comparison, and mean nothing after a
restart.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TypeVar

import duckdb
import pandas as pd
import streamlit as st

from audit.compare import Comparison, compare, split_at
from audit.engine import case_steps
from audit.engine.customers import customer_journey, repeat_contact_customers
from audit.engine.segments import segment_columns, segment_measures
from audit.engine.trend import trend_measures
from audit.findings.segments import Segments, find_segments
from audit.findings.trend import Trend, find_trend
from audit.io import ColumnMapping, EventLog, read_log
from audit.journey import JourneyMap, draft_journey, dump_journey, parse_journey
from audit.pipeline import AuditResult, run_audit
from audit.privacy import PrivacyOptions, PrivacyReport, protect_log
from audit.process.blueprint import blueprint_table
from audit.ui.filters import NO_FILTER, CaseFilter, matching_cases
from audit.ui.sources import LogSource

T = TypeVar("T")

_CONNECTION_LOCK = threading.Lock()
"""An audit's DuckDB connection is shared by every session that shows it, and a DuckDB
connection serves one thread at a time."""

PRIVACY_KEY = secrets.token_bytes(32)
"""The pseudonymisation key of this running app (never shown, never stored)."""

LogKey = tuple[str, ColumnMapping | None, str, bool | None]
"""What identifies a read log: content hash, mapping, time zone, day first."""
Progress = Callable[[str], None]
"""Called with a short message as each step of reading or auditing begins."""


@dataclass(frozen=True)
class AuditKey:
    """What identifies one audit: the log as read, the journey map (its YAML text and the
    name it came under), whether names are pseudonymised, and the cases kept."""

    log_key: LogKey
    journey_text: str
    journey_source: str
    pseudonymised: bool
    case_filter: CaseFilter = NO_FILTER

    @property
    def unfiltered(self) -> AuditKey:
        """The same audit of every case."""
        return AuditKey(self.log_key, self.journey_text, self.journey_source, self.pseudonymised)


@st.cache_resource(max_entries=4, show_spinner=False)
def read(
    source: LogSource,
    mapping: ColumnMapping | None,
    timezone: str,
    dayfirst: bool | None,
    _progress: Progress | None = None,
) -> EventLog:
    """The event log of ``source`` read with the given column mapping and time settings;
    ``_progress`` hears the reader's steps when the file is actually read."""
    return read_log(source.path, mapping, timezone=timezone, dayfirst=dayfirst, progress=_progress)


@st.cache_resource(max_entries=4, show_spinner=False)
def _protected(log_key: LogKey, _log: EventLog) -> tuple[EventLog, PrivacyReport]:
    return protect_log(_log, PrivacyOptions(key=PRIVACY_KEY))


def audited_log(
    log_key: LogKey, log: EventLog, pseudonymised: bool
) -> tuple[EventLog, PrivacyReport | None]:
    """The log the audit sees: pseudonymised (with what was done) when the switch is on,
    else the log as read (and None)."""
    return _protected(log_key, log) if pseudonymised else (log, None)


@st.cache_data(max_entries=16, show_spinner=False)
def drafted_journey_text(log_key: LogKey, _log: EventLog, language: str) -> str:
    """A journey map drafted from the log, as YAML for the user to edit."""
    return dump_journey(draft_journey(_log.events, language=language))


@st.cache_resource(max_entries=16, show_spinner=False)
def journey_map(text: str, source: str) -> JourneyMap:
    """The journey map written in ``text``, validated."""
    return parse_journey(text, source)


@st.cache_resource(max_entries=12, show_spinner=False)
def audit(key: AuditKey, _log: EventLog, _progress: Progress | None = None) -> AuditResult:
    """The audit of the log (as audited: already pseudonymised when the key says so)
    against the journey map, for the cases the key's filter keeps.

    Filtered cases are audited with run_audit's case_ids, so drop-off and ongoing are still
    judged against the end of the whole log. A filter that keeps every case, or none,
    audits the whole log (the sidebar says so when none matched).
    """
    journey = journey_map(key.journey_text, key.journey_source)
    if not key.case_filter.active:
        return run_audit(_log, journey=journey, progress=_progress)
    full = audit(key.unfiltered, _log)
    case_ids = matching_cases(full.measures.cases, key.case_filter)
    if case_ids.empty or len(case_ids) == len(full.measures.cases):
        return full
    return run_audit(_log, journey=journey, case_ids=case_ids.tolist())


def _chosen_cases(key: AuditKey, log: EventLog) -> list[str] | None:
    """The case ids the key's filter keeps, or None when it keeps every case."""
    if not key.case_filter.active:
        return None
    cases = audit(key.unfiltered, log).measures.cases
    chosen = matching_cases(cases, key.case_filter)
    return None if chosen.empty or len(chosen) == len(cases) else chosen.tolist()


@st.cache_resource(max_entries=8, show_spinner=False)
def period_comparison(key: AuditKey, _log: EventLog, split: date) -> Comparison:
    """The cases that started before ``split`` against those that started from it on
    (the filter's cases only), both audited with the same journey map."""
    journey = journey_map(key.journey_text, key.journey_source)
    case_ids = _chosen_cases(key, _log)
    before, after = split_at(_log, datetime.combine(split, time.min))
    return compare(
        run_audit(before, journey=journey, case_ids=case_ids),
        run_audit(after, journey=journey, case_ids=case_ids),
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def log_comparison(
    key: AuditKey, _log: EventLog, other_key: LogKey, _other: EventLog
) -> Comparison:
    """The current audit (before) against a second log (after) audited with the same
    journey map and, when the switch is on, pseudonymised with the same key."""
    journey = journey_map(key.journey_text, key.journey_source)
    other, _ = audited_log(other_key, _other, key.pseudonymised)
    return compare(audit(key, _log), run_audit(other, journey=journey))


def steps_of_case(result: AuditResult, case_id: str) -> pd.DataFrame:
    """The steps of one case, read back from the audit's connection."""
    with _CONNECTION_LOCK:
        return case_steps(result.connection, [case_id])


def journey_of_customer(result: AuditResult, customer: str) -> pd.DataFrame:
    """One customer's cases in order, read back from the audit's connection."""
    with _CONNECTION_LOCK:
        return customer_journey(result.connection, customer)


def customers_who_came_back(result: AuditResult) -> pd.DataFrame:
    """The customers with repeat contacts, worst first, from the audit's connection."""
    with _CONNECTION_LOCK:
        return repeat_contact_customers(result.connection)


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


def trend(result: AuditResult, by: str) -> Trend:
    """The audit's stage measures per period of `by`, with the changes tested."""
    with _CONNECTION_LOCK:
        measured = trend_measures(result.connection, by)
    return find_trend(measured, result.measures, result.journey, by)


def segment_choices(result: AuditResult) -> list[str]:
    """The columns the audit's cases can be segmented by."""
    with _CONNECTION_LOCK:
        return segment_columns(result.connection)


def segments(result: AuditResult, column: str) -> Segments:
    """The audit's stage table per segment of `column`, with the differences tested."""
    with _CONNECTION_LOCK:
        measured = segment_measures(result.connection, column)
    return find_segments(measured, result.measures, result.journey, column)


def on_connection(result: AuditResult, question: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Ask one question of the audit's connection (a promise-calibrator query), holding its
    lock."""
    with _CONNECTION_LOCK:
        return question(result.connection)
