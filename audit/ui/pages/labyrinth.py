"""Labyrinth: rework by activity (repeat versus redo), back-jumps from stage to stage, and
the cases that wandered most."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from audit.report.stories import labyrinth_score
from audit.ui import charts, widgets
from audit.ui.lang import t
from audit.ui.page import current_view, heading

REWORK_ACTIVITIES = 15
"""Activities with the most rework drawn in the chart; the CSV has them all."""
WORST_CASES = 25


def rework(activities: pd.DataFrame) -> None:
    """Stacked bars of repeats and redos for the activities with the most rework."""
    st.subheader(t("labyrinth.rework"))
    reworked = activities.assign(rework=activities["self_loops"] + activities["repetitions"])
    reworked = reworked[reworked["rework"] > 0].sort_values("rework", ascending=False)
    if reworked.empty:
        st.write(t("labyrinth.no_rework"))
        return
    shown = reworked.head(REWORK_ACTIVITIES)
    kinds = {"repeats": t("labyrinth.repeat"), "redos": t("labyrinth.redo")}
    long = shown.melt(id_vars=["activity"], value_vars=list(kinds), var_name="kind")
    long = long.assign(label=long["kind"].map(kinds))
    picture = charts.stacked_bars(
        long,
        "activity",
        "label",
        "value",
        order=shown["activity"].tolist(),
        value_title=t("col.events"),
        part_title=t("labyrinth.kind"),
        colours={kinds[kind]: colour for kind, colour in charts.REWORK_COLOURS.items()},
    )
    if len(shown) < len(reworked):
        st.caption(t("chart.sampled", shown=len(shown), total=len(reworked)))
    columns = ["activity", "stage", "self_loops", "repetitions", "repeats", "redos", "events"]
    widgets.chart(picture, reworked[columns], "rework_by_activity")


def back_jumps(jumps: pd.DataFrame) -> None:
    """The matrix of jumps from a later stage back to an earlier one."""
    st.subheader(t("labyrinth.back_jumps"))
    if jumps.empty:
        st.write(t("labyrinth.no_back_jumps"))
        return
    picture = charts.heatmap(
        jumps,
        "from_stage",
        "to_stage",
        "count",
        row_title=t("col.from_stage"),
        column_title=t("col.to_stage"),
        value_title=t("col.count"),
        tooltip=[
            alt.Tooltip("from_stage:N", title=t("col.from_stage")),
            alt.Tooltip("to_stage:N", title=t("col.to_stage")),
            alt.Tooltip("count:Q", title=t("col.count"), format=","),
            alt.Tooltip("cases:Q", title=t("col.cases"), format=","),
        ],
        scheme="reds",
    )
    widgets.chart(picture, jumps, "back_jumps")


def render() -> None:
    """Draw the page."""
    result = current_view().result
    measures = result.measures
    heading("labyrinth.title", "labyrinth.intro")
    left, right = st.columns(2, gap="large")
    with left:
        rework(measures.activities)
    with right:
        back_jumps(measures.back_jumps)
    st.subheader(t("labyrinth.worst"))
    cases = measures.cases.assign(labyrinth=labyrinth_score(measures.cases))
    worst = cases[cases["labyrinth"] > 0].sort_values(
        ["labyrinth", "lead_time_hours"], ascending=False
    )
    columns = [
        "case_id",
        "labyrinth",
        "rework",
        "back_jumps",
        "pingpongs",
        "handoffs",
        "lead_time_hours",
        "status",
    ]
    widgets.table(
        worst[columns].head(WORST_CASES),
        "labyrinth_cases",
        column_config={
            "lead_time_hours": st.column_config.NumberColumn(
                t("col.lead_time_hours"), format="%.1f"
            )
        },
    )


render()
