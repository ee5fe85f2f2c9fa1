"""Layout of the process map: stages left to right, touchpoints above the line."""

from __future__ import annotations

import pytest

from audit.process.journey_map import END, START, build_map, filter_map
from audit.process.layout import COLUMN, MARGIN_LEFT, layout_map, typical_order

from .permit import A, C, D, R, S, X


@pytest.fixture
def graph(dfg, activities, stages):
    return build_map(dfg, activities, stages)


def test_typical_order_ignores_the_paths_that_close_loops(graph):
    # the search from START follows S, C, then A (9) before R (4); R -> C, R -> S and C -> C
    # close loops, so R is one step after C, like A
    assert typical_order(graph) == {START: 0, S: 1, C: 2, A: 3, R: 3, D: 4, X: 5, END: 6}


def test_stages_are_columns_in_journey_order_with_unmapped_last(graph):
    layout = layout_map(graph)
    assert [(band.stage, band.x0, band.x1) for band in layout.bands] == [
        ("Apply", MARGIN_LEFT, MARGIN_LEFT + COLUMN),
        ("Review", MARGIN_LEFT + COLUMN, MARGIN_LEFT + 3 * COLUMN),  # C, then R
        ("Decide", MARGIN_LEFT + 3 * COLUMN, MARGIN_LEFT + 5 * COLUMN),  # A, then D
        (None, MARGIN_LEFT + 5 * COLUMN, MARGIN_LEFT + 6 * COLUMN),
    ]
    x = {node: position[0] for node, position in layout.positions.items()}
    assert x[START] < x[S] < x[C] < x[R] < x[A] < x[D] < x[X] < x[END]
    for node in (S, C, R, A, D, X):
        band = next(b for b in layout.bands if b.stage == graph.nodes[node]["stage"])
        assert band.x0 < x[node] < band.x1


def test_touchpoints_above_the_line_backstage_below(graph):
    layout = layout_map(graph)
    y = {node: position[1] for node, position in layout.positions.items()}
    for touchpoint in (S, R, D):
        assert y[touchpoint] < layout.line_y
    for backstage in (C, A, X):
        assert y[backstage] > layout.line_y
    assert y[START] == y[END] == layout.line_y
    assert min(y.values()) > 0 and max(y.values()) < layout.height


def test_every_stage_keeps_its_column_when_its_activities_are_hidden(graph):
    thinned = filter_map(graph, activity_share=0.3).graph  # only C and S remain
    layout = layout_map(thinned)
    assert [band.stage for band in layout.bands] == ["Apply", "Review", "Decide"]
