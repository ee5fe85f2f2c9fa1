"""The language the user chose, and the app's messages (context "app" of audit.i18n) in it."""

from __future__ import annotations

import streamlit as st

from audit.i18n import LANGUAGES, Messages

LANGUAGE_KEY = "language"
"""Session-state key of the chosen language code ("en", "fi" or "sv")."""

_APP = Messages("app")


def language() -> str:
    """The chosen language code; English until the user switches."""
    chosen = st.session_state.get(LANGUAGE_KEY, "en")
    return chosen if chosen in LANGUAGES else "en"


def t(key: str, **values: object) -> str:
    """The message ``key`` in the chosen language, with ``values`` filled in."""
    return _APP.text(key, language(), **values)


def tn(key: str, n: int, **values: object) -> str:
    """The message ``key`` in the chosen language in the form for the count ``n``."""
    return _APP.plural(key, n, language(), **values)


def translated(key: str, fallback: str) -> str:
    """The message ``key`` when the catalogue has one, else ``fallback`` (a name from the
    log or the library that has no translation)."""
    return t(key) if _APP.has(key) else fallback


def column_label(column: str) -> str:
    """The translated header of a measure column, or the column's own name (attribute
    columns from the log)."""
    return translated(f"col.{column}", column)


def language_switch() -> None:
    """The English / suomi / svenska switch in the sidebar."""
    st.sidebar.segmented_control(
        t("app.language"),
        options=list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=LANGUAGE_KEY,
        required=True,
        default="en",
    )
