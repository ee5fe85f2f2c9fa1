"""The handoff network: which org units pass cases to which, how often and after what wait.

Built from the engine's `handoff_pairs` (from_unit, to_unit, count, cases,
wait_hours_median) and `pingpong_pairs` (unit, via_unit, count, cases: unit → via_unit →
unit). A ping-pong X → Y → X travels both X → Y and Y → X, so both paths of the pair are
marked. The picture puts the units on a circle, busiest first from the top clockwise, so
the same data always gives the same drawing.
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd

from audit.process import labels as words_table
from audit.process import svg
from audit.process.journey_map import require_columns

MAX_UNITS = 14
"""Units beyond this many (by handoffs in and out) are left out of the picture."""
LABELLED_PATHS = 12
"""Only this many of the busiest paths carry a label, so the picture stays readable."""
WIDTH, HEIGHT = 1200.0, 840.0
RADIUS = 310.0
COLOURS = {"path": "#718096", "pingpong": "#c05621"}
UNIT_FILL, UNIT_STROKE = "#e6f0fb", "#2b6cb0"


def handoff_graph(
    handoff_pairs: pd.DataFrame, pingpong_pairs: pd.DataFrame, max_units: int = MAX_UNITS
) -> nx.DiGraph:
    """The unit-to-unit network of the busiest `max_units` units.

    Node attributes: handoffs_in, handoffs_out, handoffs (both). Edge attributes: count,
    cases, wait_hours_median, pingpongs (ping-pongs travelling this path), is_pingpong.
    Graph attributes: hidden_units (how many units were left out) and
    hidden_handoffs_share (the share of handoffs on paths touching them).
    """
    require_columns(
        handoff_pairs,
        ("from_unit", "to_unit", "count", "cases", "wait_hours_median"),
        "handoff_pairs",
    )
    require_columns(pingpong_pairs, ("unit", "via_unit", "count"), "pingpong_pairs")
    full = nx.DiGraph()
    for row in handoff_pairs.itertuples(index=False):
        full.add_edge(
            str(row.from_unit),
            str(row.to_unit),
            count=int(row.count),
            cases=int(row.cases),
            wait_hours_median=float(row.wait_hours_median),
            pingpongs=0,
        )
    for row in pingpong_pairs.itertuples(index=False):
        for edge in ((str(row.unit), str(row.via_unit)), (str(row.via_unit), str(row.unit))):
            if full.has_edge(*edge):
                full.edges[edge]["pingpongs"] += int(row.count)
    for unit in full.nodes:
        incoming = sum(count for _, _, count in full.in_edges(unit, data="count"))
        outgoing = sum(count for _, _, count in full.out_edges(unit, data="count"))
        full.nodes[unit].update(
            handoffs_in=incoming, handoffs_out=outgoing, handoffs=incoming + outgoing
        )
    ranked = sorted(full.nodes, key=lambda unit: (-full.nodes[unit]["handoffs"], unit))
    graph = nx.DiGraph(full.subgraph(ranked[:max_units]))
    for _, _, data in graph.edges(data=True):
        data["is_pingpong"] = data["pingpongs"] > 0
    total = sum(count for _, _, count in full.edges(data="count"))
    shown = sum(count for _, _, count in graph.edges(data="count"))
    graph.graph.update(
        units=ranked[:max_units],
        hidden_units=max(0, len(ranked) - max_units),
        hidden_handoffs_share=1 - shown / total if total else 0.0,
    )
    return graph


def circle_positions(units: list[str], centre: svg.Point, radius: float):
    """Units evenly on a circle, the first at the top. The busiest units are spread
    around the ring (every `stride`-th place) rather than side by side, so their many
    paths and labels do not pile up in one corner."""
    count = max(len(units), 1)
    stride = next(
        step for step in range(max(1, round(count * 0.38)), count + 1) if math.gcd(step, count) == 1
    )
    positions = {}
    for index, unit in enumerate(units):
        angle = -math.pi / 2 + 2 * math.pi * (index * stride % count) / count
        positions[unit] = (
            centre[0] + radius * math.cos(angle),
            centre[1] + radius * math.sin(angle),
        )
    return positions


def _unit_radius(graph: nx.DiGraph, unit: str, busiest: int) -> float:
    """Circle size of a unit: grows with the square root of its handoffs."""
    return 12 + 26 * math.sqrt(graph.nodes[unit]["handoffs"] / busiest) if busiest else 12


def _unit(graph, unit, position, radius, centre, language) -> str:
    """One unit: its circle and its name outside the ring, away from the centre."""
    x, y = position
    dx, dy = x - centre[0], y - centre[1]
    length = math.hypot(dx, dy) or 1.0
    label_x = x + dx / length * (radius + 10)
    label_y = y + dy / length * (radius + 12)
    anchor = "start" if dx > 20 else "end" if dx < -20 else "middle"
    lines = svg.wrap(unit, 220, 15)
    data = graph.nodes[unit]
    tooltip = (
        f"{unit}: {words_table.number(data['handoffs_in'], language)} in, "
        f"{words_table.number(data['handoffs_out'], language)} out"
    )
    shift = -(len(lines) - 1) * 9 if abs(dy) < length / 2 else (0 if dy > 0 else -18)
    return (
        f"<g><title>{svg.esc(tooltip)}</title>"
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{UNIT_FILL}" '
        f'stroke="{UNIT_STROKE}" stroke-width="2.5"/>'
        + "".join(
            svg.text(
                label_x,
                label_y + shift + index * 18,
                line,
                size=15,
                anchor=anchor,
                weight="bold",
                halo=True,
            )
            for index, line in enumerate(lines)
        )
        + "</g>"
    )


def handoff_svg(
    graph: nx.DiGraph, language: str = "en", labels: dict[str, str] | None = None
) -> str:
    """The handoff network (from `handoff_graph`) as one self-contained SVG string.

    Path width grows with the number of handoffs; ping-pong paths are orange; the busiest
    LABELLED_PATHS paths are labelled "count · median wait" where the label has room (every
    path names its numbers in its tooltip).
    """
    words = words_table.words(language, labels)
    centre = (WIDTH / 2, HEIGHT / 2 - 20)
    if graph.number_of_edges() == 0:
        body = [svg.text(WIDTH / 2, 80, words["no_handoffs"], size=20)]
        return svg.document(WIDTH, 160, body, words["handoff_title"])
    units = graph.graph.get("units", list(graph.nodes))
    positions = circle_positions(units, centre, RADIUS)
    busiest = max(data for _, data in graph.nodes(data="handoffs"))
    radii = {unit: _unit_radius(graph, unit, busiest) for unit in units}
    max_count = max(count for _, _, count in graph.edges(data="count"))
    placer = svg.LabelPlacer(
        [
            (x - radii[u], y - radii[u], x + radii[u], y + radii[u])
            for u, (x, y) in positions.items()
        ]
    )
    lines, texts = [], []
    ranked = sorted(graph.edges(data=True), key=lambda e: (-e[2]["count"], e[0], e[1]))
    for rank, (source, target, data) in enumerate(ranked):
        p0, p1 = positions[source], positions[target]
        control = svg.control_point(p0, p1, 0.1, least=24)
        start = svg.clip_circle(p0, radii[source], control)
        end = svg.clip_circle(p1, radii[target], control)
        colour = "pingpong" if data["is_pingpong"] else "path"
        tooltip = (
            f"{source} → {target}: {words_table.number(data['count'], language)}, "
            f"{words_table.duration(data['wait_hours_median'], language)}"
        )
        lines.insert(
            0,
            f'<path d="{svg.quad_path(start, control, end)}" fill="none" '
            f'stroke="{COLOURS[colour]}" stroke-opacity="0.8" '
            f'stroke-width="{svg.stroke_width(data["count"], max_count):.1f}" '
            f'marker-end="url(#arrow-{colour})"><title>{svg.esc(tooltip)}</title></path>',
        )
        if rank < LABELLED_PATHS:
            content = (
                f"{words_table.number(data['count'], language)} · "
                f"{words_table.duration(data['wait_hours_median'], language)}"
            )
            candidates = [svg.quad_point(start, control, end, t) for t in (0.5, 0.35, 0.65)]
            spot = placer.place(candidates, content, 13, required=False)
            if spot is not None:
                texts.append(
                    svg.text(
                        *spot,
                        content,
                        size=13,
                        weight="bold",
                        halo=True,
                        fill="#9c4221" if data["is_pingpong"] else "#2d3748",
                    )
                )
    nodes = [_unit(graph, unit, positions[unit], radii[unit], centre, language) for unit in units]
    legend, legend_height = svg.legend(
        [
            ("line", {"colour": COLOURS["path"], "width": 4}, words["handoff"]),
            ("line", {"colour": COLOURS["pingpong"], "width": 4}, words["pingpong"]),
            ("circle", {"fill": UNIT_FILL, "stroke": UNIT_STROKE}, words["node_size"]),
        ],
        40,
        HEIGHT - 40,
        WIDTH - 80,
    )
    body = [svg.arrow_markers(COLOURS), *lines, *nodes, *texts, *legend]
    return svg.document(WIDTH, HEIGHT - 40 + legend_height + 10, body, words["handoff_title"])
