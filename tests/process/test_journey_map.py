"""The process map graph and its activity / path filter, on the hand-made audit of conftest."""

from __future__ import annotations

import pytest

from audit.errors import AuditInputError
from audit.process.journey_map import END, START, build_map, filter_map

from .permit import A, C, D, R, S, X


@pytest.fixture
def graph(dfg, activities, stages):
    return build_map(dfg, activities, stages)


def test_nodes_carry_stage_touchpoint_and_frequency(graph):
    assert graph.graph["stages"] == ["Apply", "Review", "Decide"]
    assert graph.nodes[R] == {
        "kind": "activity",
        "stage": "Review",
        "stage_order": 2,
        "is_touchpoint": True,
        "events": 4,
        "cases": 4,
    }
    # Archive belongs to no stage: it goes to the column after the last stage
    assert graph.nodes[X]["stage"] is None
    assert graph.nodes[X]["stage_order"] == 4
    assert graph.nodes[START]["kind"] == "start"
    assert graph.nodes[END]["stage_order"] == 5


def test_edges_carry_count_wait_handoff_share_and_back_jump(graph):
    assert graph.number_of_edges() == 12
    check_approve = graph.edges[C, A]
    assert check_approve["count"] == 9
    assert check_approve["wait_hours_median"] == 30.0
    assert check_approve["handoff_share"] == pytest.approx(3 / 9)
    assert check_approve["is_handoff"] is False  # 3 of 9 is under half
    assert graph.edges[S, C]["is_handoff"] is True  # 11 of 11
    assert graph.edges[R, S]["is_back_jump"] is True
    assert not any(data["is_back_jump"] for s, t, data in graph.edges(data=True) if s != R)


def test_activity_filter_keeps_the_most_frequent_activities(graph):
    # events: C 14, S 11, A 9, D 9, R 4, X 2 (49); 80 % = 39.2 is reached by C+S+A+D = 43
    thinned = filter_map(graph, activity_share=0.8)
    assert set(thinned.graph.nodes) == {START, END, C, S, A, D}
    summary = thinned.summary
    assert summary.hidden_activities == (R, X)
    assert summary.events_hidden_share == pytest.approx(6 / 49)
    # the six paths between kept nodes stay: start-S, S-C, C-A, A-D, D-end, C-C (47 of 59)
    assert summary.total_paths == 12
    assert summary.hidden_paths == 6
    assert summary.transitions_hidden_share == pytest.approx(12 / 59)
    assert summary.describe() == (
        "Showing 4 of 6 activities (12.2\u00a0% of events hidden) and 6 of 12 paths "
        "(20.3\u00a0% of transitions hidden)."
    )


def test_path_filter_adds_back_the_widest_connections(graph):
    # by count: S-C 11, start-S 10, A-D 9 reach 30 >= 29.5 (half of 59); then every
    # activity is joined to START and END by its widest path
    thinned = filter_map(graph, path_share=0.5)
    assert thinned.added_for_connection == [
        (C, A),
        (C, R),
        (D, X),
        (D, END),
        (R, C),  # R reaches END widest through C (rarest path 2) rather than directly (1)
        (X, END),
    ]
    assert set(thinned.graph.edges) == {
        (S, C), (START, S), (A, D), (C, A), (C, R), (D, X), (D, END), (R, C), (X, END),
    }  # fmt: skip
    assert thinned.summary.hidden_paths == 3
    assert thinned.summary.transitions_hidden_share == pytest.approx(3 / 59)
    assert thinned.summary.hidden_activities == ()


def test_filter_keeps_at_least_one_activity(graph):
    thinned = filter_map(graph, activity_share=0.01, path_share=0.01)
    assert [n for n, kind in thinned.graph.nodes(data="kind") if kind == "activity"] == [C]
    # with S hidden no path leads from START to C, so C is shown with its self-loop only
    assert set(thinned.graph.edges) == {(C, C)}
    assert thinned.summary.shown_activities == 1


def test_finnish_sentence(graph):
    summary = filter_map(graph, activity_share=0.8).summary
    assert summary.describe("fi").startswith("Näytetään 4/6 toimintoa (12,2\u00a0%")


@pytest.mark.parametrize("share", [0, -0.5, 1.5])
def test_bad_share_is_a_clear_error(graph, share):
    with pytest.raises(AuditInputError, match="activity_share must be above 0"):
        filter_map(graph, activity_share=share)


def test_missing_column_is_a_clear_error(dfg, activities, stages):
    with pytest.raises(AuditInputError, match="the dfg table has no column handoffs"):
        build_map(dfg.drop(columns="handoffs"), activities, stages)


def test_dfg_naming_an_unknown_activity_is_a_clear_error(dfg, activities, stages):
    with pytest.raises(AuditInputError, match="names activity 'Archive'"):
        build_map(dfg, activities[activities["activity"] != X], stages)
