"""Conformance to the designed journey in plain words and numbers, and its JSON.

The engine (audit.engine.conformance) counts each case's deviations from the journey map's
design; here they get one summary sentence and one evidence sentence per stage in English
and Finnish:

    "1,851 of 2,095 cases (88%) went the designed way"
    "Report claim: 184 cases entered it out of order, after a later stage."
"""

from __future__ import annotations

import pandas as pd

from audit.engine.conformance import DEVIATION_KINDS, ConformanceMeasures
from audit.findings.humanize import LANGUAGES, format_count, format_share
from audit.findings.texts import counted, text


def conformance_line(conformance: ConformanceMeasures, language: str) -> str | None:
    """How many cases went the designed way; None for a log without cases."""
    totals = conformance.totals
    if not totals["cases"]:
        return None
    return text(
        "summary.conformance",
        language,
        conforming=format_count(totals["conforming_cases"], language),
        cases=format_count(totals["cases"], language),
        share=format_share(totals["conforming_cases_share"], language),
    )


def stage_evidence(conformance: ConformanceMeasures, language: str) -> list[str | None]:
    """One sentence per stage (in the stage table's order) naming each kind of deviation
    there with its cases; None for a stage every case went through as designed."""
    sentences: list[str | None] = []
    for row in conformance.stages.to_dict(orient="records"):
        phrases = [
            counted(f"conformance.{kind}", row[kind], language)
            for kind in DEVIATION_KINDS
            if row[kind]
        ]
        sentences.append(
            text("evidence", language, subject=row["stage"], phrases="; ".join(phrases))
            if phrases
            else None
        )
    return sentences


def stage_table(conformance: ConformanceMeasures) -> pd.DataFrame:
    """The per-stage counts with their evidence in every language (evidence_en, ...)."""
    table = conformance.stages.copy()
    for language in LANGUAGES:
        table[f"evidence_{language}"] = stage_evidence(conformance, language)
    return table


def conformance_json(conformance: ConformanceMeasures | None, language: str) -> dict | None:
    """The `conformance` object of findings.json (docs/json-contract.md)."""
    if conformance is None:
        return None
    stages = stage_table(conformance).rename(columns={f"evidence_{language}": "evidence"})
    columns = [c for c in stages.columns if not c.startswith("evidence_")]
    return {
        **conformance.totals,
        "summary": conformance_line(conformance, language),
        "stages": stages[columns].to_dict(orient="records"),
    }
