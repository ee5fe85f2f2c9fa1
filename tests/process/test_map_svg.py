"""The process map as SVG: well-formed, complete, safe with hostile names."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from audit.errors import AuditInputError
from audit.process.journey_map import build_map
from audit.process.map_svg import COLOURS, HANDOFF_DASH, map_svg

from .permit import R

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def graph(dfg, activities, stages):
    return build_map(dfg, activities, stages)


def paths_by_tooltip(root: ET.Element) -> dict[str, ET.Element]:
    return {p.find(f"{SVG}title").text: p for p in root.iter(f"{SVG}path") if p.find(f"{SVG}title")
            is not None}  # fmt: skip


def test_svg_is_well_formed_and_names_every_stage(graph):
    root = ET.fromstring(map_svg(graph))
    assert root.tag == f"{SVG}svg"
    assert float(root.get("width")) <= 1400
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for stage in ("Apply", "Review", "Decide", "not in journey", "line of visibility"):
        assert stage in texts
    assert "Request documents" in texts
    assert not any(el.get("href") or el.get("{http://www.w3.org/1999/xlink}href")
                   for el in root.iter())  # fmt: skip


def test_back_jump_red_handoffs_dashed(graph):
    paths = paths_by_tooltip(ET.fromstring(map_svg(graph)))
    back = paths["Request documents → Submit application: 1, 5.0 d"]
    assert back.get("stroke") == COLOURS["back"] == "#d62728"
    assert back.get("marker-end") == "url(#arrow-back)"
    assert (
        paths["Submit application → Check completeness: 11, 2.0 h"].get("stroke-dasharray")
        == HANDOFF_DASH
    )
    normal = paths["Check completeness → Approve: 9, 30.0 h"]
    assert normal.get("stroke") == COLOURS["path"]
    assert normal.get("stroke-dasharray") is None
    red = [p for p in paths.values() if p.get("stroke") == COLOURS["back"]]
    assert len(red) == 1


def test_path_width_grows_with_frequency(graph):
    paths = paths_by_tooltip(ET.fromstring(map_svg(graph)))
    widest = float(paths["Submit application → Check completeness: 11, 2.0 h"].get("stroke-width"))
    thin = float(paths["Request documents → Submit application: 1, 5.0 d"].get("stroke-width"))
    assert widest == 9.0 and thin < 4


def test_labels_switch_between_frequency_and_wait(graph):
    frequency = [t.text for t in ET.fromstring(map_svg(graph)).iter(f"{SVG}text")]
    wait = [t.text for t in ET.fromstring(map_svg(graph, "wait")).iter(f"{SVG}text")]
    assert "11" in frequency and "72.0 h" not in frequency
    # R -> C waits 72 h = 3 days, R -> S 120 h, C -> C a quarter hour
    assert {"2.0 h", "30.0 h", "3.0 d", "5.0 d", "15 min"} <= set(wait)
    assert "labels: median wait" in wait


def test_finnish_words_and_caller_labels(graph):
    texts = [t.text for t in ET.fromstring(map_svg(graph, "wait", "fi")).iter(f"{SVG}text")]
    assert "näkyvyyden raja" in texts and "3,0 pv" in texts
    own = map_svg(graph, labels={"line_of_visibility": "customer can see above"})
    assert "customer can see above" in own and "line of visibility" not in own


def test_hostile_names_are_text(dfg, activities, stages):
    hostile = "\x07" + HOSTILE
    dfg = dfg.replace(R, hostile)
    activities = activities.replace(R, hostile).replace("Review", "<b>Review</b>")
    stages = stages.replace("Review", "<b>Review</b>")
    document = map_svg(build_map(dfg, activities, stages))
    root = ET.fromstring(document)  # control characters would make this fail
    assert "<script>" not in document and "<b>" not in document
    assert not list(root.iter("script")) and not list(root.iter(f"{SVG}script"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert any(text and "alert(1)" in text for text in texts)
    assert "<b>Review</b>" in texts


def test_unknown_label_kind_is_a_clear_error(graph):
    with pytest.raises(AuditInputError, match="unknown path label 'cost'"):
        map_svg(graph, "cost")


def test_unknown_language_is_a_clear_error(graph):
    with pytest.raises(AuditInputError, match="unknown language 'de'"):
        map_svg(graph, language="de")
