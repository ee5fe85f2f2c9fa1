"""The report's "The designed journey" section on the example, in English and Finnish
(the numbers are worked out in tests/engine/test_conformance.py: 186 claims sent back from
Assessment to Report claim, 60 withdrawn claims that never reached Assessment)."""

from __future__ import annotations

import re

from audit.report import build_report


def _section(page: str) -> str:
    """The text of the conformance section, tags removed."""
    start = page.index('data-section="conformance"')
    section = page[start : page.index("</section>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section)).replace("&#39;", "'")


def test_english_section_on_the_example(sample_html):
    text = _section(sample_html)
    assert (
        "1,854 of 2,100 cases (88%) went the designed way: 60 cases skipped a stage, 186 "
        "entered a stage out of order (after a later one) and 0 passed through a stage "
        "without a touchpoint it requires." in text
    )
    assert "Required touchpoints: 4. Stages a case may skip: Provide documents." in text
    assert "Report claim 2,000 0 186 0" in text
    assert "Assessment 1,820 60 0 0" in text
    assert "Assessment: 60 cases skipped it." in text


def test_finnish_section_on_the_example(sample_result):
    text = _section(build_report(sample_result, language="fi", stories=0))
    assert "Suunniteltu polku" in text
    assert "1 854/2 100 asiaa (88 %) kulki suunniteltua polkua: 60 asiaa ohitti vaiheen" in text
    assert "Report claim 2 000 0 186 0" in text
