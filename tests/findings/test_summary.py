"""The console and Markdown summaries of the hand-made audit."""

from __future__ import annotations

from audit.findings.summary import summary_markdown, summary_text

from .builders import make_journey, make_measures, make_result


def test_console_summary_names_the_weakest_stage_and_top_hotspots():
    text = summary_text(make_result(make_measures(), make_journey()))
    lines = text.splitlines()
    assert lines[0] == "Journey audit: claims.csv"
    assert "40 cases, 290 events, 6 activities, 2024-01-02 to 2024-03-28" in lines
    assert "Weakest stage: Assessment (friction 43.1 of 100)" in lines
    assert "Median lead time 5.4 days" in lines  # 130 h
    # ping-pong cases 10 of 40, rework cases 20 of 40
    assert any("ping-pong in 25% of cases, rework in 50% of cases" in line for line in lines)
    hotspot_lines = [line for line in lines if line.startswith("  Activity ")]
    assert len(hotspot_lines) == 3  # the console shows the top three of each level
    assert hotspot_lines[0].startswith("  Activity 1 (53.8): Assess claim (Assessment): ")
    assert "  NPS 50 without ping-pong vs -100 with ping-pong (3 cases)" in lines


def test_finnish_summary_and_resources_instead_of_units():
    measures = make_measures()
    measures.log["handoff_basis"] = "resource"
    text = summary_text(make_result(measures, make_journey(), language="fi"))
    assert "Heikoin vaihe: Assessment (kitka 43,1/100)" in text
    assert "  Resurssi 1 (56,7): Fraud check: " in text
    assert "Yksikkö" not in text


def test_markdown_summary_has_the_stage_table_and_every_hotspot():
    markdown = summary_markdown(make_result(make_measures(), make_journey()))
    assert markdown.startswith("# Journey audit: claims.csv\n")
    assert "| Assessment | 32 | 43.1 | 10.0 h | 2.5 days | 2.0 days | – | 8 |" in markdown
    assert "| (unmapped) | 2 | – |" in markdown
    assert markdown.count("\n- Activity ") == 5
    assert "- 300 rows read, 10 dropped" in markdown
