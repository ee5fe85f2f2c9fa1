"""Mount the journey board: a Streamlit Components v2 component whose JavaScript and CSS
are the files beside this module (read once, sent inline; no build step, no CDN)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

_HERE = Path(__file__).parent
EDIT = "edit"
"""The trigger value the board sends for each edit: {"op": ..., fields, "nonce": ...}."""

_BOARD = st.components.v2.component(
    "journey_audit_board",
    css=(_HERE / "board.css").read_text(encoding="utf-8"),
    js=(_HERE / "board.js").read_text(encoding="utf-8"),
)


def journey_board(data: dict, key: str, on_edit: Callable[[], None]) -> None:
    """Draw the board with ``data`` (the board, its words, the last refused edit);
    ``on_edit`` runs before the next script run when the board sends an edit, which it
    reads from ``st.session_state[key][EDIT]``."""
    _BOARD(key=key, data=data, on_edit_change=on_edit, height="content")


def sent_edit(key: str) -> dict | None:
    """The edit the board with ``key`` just sent, or None."""
    state = st.session_state.get(key)
    edit = state.get(EDIT) if state is not None else None
    return dict(edit) if isinstance(edit, dict) else None
