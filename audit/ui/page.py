"""What every page starts with: the audit view, or a pointer to the Data page."""

from __future__ import annotations

import streamlit as st

from audit.ui import session
from audit.ui.lang import t


def current_view() -> session.AuditView:
    """The audit view of this run; stops the page with a note when no log is loaded."""
    view = session.view()
    if view is None:
        st.info(t("app.no_log"), icon=":material/info:")
        st.stop()
    return view


def heading(title_key: str, intro_key: str | None = None) -> None:
    """The page title and, below it, one line saying what the page shows."""
    st.title(t(title_key))
    if intro_key:
        st.caption(t(intro_key))
