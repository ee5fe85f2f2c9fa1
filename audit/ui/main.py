"""The app's frame: page settings, sidebar (language, log, filters) and the page list.

Each run prepares the audit view once (cached underneath) before the chosen page draws
it, so every page shows the same log, journey map and filter.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from audit.errors import AuditInputError
from audit.ui import housekeeping, projector, session
from audit.ui.filters import sidebar_filter
from audit.ui.lang import language_switch, t, tn

PAGE_DIR = Path(__file__).resolve().parent / "pages"

AUDIT_PAGES: tuple[tuple[str, str, str], ...] = (
    ("friction", "nav.friction", ":material/local_fire_department:"),
    ("process", "nav.process", ":material/account_tree:"),
    ("handoffs", "nav.handoffs", ":material/swap_horiz:"),
    ("labyrinth", "nav.labyrinth", ":material/replay:"),
    ("customer", "nav.customer", ":material/person:"),
    ("experience", "nav.experience", ":material/sentiment_satisfied:"),
    ("conformance", "nav.conformance", ":material/rule:"),
    ("promises", "nav.promises", ":material/handshake:"),
    ("trend", "nav.trend", ":material/trending_up:"),
    ("compare", "nav.compare", ":material/compare_arrows:"),
    ("report", "nav.report", ":material/description:"),
    ("workshop", "nav.workshop", ":material/groups:"),
)
"""Page file stem, title key and icon of the audit pages, the friction map first."""
SETUP_PAGES: tuple[tuple[str, str, str], ...] = (
    ("data", "nav.data", ":material/upload_file:"),
    ("journey", "nav.journey", ":material/route:"),
)


def _pages(entries: tuple[tuple[str, str, str], ...]) -> list[st.Page]:
    return [
        st.Page(
            PAGE_DIR / f"{stem}.py",
            title=t(title),
            icon=icon,
            url_path=stem,
            default=stem == "friction",
        )
        for stem, title, icon in entries
    ]


def _sidebar_source(view: session.AuditView) -> None:
    log = view.full.measures.log
    st.sidebar.caption(
        t("app.source", name=view.settings.source.name)
        + "  \n"
        + tn(
            "app.source_cases",
            int(log["cases"]),
            cases=int(log["cases"]),
            events=int(log["events"]),
        )
    )
    if view.case_filter.active:
        cases = int(view.result.measures.log["cases"])
        total = int(log["cases"])
        st.sidebar.info(tn("filter.active", total, shown=cases, total=total))


def _privacy_switch() -> None:
    """The pseudonymisation switch in the sidebar, on by default, saying what it does."""
    on = st.sidebar.toggle(t("privacy.switch"), value=True, key=session.PRIVACY_KEY)
    st.sidebar.caption(t("privacy.on" if on else "privacy.off"))


def _prepare() -> session.AuditView | None:
    """The audit view for this run, or None (with the reason shown) when there is none."""
    try:
        base = session.prepare_view()
    except AuditInputError as error:
        st.error(t("app.audit_failed", message=error))
        return None
    if base is None:
        return None
    return session.filtered(base, sidebar_filter(base.full.measures.cases, base.key))


def main() -> None:
    """Draw the frame and run the chosen page."""
    st.set_page_config(page_title=t("app.title"), page_icon=":material/route:", layout="wide")
    housekeeping.start()
    page = st.navigation(
        {
            t("nav.section_audit"): _pages(AUDIT_PAGES),
            t("nav.section_setup"): _pages(SETUP_PAGES),
        },
        expanded=True,  # every page in view, the Journey page too, however many there are
    )
    st.sidebar.markdown(f"### {t('app.title')}\n{t('app.tagline')}")
    language_switch()
    _privacy_switch()
    view = _prepare()
    if view is not None:
        _sidebar_source(view)
    st.session_state[session.VIEW_KEY] = view
    if projector.switch():
        projector.show(view)
    else:
        page.run()
