"""What the journey board draws, from the audit view: the library's board (columns, cards
with their evidence, tray, blueprint lanes), the friction change against the previous map,
and the words in the chosen language. Every number comes from the library; the slow parts
(each activity's evidence, the blueprint's lanes) are cached per log and per audit."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from audit.findings.friction_change import friction_change
from audit.io import EventLog
from audit.journey.board import Board, build_board
from audit.journey.draft import activity_profile
from audit.pipeline import AuditResult
from audit.process import labels
from audit.ui import loading, session
from audit.ui.lang import language, t

LOCALES = {"en": "en-GB", "fi": "fi-FI", "sv": "sv-SE"}
"""How numbers are written in each language (Intl.NumberFormat)."""
BOARD_WORDS: tuple[str, ...] = (
    "undo",
    "redo",
    "new_stage",
    "new_stage_help",
    "hint",
    "events",
    "of_cases",
    "at",
    "ends",
    "evidence_help",
    "touchpoint",
    "touchpoint_help",
    "outcome_none",
    "outcome_good",
    "outcome_bad",
    "outcome_check",
    "outcome_help",
    "stage_name",
    "promise",
    "promise_placeholder",
    "promise_help",
    "move_stage",
    "remove_stage",
    "friction",
    "friction_help",
    "tray",
)
"""The words the board's script shows, each the text `board.<word>`."""


@st.cache_data(max_entries=4, show_spinner=False)
def evidence(log_key: loading.LogKey, pseudonymised: bool, _log: EventLog) -> pd.DataFrame:
    """Each activity's evidence (events, cases, typical position, cases it ends): it
    depends on the log alone, not on the journey map, so edits never recompute it."""
    return activity_profile(_log.events)


@st.cache_resource(max_entries=8, show_spinner=False)
def lanes(key: loading.AuditKey, _result: AuditResult) -> pd.DataFrame:
    """The service blueprint's cells of the audit ``key`` (the board's lanes)."""
    return loading.blueprint(_result)


def previous_audit(view: session.AuditView, previous: tuple[str, str] | None):
    """The audit of every case against the map before the last change (cached like any
    audit), or None when there was no change."""
    if previous is None or previous[0] == view.settings.journey_text:
        return None
    key = dataclasses.replace(
        view.settings.audit_key(session.pseudonymised()),
        journey_text=previous[0],
        journey_source=previous[1],
    )
    with st.spinner(t("app.running_audit")):
        return loading.audit(key, view.log)


def board(view: session.AuditView, previous: tuple[str, str] | None) -> Board:
    """The board of the view's journey map, its friction compared with ``previous``."""
    full = view.full
    before = previous_audit(view, previous)
    key = view.settings.audit_key(session.pseudonymised())
    return build_board(
        view.journey,
        full.journey.activities,
        evidence(view.settings.log_key, key.pseudonymised, view.log),
        list(full.journey.warnings),
        friction_change(full.friction, None if before is None else before.friction),
        lanes(key, full),
    )


def words() -> dict[str, str]:
    """The board's words in the chosen language (the blueprint's for its lanes)."""
    drawn = labels.words(language())
    return {
        **{name: t(f"board.{name}") for name in BOARD_WORDS},
        "frontstage": drawn["frontstage"],
        "line_of_visibility": drawn["line_of_visibility"],
    }
