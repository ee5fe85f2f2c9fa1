"""The process map over the journey: the engine's directly-follows table as a networkx graph.

Nodes are activities carrying their journey stage, stage order, touchpoint flag and number
of events; two extra nodes, START and END, stand for the beginning and the end of cases.
Edges are the directly-follows paths with their number of transitions, median wait, share
of handoffs (transitions between org units) and whether they jump back to an earlier stage.

`filter_map` thins the map the way Disco's and PM4Py's sliders do: keep the most frequent
activities that cover a chosen share of the events, then the most frequent paths that cover
a chosen share of the transitions, adding back the strongest paths that keep every shown
activity reachable from START and able to reach END. What it hides is counted, so the app
and the report can say how much of the behaviour the picture leaves out.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from audit.errors import AuditInputError
from audit.process import labels

if TYPE_CHECKING:
    from audit.engine.result import Measures

START = "▶ start"
"""The node every case begins at (the engine's name for it in `Measures.dfg`)."""
END = "■ end"
"""The node every case finishes at."""
UNMAPPED_STAGE = "(unmapped)"
"""The stage name the engine gives events outside every journey stage."""
HANDOFF_EDGE_SHARE = 0.5
"""A path is a handoff path when at least this share of its transitions change org unit."""

_DFG_COLUMNS = ("source", "target", "count", "cases", "wait_hours_median", "handoffs")
_ACTIVITY_COLUMNS = ("activity", "stage", "is_touchpoint", "events", "cases")


@dataclass(frozen=True)
class FilterSummary:
    """What a filtered process map leaves out, for the sentence under the picture.

    Paths count every arrow of the map, the ones from START and to END included, so the
    shares add up with what the engine counted.
    """

    total_activities: int
    hidden_activities: tuple[str, ...]
    events_hidden_share: float
    total_paths: int
    hidden_paths: int
    transitions_hidden_share: float

    @property
    def shown_activities(self) -> int:
        """How many activities the filtered map shows."""
        return self.total_activities - len(self.hidden_activities)

    @property
    def shown_paths(self) -> int:
        """How many paths (arrows) the filtered map shows."""
        return self.total_paths - self.hidden_paths

    def describe(self, language: str = "en", words: dict[str, str] | None = None) -> str:
        """One sentence saying how much of the behaviour the picture hides."""
        template = labels.words(language, words)["hidden"]
        return template.format(
            shown_activities=self.shown_activities,
            total_activities=self.total_activities,
            events_hidden=labels.share(self.events_hidden_share, language),
            shown_paths=self.shown_paths,
            total_paths=self.total_paths,
            transitions_hidden=labels.share(self.transitions_hidden_share, language),
        )


@dataclass
class FilteredMap:
    """A thinned process map and the account of what it hides."""

    graph: nx.DiGraph
    summary: FilterSummary
    added_for_connection: list[tuple[str, str]] = field(default_factory=list)


def require_columns(frame: pd.DataFrame, columns: tuple[str, ...], table: str) -> None:
    """Fail with a clear message when an input table lacks a column the process layer
    needs (the tables come from the engine; a caller that builds its own must match)."""
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise AuditInputError(
            f"the {table} table has no column {', '.join(missing)}",
            source="process layer",
            hint="pass the engine's Measures tables unchanged",
        )


def stage_orders(stages: pd.DataFrame) -> dict[str, int]:
    """Journey order of each real stage (the engine's "(unmapped)" row is left out)."""
    order_column = "order" if "order" in stages.columns else "stage_order"
    require_columns(stages, ("stage", order_column), "stages")
    real = stages[stages["stage"] != UNMAPPED_STAGE]
    return {str(row.stage): int(getattr(row, order_column)) for row in real.itertuples()}


def _present(value: object) -> bool:
    """True unless a cell is missing (None, NaN or pandas' NA)."""
    return not pd.isna(value)


def build_map(dfg: pd.DataFrame, activities: pd.DataFrame, stages: pd.DataFrame) -> nx.DiGraph:
    """The whole process map from the engine's `dfg`, `activities` and `stages` tables.

    Graph attributes: `stages` (stage names in journey order) and `unmapped_order` (the
    column number after the last stage, where unmapped activities go). Node attributes:
    kind ("activity", "start" or "end"), stage (None when unmapped), stage_order, is_touchpoint,
    events, cases. Edge attributes: count, cases, wait_hours_median, handoffs,
    handoff_share, is_handoff (at least HANDOFF_EDGE_SHARE of it changes unit), is_back_jump.
    """
    require_columns(dfg, _DFG_COLUMNS, "dfg")
    require_columns(activities, _ACTIVITY_COLUMNS, "activities")
    orders = stage_orders(stages)
    unmapped_order = max(orders.values(), default=0) + 1
    graph = nx.DiGraph(
        stages=sorted(orders, key=orders.get),
        unmapped_order=unmapped_order,
    )
    ends = {"stage": None, "is_touchpoint": False, "events": 0, "cases": 0}
    graph.add_node(START, kind="start", stage_order=0, **ends)
    graph.add_node(END, kind="end", stage_order=unmapped_order + 1, **ends)
    for row in activities.itertuples(index=False):
        stage = str(row.stage) if _present(row.stage) and row.stage in orders else None
        graph.add_node(
            str(row.activity),
            kind="activity",
            stage=stage,
            stage_order=orders[stage] if stage else unmapped_order,
            is_touchpoint=bool(row.is_touchpoint) if _present(row.is_touchpoint) else False,
            events=int(row.events),
            cases=int(row.cases),
        )
    for row in dfg.itertuples(index=False):
        source, target = str(row.source), str(row.target)
        for node in (source, target):
            if node not in graph:
                raise AuditInputError(
                    f"the dfg names activity {node!r}, which the activities table lacks",
                    source="process map",
                    hint="pass the dfg and activities tables of the same audit",
                )
        count = int(row.count)
        handoffs = int(row.handoffs) if _present(row.handoffs) else 0
        back_jump = getattr(row, "is_back_jump", False)
        graph.add_edge(
            source,
            target,
            count=count,
            cases=int(row.cases),
            wait_hours_median=float(row.wait_hours_median)
            if _present(row.wait_hours_median)
            else math.nan,
            handoffs=handoffs,
            handoff_share=handoffs / count if count else 0.0,
            is_handoff=count > 0 and handoffs / count >= HANDOFF_EDGE_SHARE,
            is_back_jump=bool(back_jump) if _present(back_jump) else False,
        )
    return graph


def map_from_measures(measures: Measures) -> nx.DiGraph:
    """The whole process map of one audit (an `audit.engine.result.Measures`)."""
    return build_map(measures.dfg, measures.activities, measures.stages)


def _activity_nodes(graph: nx.DiGraph) -> list[str]:
    """The activity nodes, most frequent first (ties by name, so the order is stable)."""
    nodes = [node for node, kind in graph.nodes(data="kind") if kind == "activity"]
    return sorted(nodes, key=lambda node: (-graph.nodes[node]["events"], node))


def _covering(items: list, weights: list[int], share: float) -> int:
    """How many of the first items (heaviest first) it takes to cover `share` of the weight."""
    total = sum(weights)
    if share >= 1 or total == 0:
        return len(items)
    covered = 0
    for taken, weight in enumerate(weights, start=1):
        covered += weight
        if covered >= share * total:
            return taken
    return len(items)


def _widest_paths(graph: nx.DiGraph, root: str) -> dict[str, str]:
    """Predecessor of every node on its widest path from `root` (the path whose rarest
    transition is as frequent as possible), so connections added back are strong ones."""
    best = {root: math.inf}
    parent: dict[str, str] = {}
    heap: list[tuple[float, str]] = [(-math.inf, root)]
    done: set[str] = set()
    while heap:
        width, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        for successor in sorted(graph.successors(node)):
            through = min(-width, graph.edges[node, successor]["count"])
            if through > best.get(successor, -1):
                best[successor] = through
                parent[successor] = node
                heapq.heappush(heap, (-through, successor))
    return parent


def _connect(kept: nx.DiGraph, candidates: nx.DiGraph, root: str, reverse: bool) -> list:
    """Add to `kept` the widest path linking each unreachable activity with `root`: from
    START when `reverse` is False, to END when it is True. Returns the edges added."""
    search = candidates.reverse(copy=False) if reverse else candidates
    parent = _widest_paths(search, root)
    added = []
    for node in _activity_nodes(kept):
        view = kept.reverse(copy=False) if reverse else kept
        if node not in parent or nx.has_path(view, root, node):
            continue
        step = node
        while step != root:
            edge = (step, parent[step]) if reverse else (parent[step], step)
            if not kept.has_edge(*edge):
                kept.add_edge(*edge, **candidates.edges[edge])
                added.append(edge)
            step = parent[step]
    return added


def filter_map(
    graph: nx.DiGraph, activity_share: float = 1.0, path_share: float = 1.0
) -> FilteredMap:
    """Thin the map to the most frequent activities and paths; returns a `FilteredMap`.

    activity_share: keep the most frequent activities until they cover this share of the
        events (at least one activity is always kept).
    path_share: among the paths between kept activities (START and END included), keep the
        most frequent until they cover this share of their transitions; then add back the
        widest paths needed so that every kept activity is reachable from START and reaches
        END, where the paths between kept activities allow it.
    """
    for name, value in (("activity_share", activity_share), ("path_share", path_share)):
        if not 0 < value <= 1:
            raise AuditInputError(
                f"{name} must be above 0 and at most 1, not {value}",
                source="process map filter",
                hint="give the share as a fraction, for example 0.8 for 80 %",
            )
    ranked = _activity_nodes(graph)
    events = [graph.nodes[node]["events"] for node in ranked]
    keep_count = max(1, _covering(ranked, events, activity_share))
    kept_nodes = {START, END, *ranked[:keep_count]}
    candidates = graph.subgraph(kept_nodes)
    paths = sorted(candidates.edges(data="count"), key=lambda edge: (-edge[2], edge[0], edge[1]))
    keep_paths = _covering(paths, [count for _, _, count in paths], path_share)
    kept = nx.DiGraph(**graph.graph)
    kept.add_nodes_from(candidates.nodes(data=True))
    kept.add_edges_from((s, t, graph.edges[s, t]) for s, t, _ in paths[:keep_paths])
    added = _connect(kept, candidates, START, reverse=False)
    added += _connect(kept, candidates, END, reverse=True)

    all_transitions = sum(count for _, _, count in graph.edges(data="count"))
    shown_transitions = sum(count for _, _, count in kept.edges(data="count"))
    all_events = sum(events)
    summary = FilterSummary(
        total_activities=len(ranked),
        hidden_activities=tuple(ranked[keep_count:]),
        events_hidden_share=sum(events[keep_count:]) / all_events if all_events else 0.0,
        total_paths=graph.number_of_edges(),
        hidden_paths=graph.number_of_edges() - kept.number_of_edges(),
        transitions_hidden_share=1 - shown_transitions / all_transitions
        if all_transitions
        else 0.0,
    )
    return FilteredMap(graph=kept, summary=summary, added_for_connection=added)
