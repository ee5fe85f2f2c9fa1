"""Data: upload a log or pick an example, say which column fills which role in the import
wizard, and read the data-quality account of every row."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from audit.errors import AuditInputError
from audit.ui import session, widgets
from audit.ui.lang import t, tn
from audit.ui.page import heading
from audit.ui.sources import LOG_SUFFIXES, examples, uploaded_source
from audit.ui.wizard import FRICTION_PAGE, file_preview, import_wizard

UPLOADER_KEY = "data-uploader"
UPLOAD_DONE_KEY = "data-upload-done"
"""Session-state key of the last upload handled, so a rerun does not take it again."""


def _uploader_changed() -> None:
    """The user removed the file from the uploader: its wizard goes too. (Moving to
    another page empties the uploader as well, but keeps the wizard waiting.)"""
    if st.session_state.get(UPLOADER_KEY) is None:
        st.session_state.pop(session.PENDING_KEY, None)
        st.session_state.pop(UPLOAD_DONE_KEY, None)


def upload() -> None:
    """The file uploader; a new file whose head can be read goes to the import wizard."""
    uploaded = st.file_uploader(
        t("data.upload"),
        type=[suffix.lstrip(".") for suffix in LOG_SUFFIXES] + ["gz"],
        key=UPLOADER_KEY,
        on_change=_uploader_changed,
    )
    if uploaded is None or st.session_state.get(UPLOAD_DONE_KEY) == uploaded.file_id:
        return
    st.session_state[UPLOAD_DONE_KEY] = uploaded.file_id
    source = uploaded_source(uploaded.name, uploaded.getbuffer())
    try:
        file_preview(source)
    except AuditInputError as error:
        st.session_state.pop(session.PENDING_KEY, None)
        session.show_problem("data.bad_upload", error)
        return
    st.session_state[session.PENDING_KEY] = source


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
            st.session_state.pop(session.PENDING_KEY, None)
            st.switch_page(FRICTION_PAGE)


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
    """Draw the page: a new upload's wizard alone, or the log in use with its wizard."""
    heading("data.title", "data.intro")
    upload()
    pick_example()
    view = session.view()
    pending = st.session_state.get(session.PENDING_KEY)
    if pending is not None:
        st.divider()
        import_wizard(pending, view, current=False)
        if view is not None and st.button(t("wizard.cancel"), key="data-wizard-cancel"):
            st.session_state.pop(session.PENDING_KEY, None)
            st.rerun()
        return
    if view is None:
        st.info(t("app.no_log"), icon=":material/info:")
        return
    st.divider()
    log = view.full.measures.log
    st.subheader(f"{t('data.current')}: {view.settings.source.name}")
    cases, events = int(log["cases"]), int(log["events"])
    st.caption(tn("app.source_cases", cases, cases=cases, events=events))
    data_quality(view)
    st.subheader(t("data.preview"))
    widgets.table(view.log.events.slice(0, 100).to_pandas(), "first_events")
    st.divider()
    import_wizard(view.settings.source, view, current=True)


render()
