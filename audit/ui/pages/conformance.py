"""Designed journey: how many cases went the way the journey map designs them, which stages
they skipped, entered out of order or passed without a required touchpoint, and the cases
that deviated. Everything shown is computed by audit.engine.conformance and worded by
audit.findings.conformance."""

from __future__ import annotations

import streamlit as st

from audit.engine.conformance import DEVIATION_KINDS
from audit.findings.conformance import conformance_line, stage_evidence
from audit.findings.humanize import format_count, format_share
from audit.report.charts import COMPONENT_COLOURS
from audit.ui import charts, widgets
from audit.ui.lang import language, t, tn
from audit.ui.page import current_view, heading

KIND_COLOURS: dict[str, str] = {
    "skipped": COMPONENT_COLOURS["promise"],
    "out_of_order": COMPONENT_COLOURS["back_jumps"],
    "touchpoint_missing": COMPONENT_COLOURS["silence"],
}
"""One colour per kind of deviation; out of order shares the back-jumps' colour."""


def _cases(count: int, lang: str) -> str:
    """The count of cases under a metric ("12 cases")."""
    return tn("conformance.metric.cases", int(count), count=format_count(count, lang))


def _metrics(totals: dict, lang: str) -> None:
    columns = st.columns(1 + len(DEVIATION_KINDS))
    columns[0].metric(
        t("conformance.metric.share"),
        format_share(totals["conforming_cases_share"], lang),
        _cases(totals["conforming_cases"], lang),
        delta_color="off",
        delta_arrow="off",
    )
    for column, kind in zip(columns[1:], DEVIATION_KINDS, strict=True):
        cases = totals[f"cases_{kind}"]
        column.metric(
            t(f"conformance.metric.{kind}"),
            format_share(cases / totals["cases"], lang),
            _cases(cases, lang),
            delta_color="off",
            delta_arrow="off",
        )


def render() -> None:
    """Draw the page."""
    conformance = current_view().result.measures.conformance
    heading("conformance.title", "conformance.intro")
    if conformance is None or not conformance.totals["cases"]:
        st.info(t("app.no_log"), icon=":material/info:")
        return
    lang, totals = language(), conformance.totals
    if not totals["required_touchpoints"] and not totals["allowed_skips"]:
        st.caption(t("conformance.no_design"))
    elif totals["allowed_skips"]:
        st.caption(t("conformance.allowed", stages=", ".join(totals["allowed_skips"])))
    _metrics(totals, lang)
    st.markdown(f"**{conformance_line(conformance, lang)}**")

    st.subheader(t("conformance.by_stage"))
    stages = conformance.stages
    labels = {kind: t(f"conformance.kind.{kind}") for kind in DEVIATION_KINDS}
    parts = stages.melt(
        id_vars=["stage"], value_vars=list(DEVIATION_KINDS), var_name="kind", value_name="count"
    ).assign(kind=lambda frame: frame["kind"].map(labels))
    picture = charts.stacked_bars(
        parts,
        "stage",
        "kind",
        "count",
        order=stages["stage"].tolist(),
        value_title=t("col.cases"),
        part_title=t("conformance.kind"),
        colours={labels[kind]: colour for kind, colour in KIND_COLOURS.items()},
    )
    widgets.chart(picture, stages, "conformance_stages")
    for sentence in stage_evidence(conformance, lang):
        if sentence:
            st.markdown(f"- {sentence}")

    st.subheader(t("conformance.cases"))
    deviations = conformance.deviations
    if deviations.empty:
        st.write(t("conformance.none"))
        return
    widgets.table(deviations.assign(kind=deviations["kind"].map(labels)), "conformance_deviations")


render()
