"""The process layer on a real log: the receipt phase of a Dutch municipality's permits."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from audit.pipeline import run_audit
from audit.process.blueprint import blueprint_svg, blueprint_table
from audit.process.handoffs import handoff_graph, handoff_svg
from audit.process.journey_map import END, START, filter_map, map_from_measures
from audit.process.layout import layout_map
from audit.process.loops import loops
from audit.process.map_svg import map_svg

REPO = Path(__file__).resolve().parents[2]
REALDATA = REPO / ".." / "shared" / "realdata"
SVG = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def audit():
    return run_audit(
        REALDATA / "receipt.xes.gz", journey=REPO / "sample_logs" / "receipt.journey.yaml"
    )


def test_filtered_map_stays_connected_and_says_what_it_hides(audit):
    whole = map_from_measures(audit.measures)
    assert sum(events for _, events in whole.nodes(data="events")) == audit.measures.log["events"]
    thinned = filter_map(whole, activity_share=0.9, path_share=0.7)
    summary = thinned.summary
    assert summary.total_activities == 27 and summary.events_hidden_share <= 0.1
    assert 0 < summary.transitions_hidden_share < 1
    for node, kind in thinned.graph.nodes(data="kind"):
        if kind == "activity":
            assert nx.has_path(thinned.graph, START, node), node
            assert nx.has_path(thinned.graph, node, END), node


def test_map_picture_names_every_stage_with_touchpoints_above_the_line(audit):
    thinned = filter_map(map_from_measures(audit.measures), 0.9, 0.7).graph
    layout = layout_map(thinned)
    for node, data in thinned.nodes(data=True):
        if data["kind"] == "activity":
            above = layout.positions[node][1] < layout.line_y
            assert above == data["is_touchpoint"], node
    root = ET.fromstring(map_svg(thinned, "wait", "fi"))
    titles = {t.text for t in root.iter(f"{SVG}title")}
    stages = set(audit.measures.stages["stage"]) - {"(unmapped)"}
    assert stages <= titles


def test_blueprint_accounts_for_every_event(audit):
    measures = audit.measures
    table = blueprint_table(
        audit.connection, measures.activities, measures.stages, measures.log["handoff_basis"]
    )
    assert table["events"].sum() == measures.log["events"]
    ET.fromstring(blueprint_svg(table, measures.stages))


def test_handoff_network_and_loops(audit):
    measures = audit.measures
    graph = handoff_graph(measures.handoff_pairs, measures.pingpong_pairs)
    assert graph.number_of_nodes() <= 14
    ET.fromstring(handoff_svg(graph))
    table = loops(map_from_measures(measures))
    assert (table["count"].diff().dropna() <= 0).all()
