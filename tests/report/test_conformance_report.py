"""The report's "The designed journey" section on the example, in English and Finnish: it
prints what the library computed (the numbers are checked in
tests/engine/test_conformance.py; as generated when this was written, 1,851 of 2,095
claims conform, 184 were sent back from Assessment to Report claim and 60 withdrawn claims
never reached Assessment)."""

from __future__ import annotations

import re

from audit.findings.conformance import conformance_line, stage_evidence
from audit.findings.humanize import format_count
from audit.report import build_report


def _section(page: str) -> str:
    """The text of the conformance section, tags removed."""
    start = page.index('data-section="conformance"')
    section = page[start : page.index("</section>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section)).replace("&#39;", "'")


def _row(stage: dict, language: str) -> str:
    numbers = [stage[c] for c in ("cases", "skipped", "out_of_order", "touchpoint_missing")]
    return " ".join([stage["stage"], *(format_count(n, language) for n in numbers)])


def test_english_section_on_the_example(sample_result, sample_html):
    conformance = sample_result.measures.conformance
    totals = conformance.totals
    text = _section(sample_html)
    assert (
        f"{conformance_line(conformance, 'en')}: {format_count(totals['cases_skipped'])} cases "
        f"skipped a stage, {format_count(totals['cases_out_of_order'])} entered a stage out of "
        "order (after a later one) and 0 passed through a stage without a touchpoint it "
        "requires." in text
    )
    assert "Required touchpoints: 4. Stages a case may skip: Provide documents." in text
    for stage in conformance.stages.to_dict(orient="records"):
        assert _row(stage, "en") in text
    sentences = [s for s in stage_evidence(conformance, "en") if s]
    assert sentences and all(sentence in text for sentence in sentences)


def test_finnish_section_on_the_example(sample_result):
    conformance = sample_result.measures.conformance
    text = _section(build_report(sample_result, language="fi", stories=0))
    assert "Suunniteltu polku" in text
    assert f"{conformance_line(conformance, 'fi')}: " in text
    assert "tapausta ohitti vaiheen" in text
    first = conformance.stages.to_dict(orient="records")[0]
    assert _row(first, "fi") in text
