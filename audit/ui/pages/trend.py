"""Over time and by segment: each stage's friction period by period, with the changes
between the window's first and last quarter, and the stage table side by side for each
value of a case attribute, with the differences larger than chance. Everything shown is
measured by audit.engine.trend / audit.engine.segments and tested by audit.findings.trend /
audit.findings.segments; this page only lays it out."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from audit.engine.trend import PERIODS
from audit.findings.trend import MIN_TRUSTED_CASES
from audit.pipeline import AuditResult
from audit.report.charts import WAIT_GREY
from audit.ui import charts, loading, widgets
from audit.ui.lang import t
from audit.ui.page import current_view, heading

TEST_COLUMNS = ["stage", "measure", "test", "value", "rest_value", "cases", "rest_cases", "q_value"]


def _trend_chart(rows: pd.DataFrame) -> alt.TopLevelMixin:
    """One line per stage over the periods; points of too-small periods are grey."""
    data = rows.assign(
        period=rows["period"].dt.strftime("%Y-%m-%d"),
        trust=rows["trusted"].map({True: t("trend.trusted"), False: t("trend.untrusted")}),
    )
    base = alt.Chart(data).encode(
        x=alt.X("period:O", title=t("trend.period"), axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("friction:Q", title=t("measure.friction")),
    )
    stage_colour = alt.Color("stage:N", title=t("col.stage"), sort=rows["stage"].unique().tolist())
    lines = base.mark_line().encode(color=stage_colour)
    points = base.mark_point(filled=True, size=70).encode(
        color=alt.condition("datum.trusted", stage_colour, alt.value(WAIT_GREY)),
        tooltip=["period:O", "stage:N", "cases:Q", "friction:Q", "trust:N"],
    )
    return charts.styled((lines + points).properties(height=360))


def _tests(found: pd.DataFrame) -> pd.DataFrame:
    """The tests with their measures in words."""
    return found.assign(measure=[t(f"trend.measure.{m}") for m in found["measure"]])


def _trend(result: AuditResult) -> None:
    by = st.segmented_control(
        t("trend.by"),
        options=list(PERIODS),
        default="month",
        format_func=lambda period: t(f"trend.by.{period}"),
        key="trend_by",
    )
    if by is None:
        return
    trend = loading.trend(result, by)
    stages = trend.rows[trend.rows["cases"] > 0]
    widgets.chart(_trend_chart(stages), trend.rows, "trend")
    st.caption(t("trend.rule", cases=MIN_TRUSTED_CASES))
    st.subheader(t("trend.changes"))
    if not trend.first_periods:
        st.info(t("trend.one_period"), icon=":material/info:")
        return
    st.caption(
        t(
            "trend.window",
            first=", ".join(p.strftime("%Y-%m-%d") for p in trend.first_periods),
            last=", ".join(p.strftime("%Y-%m-%d") for p in trend.last_periods),
        )
    )
    found = trend.changes[trend.changes["significant"]]
    if found.empty:
        st.success(t("trend.no_change"), icon=":material/check:")
    else:
        widgets.table(_tests(found[TEST_COLUMNS]), "trend_changes")


def _segments(result: AuditResult) -> None:
    # survey answers are how customers felt, not what kind of customers they are
    surveys = set(result.journey.survey.values())
    attributes = [c for c in loading.segment_choices(result) if c not in surveys]
    if not attributes:
        st.info(t("segments.none"), icon=":material/info:")
        return
    column = st.selectbox(t("segments.column"), attributes, key="segment_column")
    segments = loading.segments(result, column)
    shown = ["segment", "stage", "cases", "friction", "time_in_stage_hours_median"]
    shown += ["promise_kept_share", "dropoffs", "pingpong_cases", "rework_cases"]
    widgets.table(segments.rows[shown], "segments")
    st.subheader(t("segments.differences"))
    differences = segments.differences
    found = differences[differences["significant"]] if not differences.empty else differences
    if found.empty:
        st.success(t("segments.no_difference"), icon=":material/check:")
    else:
        widgets.table(_tests(found[["segment", *TEST_COLUMNS]]), "segment_differences")


def render() -> None:
    """Draw the page."""
    result = current_view().result
    heading("trend.title", "trend.intro")
    _trend(result)
    st.header(t("segments.title"))
    st.caption(t("segments.intro"))
    _segments(result)


render()
