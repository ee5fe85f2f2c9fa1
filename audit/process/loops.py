"""The loops of the process map: the walls of the labyrinth, for the labyrinth view.

A loop is a cycle of directly-follows paths (A → B → A, or A → A for a self-loop). Its
`count` is the frequency of its rarest path: at most that many times can a case have gone
round it, so loops are ranked by it. Cycle length is bounded because on a dense map the
number of cycles grows explosively; pass a filtered map (`filter_map`) for a large log.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from audit.process.journey_map import END, START

MAX_LENGTH = 4
"""Longest loop (number of activities) looked for."""

LOOP_COLUMNS = ["loop", "activities", "length", "count", "stages", "has_back_jump", "handoffs"]


def loops(graph: nx.DiGraph, max_length: int = MAX_LENGTH) -> pd.DataFrame:
    """Every cycle of at most `max_length` activities in the process map, most travelled
    first: loop ("A → B → A"), activities (list), length, count (frequency of the rarest
    path in it), stages (the distinct stages it touches, in journey order), has_back_jump
    (one of its paths jumps back to an earlier stage), handoffs (handoffs on its paths)."""
    activities = graph.subgraph(node for node in graph.nodes if node not in (START, END))
    rows = []
    for cycle in nx.simple_cycles(activities, length_bound=max_length):
        start = cycle.index(min(cycle))
        cycle = cycle[start:] + cycle[:start]
        paths = list(zip(cycle, cycle[1:] + cycle[:1], strict=True))
        data = [graph.edges[path] for path in paths]
        stages = sorted(
            {(graph.nodes[n]["stage_order"], graph.nodes[n]["stage"]) for n in cycle},
            key=lambda item: item[0],
        )
        rows.append(
            {
                "loop": " → ".join([*cycle, cycle[0]]),
                "activities": cycle,
                "length": len(cycle),
                "count": min(edge["count"] for edge in data),
                "stages": [stage for _, stage in stages if stage is not None],
                "has_back_jump": any(edge["is_back_jump"] for edge in data),
                "handoffs": sum(edge["handoffs"] for edge in data),
            }
        )
    frame = pd.DataFrame(rows, columns=LOOP_COLUMNS)
    return frame.sort_values(
        ["count", "length", "loop"], ascending=[False, True, True], ignore_index=True
    )
