"""The import wizard on the Data page: the one way to say which column of a log fills which
role, for a new upload and for the log in use alike.

It shows the head of the file at once (audit.io.preview: the whole file is not read yet),
each column's role and type, and one field per role. Every choice is checked against the
first rows as it is made, and a problem is shown under the field it concerns, saying what
to do; "Run the audit" reads the whole file only when no field is marked. The choices can
be saved as a mapping file and loaded again (audit.io.mapping_file).
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from audit.errors import AuditInputError
from audit.io import EventLog
from audit.io.advice import MappingAdvice, mapping_advice
from audit.io.mapping import REQUIRED_ROLES, ROLE_FLAGS, ColumnMapping, recognise_roles
from audit.io.mapping_file import SavedMapping, dump_mapping, parse_mapping
from audit.io.preview import (
    FilePreview,
    TimeCheck,
    check_time,
    head_log,
    preview_file,
    pseudonymised,
)
from audit.privacy import PrivacyOptions
from audit.ui import loading, session
from audit.ui.lang import language, t, tn
from audit.ui.sources import LogSource

ROLES: tuple[str, ...] = tuple(ROLE_FLAGS)
"""The roles of ColumnMapping, in the order the fields show them."""
TIME_ROLES = ("timestamp", "start")
DAYFIRST: dict[str, bool | None] = {"auto": None, "yes": True, "no": False}
ZONES = ["UTC", *sorted(zoneinfo.available_timezones() - {"UTC"})]
PREVIEW_HEIGHT = 280
SHORT_TABLE = 7
"""Up to this many rows a table takes the height it needs; longer ones scroll."""
SHOWN_ROWS = 100
"""Rows of the preview shown in the table (more are read to check the choices)."""
FIRST_VALUES = 3
FRICTION_PAGE = "audit/ui/pages/friction.py"


@st.cache_resource(max_entries=8, show_spinner=False)
def file_preview(source: LogSource) -> FilePreview:
    """The head of the file (shared, never changed)."""
    return preview_file(source.path)


@st.cache_resource(max_entries=16, show_spinner=False)
def shown_preview(source: LogSource, mapping: ColumnMapping, private: bool) -> FilePreview:
    """The head of the file as the privacy switch lets it be shown: with the tokens the
    audit uses for the case, resource and customer columns, and no free text."""
    preview = file_preview(source)
    if not private:
        return preview
    return pseudonymised(preview, mapping, PrivacyOptions(key=loading.PRIVACY_KEY))


@st.cache_data(max_entries=64, show_spinner=False)
def time_check(source: LogSource, column: str, timezone: str, dayfirst: bool | None) -> TimeCheck:
    """How a column of the file's head reads as a time with these settings."""
    return check_time(file_preview(source), column, timezone=timezone, dayfirst=dayfirst)


@st.cache_resource(max_entries=16, show_spinner=False)
def head_advice(
    source: LogSource, mapping: ColumnMapping, timezone: str, dayfirst: bool | None
) -> list[MappingAdvice]:
    """Advice on the mapping drawn from the file's first rows read with it."""
    head = head_log(file_preview(source), mapping, timezone=timezone, dayfirst=dayfirst)
    return mapping_advice(head)


@st.cache_resource(max_entries=4, show_spinner=False)
def log_advice(log_key: loading.LogKey, _log: EventLog) -> list[MappingAdvice]:
    """Advice on the mapping drawn from the whole log as read."""
    return mapping_advice(_log)


@dataclass(frozen=True)
class Choices:
    """What the fields say: the roles as chosen, the roles the reader will use (the chosen
    ones plus those recognised from the names for roles left empty), and the time rules."""

    chosen: ColumnMapping
    effective: ColumnMapping
    timezone: str
    dayfirst: bool | None


@dataclass(frozen=True)
class Message:
    """A message under one field: an error blocks the run, a warning or note does not."""

    role: str
    kind: str
    text: str


@dataclass(frozen=True)
class Keys:
    """Session-state keys of one file's fields, so that another file starts afresh."""

    prefix: str

    @classmethod
    def of(cls, source: LogSource) -> Keys:
        return cls(f"wizard-{source.content_hash[:12]}")

    def __call__(self, name: str) -> str:
        return f"{self.prefix}-{name}"


def import_wizard(source: LogSource, view: session.AuditView | None, *, current: bool) -> None:
    """The wizard for `source`: a new upload (current False; the app keeps `view` until
    the audit runs) or the log in use (current True, `view` is its audit)."""
    try:
        preview = file_preview(source)
    except AuditInputError as error:
        session.show_problem("data.bad_upload", error)
        return
    keys = Keys.of(source)
    initial = (
        SavedMapping(view.source_log.mapping, view.settings.timezone, view.settings.dayfirst)
        if current and view is not None
        else SavedMapping(preview.roles)
    )
    options = _options(preview, initial.mapping)
    _seed(keys, initial, options)
    title = "wizard.title_current" if current else "wizard.title_upload"
    st.subheader(t(title, name=source.name))
    rows = min(SHOWN_ROWS, preview.table.num_rows)
    st.caption(t("wizard.intro", rows=rows, columns=len(preview.columns)))
    if not current and view is not None:
        st.info(t("wizard.pending", name=view.settings.source.name), icon=":material/info:")
    choices = _read_fields(keys, preview, initial.mapping.separator)
    shown = shown_preview(source, choices.effective, session.pseudonymised())
    _first_rows(shown, choices.effective)
    left, right = st.columns([2, 3], gap="large")
    with left:
        _column_table(shown, choices.effective)
    with right:
        slots = _role_fields(keys, options)
    checks = {
        role: time_check(source, column, choices.timezone, choices.dayfirst)
        for role in TIME_ROLES
        if (column := getattr(choices.chosen, role))
    }
    messages = _field_messages(choices, checks)
    for message in messages:
        _say(slots[message.role], message)
    _time_rules(keys, choices, checks)
    blocked = any(message.kind == "error" for message in messages)
    if not blocked:
        _advice(keys, source, view if current else None, choices, options, checks)
    _mapping_file(keys, source, preview, choices)
    _run(keys, source, view, choices, blocked, current=current)


def _options(preview: FilePreview, mapping: ColumnMapping) -> list[str]:
    """The file's columns, and any column the mapping names that the head lacks (an XES
    attribute that first occurs in a later trace)."""
    extra = sorted(mapping.used_columns() - set(preview.columns))
    return [*preview.columns, *extra]


def _seed(keys: Keys, initial: SavedMapping, options: list[str]) -> None:
    """Start the fields with the initial choices (kept while the user changes them)."""
    for role in ROLES:
        value = getattr(initial.mapping, role)
        if role == "activity":
            st.session_state.setdefault(keys(f"role-{role}"), [c for c in value if c in options])
        else:
            st.session_state.setdefault(keys(f"role-{role}"), value if value in options else None)
    st.session_state.setdefault(keys("timezone"), initial.timezone or "UTC")
    order = next(name for name, value in DAYFIRST.items() if value == initial.dayfirst)
    st.session_state.setdefault(keys("dayfirst"), order)


def _read_fields(keys: Keys, preview: FilePreview, separator: str) -> Choices:
    """The choices as the fields hold them now (read before the fields are drawn, so that
    the preview above them already shows the roles chosen)."""
    state = st.session_state
    roles = {role: state[keys(f"role-{role}")] for role in ROLES}
    roles["activity"] = tuple(roles["activity"])
    chosen = ColumnMapping(**roles, separator=separator)
    return Choices(
        chosen=chosen,
        effective=recognise_roles(preview.columns, chosen),
        timezone=state[keys("timezone")],
        dayfirst=DAYFIRST[state[keys("dayfirst")] or "auto"],
    )


def _role_label(role: str | None) -> str:
    return "" if role is None else t(f"data.role.{role}")


def _first_rows(preview: FilePreview, mapping: ColumnMapping) -> None:
    """The first rows as the file has them, under headers that name each column's role."""
    st.markdown(f"**{t('wizard.rows')}**")
    labels = {}
    for column in preview.columns:
        role = preview.role_of(column, mapping)
        labels[column] = f"{column} · {_role_label(role)}" if role else column
    frame = preview.table.slice(0, SHOWN_ROWS).to_pandas()
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=PREVIEW_HEIGHT if len(frame) > SHORT_TABLE else "auto",
        column_config=labels,
    )


def _column_table(preview: FilePreview, mapping: ColumnMapping) -> None:
    """One line per column: its role, its type and its first values."""
    rows = []
    for column in preview.columns:
        values = [str(v) for v in preview.table.column(column).to_pylist() if v not in (None, "")]
        rows.append(
            {
                "column": column,
                "role": _role_label(preview.role_of(column, mapping)),
                "type": t(f"wizard.type.{preview.types[column]}"),
                "values": " · ".join(values[:FIRST_VALUES]),
            }
        )
    st.markdown(f"**{t('wizard.columns')}**")
    st.dataframe(
        pd.DataFrame(rows, columns=["column", "role", "type", "values"]),
        hide_index=True,
        width="stretch",
        column_config={
            name: t(f"wizard.col.{name}") for name in ("column", "role", "type", "values")
        },
    )


def _role_fields(keys: Keys, options: list[str]) -> dict[str, st.delta_generator.DeltaGenerator]:
    """One field per role, two to a row, each with a place under it for its messages."""
    st.markdown(f"**{t('wizard.roles')}**")
    slots = {}
    for start in range(0, len(ROLES), 2):
        for cell, role in zip(st.columns(2), ROLES[start : start + 2], strict=False):
            with cell:
                if role == "activity":
                    st.multiselect(
                        t("data.role.activity"),
                        options,
                        placeholder=t("wizard.choose"),
                        key=keys(f"role-{role}"),
                    )
                else:
                    st.selectbox(
                        t(f"data.role.{role}"),
                        [None, *options],
                        format_func=lambda name: t("data.role_none") if name is None else name,
                        placeholder=t(
                            "wizard.choose" if role in REQUIRED_ROLES else "data.role_none"
                        ),
                        key=keys(f"role-{role}"),
                    )
                slots[role] = st.container()
    return slots


def _field_messages(choices: Choices, checks: dict[str, TimeCheck]) -> list[Message]:
    """What is wrong or worth knowing about each field, in the order of the fields."""
    messages = []
    chosen = choices.chosen
    for role in REQUIRED_ROLES:
        if not chosen.columns().get(role) and not choices.effective.columns().get(role):
            messages.append(Message(role, "error", t(f"wizard.need.{role}")))
    seen: dict[str, str] = {}
    for role, names in chosen.columns().items():
        for name in names:
            if name in seen:
                text = t("wizard.twice", column=name, role=_role_label(seen[name]))
                messages.append(Message(role, "error", text))
            seen.setdefault(name, role)
    for role in ROLES:
        recognised = choices.effective.columns().get(role)
        if recognised and not chosen.columns().get(role):
            text = t("wizard.recognised", column=", ".join(recognised))
            messages.append(Message(role, "note", text))
    for role, check in checks.items():
        messages.extend(Message(role, kind, text) for kind, text in _time_messages(check))
    return messages


def _time_messages(check: TimeCheck) -> list[tuple[str, str]]:
    """(kind, text) for a column chosen as a time."""
    column = check.column
    if check.format is None:
        if check.values == 0:
            return [("error", t("wizard.time.empty", column=column))]
        if check.readable == 0:
            return [("error", t("wizard.time.none", column=column))]
        return [
            (
                "error",
                t("wizard.time.few", column=column, readable=check.readable, values=check.values),
            )
        ]
    found = []
    if check.ambiguous:
        found.append(("warning", t("wizard.time.ambiguous", column=column)))
    unread = sum(instant is None for _, instant in check.examples)
    if check.readable < check.values or unread:
        count = max(check.values - check.readable, unread)
        found.append(("warning", t("wizard.time.unread", count=count, values=check.values)))
    if check.implausible:
        found.append(
            (
                "warning",
                tn(
                    "wizard.time.implausible",
                    check.implausible,
                    count=check.implausible,
                    column=column,
                ),
            )
        )
    return found


def _say(slot: st.delta_generator.DeltaGenerator, message: Message) -> None:
    if message.kind == "error":
        slot.error(message.text, icon=":material/error:")
    elif message.kind == "warning":
        slot.warning(message.text, icon=":material/warning:")
    else:
        slot.caption(message.text)


def _time_examples(check: TimeCheck, role: str, zone: str) -> None:
    """The format found and the first values as written beside the time they read as."""
    how = t("wizard.time.naive" if check.naive else "wizard.time.zoned", zone=zone)
    st.caption(
        f"{_role_label(role)} '{check.column}': {t('wizard.time.format', format=check.format)}"
        f" · {how}"
    )
    tz = zoneinfo.ZoneInfo(zone)
    st.dataframe(
        pd.DataFrame(
            {
                t("wizard.time.written"): [text for text, _ in check.examples],
                t("wizard.time.read"): [_shown(instant, tz) for _, instant in check.examples],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _shown(instant: datetime | None, zone: zoneinfo.ZoneInfo) -> str:
    if instant is None:
        return "—"
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S %Z")


def _time_rules(keys: Keys, choices: Choices, checks: dict[str, TimeCheck]) -> None:
    """How the chosen times read: the format found and examples beside their text; the
    order of day and month, when they are dates like 03/04/2024; and the time zone, when
    they carry no UTC offset."""
    readable = {role: check for role, check in checks.items() if check.format is not None}
    if not readable:
        return
    st.markdown(f"**{t('wizard.times')}**")
    left, right = st.columns([3, 2], gap="large")
    with left:
        for role, check in readable.items():
            _time_examples(check, role, choices.timezone)
    with right:
        if any(check.day_month for check in readable.values()):
            st.segmented_control(
                t("data.dayfirst"),
                list(DAYFIRST),
                format_func=lambda choice: t(f"data.dayfirst.{choice}"),
                required=True,
                key=keys("dayfirst"),
            )
        if any(check.naive for check in readable.values()):
            st.selectbox(t("data.timezone"), ZONES, key=keys("timezone"))
        else:
            st.caption(t("wizard.times_zoned"))


def _advice(
    keys: Keys,
    source: LogSource,
    view: session.AuditView | None,
    choices: Choices,
    options: list[str],
    checks: dict[str, TimeCheck],
) -> None:
    """What the data suggests changing in the mapping (audit.io.advice), each with a button
    that puts the suggested columns in their field: drawn from the whole log in use, or
    from the first rows of a new file read with the roles chosen (dates whose order is
    still open are read day first: the order changes no advice)."""
    open_order = choices.dayfirst is None and any(c.ambiguous for c in checks.values())
    dayfirst = True if open_order else choices.dayfirst
    try:
        found = (
            log_advice(view.settings.log_key, view.source_log)
            if view is not None
            else head_advice(source, choices.effective, choices.timezone, dayfirst)
        )
    except AuditInputError as error:
        st.warning(f"{t('wizard.head_failed')}\n\n{error}", icon=":material/warning:")
        return
    useful = [
        advice
        for advice in found
        if set(advice.columns) <= set(options)
        and list(advice.columns) != choices.effective.columns().get(advice.role)
    ]
    if not useful:
        return
    st.markdown(f"**{t('wizard.advice')}**")
    for number, advice in enumerate(useful):
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.info(advice.reason(language()), icon=":material/lightbulb:")
        button.button(
            t("wizard.advice_use"),
            key=keys(f"advice-{number}"),
            on_click=_use_advice,
            args=(keys, advice),
        )


def _use_advice(keys: Keys, advice: MappingAdvice) -> None:
    """Put the suggested columns in their field, and take them out of any other role."""
    for role in ROLES:
        if role != advice.role and st.session_state.get(keys(f"role-{role}")) in advice.columns:
            st.session_state[keys(f"role-{role}")] = None
    value = list(advice.columns)
    st.session_state[keys(f"role-{advice.role}")] = value if advice.role == "activity" else value[0]


def _mapping_file(keys: Keys, source: LogSource, preview: FilePreview, choices: Choices) -> None:
    """Save the choices as a mapping file, or fill the fields from one."""
    with st.expander(t("wizard.mapping")):
        st.caption(t("wizard.mapping_help"))
        saved = SavedMapping(choices.chosen, choices.timezone, choices.dayfirst)
        st.download_button(
            t("wizard.mapping_download"),
            data=dump_mapping(saved),
            file_name=f"{_stem(source.name)}.mapping.yaml",
            mime="application/x-yaml",
            on_click="ignore",
            icon=":material/download:",
            key=keys("mapping_download"),
        )
        st.file_uploader(
            t("wizard.mapping_upload"),
            type=["yaml", "yml"],
            key=keys("mapping_upload"),
            on_change=_use_mapping_file,
            args=(keys, preview),
        )
        outcome = st.session_state.get(keys("mapping_outcome"))
        if outcome is not None:
            kind, text = outcome
            (st.success if kind == "ok" else st.error)(text)


def _stem(name: str) -> str:
    """The file name without its endings (complaints.csv.gz -> complaints)."""
    return Path(name).name.split(".")[0] or "log"


def _use_mapping_file(keys: Keys, preview: FilePreview) -> None:
    """Fill the fields from the uploaded mapping file (a callback: runs before the fields
    are drawn again), or say why it cannot be used."""
    uploaded = st.session_state.get(keys("mapping_upload"))
    if uploaded is None:
        st.session_state.pop(keys("mapping_outcome"), None)
        return
    try:
        text = uploaded.getvalue().decode("utf-8-sig")
        saved = parse_mapping(text, uploaded.name)
    except (AuditInputError, UnicodeDecodeError) as error:
        st.session_state[keys("mapping_outcome")] = ("bad", f"{t('wizard.mapping_bad')}\n\n{error}")
        return
    missing = sorted(saved.mapping.used_columns() - set(preview.columns))
    if missing:
        text = t("wizard.mapping_missing", columns=", ".join(missing))
        st.session_state[keys("mapping_outcome")] = ("bad", f"{t('wizard.mapping_bad')}\n\n{text}")
        return
    mapping = recognise_roles(preview.columns, saved.mapping)
    for role in ROLES:
        value = getattr(mapping, role)
        st.session_state[keys(f"role-{role}")] = list(value) if role == "activity" else value
    if saved.timezone is not None:
        st.session_state[keys("timezone")] = saved.timezone
    if saved.dayfirst is not None:
        st.session_state[keys("dayfirst")] = "yes" if saved.dayfirst else "no"
    st.session_state[keys("mapping_outcome")] = ("ok", t("wizard.mapping_used", name=uploaded.name))


def _run(
    keys: Keys,
    source: LogSource,
    view: session.AuditView | None,
    choices: Choices,
    blocked: bool,
    *,
    current: bool,
) -> None:
    """The button that reads the whole file with the choices and audits it; the app moves
    to the friction map when that works and keeps its log (saying why) when it does not."""
    pressed = st.button(t("wizard.run"), type="primary", disabled=blocked, key=keys("run"))
    if blocked:
        st.caption(t("wizard.fix_first"))
    if not pressed:
        return
    if current and view is not None:
        unchanged = (choices.chosen, choices.timezone, choices.dayfirst) == (
            view.source_log.mapping,
            view.settings.timezone,
            view.settings.dayfirst,
        )
        done = unchanged or session.choose_mapping(
            view, choices.chosen, choices.timezone, choices.dayfirst
        )
    else:
        done = session.choose_upload(
            source, choices.chosen, timezone=choices.timezone, dayfirst=choices.dayfirst
        )
    if done:
        st.session_state.pop(session.PENDING_KEY, None)
        st.switch_page(FRICTION_PAGE)
