"""Experience: the customers' survey scores (NPS, CSAT, CES) against the friction their
cases met: by handoffs, with and without ping-pong, promise kept or broken, rework, and
in each stage's weakest cases."""

from __future__ import annotations

import altair as alt
import streamlit as st

from audit.ui import charts, widgets
from audit.ui.lang import t, translated
from audit.ui.page import current_view, heading

COMPARISONS: tuple[str, ...] = ("handoffs", "pingpong", "promise", "rework")
"""Groupings drawn as a chart each; the per-stage comparison is shown as a table."""


def _score_column(table, kind: str) -> str:
    """NPS is shown as the Net Promoter Score, CSAT and CES as their mean answer."""
    return "nps" if kind == "nps" and "nps" in table.columns else f"{kind}_mean"


def render() -> None:
    """Draw the page."""
    result = current_view().result
    heading("experience.title", "experience.intro")
    experience = result.experience
    if experience is None or experience.table.empty:
        st.info(t("experience.none"), icon=":material/info:")
        return
    table = experience.table
    for kind, column_name in experience.survey.items():
        score = _score_column(table, kind)
        st.subheader(t(f"experience.kind.{kind}", column=column_name))
        columns = st.columns(len(COMPARISONS), gap="medium")
        for column, comparison in zip(columns, COMPARISONS, strict=True):
            groups = table[table["comparison"] == comparison]
            with column:
                st.markdown(f"**{t(f'experience.by.{comparison}')}**")
                if groups.empty:
                    st.caption(t("common.none"))
                    continue
                groups = groups.assign(
                    label=groups["group"].map(lambda g: translated(f"experience.group.{g}", g))
                )
                picture = charts.mean_bars(
                    groups,
                    "label",
                    score,
                    order=groups["label"].tolist(),
                    value_title=t(f"experience.score.{kind}"),
                    tooltip=[
                        alt.Tooltip("label:N", title=t("experience.group")),
                        alt.Tooltip(f"{score}:Q", format=".1f"),
                        alt.Tooltip("cases:Q", title=t("col.cases"), format=","),
                    ],
                )
                widgets.chart(picture, groups, f"experience_{kind}_{comparison}")
    st.subheader(t("experience.by_stage"))
    widgets.table(table[table["comparison"] == "stage"], "experience_by_stage")


render()
