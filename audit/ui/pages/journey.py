"""Journey: the journey map as editable tables (stages with promises, the stage of each
activity, touchpoints and channels, outcomes), unmapped activities called out, and the
map as YAML to download, upload or edit. Applied changes re-run the audit."""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import streamlit as st
import yaml

from audit.journey import JourneyMap
from audit.journey.compiled import OUTCOME_KINDS
from audit.journey.patterns import REGEX_PREFIX
from audit.ui import session
from audit.ui.lang import t, tn
from audit.ui.page import current_view, heading

OUTCOMES = OUTCOME_KINDS


def exact_entry(activity: str) -> str:
    """The journey-map entry that names exactly this activity, even when the name looks
    like a pattern (contains * or ?, or starts with re:)."""
    if "*" in activity or "?" in activity or activity.startswith(REGEX_PREFIX):
        return f"{REGEX_PREFIX}{re.escape(activity)}"
    return activity


def stage_rows(journey: JourneyMap) -> pd.DataFrame:
    """One editable row per stage, in journey order."""
    return pd.DataFrame(
        [(s.name, s.description or "", s.promise or "") for s in journey.stages],
        columns=["stage", "description", "promise"],
    )


def activity_rows(view: session.AuditView) -> pd.DataFrame:
    """One editable row per activity of the log: its stage, touchpoint, channel, outcome;
    unmapped activities first so that they stand out."""
    compiled = view.full.journey.activities
    events = view.full.measures.activities.set_index("activity")["events"]
    rows = compiled.assign(
        events=compiled["activity"].map(events).fillna(0).astype(int),
        unmapped=compiled["stage"].isna(),
        touchpoint=compiled["is_touchpoint"].astype(bool),
        channel=compiled["touchpoint_channel"].fillna(""),
    )
    rows = rows.sort_values(["unmapped", "stage_order", "events"], ascending=[False, True, False])
    return rows[["unmapped", "activity", "events", "stage", "touchpoint", "channel", "outcome"]]


def _edited_map(journey: JourneyMap, stages: pd.DataFrame, activities: pd.DataFrame) -> str:
    """The journey map with the tables' contents, as YAML text (validated when applied).

    Every activity is written by its exact name, so patterns of the old map are replaced
    by the names they matched in this log.
    """
    stages = stages.dropna(subset=["stage"])
    claimed = activities.dropna(subset=["stage"])
    data = journey.model_dump(exclude_none=True)
    data["drafted"] = False
    # the designed journey (required touchpoints, allowed skips) is kept for the stages
    # that keep their name; the tables do not edit it
    required = {stage.name: stage.required for stage in journey.stages}
    data["stages"] = [
        {
            "name": str(row.stage),
            **({"description": row.description} if row.description else {}),
            **({"promise": str(row.promise).strip()} if str(row.promise or "").strip() else {}),
            "activities": [
                exact_entry(a) for a in claimed.loc[claimed["stage"] == row.stage, "activity"]
            ],
            **({"required": required[row.stage]} if required.get(row.stage) else {}),
        }
        for row in stages.itertuples(index=False)
    ]
    names = {str(name) for name in stages["stage"]}
    data["allowed_skips"] = [name for name in journey.allowed_skips if name in names]
    touchpoints = activities[activities["touchpoint"].astype(bool)]
    data["touchpoints"] = [
        {"activity": exact_entry(row.activity), **({"channel": row.channel} if row.channel else {})}
        for row in touchpoints.itertuples(index=False)
    ]
    data["outcomes"] = {
        kind: [exact_entry(a) for a in activities.loc[activities["outcome"] == kind, "activity"]]
        for kind in OUTCOMES
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _apply(text: str, source: str) -> None:
    if session.choose_journey(text, source):
        st.session_state[session.NOTICE_KEY] = t("journey.applied")
        st.rerun()


def tables(view: session.AuditView, key: str) -> None:
    """The stage and activity tables and the button that applies their edits."""
    st.subheader(t("journey.stages"))
    stages = st.data_editor(
        stage_rows(view.journey),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key=f"{key}-stages",
        column_config={
            "stage": st.column_config.TextColumn(t("journey.col.stage"), required=True),
            "description": st.column_config.TextColumn(t("journey.col.description")),
            "promise": st.column_config.TextColumn(
                t("journey.col.promise"), help=t("journey.col.promise_help")
            ),
        },
    )
    st.subheader(t("journey.activities"))
    unmapped = view.full.journey.unmapped
    if unmapped:
        names = ", ".join(unmapped[:12]) + (" …" if len(unmapped) > 12 else "")
        warning = tn("journey.unmapped", len(unmapped), count=len(unmapped), names=names)
        st.warning(warning, icon=":material/help:")
    else:
        st.success(t("journey.all_mapped"), icon=":material/check_circle:")
    stage_names = [str(name) for name in stages["stage"].dropna()]
    activities = st.data_editor(
        activity_rows(view),
        hide_index=True,
        width="stretch",
        key=f"{key}-activities",
        disabled=["unmapped", "activity", "events"],
        column_config={
            "unmapped": st.column_config.CheckboxColumn(t("journey.col.unmapped"), width="small"),
            "activity": st.column_config.TextColumn(t("journey.col.activity"), width="large"),
            "events": st.column_config.NumberColumn(t("journey.col.events"), format="%d"),
            "stage": st.column_config.SelectboxColumn(t("journey.col.stage"), options=stage_names),
            "touchpoint": st.column_config.CheckboxColumn(t("journey.col.touchpoint")),
            "channel": st.column_config.TextColumn(t("journey.col.channel")),
            "outcome": st.column_config.SelectboxColumn(
                t("journey.col.outcome"), options=list(OUTCOMES)
            ),
        },
    )
    if st.button(t("journey.apply"), type="primary", key=f"{key}-apply"):
        _apply(_edited_map(view.journey, stages, activities), view.settings.journey_source)


def yaml_panel(view: session.AuditView, key: str) -> None:
    """The map as YAML: download it, upload another, or edit the text."""
    settings = view.settings
    name = settings.journey_source.removesuffix(" (draft)")
    file_name = name if name.endswith((".yaml", ".yml")) else f"{name}.journey.yaml"
    st.download_button(
        t("journey.download"),
        data=settings.journey_text,
        file_name=file_name,
        mime="application/x-yaml",
        on_click="ignore",
        icon=":material/download:",
        key=f"{key}-download",
    )
    uploaded = st.file_uploader(t("journey.upload"), type=["yaml", "yml"], key=f"{key}-upload")
    if uploaded is not None:
        text = uploaded.getvalue().decode("utf-8", errors="replace")
        if text != settings.journey_text:
            _apply(text, uploaded.name)
    with st.expander(t("journey.yaml")):
        edited = st.text_area(
            t("journey.yaml"),
            settings.journey_text,
            height=420,
            label_visibility="collapsed",
            key=f"{key}-text",
        )
        if (
            st.button(t("journey.apply"), key=f"{key}-apply-text")
            and edited != settings.journey_text
        ):
            _apply(edited, settings.journey_source)


def render() -> None:
    """Draw the page."""
    view = current_view()
    heading("journey.title", "journey.intro")
    notice = st.session_state.pop(session.NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    digest = hashlib.sha256(view.settings.journey_text.encode()).hexdigest()[:12]
    key = f"journey-{view.key}-{digest}"
    tables(view, key)
    st.divider()
    yaml_panel(view, key)


render()
