"""Data: upload a log or pick an example, check and change the column roles, and read the
data-quality account of every row."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from audit.ui import session, widgets
from audit.ui.lang import t
from audit.ui.page import heading
from audit.ui.sources import LOG_SUFFIXES, examples, uploaded_source

ROLES: tuple[str, ...] = (
    "case",
    "activity",
    "timestamp",
    "start",
    "resource",
    "org_unit",
    "channel",
    "lifecycle",
)
"""The roles of ColumnMapping, in the order the form shows them."""
UPLOAD_DONE_KEY = "data-upload-done"
"""Session-state key of the last upload handled, so a rerun does not read it again."""
DAYFIRST: dict[str, bool | None] = {"auto": None, "yes": True, "no": False}


def upload() -> None:
    """The file uploader; a new file becomes the current log when it can be read."""
    uploaded = st.file_uploader(
        t("data.upload"),
        type=[suffix.lstrip(".") for suffix in LOG_SUFFIXES] + ["gz"],
        key="data-uploader",
    )
    if uploaded is None or st.session_state.get(UPLOAD_DONE_KEY) == uploaded.file_id:
        return
    st.session_state[UPLOAD_DONE_KEY] = uploaded.file_id
    source = uploaded_source(uploaded.name, uploaded.getbuffer())
    if session.choose_upload(source, None):
        st.switch_page("audit/ui/pages/friction.py")


def pick_example() -> None:
    """The shipped examples, each with its own journey map."""
    found = examples()
    if not found:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    name = left.selectbox(t("data.example"), list(found), key="data-example")
    if right.button(t("data.example_load"), key="data-example-load"):
        settings = session.example_settings(name)
        if settings is not None and session.choose(settings, "data.bad_upload"):
            st.switch_page("audit/ui/pages/friction.py")


def _role_choice(role: str, current: str | None, columns: list[str], key: str) -> str | None:
    options = [None, *columns]
    return st.selectbox(
        t(f"data.role.{role}"),
        options,
        index=options.index(current) if current in options else 0,
        format_func=lambda name: t("data.role_none") if name is None else name,
        key=f"{key}-{role}",
    )


def roles(view: session.AuditView) -> None:
    """The recognised column roles, changeable; confirming reads the log again with them."""
    st.subheader(t("data.roles"))
    st.caption(t("data.roles_help"))
    mapping = view.source_log.mapping
    columns = sorted(mapping.used_columns() | set(view.source_log.attributes))
    settings = view.settings
    key = f"data-{view.key}"
    with st.form(f"{key}-roles"):
        grid = st.columns(4)
        chosen: dict[str, object] = {}
        for index, role in enumerate(ROLES):
            with grid[index % 4]:
                if role == "activity":
                    chosen[role] = tuple(
                        st.multiselect(
                            t("data.role.activity"),
                            columns,
                            default=list(mapping.activity),
                            key=f"{key}-activity",
                        )
                    )
                else:
                    chosen[role] = _role_choice(role, getattr(mapping, role), columns, key)
        left, right = st.columns(2)
        timezone = left.text_input(t("data.timezone"), settings.timezone, key=f"{key}-timezone")
        dayfirst = right.segmented_control(
            t("data.dayfirst"),
            list(DAYFIRST),
            format_func=lambda choice: t(f"data.dayfirst.{choice}"),
            default=next(k for k, v in DAYFIRST.items() if v == settings.dayfirst),
            required=True,
            key=f"{key}-dayfirst",
        )
        confirmed = st.form_submit_button(t("data.confirm"), type="primary")
    if not confirmed:
        return
    new = dataclasses.replace(
        settings,
        mapping=dataclasses.replace(mapping, **chosen),
        timezone=timezone.strip() or "UTC",
        dayfirst=DAYFIRST[dayfirst],
    )
    unchanged = (new.mapping, new.timezone, new.dayfirst) == (
        mapping,
        settings.timezone,
        settings.dayfirst,
    )
    if unchanged or session.choose(new, "data.bad_upload"):
        st.switch_page("audit/ui/pages/friction.py")


def _checks(quality: dict) -> pd.DataFrame:
    rows = [
        (t("data.check.duplicated"), quality["duplicated_events"]["count"]),
        (t("data.check.single_event"), quality["single_event_cases"]),
        (t("data.check.tied"), quality["cases_with_tied_timestamps"]),
        (t("data.check.out_of_range"), quality["timestamps_out_of_range"]["count"]),
        (t("data.check.lifecycle_merged"), quality["merged_by_lifecycle"]),
        (t("data.check.unpaired"), quality["unpaired_completes"]),
    ]
    return pd.DataFrame(rows, columns=["check", "count"])


def _dropped(quality: dict) -> pd.DataFrame:
    rows = [
        (reason, entry["count"], ", ".join(map(str, entry["examples"])))
        for reason, entry in quality["dropped"].items()
    ]
    return pd.DataFrame(rows, columns=["reason", "count", "examples"])


def data_quality(view: session.AuditView) -> None:
    """What the reader did with every row: read, used, dropped (and why), and checks."""
    st.subheader(t("data.quality"))
    quality = view.log.quality.to_dict()
    first, second, third = st.columns(3)
    first.metric(t("data.quality_rows"), f"{quality['rows_read']:,}", border=True)
    second.metric(t("data.quality_used"), f"{quality['events_used']:,}", border=True)
    third.metric(t("data.quality_dropped"), f"{quality['rows_dropped']:,}", border=True)
    left, right = st.columns(2, gap="large")
    with left:
        widgets.table(_checks(quality), "data_quality_checks")
    with right:
        if quality["dropped"]:
            widgets.table(_dropped(quality), "data_quality_dropped")
        for note in quality["notes"]:
            st.caption(note)


def render() -> None:
    """Draw the page."""
    heading("data.title", "data.intro")
    upload()
    pick_example()
    view = session.view()
    if view is None:
        st.info(t("app.no_log"), icon=":material/info:")
        return
    st.divider()
    log = view.full.measures.log
    st.subheader(f"{t('data.current')}: {view.settings.source.name}")
    st.caption(t("app.source_cases", cases=int(log["cases"]), events=int(log["events"])))
    roles(view)
    data_quality(view)
    st.subheader(t("data.preview"))
    widgets.table(view.log.events.slice(0, 100).to_pandas(), "first_events")


render()
