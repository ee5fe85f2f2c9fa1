"""The report's charts: Altair specifications rendered offline to inline SVG.

vl-convert renders Vega-Lite to SVG without a browser or a network, so the report embeds
every chart as markup (no CDN, no script). Names from the log go into the charts as data,
and vl-convert writes them as escaped SVG text. Fonts are large enough for a projector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import altair as alt
import pandas as pd
import vl_convert as vlc

from audit.findings.humanize import format_hours
from audit.report.safe import clean_text
from audit.report.texts import text

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
WIDTH = 860
"""Plot width in pixels: fits an A4 landscape page and a projector."""

COMPONENT_COLOURS: dict[str, str] = {
    "wait": "#4e79a7",
    "handoffs": "#f28e2b",
    "pingpong": "#e15759",
    "rework": "#b07aa1",
    "back_jumps": "#9c2f2f",
    "promise": "#edc948",
    "dropoff": "#59a14f",
    "silence": "#76b7b2",
    "repeat_contacts": "#ff9da7",
}
"""One colour per friction component, the same in every chart of the report."""

OUTSIDE_IN = "#c0392b"
INSIDE_OUT = "#2c6e9b"
WAIT_GREY = "#c8c8c8"


LOCALES: dict[str, str] = {"en": "en-GB", "fi": "fi-FI", "sv": "sv-SE"}
"""Number and date formats of the chart axes per report language (d3 locale names)."""


def to_svg(chart: alt.TopLevelMixin, language: str) -> str:
    """The chart as an inline SVG element (it has a viewBox, so it scales with the page);
    axes use the language's number and date formats; no external data may be fetched."""
    svg = vlc.vegalite_to_svg(
        _without_control_characters(chart.to_dict(validate=False)),
        format_locale=LOCALES[language],
        time_format_locale=LOCALES[language],
        allowed_base_urls=[],
    )
    return re.sub(r"^<\?xml[^>]*>\s*", "", svg)


def _without_control_characters(spec: object) -> object:
    """The chart specification with control characters removed from every text in it:
    names from the log may carry them, and the renderer must never see them."""
    if isinstance(spec, dict):
        return {key: _without_control_characters(value) for key, value in spec.items()}
    if isinstance(spec, list):
        return [_without_control_characters(value) for value in spec]
    return clean_text(spec) if isinstance(spec, str) else spec


def _themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Large fonts and a quiet frame, for a room full of people."""
    return (
        chart.configure(font=FONT, background="white")
        .configure_axis(labelFontSize=14, titleFontSize=14, labelLimit=320)
        .configure_legend(labelFontSize=14, titleFontSize=14, orient="bottom", labelLimit=320)
        .configure_title(fontSize=17, anchor="start")
        .configure_view(stroke=None)
    )


def components_chart(stage_friction: pd.DataFrame, weights: dict[str, float], language: str):
    """Stacked bars: each stage's friction score split into its weighted components."""
    components = [c for c in COMPONENT_COLOURS if c in stage_friction.columns]
    total = sum(weights.get(c, 1.0) for c in components) or 1.0
    rows = [
        {
            "stage": row["stage"],
            "order": row["order"],
            "component": text(f"component.{c}", language),
            "points": 100 * weights.get(c, 1.0) * float(row[c]) / total,
        }
        for _, row in stage_friction.iterrows()
        for c in components
    ]
    data = pd.DataFrame(rows)
    labels = [text(f"component.{c}", language) for c in components]
    stage_order = list(stage_friction.sort_values("order")["stage"])
    chart = (
        alt.Chart(data, title=text("chart.components", language))
        .mark_bar()
        .encode(
            y=alt.Y("stage:N", sort=stage_order, title=None),
            x=alt.X(
                "sum(points):Q", title=text("friction", language), scale=alt.Scale(domain=[0, 100])
            ),
            color=alt.Color(
                "component:N",
                title=None,
                scale=alt.Scale(domain=labels, range=[COMPONENT_COLOURS[c] for c in components]),
            ),
            order=alt.Order("component:N"),
        )
        .properties(width=WIDTH - 200, height=max(120, 42 * len(stage_order)))
    )
    return to_svg(_themed(chart), language)


def outside_inside_chart(stages: pd.DataFrame, language: str) -> str:
    """Per stage, the customer's median time in the stage next to the organisation's median
    work time (when the log has start times)."""
    outside, inside = text("outside_in", language), text("inside_out", language)
    rows = []
    for _, row in stages.iterrows():
        rows.append(
            {"stage": row["stage"], "view": outside, "hours": row["time_in_stage_hours_median"]}
        )
        if pd.notna(row.get("work_hours_median")):
            rows.append({"stage": row["stage"], "view": inside, "hours": row["work_hours_median"]})
    data = pd.DataFrame(rows).dropna()
    order = list(stages.sort_values("order")["stage"])
    chart = (
        alt.Chart(data, title=text("chart.outside_inside", language))
        .mark_bar()
        .encode(
            y=alt.Y("stage:N", sort=order, title=None),
            yOffset=alt.YOffset("view:N", sort=[outside, inside]),
            x=alt.X("hours:Q", title=text("hours", language)),
            color=alt.Color(
                "view:N",
                title=None,
                scale=alt.Scale(domain=[outside, inside], range=[OUTSIDE_IN, INSIDE_OUT]),
            ),
        )
        .properties(width=WIDTH - 200, height=max(120, 48 * len(order)))
    )
    return to_svg(_themed(chart), language)


def rework_chart(activities: pd.DataFrame, language: str, top: int = 12) -> str:
    """Stacked bars: rework per activity split into repeat, redo and unknown resource."""
    data = activities.assign(rework=activities["self_loops"] + activities["repetitions"])
    data = data[data["rework"] > 0].sort_values("rework", ascending=False).head(top)
    parts = {
        text("repeat", language): data["repeats"],
        text("redo", language): data["redos"],
        text("unknown_resource", language): data["rework"] - data["repeats"] - data["redos"],
    }
    rows = [
        {"activity": activity, "kind": kind, "count": float(count)}
        for kind, counts in parts.items()
        for activity, count in zip(data["activity"], counts, strict=True)
    ]
    chart = (
        alt.Chart(pd.DataFrame(rows), title=text("chart.rework", language))
        .mark_bar()
        .encode(
            y=alt.Y("activity:N", sort=list(data["activity"]), title=None),
            x=alt.X("sum(count):Q", title=text("col.count", language)),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=list(parts), range=["#b07aa1", "#e15759", WAIT_GREY]),
            ),
        )
        .properties(width=WIDTH - 320, height=max(80, 30 * len(data)))
    )
    return to_svg(_themed(chart), language)


def timeline_chart(steps: pd.DataFrame, stage_order: list[str], language: str) -> str:
    """One case's timeline: a row per journey stage, waits as grey bars, work as bars
    coloured by unit, contacts with the customer as dots above their step."""
    steps = steps.copy()
    steps["stage"] = steps["stage"].fillna(text("unmapped", language))
    steps["unit"] = steps["unit"].fillna("–")
    work_start = steps["start_timestamp"].fillna(steps["timestamp"])
    previous = steps["timestamp"].shift(1)
    waits = pd.DataFrame(
        {"stage": steps["stage"], "from": previous, "to": work_start, "activity": steps["activity"]}
    ).dropna(subset=["from"])
    waits = waits[waits["to"] > waits["from"]]
    work = pd.DataFrame(
        {
            "stage": steps["stage"],
            "from": work_start,
            "to": steps["timestamp"],
            "unit": steps["unit"],
            "activity": steps["activity"],
        }
    )
    span = (steps["timestamp"].max() - steps["timestamp"].min()) or pd.Timedelta(hours=1)
    work["to"] = (
        work[["to", "from"]]
        .max(axis=1)
        .where(work["to"] - work["from"] > span / 400, work["from"] + span / 400)
    )
    touchpoints = steps.loc[steps["is_touchpoint"].astype(bool), ["stage", "timestamp", "activity"]]
    order = [s for s in stage_order if s in set(steps["stage"])] + sorted(
        set(steps["stage"]) - set(stage_order)
    )
    y = alt.Y("stage:N", sort=order, title=None)
    wait_layer = (
        alt.Chart(waits)
        .mark_bar(color=WAIT_GREY, height=10)
        .encode(y=y, x=alt.X("from:T", title=None, axis=alt.Axis(format="%d %b")), x2="to:T")
    )
    work_layer = (
        alt.Chart(work)
        .mark_bar(height=22)
        .encode(
            y=y,
            x="from:T",
            x2="to:T",
            color=alt.Color("unit:N", title=None, scale=alt.Scale(scheme="tableau10")),
        )
    )
    dots = (
        alt.Chart(touchpoints)
        .mark_point(shape="circle", filled=True, size=120, color="#111", yOffset=-16)
        .encode(y=y, x="timestamp:T")
    )
    chart = (wait_layer + work_layer + dots).properties(
        width=WIDTH - 200, height=max(90, 44 * len(order))
    )
    return to_svg(_themed(chart), language)


def experience_chart(groups: pd.DataFrame, title: str, language: str) -> str:
    """Bars of NPS (or mean score) per group of cases, for the experience section."""
    chart = (
        alt.Chart(groups, title=title)
        .mark_bar(color=OUTSIDE_IN)
        .encode(
            y=alt.Y("group:N", sort=list(groups["group"]), title=None),
            x=alt.X("value:Q", title=text("col.nps", language)),
        )
        .properties(width=WIDTH - 320, height=max(80, 34 * len(groups)))
    )
    return to_svg(_themed(chart), language)


def friction_change_chart(friction: pd.DataFrame, before: str, after: str, language: str) -> str:
    """Grouped bars: each stage's friction score before and after."""
    data = friction.melt(
        id_vars=["stage", "order"], value_vars=["before", "after"], var_name="when"
    )
    labels = {"before": before, "after": after}
    data["when"] = data["when"].map(labels)
    order = list(friction.sort_values("order")["stage"])
    chart = (
        alt.Chart(data, title=text("comparison.friction", language))
        .mark_bar()
        .encode(
            y=alt.Y("stage:N", sort=order, title=None),
            yOffset=alt.YOffset("when:N", sort=[before, after]),
            x=alt.X("value:Q", title=text("friction", language), scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "when:N",
                title=None,
                scale=alt.Scale(domain=[before, after], range=[WAIT_GREY, INSIDE_OUT]),
            ),
        )
        .properties(width=WIDTH - 200, height=max(120, 48 * len(order)))
    )
    return to_svg(_themed(chart), language)


STATUS_COLOURS: dict[str, str] = {
    "good": "#59a14f",
    "bad": "#e15759",
    "check": "#edc948",
    "dropoff": "#8c8c8c",
    "ongoing": "#4e79a7",
}
"""One colour per case status, in the order legends list them."""
CAME_BACK = "#f28e2b"
"""Colour of the gap before a repeat contact (the customer came back within the window)."""
GAP_GREY = "#9a9a9a"


@dataclass(frozen=True)
class CustomerTimelineWords:
    """The translated words of a customer's cross-case timeline."""

    status: dict[str, str]
    """status ("good", "bad", "check", "dropoff", "ongoing") -> its word in the legend."""
    case: str
    ending: str
    """Tooltip title of the activity a case ended with."""
    gap: str
    """Tooltip title of the time since the earlier case ended."""
    while_open: str
    """The gap's label when the case started while an earlier one was open."""


TIMELINE_CASES = 12
"""Cases of one customer drawn on their timeline, the first in the customer's order."""
LONG_SPAN = pd.Timedelta(days=300)
"""A timeline longer than this shows months and years on its axis instead of days."""

CUSTOMER_TIMELINE_COLUMNS: tuple[str, ...] = (
    "lane",
    "case_id",
    "start",
    "end",
    "status",
    "ending_activity",
    "gap_start",
    "gap_end",
    "gap_middle",
    "gap_label",
    "repeat_contact",
)


def customer_timeline_rows(
    journey: pd.DataFrame, words: CustomerTimelineWords, language: str
) -> pd.DataFrame:
    """What a customer's cross-case timeline draws, one row per case (CUSTOMER_TIMELINE_COLUMNS).

    journey: audit.engine.customers.customer_journey of the customer; only its first
    TIMELINE_CASES cases are drawn (a ticket system's customer may have hundreds). A case's
    lane is its place in the customer's order and its id; a case shorter than 1/200 of the
    whole span is widened so that it shows. The gap runs from the end of the earlier case
    (the one that ended last) to the case's start and is labelled with its length; a case
    started while an earlier one was open has no gap line, only the label
    ``words.while_open``.
    """
    journey = journey.head(TIMELINE_CASES)
    start, end = journey["first_event"], journey["last_event"]
    span = (end.max() - start.min()) or pd.Timedelta(hours=1)
    gap = pd.to_timedelta(journey["gap_hours"].clip(lower=0), unit="h")
    gap_start = (start - gap).where(journey["gap_hours"].notna())
    labels = [
        None if pd.isna(hours) else words.while_open if hours < 0 else format_hours(hours, language)
        for hours in journey["gap_hours"]
    ]
    rows = pd.DataFrame(
        {
            "lane": [
                f"{order} · {case}"
                for order, case in zip(journey["customer_order"], journey["case_id"], strict=True)
            ],
            "case_id": journey["case_id"].astype(str),
            "start": start,
            "end": end.where(end - start > span / 200, start + span / 200),
            "status": journey["status"].map(words.status),
            "ending_activity": journey["ending_activity"],
            "gap_start": gap_start,
            "gap_end": start.where(journey["gap_hours"].notna()),
            "gap_middle": gap_start + (start - gap_start) / 2,
            "gap_label": labels,
            "repeat_contact": journey["is_repeat_contact"].astype(bool),
        }
    )
    return rows[list(CUSTOMER_TIMELINE_COLUMNS)]


def customer_timeline(rows: pd.DataFrame, words: CustomerTimelineWords) -> alt.LayerChart:
    """One customer's cases on one time axis: a bar per case in its own row, coloured by how
    it ended (the legend lists the endings present), and before each later case a dashed
    line for the gap since the earlier case ended (orange for a repeat contact), labelled
    with its length. Unthemed and unsized: the report and the app each finish it.

    rows: customer_timeline_rows.
    """
    lanes = rows["lane"].tolist()
    present = [s for s in STATUS_COLOURS if words.status[s] in set(rows["status"])]
    long = rows["end"].max() - rows["start"].min() > LONG_SPAN
    y = alt.Y("lane:N", sort=lanes, title=None, axis=alt.Axis(labelLimit=320))
    tooltip = [
        alt.Tooltip("case_id:N", title=words.case),
        alt.Tooltip("status:N", title=" "),
        alt.Tooltip("start:T", format="%Y-%m-%d %H:%M"),
        alt.Tooltip("end:T", format="%Y-%m-%d %H:%M"),
        alt.Tooltip("ending_activity:N", title=words.ending),
        alt.Tooltip("gap_label:N", title=words.gap),
    ]
    base = alt.Chart(rows)
    cases = base.mark_bar(height=24, cornerRadius=3).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%b %Y" if long else "%d %b")),
        x2="end:T",
        y=y,
        color=alt.Color(
            "status:N",
            title=None,
            scale=alt.Scale(
                domain=[words.status[s] for s in present],
                range=[STATUS_COLOURS[s] for s in present],
            ),
            legend=alt.Legend(orient="top"),
        ),
        tooltip=tooltip,
    )
    gaps = base.transform_filter("isValid(datum.gap_label)")
    colour = alt.condition("datum.repeat_contact", alt.value(CAME_BACK), alt.value(GAP_GREY))
    lines = gaps.mark_rule(strokeDash=[6, 4], strokeWidth=3).encode(
        x="gap_start:T", x2="gap_end:T", y=y, color=colour, tooltip=tooltip
    )
    labels = gaps.mark_text(dy=-18, fontSize=14, fontWeight="bold").encode(
        x="gap_middle:T", y=y, text="gap_label:N", color=colour
    )
    return alt.layer(cases, lines, labels)


def customer_timeline_chart(journey: pd.DataFrame, language: str) -> str:
    """One customer's cases on one time axis (customer_timeline), as SVG in ``language``."""
    words = CustomerTimelineWords(
        status={s: text(f"ctimeline.status.{s}", language) for s in STATUS_COLOURS},
        case=text("ctimeline.case", language),
        ending=text("ctimeline.ending", language),
        gap=text("ctimeline.gap", language),
        while_open=text("ctimeline.while_open", language),
    )
    rows = customer_timeline_rows(journey, words, language)
    chart = customer_timeline(rows, words).properties(
        width=WIDTH - 200, height=max(110, 48 * len(rows))
    )
    return to_svg(_themed(chart), language)


def trend_chart(rows: pd.DataFrame, language: str) -> str:
    """One line per stage: its friction period by period; the points of periods with too
    few cases to trust are grey."""
    data = rows[rows["cases"] > 0].assign(
        period=lambda frame: frame["period"].dt.strftime("%Y-%m-%d"),
        friction=lambda frame: frame["friction"].astype(float),
    )[["period", "stage", "friction", "trusted", "cases"]]
    stage_order = list(dict.fromkeys(rows["stage"]))
    colour = alt.Color("stage:N", title=None, sort=stage_order)
    base = alt.Chart(data, title=text("chart.trend", language)).encode(
        x=alt.X("period:O", title=text("trend.period", language), axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("friction:Q", title=text("friction", language)),
    )
    lines = base.mark_line(strokeWidth=2.5).encode(color=colour)
    points = base.mark_point(filled=True, size=60).encode(
        color=alt.condition("datum.trusted", colour, alt.value(WAIT_GREY))
    )
    chart = (lines + points).properties(width=WIDTH - 200, height=320)
    return to_svg(_themed(chart), language)
