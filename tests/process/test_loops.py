"""The loops of the process map, counted by hand on the permit service."""

from __future__ import annotations

from audit.process.journey_map import build_map
from audit.process.loops import loops

from .permit import C, R, S


def test_loops_ranked_by_their_rarest_path(dfg, activities, stages):
    table = loops(build_map(dfg, activities, stages))
    assert table["loop"].tolist() == [
        f"{C} → {R} → {C}",  # C -> R 4, R -> C 2
        f"{C} → {C}",  # self-loop 1
        f"{C} → {R} → {S} → {C}",  # R -> S 1, the back-jump
    ]
    assert table["count"].tolist() == [2, 1, 1]
    assert table["length"].tolist() == [2, 1, 3]
    assert table["has_back_jump"].tolist() == [False, False, True]
    assert table["handoffs"].tolist() == [6, 0, 16]
    assert table["stages"].tolist() == [["Review"], ["Review"], ["Apply", "Review"]]


def test_length_bound(dfg, activities, stages):
    table = loops(build_map(dfg, activities, stages), max_length=2)
    assert table["length"].max() == 2
    assert len(table) == 2
