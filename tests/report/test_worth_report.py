"""The report's "What a fix is worth" section lays out what findings computed: the stage and
handoff hotspots' what-ifs, most customer-days a month first, and each stage's p50/p80/p90."""

from __future__ import annotations

import re

from audit.findings.humanize import format_hours
from audit.report.build import build_report


def _section(html: str) -> str:
    return re.search(r'<section id="worth".*?</section>', html, re.S).group(0)


def test_the_fixes_come_most_worth_first_with_the_top_sentence(sample_result, sample_html):
    section = _section(sample_html)
    fixes = sample_result.hotspots[sample_result.hotspots["what_if"].notna()]
    assert set(fixes["level"]) == {"stage", "handoff_pair"}
    best = max(fixes.itertuples(), key=lambda row: row.what_if["customer_days_saved_per_month"])
    assert best.what_if_en.replace("→", "&rarr;") in section or best.what_if_en in section
    names = re.findall(r"<td[^>]*>([^<]*)</td>", section)
    order = [
        name.replace("&rarr;", "→")
        for name in names
        if name.replace("&rarr;", "→") in set(fixes["name"])
    ]
    days = {row.name: row.what_if["customer_days_saved_per_month"] for row in fixes.itertuples()}
    assert order[: len(days)] == sorted(days, key=lambda name: -days[name])


def test_the_stage_percentiles_in_finnish(sample_result):
    section = _section(build_report(sample_result, language="fi", stories=0))
    assert "Mitä korjaus on arvoinen" in section
    stages = sample_result.measures.stages.set_index("stage")
    first = sample_result.journey.stages["stage"].iloc[0]
    for name in ("time_in_stage_hours_p50", "time_in_stage_hours_p80", "time_in_stage_hours_p90"):
        assert format_hours(stages.loc[first, name], "fi") in section
