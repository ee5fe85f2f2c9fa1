"""The handoff network: a graph of units by hand, ping-pong pairs marked, SVG safe."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from audit.process.handoffs import COLOURS, circle_positions, handoff_graph, handoff_svg

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def pairs() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("Desk", "Back office", 10, 8, 2.0),
            ("Back office", "Desk", 4, 4, 30.0),
            ("Back office", "Legal", 3, 3, 50.0),
            ("Legal", "Archive", 1, 1, 1.0),
        ],
        columns=["from_unit", "to_unit", "count", "cases", "wait_hours_median"],
    )


@pytest.fixture
def pingpongs() -> pd.DataFrame:
    # Desk -> Back office -> Desk twice
    return pd.DataFrame(
        [("Desk", "Back office", 2, 2)], columns=["unit", "via_unit", "count", "cases"]
    )


def test_units_and_paths_by_hand(pairs, pingpongs):
    graph = handoff_graph(pairs, pingpongs)
    assert graph.nodes["Back office"] == {"handoffs_in": 10, "handoffs_out": 7, "handoffs": 17}
    assert graph.graph["units"] == ["Back office", "Desk", "Legal", "Archive"]
    assert graph.edges["Desk", "Back office"]["pingpongs"] == 2
    assert graph.edges["Back office", "Desk"]["is_pingpong"] is True
    assert graph.edges["Back office", "Legal"]["is_pingpong"] is False
    assert graph.graph["hidden_units"] == 0


def test_only_the_busiest_units_are_kept(pairs, pingpongs):
    # handoffs in + out: Back office 17, Desk 14, Legal 4, Archive 1
    graph = handoff_graph(pairs, pingpongs, max_units=2)
    assert set(graph.nodes) == {"Back office", "Desk"}
    assert graph.graph["hidden_units"] == 2
    assert graph.graph["hidden_handoffs_share"] == pytest.approx(4 / 18)


def test_circle_starts_at_the_top_and_spreads_the_busiest():
    positions = circle_positions(["a", "b", "c", "d", "e"], (0.0, 0.0), 100.0)
    assert positions["a"] == pytest.approx((0.0, -100.0))
    # five places, the next busiest two places further on: clockwise a, d, b, e, c
    for unit, place in (("b", 2), ("c", 4), ("d", 1), ("e", 3)):
        angle = math.radians(-90 + 72 * place)
        assert positions[unit] == pytest.approx((100 * math.cos(angle), 100 * math.sin(angle)))


def test_svg_marks_pingpong_paths_and_escapes_names(pairs, pingpongs):
    pairs = pairs.replace("Legal", "<script>alert(1)</script>")
    document = handoff_svg(handoff_graph(pairs, pingpongs))
    assert "<script>" not in document
    root = ET.fromstring(document)
    strokes = {
        p.find(f"{SVG}title").text.split(":")[0]: p.get("stroke")
        for p in root.iter(f"{SVG}path")
        if p.find(f"{SVG}title") is not None
    }
    assert strokes["Desk → Back office"] == strokes["Back office → Desk"] == COLOURS["pingpong"]
    assert (
        strokes["Back office → Legal".replace("Legal", "<script>alert(1)</script>")]
        == (COLOURS["path"])
    )
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "10 · 2.0 h" in texts and "<script>alert(1)</script>" in texts


def test_no_handoffs_says_so(pingpongs):
    empty = pd.DataFrame(columns=["from_unit", "to_unit", "count", "cases", "wait_hours_median"])
    document = handoff_svg(handoff_graph(empty, pingpongs.head(0)), language="fi")
    assert "Tapahtumalokissa ei ole siirtoja" in document
    ET.fromstring(document)
