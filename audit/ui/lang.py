"""The language the user chose, and the translated strings in it."""

from __future__ import annotations

import streamlit as st

from audit.ui.texts import LANGUAGES, TEXTS, text

LANGUAGE_KEY = "language"
"""Session-state key of the chosen language code ("en" or "fi")."""


def language() -> str:
    """The chosen language code; English until the user switches."""
    chosen = st.session_state.get(LANGUAGE_KEY, "en")
    return chosen if chosen in LANGUAGES else "en"


def t(key: str, **values: object) -> str:
    """The string for ``key`` in the chosen language, with ``values`` filled in."""
    return text(key, language(), **values)


def translated(key: str, fallback: str) -> str:
    """The string for ``key`` when the table has one, else ``fallback`` (a name from the
    log or the library that has no translation)."""
    return t(key) if key in TEXTS else fallback


def column_label(column: str) -> str:
    """The translated header of a measure column, or the column's own name (attribute
    columns from the log)."""
    return translated(f"col.{column}", column)


def language_switch() -> None:
    """The English / suomi switch in the sidebar."""
    st.sidebar.segmented_control(
        t("app.language"),
        options=list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=LANGUAGE_KEY,
        required=True,
        default="en",
    )
