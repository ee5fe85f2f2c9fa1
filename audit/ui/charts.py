"""The app's charts, drawn with altair from tables the library computed.

Each builder takes a small aggregate table and titles already translated, and returns a
chart with fonts large enough for a projector. Stages always keep their journey order.

The builders whose arguments are tables and titles (no altair objects) are cached per
running app (`drawn_once`): altair spends a tenth of a second or more building each chart
(it looks up its schema classes for every encoding), which every rerun, page switch and
visitor would otherwise pay again for the same audit's tables. A chart is never changed
after it is built.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from audit.i18n import vega_locale
from audit.report import charts as report_charts
from audit.report.charts import COMPONENT_COLOURS, INSIDE_OUT, OUTSIDE_IN, WAIT_GREY

FRICTION_SCHEME = "orangered"
ACCENT = "#1f4e79"
BACK_JUMP_RED = "#c0392b"
REWORK_COLOURS: dict[str, str] = {
    "repeats": COMPONENT_COLOURS["rework"],
    "redos": COMPONENT_COLOURS["pingpong"],
}
"""Rework done again by the same resource (repeat) or by another (redo), as in the report."""
BEFORE_AFTER = ("#9bbbd9", ACCENT)
"""Colours of a before / after pair of bars: the earlier one lighter."""
VIEW_COLOURS = (OUTSIDE_IN, INSIDE_OUT)
"""Colours of the customer's view (outside-in) and the organisation's (inside-out), as in
the report."""
SILENCE_SHADE = "#f5b041"
"""Colour of a customer's silences (no touchpoint for a while) on the timeline."""
SILENCE_SHOWN_HOURS = 24.0
"""Silences at least this long are drawn on the timeline (the longest always is): shorter
gaps between touchpoints are the ordinary rhythm of a case."""
LABEL_SIZE = 15
TITLE_SIZE = 15
STRIP_WIDTH_CHARS = 90
"""Characters of a 17-pixel label that fit across the friction strip on a projector; the
stage names share them and wrap onto at most STRIP_LABEL_LINES lines."""
STRIP_LABEL_LINES = 4
MULTILINE_LABELS = "split(datum.label, '\\n')"
"""Vega expression that draws a label written with line breaks on several lines."""


drawn_once = st.cache_resource(max_entries=64, show_spinner=False)
"""Cache a chart builder on its arguments (tables hashed by content), shared by every
session: the same audit draws the same chart once per running app."""


def styled(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Projector-sized fonts and no frame around the plot."""
    return (
        chart.configure_axis(
            labelFontSize=LABEL_SIZE, titleFontSize=TITLE_SIZE, labelLimit=260, grid=False
        )
        .configure_legend(labelFontSize=LABEL_SIZE, titleFontSize=TITLE_SIZE, labelLimit=300)
        .configure_header(labelFontSize=LABEL_SIZE, titleFontSize=TITLE_SIZE)
        .configure_view(strokeWidth=0)
    )


def localised(chart: alt.TopLevelMixin, language: str) -> alt.TopLevelMixin:
    """The chart with ``language``'s decimal mark, grouping and month and day names on its
    axes (Vega-Lite's config.locale, built from Babel's data)."""
    copy = chart.copy(deep=False)  # shares the (cached, never changed) layers and data
    config = chart.config
    copy.config = alt.Config() if config is alt.Undefined else config.copy(deep=True)
    copy.config.locale = vega_locale(language)
    return copy


def wrapped(name: str, width: int, lines: int = STRIP_LABEL_LINES) -> str:
    """``name`` broken into lines of at most ``width`` characters (at most ``lines`` lines,
    the last one ending in … when the name is longer), joined with line breaks."""
    parts = textwrap.wrap(name, max(width, 6), break_long_words=True) or [name]
    if len(parts) > lines:
        parts = [
            *parts[: lines - 1],
            textwrap.shorten(" ".join(parts[lines - 1 :]), width, placeholder="…"),
        ]
    return "\n".join(parts)


@drawn_once
def friction_strip(
    friction: pd.DataFrame, weakest: str | None, stage_title: str, score_title: str
) -> alt.TopLevelMixin:
    """The journey's stages left to right as tiles, darker for more friction, the score
    written in each tile and the weakest stage outlined. Long stage names wrap onto
    several lines above their tile instead of being cut.

    friction: stage, order, friction (0-100).
    """
    data = friction.sort_values("order").assign(weakest=lambda df: df["stage"] == weakest)
    width = STRIP_WIDTH_CHARS // max(len(data), 1)
    data = data.assign(label=[wrapped(str(name), width) for name in data["stage"]])
    lines = int(data["label"].str.count("\n").max() + 1) if len(data) else 1
    top = max(float(data["friction"].max()), 1.0)
    base = alt.Chart(data).encode(
        x=alt.X(
            "label:N",
            sort=data["label"].tolist(),
            title=None,
            axis=alt.Axis(
                orient="top",
                labelAngle=0,
                labelFontSize=17,
                labelLimit=0,
                labelOverlap=False,
                labelExpr=MULTILINE_LABELS,
                labelLineHeight=20,
                labelBaseline="bottom",
                labelPadding=8 + 20 * (lines - 1),
                domain=False,
                ticks=False,
            ),
        )
    )
    tiles = base.mark_rect(cornerRadius=8).encode(
        color=alt.Color(
            "friction:Q",
            scale=alt.Scale(scheme=FRICTION_SCHEME, domain=[0, top]),
            title=score_title,
            legend=None,
        ),
        stroke=alt.condition("datum.weakest", alt.value("#14202b"), alt.value("white")),
        strokeWidth=alt.condition("datum.weakest", alt.value(5), alt.value(3)),
        tooltip=[
            alt.Tooltip("stage:N", title=stage_title),
            alt.Tooltip("friction:Q", title=score_title, format=".1f"),
        ],
    )
    scores = base.mark_text(fontSize=34, fontWeight="bold").encode(
        text=alt.Text("friction:Q", format=".0f"),
        color=alt.condition(
            alt.datum.friction > top * 0.55, alt.value("white"), alt.value("#14202b")
        ),
    )
    return styled((tiles + scores).properties(height=110 + 20 * (lines - 1)))


@drawn_once
def grouped_bars(
    data: pd.DataFrame,
    category: str,
    group: str,
    value: str,
    *,
    order: list[str],
    value_title: str,
    group_title: str,
    colours: dict[str, str],
) -> alt.TopLevelMixin:
    """Bars per category (in ``order``) with one bar per group side by side, the groups in
    the order and colours of ``colours`` (group label -> colour)."""
    return styled(
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset(f"{group}:N", sort=list(colours)),
            y=alt.Y(f"{value}:Q", title=value_title),
            color=alt.Color(
                f"{group}:N",
                title=group_title,
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[f"{category}:N", f"{group}:N", alt.Tooltip(f"{value}:Q", format=".1f")],
        )
        .properties(height=320)
    )


@drawn_once
def stacked_bars(
    data: pd.DataFrame,
    category: str,
    part: str,
    value: str,
    *,
    order: list[str],
    value_title: str,
    part_title: str,
    colours: dict[str, str],
) -> alt.TopLevelMixin:
    """Horizontal bars per category (in ``order``), split into stacked parts, each part
    in its colour from ``colours`` (part label -> colour; the legend keeps that order)."""
    rank = {label: position for position, label in enumerate(colours)}
    return styled(
        alt.Chart(data.assign(part_rank=data[part].map(rank)))
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
            x=alt.X(f"{value}:Q", title=value_title, stack="zero"),
            order=alt.Order("part_rank:Q"),
            color=alt.Color(
                f"{part}:N",
                title=part_title,
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                legend=alt.Legend(orient="top", columns=len(colours)),
            ),
            tooltip=[f"{category}:N", f"{part}:N", alt.Tooltip(f"{value}:Q", format=".1f")],
        )
        .properties(height=alt.Step(36))
    )


def heatmap(
    data: pd.DataFrame,
    row: str,
    column: str,
    value: str,
    *,
    row_title: str,
    column_title: str,
    value_title: str,
    tooltip: list[alt.Tooltip],
    scheme: str = "blues",
) -> alt.TopLevelMixin:
    """A matrix of ``row`` x ``column`` cells coloured by ``value``, the value written in
    each cell."""
    base = alt.Chart(data).encode(
        y=alt.Y(f"{row}:N", title=row_title, sort=None),
        x=alt.X(f"{column}:N", title=column_title, sort=None, axis=alt.Axis(labelAngle=-30)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            f"{value}:Q",
            title=value_title,
            scale=alt.Scale(scheme=scheme),
            legend=alt.Legend(format=",.0f", tickMinStep=1),
        ),
        tooltip=tooltip,
    )
    top = float(data[value].max()) if len(data) else 0.0
    labels = base.mark_text(fontSize=14).encode(
        text=alt.Text(f"{value}:Q", format=",.0f"),
        color=alt.condition(alt.datum[value] > top * 0.6, alt.value("white"), alt.value("#14202b")),
    )
    return styled((cells + labels).properties(height=alt.Step(34)))


def ranked_bars(
    data: pd.DataFrame,
    category: str,
    value: str,
    *,
    value_title: str,
    tooltip: list[alt.Tooltip],
    colour: str = ACCENT,
) -> alt.TopLevelMixin:
    """Horizontal bars, largest first."""
    return styled(
        alt.Chart(data)
        .mark_bar(color=colour, cornerRadiusEnd=3)
        .encode(
            y=alt.Y(f"{category}:N", sort="-x", title=None),
            x=alt.X(f"{value}:Q", title=value_title),
            tooltip=tooltip,
        )
        .properties(height=alt.Step(32))
    )


def mean_bars(
    data: pd.DataFrame,
    group: str,
    value: str,
    *,
    order: list[str],
    value_title: str,
    tooltip: list[alt.Tooltip],
) -> alt.TopLevelMixin:
    """Vertical bars of a mean score per group, groups in ``order``."""
    return styled(
        alt.Chart(data)
        .mark_bar(color=ACCENT, cornerRadiusEnd=3)
        .encode(
            x=alt.X(f"{group}:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{value}:Q", title=value_title),
            tooltip=tooltip,
        )
        .properties(height=300)
    )


@drawn_once
def compared_shares(
    data: pd.DataFrame,
    category: str,
    group: str,
    share: str,
    *,
    order: list[str],
    share_title: str,
    colours: dict[str, str],
) -> alt.TopLevelMixin:
    """Horizontal bars of a share (0..1) per category (in ``order``), one bar per group side
    by side (say, these customers against the rest), each labelled with its percentage; the
    groups in the order and colours of ``colours`` (group label -> colour)."""
    bars = (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
            yOffset=alt.YOffset(f"{group}:N", sort=list(colours)),
            x=alt.X(f"{share}:Q", title=share_title, axis=alt.Axis(format="%")),
            color=alt.Color(
                f"{group}:N",
                title=None,
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[f"{category}:N", f"{group}:N", alt.Tooltip(f"{share}:Q", format=".0%")],
        )
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=13).encode(
        text=alt.Text(f"{share}:Q", format=".0%")
    )
    return styled((bars + labels).properties(height=alt.Step(24)))


def customer_timeline(
    rows: pd.DataFrame, words: report_charts.CustomerTimelineWords
) -> alt.TopLevelMixin:
    """One customer's cases on one time axis that zooms and pans along time, drawn as in the
    report (audit.report.charts.customer_timeline).

    rows: audit.report.charts.customer_timeline_rows of the customer's journey.
    """
    chart = report_charts.customer_timeline(rows, words).interactive(bind_y=False)
    return styled(chart.properties(height=alt.Step(64)))


@dataclass(frozen=True)
class TimelineWords:
    """The translated words the customer's-eye timeline shows in its tooltips."""

    stage: str
    activity: str
    unit: str
    hours: str
    kind: dict[str, str]
    """kind ("wait", "work", "silence", "touchpoint") -> its word."""
    silence_lane: str
    """Name of the top row, where the customer's silences are drawn."""


TIMELINE_KINDS: tuple[str, ...] = ("wait", "work", "silence", "touchpoint")
TIMELINE_COLUMNS: tuple[str, ...] = ("kind", "stage", "activity", "unit", "start", "end", "hours")


def timeline_rows(steps: pd.DataFrame, unmapped: str) -> pd.DataFrame:
    """What the timeline of one case draws, one row per wait, work, silence and touchpoint.

    steps: the case's rows from audit.engine.case_steps, in order. A wait ends when the
    work on its event starts and lasts the engine's wait_hours; work runs from the start
    to the completion of the event (a point when the start is unknown); a silence runs
    from one touchpoint's completion to the start of the next touchpoint and is kept when
    it lasts SILENCE_SHOWN_HOURS or is the case's longest; a touchpoint is
    a point at its completion. Events outside every stage are shown under ``unmapped``.
    """
    stage = steps["stage"].fillna(unmapped)
    unit = steps["unit"].fillna("–")
    work_start = steps["start_timestamp"].fillna(steps["timestamp"])
    base = {"stage": stage, "activity": steps["activity"], "unit": unit}
    waits = pd.DataFrame(
        {
            "kind": "wait",
            **base,
            "start": work_start - pd.to_timedelta(steps["wait_hours"].fillna(0), unit="h"),
            "end": work_start,
            "hours": steps["wait_hours"],
        }
    )[steps["wait_hours"].fillna(0) > 0]
    work = pd.DataFrame(
        {
            "kind": "work",
            **base,
            "start": work_start,
            "end": steps["timestamp"],
            "hours": steps["work_hours"],
        }
    )
    contacts = steps[steps["is_touchpoint"].astype(bool)]
    touchpoints = pd.DataFrame(
        {
            "kind": "touchpoint",
            "stage": stage[contacts.index],
            "activity": contacts["activity"],
            "unit": unit[contacts.index],
            "start": contacts["timestamp"],
            "end": contacts["timestamp"],
            "hours": float("nan"),
        }
    )
    silence_end = work_start[contacts.index].iloc[1:].to_numpy()
    silence_start = contacts["timestamp"].iloc[:-1].to_numpy()
    silences = pd.DataFrame(
        {
            "kind": "silence",
            "stage": None,
            "activity": contacts["activity"].iloc[1:].to_numpy(),
            "unit": None,
            "start": silence_start,
            "end": silence_end,
            "hours": (silence_end - silence_start) / pd.Timedelta(hours=1),
        }
    )
    longest = silences["hours"].max() if len(silences) else 0.0
    silences = silences[
        (silences["hours"] > 0)
        & ((silences["hours"] >= SILENCE_SHOWN_HOURS) | (silences["hours"] == longest))
    ]
    frames = [frame for frame in (silences, waits, work, touchpoints) if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=list(TIMELINE_COLUMNS))
    return pd.concat(frames, ignore_index=True)[list(TIMELINE_COLUMNS)]


def case_timeline(
    rows: pd.DataFrame, stage_order: list[str], words: TimelineWords
) -> alt.TopLevelMixin:
    """One case's way through the journey, zoomable along time: a row per stage with waits
    as grey bars and work as bars coloured by unit, the customer's touchpoints as diamonds
    above their step, and on top a row of the customer's long silences.

    rows: timeline_rows of the case. Work too short to see is widened to a sliver.
    """
    silence_lane = words.silence_lane
    rows = rows.assign(
        label=rows["kind"].map(words.kind),
        stage=rows["stage"].mask(rows["kind"] == "silence", silence_lane),
    )
    span = (rows["end"].max() - rows["start"].min()) or pd.Timedelta(hours=1)
    sliver = rows["start"] + span / 300
    rows["end"] = rows["end"].mask((rows["kind"] == "work") & (rows["end"] < sliver), sliver)
    present = set(rows["stage"].dropna()) - {silence_lane}
    order = [s for s in stage_order if s in present] + sorted(present - set(stage_order))
    if (rows["kind"] == "silence").any():
        order = [silence_lane, *order]
    y = alt.Y("stage:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    x = alt.X("start:T", title=None, axis=alt.Axis(format="%d %b", labelFontSize=LABEL_SIZE))
    tooltip = [
        alt.Tooltip("label:N", title=" "),
        alt.Tooltip("activity:N", title=words.activity),
        alt.Tooltip("unit:N", title=words.unit),
        alt.Tooltip("start:T", format="%Y-%m-%d %H:%M"),
        alt.Tooltip("end:T", format="%Y-%m-%d %H:%M"),
        alt.Tooltip("hours:Q", title=words.hours, format=",.1f"),
    ]
    base = alt.Chart(rows)
    zoom = alt.selection_interval(bind="scales", encodings=["x"])
    silences = (
        base.transform_filter(alt.datum.kind == "silence")
        .mark_bar(color=SILENCE_SHADE, height=18, cornerRadius=3)
        .encode(x=x, x2="end:T", y=y, tooltip=tooltip)
        .add_params(zoom)
    )
    waits = (
        base.transform_filter(alt.datum.kind == "wait")
        .mark_bar(color=WAIT_GREY, height=12)
        .encode(x=x, x2="end:T", y=y, tooltip=tooltip)
    )
    work_bars = (
        base.transform_filter(alt.datum.kind == "work")
        .mark_bar(height=26, cornerRadius=2)
        .encode(
            x=x,
            x2="end:T",
            y=y,
            color=alt.Color(
                "unit:N",
                title=words.unit,
                scale=alt.Scale(scheme="tableau10"),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=tooltip,
        )
    )
    touchpoints = (
        base.transform_filter(alt.datum.kind == "touchpoint")
        .mark_point(shape="diamond", filled=True, size=260, color="#14202b", opacity=1, yOffset=-22)
        .encode(x=x, y=y, tooltip=tooltip)
    )
    layers = alt.layer(silences, waits, work_bars, touchpoints)
    return styled(layers.properties(height=max(160, 70 * len(order))))
