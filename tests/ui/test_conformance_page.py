"""The Designed journey page on the example lays out what the library computed, in English
and in Finnish (the numbers are checked in tests/engine/test_conformance.py)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from audit.findings.conformance import conformance_line, stage_evidence
from audit.findings.humanize import format_share
from audit.pipeline import run_audit

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"


def test_the_page_lays_out_the_example_conformance():
    conformance = run_audit(
        REPO / "sample_logs" / "insurance_claims.csv",
        journey=REPO / "sample_logs" / "insurance_claims.journey.yaml",
    ).measures.conformance
    totals = conformance.totals
    at = AppTest.from_file(str(APP), default_timeout=180).run()
    at.switch_page("audit/ui/pages/conformance.py").run()
    assert not at.exception
    kinds = ("skipped", "out_of_order", "touchpoint_missing")
    assert [m.value for m in at.metric] == [
        format_share(totals["conforming_cases_share"]),
        *(format_share(totals[f"cases_{kind}"] / totals["cases"]) for kind in kinds),
    ]
    assert at.caption[1].value == "Allowed to skip: Provide documents"
    texts = [m.value for m in at.markdown]
    assert f"**{conformance_line(conformance, 'en')}**" in texts
    evidence = [f"- {s}" for s in stage_evidence(conformance, "en") if s]
    assert evidence and [t for t in texts if t.startswith("- ")] == evidence
    at.sidebar.segmented_control[0].set_value("fi").run()
    assert at.title[0].value == "Suunniteltu polku"
    assert f"**{conformance_line(conformance, 'fi')}**" in [m.value for m in at.markdown]


def test_applying_the_journey_tables_keeps_the_designed_journey():
    """The Journey page's tables do not edit required touchpoints or allowed skips; applying
    them must keep both (before, the rebuilt stages dropped `required`)."""
    at = AppTest.from_file(str(APP), default_timeout=180).run()
    at.switch_page("audit/ui/pages/journey.py").run()
    apply = next(b for b in at.button if b.label == "Apply the changes")
    apply.click().run()
    assert not at.exception
    assert not at.error
    text = next(area.value for area in at.text_area if "stages:" in (area.value or ""))
    assert "drafted: false" in text  # the tables' map, not the file's
    assert "allowed_skips:\n- Provide documents" in text
    assert "required:\n  - Send acknowledgement" in text
    assert "required:\n  - re:^Claim (paid|rejected|withdrawn)$" in text
