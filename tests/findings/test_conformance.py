"""Conformance in words and in findings.json / CSV: sentences worked out by hand from a
hand-made stage table, and the example's audit written to disk."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from audit.engine.conformance import DEVIATION_COLUMNS, ConformanceMeasures
from audit.findings.conformance import conformance_json, conformance_line, stage_evidence
from audit.pipeline import run_audit, write_outputs

REPO = Path(__file__).resolve().parents[2]

MEASURES = ConformanceMeasures(
    totals={
        "cases": 1200,
        "conforming_cases": 900,
        "conforming_cases_share": 0.75,
        "cases_skipped": 250,
        "cases_out_of_order": 40,
        "cases_touchpoint_missing": 10,
        "required_touchpoints": 1,
        "allowed_skips": [],
    },
    stages=pd.DataFrame(
        {
            "stage": ["Apply", "Review", "Decide"],
            "order": [1, 2, 3],
            "cases": [1200, 950, 1100],
            "skipped": [0, 250, 0],
            "out_of_order": [40, 0, 0],
            "touchpoint_missing": [0, 0, 10],
        }
    ),
    deviations=pd.DataFrame(columns=list(DEVIATION_COLUMNS)),
)


def test_summary_sentence_in_both_languages() -> None:
    assert conformance_line(MEASURES, "en") == "900 of 1,200 cases (75%) went the designed way"
    assert conformance_line(MEASURES, "fi") == "900/1 200 tapausta (75 %) kulki suunniteltua polkua"


def test_stage_sentences_name_each_deviation_there() -> None:
    assert stage_evidence(MEASURES, "en") == [
        "Apply: 40 cases entered it out of order, after a later stage.",
        "Review: 250 cases skipped it.",
        "Decide: 10 cases passed through it without a required touchpoint.",
    ]
    assert stage_evidence(MEASURES, "fi")[1] == "Review: 250 tapausta ohitti sen."


def test_a_stage_without_deviations_has_no_sentence() -> None:
    stages = MEASURES.stages.assign(skipped=0, out_of_order=0, touchpoint_missing=0)
    clean = ConformanceMeasures(MEASURES.totals, stages, MEASURES.deviations)
    assert stage_evidence(clean, "en") == [None, None, None]
    document = conformance_json(clean, "en")
    assert document["conforming_cases_share"] == 0.75
    assert [stage["evidence"] for stage in document["stages"]] == [None, None, None]


@pytest.fixture(scope="module")
def example_outputs(tmp_path_factory):
    result = run_audit(
        REPO / "sample_logs" / "insurance_claims.csv",
        journey=REPO / "sample_logs" / "insurance_claims.journey.yaml",
    )
    folder = tmp_path_factory.mktemp("out")
    write_outputs(result, folder)
    return result.measures.conformance, folder


def test_example_conformance_in_findings_json_and_csv(example_outputs) -> None:
    """findings.json and the CSVs carry exactly what the engine counted on the example
    (its numbers are checked in tests/engine/test_conformance.py)."""
    measures, folder = example_outputs
    document = json.loads((folder / "findings.json").read_text(encoding="utf-8"))
    conformance = document["conformance"]
    totals = measures.totals
    assert conformance["conforming_cases"] == totals["conforming_cases"] > 0
    assert conformance["conforming_cases_share"] == pytest.approx(
        totals["conforming_cases"] / totals["cases"]
    )
    assert conformance["allowed_skips"] == ["Provide documents"]
    assert conformance["summary"] == conformance_line(measures, "en")
    skipped = int(measures.stages.set_index("stage").loc["Assessment", "skipped"])
    stages = {stage["stage"]: stage for stage in conformance["stages"]}
    assert stages["Assessment"]["skipped"] == skipped > 0
    assert stages["Assessment"]["evidence"] == f"Assessment: {skipped} cases skipped it."
    assert stages["Decision"]["evidence"] is None
    deviations = pd.read_csv(folder / "conformance_deviations.csv", encoding="utf-8-sig")
    assert list(deviations.columns) == list(DEVIATION_COLUMNS)
    assert deviations["kind"].value_counts().to_dict() == {
        "out_of_order": totals["cases_out_of_order"],
        "skipped": totals["cases_skipped"],
    }
    per_stage = pd.read_csv(folder / "conformance_stages.csv", encoding="utf-8-sig")
    assert per_stage["out_of_order"].tolist() == measures.stages["out_of_order"].tolist()
    assert {"evidence_en", "evidence_fi"} <= set(per_stage.columns)
    summary = (folder / "summary.md").read_text(encoding="utf-8")
    assert conformance_line(measures, "en") in summary
