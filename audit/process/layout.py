"""Where each activity of the process map goes, computed without any system binary.

The picture reads like a service blueprint: the journey's stages are columns from left to
right in journey order (activities outside every stage in a last column), and inside a
stage's column the activities stand left to right in their typical order. Touchpoints sit
above a horizontal line of visibility, backstage activities below it. START is left of the
first column and END right of the last, both on the line.

Typical order is the longest-path layer of an activity in the map with its backward paths
removed (a depth-first search from START that follows the most frequent paths first marks
the paths that close a loop as backward), the usual first step of a layered drawing.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from audit.process.journey_map import END, START

MARGIN_LEFT = 130.0
"""Room left of the first stage: START and the lane names."""
MARGIN_RIGHT = 90.0
"""Room right of the last stage: END."""
HEADER = 64.0
"""Height of the stage names above the columns."""
COLUMN = 208.0
"""Width of one slot in a stage's column."""
BOX = (158.0, 72.0)
"""Width and height of an activity box."""
ROW = 94.0
"""Vertical distance between stacked activity boxes."""
LINE_GAP = 34.0
"""Distance between the line of visibility and the nearest box edge."""
BOTTOM = 24.0
"""Room below the lowest box."""
MAX_SLOTS = 7
"""At most this many slots across all stages (more are merged), so the map fits a screen."""


@dataclass(frozen=True)
class Band:
    """One stage's column: its name (None for the unmapped column) and horizontal extent."""

    stage: str | None
    order: int
    x0: float
    x1: float


@dataclass
class MapLayout:
    """Node centres and the geometry of the stage columns and the line of visibility."""

    positions: dict[str, tuple[float, float]]
    bands: list[Band]
    line_y: float
    width: float
    height: float
    box: tuple[float, float] = BOX


def _backward_edges(graph: nx.DiGraph) -> set[tuple[str, str]]:
    """Paths that close a loop, found by a depth-first search from START (then from any
    node not reached) that follows the most frequent paths first."""
    backward: set[tuple[str, str]] = set()
    state: dict[str, str] = {}

    def heaviest_first(node: str) -> list[str]:
        return sorted(graph.successors(node), key=lambda s: (-graph.edges[node, s]["count"], s))

    roots = [START] + sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("events", 0), n))
    for root in roots:
        if root in state:
            continue
        state[root] = "open"
        stack = [(root, iter(heaviest_first(root)))]
        while stack:
            node, successors = stack[-1]
            successor = next(successors, None)
            if successor is None:
                state[node] = "done"
                stack.pop()
            elif state.get(successor) == "open":
                backward.add((node, successor))
            elif successor not in state:
                state[successor] = "open"
                stack.append((successor, iter(heaviest_first(successor))))
    return backward


def typical_order(graph: nx.DiGraph) -> dict[str, int]:
    """Layer of each node: the longest chain of forward paths leading to it from START."""
    forward = nx.DiGraph()
    forward.add_nodes_from(graph.nodes)
    backward = _backward_edges(graph)
    forward.add_edges_from((s, t) for s, t in graph.edges if (s, t) not in backward and s != t)
    layer = dict.fromkeys(forward.nodes, 0)
    for node in nx.topological_sort(forward):
        for successor in forward.successors(node):
            layer[successor] = max(layer[successor], layer[node] + 1)
    return layer


def _slots_per_stage(groups: dict[int, list[str]], layer: dict[str, int]) -> dict[str, int]:
    """Slot (left-to-right position inside its stage's column) of each activity; stages
    with many layers share MAX_SLOTS in proportion, merging neighbouring layers."""
    distinct = {order: sorted({layer[n] for n in nodes}) for order, nodes in groups.items()}
    total = sum(len(layers) for layers in distinct.values())
    slot: dict[str, int] = {}
    for order, nodes in groups.items():
        layers = distinct[order]
        allowed = len(layers)
        if total > MAX_SLOTS:
            allowed = max(1, round(len(layers) * MAX_SLOTS / total))
        for node in nodes:
            slot[node] = layers.index(layer[node]) * allowed // len(layers)
    return slot


def _stack_height(rows: int) -> float:
    """Height of one side of the line holding `rows` stacked boxes (some room when empty)."""
    if rows == 0:
        return LINE_GAP + BOTTOM
    return LINE_GAP + BOX[1] + (rows - 1) * ROW + BOTTOM / 2


def layout_map(graph: nx.DiGraph) -> MapLayout:
    """Positions for a process map built by `audit.process.journey_map.build_map` (whole
    or filtered). Every stage of the journey gets a column, even one with no activity
    shown, so the journey always reads in full."""
    layer = typical_order(graph)
    activities = [n for n, kind in graph.nodes(data="kind") if kind == "activity"]
    stage_names = list(graph.graph["stages"])
    unmapped_order = graph.graph["unmapped_order"]
    groups: dict[int, list[str]] = {order: [] for order in range(1, len(stage_names) + 1)}
    for node in activities:
        groups.setdefault(graph.nodes[node]["stage_order"], []).append(node)
    if not groups.get(unmapped_order):
        groups.pop(unmapped_order, None)
    slot = _slots_per_stage(groups, layer)

    bands: list[Band] = []
    x = MARGIN_LEFT
    for order in sorted(groups):
        slots = 1 + max((slot[n] for n in groups[order]), default=0)
        stage = stage_names[order - 1] if order <= len(stage_names) else None
        bands.append(Band(stage=stage, order=order, x0=x, x1=x + slots * COLUMN))
        x += slots * COLUMN

    stacks: dict[tuple[int, int, bool], list[str]] = {}
    for node in sorted(activities, key=lambda n: (-graph.nodes[n]["events"], n)):
        data = graph.nodes[node]
        stacks.setdefault((data["stage_order"], slot[node], data["is_touchpoint"]), []).append(node)
    rows_up = max((len(v) for k, v in stacks.items() if k[2]), default=0)
    rows_down = max((len(v) for k, v in stacks.items() if not k[2]), default=0)
    line_y = HEADER + _stack_height(rows_up)
    band_x0 = {band.order: band.x0 for band in bands}
    first_box = LINE_GAP + BOX[1] / 2
    positions: dict[str, tuple[float, float]] = {}
    for (order, position, above), nodes in stacks.items():
        centre_x = band_x0[order] + (position + 0.5) * COLUMN
        for depth, node in enumerate(nodes):
            offset = first_box + depth * ROW
            positions[node] = (centre_x, line_y - offset if above else line_y + offset)
    positions[START] = (MARGIN_LEFT / 2, line_y)
    positions[END] = (x + MARGIN_RIGHT / 2, line_y)
    height = line_y + _stack_height(rows_down) + BOTTOM
    return MapLayout(
        positions=positions,
        bands=bands,
        line_y=line_y,
        width=x + MARGIN_RIGHT,
        height=height,
    )
