"""What one user has chosen (log, mapping, journey map) and the audit it leads to.

The choices live in session state as one frozen `Settings`. A new choice replaces it only
after the library has accepted it: a bad upload or a broken journey map shows a clear
message and the app keeps working with what it had. Every page reads the same `AuditView`,
prepared once per run by app.py. The privacy switch (on by default) decides whether that
view is built from the pseudonymised log.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import streamlit as st

from audit.errors import AuditInputError
from audit.io import ColumnMapping, EventLog
from audit.journey import JourneyMap
from audit.pipeline import AuditResult
from audit.privacy import PrivacyReport
from audit.ui import loading
from audit.ui.filters import CaseFilter, matching_cases
from audit.ui.lang import language, t
from audit.ui.sources import DEFAULT_EXAMPLE, LogSource, examples

SETTINGS_KEY = "audit-settings"
VIEW_KEY = "audit-view"
NOTICE_KEY = "audit-notice"
COMPARISON_KEY = "compare-last"
"""Session-state key of the last comparison shown (with the key of the audit it belongs
to), which the Report page can include."""
PRIVACY_KEY = "privacy"
"""Session-state key of the privacy switch: True (the default) pseudonymises every view."""
PENDING_KEY = "import-pending"
"""Session-state key of an uploaded log (a LogSource) whose roles the import wizard is
asking for; the app keeps its current log until that log's audit runs."""


@dataclass(frozen=True)
class Settings:
    """The user's choices: the log, how its columns are read, and the journey map (YAML
    text, with the name it came under)."""

    source: LogSource
    mapping: ColumnMapping | None
    journey_text: str
    journey_source: str
    timezone: str = "UTC"
    dayfirst: bool | None = None

    @property
    def log_key(self) -> loading.LogKey:
        """What identifies the log as read with these settings (its cache key)."""
        return (self.source.content_hash, self.mapping, self.timezone, self.dayfirst)

    def audit_key(self, pseudonymised: bool) -> loading.AuditKey:
        """What identifies the audit of every case with these settings."""
        return loading.AuditKey(self.log_key, self.journey_text, self.journey_source, pseudonymised)


@dataclass(frozen=True)
class AuditView:
    """What every page shows: the log as read (source_log) and as audited (log:
    pseudonymised when privacy is on, with what was done in ``privacy``), the journey map,
    the audit of all cases and the audit of the cases the sidebar filter keeps (result,
    identified by audit_key)."""

    settings: Settings
    source_log: EventLog
    log: EventLog
    privacy: PrivacyReport | None
    journey: JourneyMap
    full: AuditResult
    result: AuditResult
    audit_key: loading.AuditKey

    @property
    def key(self) -> str:
        """A short name of the log as read, for widget keys that belong to this log."""
        return self.settings.source.content_hash[:12]

    @property
    def case_filter(self) -> CaseFilter:
        """The sidebar filter the result was audited with."""
        return self.audit_key.case_filter


def pseudonymised() -> bool:
    """Whether the privacy switch is on (it is until the user turns it off)."""
    return bool(st.session_state.get(PRIVACY_KEY, True))


def read_log(settings: Settings, progress: loading.Progress | None = None) -> EventLog:
    """The log of ``settings``; ``progress`` hears the reader's steps when the file is not
    cached yet (otherwise a spinner shows while it is read)."""
    if progress is not None:
        return loading.read(
            settings.source, settings.mapping, settings.timezone, settings.dayfirst, progress
        )
    with st.spinner(t("app.reading_log", name=settings.source.name)):
        return loading.read(settings.source, settings.mapping, settings.timezone, settings.dayfirst)


def example_settings(name: str) -> Settings | None:
    """Settings for a shipped example with its own journey map; None if it is missing."""
    source = examples().get(name)
    if source is None or source.journey_path is None:
        return None
    with open(source.journey_path, encoding="utf-8") as handle:
        text = handle.read()
    return Settings(source, None, text, source.journey_path.rsplit("/", 1)[-1])


def current_settings() -> Settings | None:
    """The settings in use; the built-in example when the user has chosen nothing yet."""
    if SETTINGS_KEY not in st.session_state:
        settings = example_settings(DEFAULT_EXAMPLE)
        if settings is None:
            return None
        st.session_state[SETTINGS_KEY] = settings
    return st.session_state[SETTINGS_KEY]


def show_problem(intro_key: str, error: AuditInputError) -> None:
    """A bad-input message: what happened to the app, then the library's exact words."""
    st.error(f"{t(intro_key)}\n\n{error}", icon=":material/error:")


def _use(settings: Settings, progress: loading.Progress | None = None) -> None:
    """Read and audit what ``settings`` say, then make them the current settings; raises
    AuditInputError (the old settings stay) when the log or the journey map is bad."""
    log = read_log(settings, progress)
    loading.journey_map(settings.journey_text, settings.journey_source)
    key = settings.audit_key(pseudonymised())
    audited, _ = loading.audited_log(settings.log_key, log, key.pseudonymised)
    loading.audit(key, audited, progress)
    st.session_state[SETTINGS_KEY] = settings


def choose(settings: Settings, intro_key: str, progress: loading.Progress | None = None) -> bool:
    """Use ``settings`` if the log reads and the journey map is valid; otherwise show why
    (introduced by the text ``intro_key``), keep the old settings and return False.
    ``progress`` hears each step of reading and auditing."""
    try:
        _use(settings, progress)
    except AuditInputError as error:
        show_problem(intro_key, error)
        return False
    return True


def drafted_journey_source(source: LogSource) -> str:
    """The name a journey map drafted from ``source`` goes under."""
    return f"{source.name} (draft)"


def choose_upload(source: LogSource, mapping: ColumnMapping | None, **reading) -> bool:
    """Switch to an uploaded log with a journey map drafted from it (the user shapes it on
    the Journey page), showing each step of reading and auditing as it begins. Returns
    False, keeping the old log, when the file cannot be used; the reason is shown below
    the steps, not folded inside them. ``reading`` passes timezone and dayfirst to the
    reader."""
    draft = Settings(source, mapping, "", "", **reading)
    problem: AuditInputError | None = None
    with st.status(t("app.reading_log", name=source.name), expanded=False) as status:

        def progress(message: str) -> None:
            status.update(label=f"{source.name}: {message}")

        try:
            log = read_log(draft, progress)
            progress(t("app.drafting_journey"))
            text = loading.drafted_journey_text(draft.log_key, log, language())
            journey_source = drafted_journey_source(source)
            _use(
                dataclasses.replace(draft, journey_text=text, journey_source=journey_source),
                progress,
            )
        except AuditInputError as error:
            problem = error
        done = "app.read_failed" if problem else "app.read_done"
        status.update(label=t(done, name=source.name), state="error" if problem else "complete")
    if problem is not None:
        show_problem("data.bad_upload", problem)
        return False
    return True


def choose_mapping(
    view: AuditView, mapping: ColumnMapping, timezone: str, dayfirst: bool | None
) -> bool:
    """Read the current log again with another column mapping or time rules. A journey map
    drafted from the log is drafted again when the activity columns change (its stages
    name activities that no longer exist); a map the user brought is kept."""
    settings = view.settings
    drafted = settings.journey_source == drafted_journey_source(settings.source)
    if drafted and mapping.activity != view.source_log.mapping.activity:
        return choose_upload(settings.source, mapping, timezone=timezone, dayfirst=dayfirst)
    new = dataclasses.replace(settings, mapping=mapping, timezone=timezone, dayfirst=dayfirst)
    return choose(new, "data.bad_upload")


def use_journey(text: str, source: str) -> None:
    """Audit against another journey map and make it the current one; raises
    AuditInputError (the old map stays) when it is broken. For callers that show the
    problem where it belongs (the journey board, on the card or stage concerned)."""
    settings = current_settings()
    if settings is not None:
        _use(dataclasses.replace(settings, journey_text=text, journey_source=source))


def choose_journey(text: str, source: str) -> bool:
    """Audit against another journey map; False (old map kept) when it is broken."""
    settings = current_settings()
    if settings is None:
        return False
    new = dataclasses.replace(settings, journey_text=text, journey_source=source)
    return choose(new, "journey.bad_yaml")


def prepare_view() -> AuditView | None:
    """Read and audit what the settings say, all cases; None when there is nothing to show
    (no example shipped and nothing uploaded yet)."""
    settings = current_settings()
    if settings is None:
        return None
    source_log = read_log(settings)
    journey = loading.journey_map(settings.journey_text, settings.journey_source)
    key = settings.audit_key(pseudonymised())
    with st.spinner(t("app.running_audit")):
        log, privacy = loading.audited_log(settings.log_key, source_log, key.pseudonymised)
        full = loading.audit(key, log)
    return AuditView(settings, source_log, log, privacy, journey, full, full, key)


def filtered(base: AuditView, case_filter: CaseFilter) -> AuditView:
    """The view with the audit of the cases that ``case_filter`` keeps; the unfiltered view,
    with a note in the sidebar, when no case matches."""
    if not case_filter.active:
        return base
    if matching_cases(base.full.measures.cases, case_filter).empty:
        st.sidebar.warning(t("filter.empty"))
        return base
    key = dataclasses.replace(base.audit_key, case_filter=case_filter)
    with st.spinner(t("app.running_audit")):
        result = loading.audit(key, base.log)
    return dataclasses.replace(base, result=result, audit_key=key)


def view() -> AuditView | None:
    """The view app.py prepared for this run."""
    return st.session_state.get(VIEW_KEY)
