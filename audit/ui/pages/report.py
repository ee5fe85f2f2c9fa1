"""Report: the workshop report of the current audit as one self-contained HTML file, in
the chosen language, pseudonymised when the privacy switch is on (the default), with the
before/after comparison when one was made on its page. Built on request, previewed here
and downloaded with one button."""

from __future__ import annotations

import streamlit as st

from audit.findings.humanize import format_count
from audit.report import build_report
from audit.ui import session
from audit.ui.lang import language, t
from audit.ui.page import current_view, heading

REPORT_KEY = "report-built"
"""Session-state key of the last report built: (what it was built from, its HTML)."""
PREVIEW_HEIGHT = 900


def _comparison(view: session.AuditView):
    """The comparison made on the Before / after page for this very audit, when the user
    wants it in the report; None otherwise."""
    last = st.session_state.get(session.COMPARISON_KEY)
    if last is None or last[0] != view.audit_key:
        st.caption(t("report.no_comparison"))
        return None
    include = st.checkbox(t("report.include_comparison"), value=True, key="report-comparison")
    return last[1] if include else None


def _notes(view: session.AuditView) -> None:
    """What the report will show: pseudonymised or not, all cases or the filtered ones."""
    if view.privacy is not None:
        st.success(t("report.pseudonymised"), icon=":material/lock:")
    else:
        st.warning(t("report.not_pseudonymised"), icon=":material/lock_open:")
    if view.case_filter.active:
        lang = language()
        st.info(
            t(
                "report.filtered",
                shown=format_count(view.result.measures.log["cases"], lang),
                total=format_count(view.full.measures.log["cases"], lang),
            ),
            icon=":material/filter_alt:",
        )


def render() -> None:
    """Draw the page."""
    view = current_view()
    heading("report.title", "report.intro")
    _notes(view)
    comparison = _comparison(view)
    lang = language()
    made_from = (view.audit_key, lang, comparison is not None)
    if st.button(t("report.build"), type="primary", icon=":material/description:"):
        with st.spinner(t("report.building")):
            html = build_report(
                view.result, language=lang, privacy=view.privacy, comparison=comparison
            )
        st.session_state[REPORT_KEY] = (made_from, html)
    built = st.session_state.get(REPORT_KEY)
    if built is None or built[0] != made_from:
        return
    html = built[1]
    st.download_button(
        t("report.download"),
        data=html.encode("utf-8"),
        file_name=f"journey-audit-report-{lang}.html",
        mime="text/html",
        on_click="ignore",
        icon=":material/download:",
        key="report-download",
    )
    st.caption(t("report.size", size=len(html.encode("utf-8")) / 1_000_000))
    st.subheader(t("report.preview"))
    st.iframe(html, height=PREVIEW_HEIGHT)


render()
