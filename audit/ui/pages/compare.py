"""Before / after: did a change help? Two periods of the current log (split at a date) or
the current log against a second uploaded log, audited with the same journey map and
compared stage by stage and measure by measure by audit.compare, with the hotspots that
appeared, disappeared, improved or worsened."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pandas as pd
import streamlit as st

from audit.compare import JOURNEY, Comparison
from audit.errors import AuditInputError
from audit.findings.humanize import format_count, format_hours, format_number, format_share
from audit.ui import charts, loading, session, widgets
from audit.ui.lang import language, t
from audit.ui.page import current_view, heading
from audit.ui.sources import LOG_SUFFIXES, uploaded_source

SIGNIFICANT_SHOWN = 10
"""Significant changes written out as sentences; the table has them all."""
VERDICT_MARKS = {"improved": "▲", "worsened": "▼", "no clear change": "–"}


def _period_split(view: session.AuditView):
    """The date picker that splits the current log; None when all cases start on one day."""
    started = pd.to_datetime(view.result.measures.cases["first_event"])
    first, last = started.min().date(), started.max().date()
    if first == last:
        st.info(t("compare.one_day"))
        return None
    return st.date_input(
        t("compare.split"),
        value=started.median().date(),
        min_value=first + timedelta(days=1),
        max_value=last,
        format="YYYY-MM-DD",
        help=t("compare.split_help"),
        key=f"compare-{view.key}-split",
    )


def _other_log(view: session.AuditView):
    """The second log the user uploads, read with the current time settings; None until
    there is one (or when it cannot be read: the reason is shown)."""
    uploaded = st.file_uploader(
        t("compare.upload"),
        type=[suffix.lstrip(".") for suffix in LOG_SUFFIXES] + ["gz"],
        key=f"compare-{view.key}-upload",
    )
    if uploaded is None:
        return None
    source = uploaded_source(uploaded.name, uploaded.getbuffer())
    settings = view.settings
    try:
        with st.spinner(t("app.reading_log", name=source.name)):
            log = loading.read(source, None, settings.timezone, settings.dayfirst)
    except AuditInputError as error:
        session.show_problem("compare.bad_upload", error)
        return None
    return (source.content_hash, None, settings.timezone, settings.dayfirst), log


def comparison(view: session.AuditView) -> Comparison | None:
    """The comparison the user asked for, or None (with the reason shown)."""
    mode = st.segmented_control(
        t("compare.mode"),
        options=["periods", "logs"],
        format_func=lambda choice: t(f"compare.mode.{choice}"),
        default="periods",
        required=True,
        key=f"compare-{view.key}-mode",
    )
    try:
        if mode == "periods":
            split = _period_split(view)
            if split is None:
                return None
            with st.spinner(t("compare.running")):
                result = loading.period_comparison(view.audit_key, view.log, split)
            day = split.isoformat()
            return dataclasses.replace(
                result,
                before_label=t("compare.period.before", day=day),
                after_label=t("compare.period.after", day=day),
            )
        other = _other_log(view)
        if other is None:
            return None
        with st.spinner(t("compare.running")):
            return loading.log_comparison(view.audit_key, view.log, *other)
    except AuditInputError as error:
        session.show_problem("compare.failed", error)
        return None


def _value(value: float, kind: str) -> str:
    lang = language()
    if pd.isna(value):
        return "–"
    if kind == "share":
        return format_share(value, lang)
    if kind == "hours":
        return format_hours(value, lang)
    return format_number(value, lang)


def _scope(scope: str) -> str:
    return t("compare.whole_journey") if scope == JOURNEY else scope


def measure_rows(result: Comparison) -> pd.DataFrame:
    """The compared measures in words: scope, measure, before, after, verdict, q."""
    rows = result.measures
    return pd.DataFrame(
        {
            "scope": rows["scope"].map(_scope),
            "measure": rows["measure"].map(lambda name: t(f"compare.measure.{name}")),
            "before": [_value(v, k) for v, k in zip(rows["before"], rows["kind"], strict=True)],
            "after": [_value(v, k) for v, k in zip(rows["after"], rows["kind"], strict=True)],
            "verdict": [f"{VERDICT_MARKS[v]} {t(f'compare.verdict.{v}')}" for v in rows["verdict"]],
            "q_value": rows["q_value"],
            "significant": rows["significant"],
        }
    )


def headline(result: Comparison) -> None:
    """The two groups' sizes and the count of significant changes each way."""
    lang = language()
    st.caption(
        t(
            "compare.groups",
            before=result.before_label,
            before_cases=format_count(result.before_cases, lang),
            after=result.after_label,
            after_cases=format_count(result.after_cases, lang),
        )
    )
    significant = result.significant()
    statuses = result.hotspots["status"].value_counts()
    figures = [
        ("compare.kpi.improved", int((significant["verdict"] == "improved").sum())),
        ("compare.kpi.worsened", int((significant["verdict"] == "worsened").sum())),
        ("compare.kpi.appeared", int(statuses.get("appeared", 0))),
        ("compare.kpi.disappeared", int(statuses.get("disappeared", 0))),
    ]
    for column, (key, value) in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(t(key), format_count(value, lang), border=True, help=t(f"{key}_help"))


def significant_changes(result: Comparison) -> None:
    """The changes larger than chance would explain, one line each."""
    st.subheader(t("compare.significant"))
    changed = result.significant()
    if changed.empty:
        st.write(t("compare.nothing_significant"))
        return
    lines = [
        t(
            "compare.change_line",
            mark=VERDICT_MARKS[row.verdict],
            scope=_scope(row.scope),
            measure=t(f"compare.measure.{row.measure}"),
            before=_value(row.before, row.kind),
            after=_value(row.after, row.kind),
            verdict=t(f"compare.verdict.{row.verdict}"),
            q=format_number(row.q_value, language(), digits=3),
        )
        for row in changed.head(SIGNIFICANT_SHOWN).itertuples(index=False)
    ]
    st.markdown("\n".join(f"- {line}" for line in lines))


def friction_chart(result: Comparison) -> None:
    """Each stage's friction score before and after, side by side."""
    st.subheader(t("compare.friction"))
    labels = {"before": t("compare.before"), "after": t("compare.after")}
    data = result.friction.melt(
        id_vars=["stage", "order"], value_vars=list(labels), var_name="when", value_name="score"
    )
    data = data.assign(label=data["when"].map(labels))
    picture = charts.grouped_bars(
        data,
        "stage",
        "label",
        "score",
        order=result.friction.sort_values("order")["stage"].tolist(),
        value_title=t("measure.friction"),
        group_title=" ",
        colours=dict(zip(labels.values(), charts.BEFORE_AFTER, strict=True)),
    )
    widgets.chart(picture, result.friction, "friction_before_after")


def measures_table(result: Comparison) -> None:
    """Every compared measure, optionally only the significant ones."""
    st.subheader(t("compare.measures"))
    only = st.toggle(t("compare.only_significant"), key="compare-only-significant")
    rows = measure_rows(result)
    shown = rows[rows["significant"]] if only else rows
    widgets.table(
        shown.drop(columns=["significant"]),
        "comparison_measures",
        column_config={
            "scope": t("compare.col.scope"),
            "measure": t("compare.col.measure"),
            "before": t("compare.before"),
            "after": t("compare.after"),
            "verdict": t("compare.col.verdict"),
            "q_value": st.column_config.NumberColumn(
                t("compare.col.q"), format="%.3f", help=t("compare.col.q_help")
            ),
        },
    )


def hotspot_table(result: Comparison) -> None:
    """Hotspots matched by level and name: appeared, disappeared, improved, worsened."""
    st.subheader(t("compare.hotspots"))
    hotspots = result.hotspots
    rows = pd.DataFrame(
        {
            "status": hotspots["status"].map(lambda s: t(f"compare.status.{s}")),
            "level": hotspots["level"].map(lambda level: t(f"level.{level}")),
            "name": hotspots["name"],
            "before_score": hotspots["before_score"],
            "after_score": hotspots["after_score"],
            "evidence": hotspots[f"evidence_{language()}"],
        }
    )
    widgets.table(
        rows,
        "comparison_hotspots",
        column_config={
            "status": t("compare.col.status"),
            "level": t("compare.col.level"),
            "name": st.column_config.TextColumn(t("compare.col.name"), width="medium"),
            "before_score": st.column_config.NumberColumn(t("compare.before"), format="%.0f"),
            "after_score": st.column_config.NumberColumn(t("compare.after"), format="%.0f"),
            "evidence": st.column_config.TextColumn(t("compare.col.evidence"), width="large"),
        },
    )


def render() -> None:
    """Draw the page."""
    view = current_view()
    heading("compare.title", "compare.intro")
    result = comparison(view)
    if result is None:
        return
    st.session_state[session.COMPARISON_KEY] = (view.audit_key, result)
    headline(result)
    left, right = st.columns([1, 1], gap="large")
    with left:
        significant_changes(result)
    with right:
        friction_chart(result)
    hotspot_table(result)
    measures_table(result)


render()
