"""The process map over the journey as one self-contained SVG string.

Stage columns with their names on top, the line of visibility with touchpoints above and
backstage below, activity boxes (touchpoints in warm orange, backstage in blue), paths as
curves with arrowheads whose width grows with frequency, back-jumps in red, handoff paths
dashed, and path labels showing either the number of transitions or the median wait.
"""

from __future__ import annotations

import networkx as nx

from audit.errors import AuditInputError
from audit.process import labels as words_table
from audit.process import svg
from audit.process.journey_map import END, START
from audit.process.layout import BOX, HEADER, LINE_GAP, MARGIN_LEFT, MapLayout, layout_map

EDGE_LABELS = ("frequency", "wait")
"""What the path labels can show: the number of transitions or the median wait."""

COLOURS = {
    "path": "#4a5568",
    "back": "#d62728",
    "muted": "#a0aec0",
}
TOUCHPOINT = {"fill": "#fff1e0", "stroke": "#dd6b20"}
BACKSTAGE = {"fill": "#e6f0fb", "stroke": "#2b6cb0"}
BAND_FILLS = ("#f7fafc", "#edf2f7")
HANDOFF_DASH = "9 6"
END_RADIUS = 13.0
NAME_SIZE = 14
COUNT_SIZE = 13
LABEL_SIZE = 13


def _bands(layout: MapLayout, height: float, words: dict[str, str]) -> list[str]:
    """Stage columns with their names, alternating shades."""
    elements = []
    for index, band in enumerate(layout.bands):
        width = band.x1 - band.x0
        name = band.stage if band.stage is not None else words["unmapped"]
        elements.append(
            f'<rect x="{band.x0:.1f}" y="0" width="{width:.1f}" height="{height:.1f}" '
            f'fill="{BAND_FILLS[index % 2]}"><title>{svg.esc(name)}</title></rect>'
        )
        lines = svg.wrap(name, width - 16, 18)
        first_y = HEADER / 2 - (len(lines) - 1) * 11
        for number, line in enumerate(lines):
            elements.append(
                svg.text(
                    (band.x0 + band.x1) / 2,
                    first_y + number * 22,
                    line,
                    size=18,
                    weight="bold",
                    fill="#2d3748" if band.stage is not None else "#718096",
                    italic=band.stage is None,
                )
            )
    return elements


def _visibility(layout: MapLayout, words: dict[str, str]) -> list[str]:
    """The line of visibility with its name, and the names of the two sides in the left
    margin: touchpoints at the top, backstage at the bottom."""
    y = layout.line_y
    elements = [
        f'<line x1="8" y1="{y:.1f}" x2="{layout.width - 8:.1f}" y2="{y:.1f}" '
        f'stroke="#2d3748" stroke-width="2" stroke-dasharray="14 8"/>',
        svg.text(
            MARGIN_LEFT + 8,
            y - LINE_GAP / 2,
            words["line_of_visibility"],
            size=14,
            anchor="start",
            fill="#2d3748",
            halo=True,
            italic=True,
        ),
    ]
    sides = (
        (words["frontstage"], TOUCHPOINT["stroke"], HEADER + 12),
        (words["backstage"], BACKSTAGE["stroke"], layout.height - 44),
    )
    for name, colour, top in sides:
        for index, line in enumerate(svg.wrap(name, MARGIN_LEFT - 16, 14)):
            elements.append(
                svg.text(
                    10, top + index * 17, line, size=14, anchor="start", fill=colour, weight="bold"
                )
            )
    return elements


def _anchor(graph: nx.DiGraph, layout: MapLayout, node: str, toward) -> tuple[float, float]:
    """Where a path leaves or enters a node's outline, heading toward a point."""
    centre = layout.positions[node]
    if graph.nodes[node]["kind"] != "activity":
        return svg.clip_circle(centre, END_RADIUS, toward)
    return svg.clip_box(centre, BOX[0] / 2, BOX[1] / 2, toward)


def _edge_label(data: dict, edge_label: str, language: str) -> str:
    """The text on a path: its number of transitions or its median wait."""
    if edge_label == "wait":
        return words_table.duration(data["wait_hours_median"], language)
    return words_table.number(data["count"], language)


LABEL_POSITIONS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78)
"""Where along a path its label may go, in order of preference."""


def _obstacles(graph: nx.DiGraph, layout: MapLayout) -> list[tuple[float, float, float, float]]:
    """The rectangles of the activity boxes and the START and END dots."""
    rectangles = []
    for node, kind in graph.nodes(data="kind"):
        x, y = layout.positions[node]
        half_w, half_h = (BOX[0] / 2, BOX[1] / 2) if kind == "activity" else (END_RADIUS,) * 2
        rectangles.append((x - half_w, y - half_h, x + half_w, y + half_h))
    return rectangles


def _edges(graph: nx.DiGraph, layout: MapLayout, edge_label: str, language: str):
    """Paths as curves (thin ones first, so frequent ones stay on top) and their labels,
    placed off the boxes and off each other where the path leaves room (frequent paths
    choose first)."""
    lines: list[str] = []
    texts: list[str] = []
    placer = svg.LabelPlacer(_obstacles(graph, layout))
    max_count = max((count for _, _, count in graph.edges(data="count")), default=1)
    for source, target, data in sorted(
        graph.edges(data=True), key=lambda e: (-e[2]["count"], e[0], e[1])
    ):
        ends = START in (source, target) or END in (source, target)
        colour = "back" if data["is_back_jump"] else "muted" if ends else "path"
        if source == target:
            x, y = layout.positions[source]
            d, mid = svg.self_loop_path(x + BOX[0] / 2, y - BOX[1] / 2)
            candidates = [mid]
        else:
            p0, p1 = layout.positions[source], layout.positions[target]
            control = svg.control_point(p0, p1, 0.12 if p1[0] > p0[0] else 0.22)
            start = _anchor(graph, layout, source, control)
            end = _anchor(graph, layout, target, control)
            d = svg.quad_path(start, control, end)
            candidates = [svg.quad_point(start, control, end, t) for t in LABEL_POSITIONS]
        dash = f' stroke-dasharray="{HANDOFF_DASH}"' if data["is_handoff"] else ""
        width = svg.stroke_width(data["count"], max_count)
        tooltip = (
            f"{source} → {target}: {words_table.number(data['count'], language)}, "
            f"{words_table.duration(data['wait_hours_median'], language)}"
        )
        lines.insert(
            0,
            f'<path d="{d}" fill="none" stroke="{COLOURS[colour]}" stroke-width="{width:.1f}" '
            f'stroke-opacity="0.85" marker-end="url(#arrow-{colour})"{dash}>'
            f"<title>{svg.esc(tooltip)}</title></path>",
        )
        content = _edge_label(data, edge_label, language)
        if edge_label == "wait" and ends:
            continue
        x, y = placer.place(candidates, content, LABEL_SIZE)
        texts.append(
            svg.text(
                x,
                y,
                content,
                size=LABEL_SIZE,
                fill=COLOURS[colour] if colour != "muted" else "#4a5568",
                weight="bold",
                halo=True,
            )
        )
    return lines, texts


def _nodes(graph: nx.DiGraph, layout: MapLayout, words: dict[str, str], language: str):
    """Activity boxes with name and number of events; START and END as dark dots."""
    elements = []
    for node, data in graph.nodes(data=True):
        x, y = layout.positions[node]
        if data["kind"] != "activity":
            elements.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{END_RADIUS}" fill="#2d3748"/>'
                + svg.text(x, y + END_RADIUS + 14, words[data["kind"]], size=14, halo=True)
            )
            continue
        style = TOUCHPOINT if data["is_touchpoint"] else BACKSTAGE
        stage = data["stage"] if data["stage"] is not None else words["unmapped"]
        tooltip = f"{node} ({stage}): {words_table.number(data['events'], language)}"
        width, height = BOX
        lines = svg.wrap(node, width - 12, NAME_SIZE, max_lines=3)
        first_y = y - 9 - (len(lines) - 1) * 8
        elements.append(
            f"<g><title>{svg.esc(tooltip)}</title>"
            f'<rect x="{x - width / 2:.1f}" y="{y - height / 2:.1f}" width="{width}" '
            f'height="{height}" rx="9" fill="{style["fill"]}" stroke="{style["stroke"]}" '
            f'stroke-width="{3 if data["is_touchpoint"] else 2}"/>'
            + "".join(
                svg.text(x, first_y + index * 16, line, size=NAME_SIZE, weight="bold")
                for index, line in enumerate(lines)
            )
            + svg.text(
                x,
                y + height / 2 - 11,
                words_table.number(data["events"], language),
                size=COUNT_SIZE,
                fill="#4a5568",
            )
            + "</g>"
        )
    return elements


def _legend_items(edge_label: str, words: dict[str, str]) -> list[tuple[str, dict, str]]:
    """What the colours, line styles and labels of the map mean."""
    return [
        ("box", TOUCHPOINT, words["touchpoint"]),
        ("box", BACKSTAGE, words["activity"]),
        ("line", {"colour": COLOURS["path"], "width": 4}, words["path"]),
        ("line", {"colour": COLOURS["back"], "width": 4}, words["back_jump"]),
        ("line", {"colour": COLOURS["path"], "width": 3, "dash": HANDOFF_DASH}, words["handoff"]),
        ("note", {}, words["label_wait" if edge_label == "wait" else "label_frequency"]),
    ]


def map_svg(
    graph: nx.DiGraph,
    edge_label: str = "frequency",
    language: str = "en",
    labels: dict[str, str] | None = None,
    layout: MapLayout | None = None,
) -> str:
    """The process map (whole or filtered, from `build_map` / `filter_map`) as SVG text.

    edge_label: "frequency" labels each path with its number of transitions, "wait" with
        its median wait in human units.
    language: "en", "fi" or "sv" for the few words drawn; `labels` replaces any of them.
    layout: positions from `layout_map`, computed here when not given.
    """
    if edge_label not in EDGE_LABELS:
        raise AuditInputError(
            f"unknown path label {edge_label!r}",
            source="process map",
            hint=f"use one of {', '.join(EDGE_LABELS)}",
        )
    words = words_table.words(language, labels)
    layout = layout or layout_map(graph)
    legend, legend_height = svg.legend(
        _legend_items(edge_label, words),
        MARGIN_LEFT,
        layout.height + 6,
        layout.width - MARGIN_LEFT - 20,
    )
    height = layout.height + legend_height + 16
    lines, texts = _edges(graph, layout, edge_label, language)
    body = [
        svg.arrow_markers(COLOURS),
        *_bands(layout, layout.height, words),
        *_visibility(layout, words),
        *lines,
        *_nodes(graph, layout, words, language),
        *texts,
        *legend,
    ]
    return svg.document(layout.width, height, body, words["map_title"])
