"""Journey: the journey board (stages as columns, activities as cards with their evidence,
the friction strip above and the blueprint's lanes below; drag, rename, toggle, undo), the
same map as editable tables for keyboard and precise editing (descriptions, channels),
and as YAML to download, upload or edit. Every change re-runs the audit.

The YAML stays the truth: each board edit is applied by the library
(`audit.journey.board`) to the current map, written as YAML and audited like an upload;
the board is drawn again from the result."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st
import yaml

from audit.errors import AuditInputError
from audit.journey import JourneyMap, dump_journey
from audit.journey.board import BoardEditError, apply_edit, exact_entry, unique_stage_name
from audit.journey.compiled import OUTCOME_KINDS
from audit.ui import session
from audit.ui.board import data as board_data
from audit.ui.board.component import journey_board, sent_edit
from audit.ui.board.history import History, JourneyText
from audit.ui.lang import language, t, tn
from audit.ui.page import current_view, heading

OUTCOMES = OUTCOME_KINDS
PREVIOUS_KEY = "board-previous"
"""Session-state key of the map before the last change: (text, source, log key); the
friction strip shows each stage's change against its audit."""
ERROR_KEY = "board-error"
"""Session-state key of the last board edit the map refused: {stage, activity, message}."""


def _history(log: str) -> History:
    """The undo history of this session for the log ``log`` (view.key)."""
    return st.session_state.setdefault(f"board-history-{log}", History())


def _changed(log: str, before: JourneyText) -> None:
    """The map ``before`` was replaced: the friction strip compares against it."""
    st.session_state[PREVIOUS_KEY] = (*before, log)
    st.session_state[ERROR_KEY] = None


def _refusal(error: AuditInputError) -> dict:
    """Where and why the board shows a refused edit, in the chosen language when the
    library says why in a word it knows."""
    if not isinstance(error, BoardEditError):
        return {"stage": None, "activity": None, "message": str(error)}
    values = {"stage": error.stage, "activity": error.activity}
    return {
        "stage": error.stage,
        "activity": error.activity,
        "message": str(error)
        if error.code == "invalid"
        else t(f"board.error.{error.code}", **values),
    }


def _on_board_edit(key: str) -> None:
    """Apply the edit the board sent (before the page runs again): the new map, or the
    map undo/redo goes to, is audited and becomes the current one; a refusal is kept for
    the board to show on the stage or card concerned."""
    edit, view = sent_edit(key), session.view()
    if edit is None or view is None:
        return
    current = (view.settings.journey_text, view.settings.journey_source)
    history = _history(view.key)
    try:
        if edit.get("op") in ("undo", "redo"):
            target = history.target(edit["op"])
            if target is None:
                return
            session.use_journey(*target)
            history.went(edit["op"], current)
        else:
            if edit.get("op") == "add_stage":
                edit["name"] = unique_stage_name(view.journey, str(edit.get("name") or ""))
            activities = view.full.journey.activities["activity"].tolist()
            edited = apply_edit(view.journey, activities, edit)
            if edited == view.journey:
                return
            session.use_journey(dump_journey(edited), current[1])
            history.record(current)
    except AuditInputError as error:
        st.session_state[ERROR_KEY] = _refusal(error)
        return
    _changed(view.key, current)


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


def _apply(view: session.AuditView, text: str, source: str) -> None:
    """Use the map ``text`` (from the tables or the YAML): undo goes back from it too."""
    current = (view.settings.journey_text, view.settings.journey_source)
    if session.choose_journey(text, source):
        _history(view.key).record(current)
        _changed(view.key, current)
        st.session_state[session.NOTICE_KEY] = t("journey.applied")
        st.rerun()


def board(view: session.AuditView) -> None:
    """The journey board, drawn from the current map and audit."""
    previous = st.session_state.get(PREVIOUS_KEY)
    previous = previous[:2] if previous and previous[2] == view.key else None
    history = _history(view.key)
    key = f"board-{view.key}"
    journey_board(
        {
            "board": board_data.board(view, previous).to_json(),
            "words": board_data.words(),
            "locale": board_data.LOCALES[language()],
            "error": st.session_state.get(ERROR_KEY),
            "can_undo": history.target("undo") is not None,
            "can_redo": history.target("redo") is not None,
            "new_stage_name": t("board.new_stage_name"),
        },
        key,
        lambda: _on_board_edit(key),
    )


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
        _apply(view, _edited_map(view.journey, stages, activities), view.settings.journey_source)


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
            _apply(view, text, uploaded.name)
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
            _apply(view, edited, settings.journey_source)


def render() -> None:
    """Draw the page."""
    view = current_view()
    heading("journey.title", "journey.intro")
    notice = st.session_state.pop(session.NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    digest = hashlib.sha256(view.settings.journey_text.encode()).hexdigest()[:12]
    key = f"journey-{view.key}-{digest}"
    board(view)
    with st.expander(t("journey.tables"), icon=":material/table:"):
        tables(view, key)
    st.divider()
    yaml_panel(view, key)


render()
