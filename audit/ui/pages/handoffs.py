"""Handoffs: the unit-to-unit network with counts and waits, who hands over to whom, the
ping-pong pairs and the cases bounced around most."""

from __future__ import annotations

import altair as alt
import streamlit as st

from audit.process.handoffs import handoff_graph, handoff_svg
from audit.ui import charts, widgets
from audit.ui.lang import language, t
from audit.ui.page import current_view, heading

MATRIX_UNITS = 15
"""The busiest units drawn in the who-to-whom matrix; the CSV has every pair."""
WORST_CASES = 20


def render() -> None:
    """Draw the page."""
    result = current_view().result
    measures = result.measures
    heading("handoffs.title")
    basis = measures.log.get("handoff_basis") or "none"
    st.caption(t(f"handoffs.basis.{basis}"))
    pairs = measures.handoff_pairs
    if pairs.empty:
        return
    st.subheader(t("handoffs.network"))
    graph = handoff_graph(pairs, measures.pingpong_pairs)
    widgets.svg(handoff_svg(graph, language()), pairs, "handoff_pairs")

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(t("handoffs.matrix"))
        units = measures.org_units.sort_values("handoffs_in", ascending=False)["org_unit"]
        busiest = set(units.head(MATRIX_UNITS))
        shown = pairs[pairs["from_unit"].isin(busiest) & pairs["to_unit"].isin(busiest)]
        if len(shown) < len(pairs):
            st.caption(t("chart.sampled", shown=len(shown), total=len(pairs)))
        picture = charts.heatmap(
            shown,
            "from_unit",
            "to_unit",
            "count",
            row_title=t("col.from_unit"),
            column_title=t("col.to_unit"),
            value_title=t("col.count"),
            tooltip=[
                alt.Tooltip("from_unit:N", title=t("col.from_unit")),
                alt.Tooltip("to_unit:N", title=t("col.to_unit")),
                alt.Tooltip("count:Q", title=t("col.count"), format=","),
                alt.Tooltip("wait_hours_median:Q", title=t("col.wait_median"), format=".1f"),
            ],
        )
        widgets.chart(picture, pairs, "handoff_matrix")
    with right:
        st.subheader(t("handoffs.pingpong"))
        if measures.pingpong_pairs.empty:
            st.write(t("handoffs.no_pingpong"))
        else:
            widgets.table(measures.pingpong_pairs, "pingpong_pairs")
        st.subheader(t("handoffs.pingpong_cases"))
        worst = measures.cases.sort_values(["pingpongs", "handoffs"], ascending=False)
        worst = worst[worst["pingpongs"] > 0].head(WORST_CASES)
        widgets.table(
            worst[["case_id", "pingpongs", "handoffs", "lead_time_hours", "status"]],
            "pingpong_cases",
        )
    st.subheader(t("handoffs.units"))
    widgets.table(measures.org_units, "org_units")


render()
