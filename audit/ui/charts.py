"""The app's charts, drawn with altair from tables the library computed.

Each builder takes a small aggregate table and titles already translated, and returns a
chart with fonts large enough for a projector. Stages always keep their journey order.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

FRICTION_SCHEME = "orangered"
ACCENT = "#1f4e79"
BACK_JUMP_RED = "#c0392b"
LABEL_SIZE = 15
TITLE_SIZE = 15


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


def friction_strip(
    friction: pd.DataFrame, weakest: str | None, stage_title: str, score_title: str
) -> alt.TopLevelMixin:
    """The journey's stages left to right as tiles, darker for more friction, the score
    written in each tile and the weakest stage outlined.

    friction: stage, order, friction (0-100).
    """
    data = friction.sort_values("order").assign(weakest=lambda df: df["stage"] == weakest)
    order = data["stage"].tolist()
    top = max(float(data["friction"].max()), 1.0)
    base = alt.Chart(data).encode(
        x=alt.X(
            "stage:N",
            sort=order,
            title=None,
            axis=alt.Axis(orient="top", labelAngle=0, labelFontSize=17, labelLimit=220),
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
    return styled((tiles + scores).properties(height=130))


def grouped_bars(
    data: pd.DataFrame,
    category: str,
    group: str,
    value: str,
    *,
    order: list[str],
    value_title: str,
    group_title: str,
) -> alt.TopLevelMixin:
    """Bars per category (in ``order``) with one bar per group side by side."""
    return styled(
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset(f"{group}:N"),
            y=alt.Y(f"{value}:Q", title=value_title),
            color=alt.Color(
                f"{group}:N",
                title=group_title,
                scale=alt.Scale(range=[ACCENT, "#9bbbd9"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[f"{category}:N", f"{group}:N", alt.Tooltip(f"{value}:Q", format=".1f")],
        )
        .properties(height=320)
    )


def stacked_bars(
    data: pd.DataFrame,
    category: str,
    part: str,
    value: str,
    *,
    order: list[str],
    value_title: str,
    part_title: str,
    scheme: str = "tableau10",
) -> alt.TopLevelMixin:
    """Horizontal bars per category (in ``order``), split into stacked parts."""
    return styled(
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=None),
            x=alt.X(f"{value}:Q", title=value_title, stack="zero"),
            color=alt.Color(
                f"{part}:N",
                title=part_title,
                scale=alt.Scale(scheme=scheme),
                legend=alt.Legend(orient="bottom", columns=4),
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
        color=alt.Color(f"{value}:Q", title=value_title, scale=alt.Scale(scheme=scheme)),
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
