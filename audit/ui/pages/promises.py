"""Promises: the promise calibrator. Per stage the time within which 50 %, 80 % and 90 % of
the customers finish it; a promise turned into the share it would keep, a share into the
promise that keeps it, per segment when one is chosen; and the calibrated promise set as
the stage's promise of the journey map in one click. audit.engine.promises measures and
audit.findings.promises says it; this page only lays it out."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from audit.engine.levels import PROMISE_SHARES, percentile_name
from audit.engine.promises import (
    Segment,
    promise_for_share,
    promise_kept_share,
    promise_percentiles,
    segment_values,
)
from audit.findings.promises import kept_sentence, needed_sentence, promise_duration
from audit.journey import dump_journey
from audit.pipeline import AuditResult
from audit.ui import loading, session, widgets
from audit.ui.lang import column_label, language, t
from audit.ui.page import current_view, heading

NOTICE_KEY = "promises-notice"
"""Session-state key of the note that a promise was set, shown after the audit re-ran."""
DEFAULT_SHARE = 90
"""The share of customers (percent) the page first asks a promise for."""
DEFAULT_PROMISE_HOURS = 24.0
"""The promise the page first asks about for a stage that promises nothing yet."""


def _segment(result: AuditResult, key: str) -> Segment | None:
    """The segment chosen (column, value), or None for every customer."""
    surveys = set(result.journey.survey.values())
    columns = [c for c in loading.segment_choices(result) if c not in surveys]
    everyone = t("promises.everyone")
    column = st.selectbox(t("promises.segment_column"), [everyone, *columns], key=f"{key}-col")
    if column == everyone:
        return None
    values = loading.on_connection(result, lambda con: segment_values(con, column))
    value = st.selectbox(t("promises.segment_value"), values, key=f"{key}-value")
    return None if value is None else (column, value)


def _percentiles(result: AuditResult, segment: Segment | None) -> None:
    """The p50/p80/p90 of each stage, with its promise and the cases that finished it."""
    table = loading.on_connection(result, lambda con: promise_percentiles(con, segment))
    hours = [*map(percentile_name, PROMISE_SHARES), "promise_hours"]
    widgets.table(
        table[["stage", "finished_cases", *hours]],
        "promise_percentiles",
        column_config={
            name: st.column_config.NumberColumn(column_label(name), format="%.1f") for name in hours
        },
    )


def _set_promise(stage: str, hours: float) -> None:
    """Make the calibrated promise the stage's promise of the session's journey map."""
    view = current_view()
    promise = promise_duration(hours)
    stages = [
        entry.model_copy(update={"promise": promise}) if entry.name == stage else entry
        for entry in view.journey.stages
    ]
    edited = view.journey.model_copy(update={"stages": stages})
    # the map is checked as any other when it is audited (session.choose_journey)
    if session.choose_journey(dump_journey(edited), view.settings.journey_source):
        st.session_state[NOTICE_KEY] = t("promises.set_done", stage=stage, promise=promise)
        st.rerun()


def _calibrator(result: AuditResult, stage: str, segment: Segment | None, key: str) -> None:
    """Promise -> share and share -> promise for one stage, and the button that sets it."""
    lang = language()
    promised = result.journey.stages.set_index("stage")["promise_hours"].get(stage)
    left, right = st.columns(2)
    with left:
        st.subheader(t("promises.to_share"))
        hours = st.number_input(
            t("promises.promise_hours"),
            min_value=0.0,
            value=float(promised) if pd.notna(promised) else DEFAULT_PROMISE_HOURS,
            step=1.0,
            key=f"{key}-{stage}-{promised}-hours",  # a new promise asks about itself
        )
        share = loading.on_connection(
            result, lambda con: promise_kept_share(con, stage, hours, segment)
        )
        st.markdown(f"**{kept_sentence(stage, hours, share, lang)}**")
    with right:
        st.subheader(t("promises.to_promise"))
        percent = st.slider(
            t("promises.share"), 5, 100, DEFAULT_SHARE, step=5, format="%d%%", key=f"{key}-share"
        )
        needed = loading.on_connection(
            result, lambda con: promise_for_share(con, stage, percent / 100, segment)
        )
        st.markdown(f"**{needed_sentence(stage, percent / 100, needed, lang)}**")
        if needed is not None and st.button(
            t("promises.set", promise=promise_duration(needed)), type="primary", key=f"{key}-set"
        ):
            _set_promise(stage, needed)


def render() -> None:
    """Draw the page."""
    view = current_view()
    heading("promises.title", "promises.intro")
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    result = view.result
    key = f"promises-{view.key}"
    segment = _segment(result, key)
    st.subheader(t("promises.percentiles"))
    st.caption(t("promises.percentiles_rule"))
    _percentiles(result, segment)
    stages = result.journey.stages["stage"].tolist()
    stage = st.selectbox(t("promises.stage"), stages, key=f"{key}-stage")
    _calibrator(result, stage, segment, key)


render()
