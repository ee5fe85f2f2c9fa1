"""Find the log's columns that hold survey answers (NPS, CSAT, CES) by their names.

A journey map may name its survey columns; when it names none, columns are recognised by
name in English, Finnish and Dutch. Names are compared after lower-casing, dropping an XES
``case:`` prefix and turning spaces and dashes into underscores, so "Likelihood to
recommend", "case:nps" and "CSAT-score" are all found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SURVEY_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "nps": (
        "nps",
        "nps_score",
        "net_promoter_score",
        "likelihood_to_recommend",
        "recommend",
        "would_recommend",
        "suositteluhalukkuus",
        "suosittelu",
        "aanbevelingsscore",
    ),
    "csat": (
        "csat",
        "csat_score",
        "satisfaction",
        "customer_satisfaction",
        "satisfaction_score",
        "tyytyvaisyys",
        "asiakastyytyvaisyys",
        "tevredenheid",
        "klanttevredenheid",
    ),
    "ces": (
        "ces",
        "ces_score",
        "customer_effort",
        "customer_effort_score",
        "effort_score",
        "effort",
        "vaivattomuus",
        "asioinnin_helppous",
        "klantinspanning",
    ),
}
"""Recognised column names per survey kind, most specific first."""

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "-": "_", " ": "_"})


def _normalised(column: str) -> str:
    name = column.strip().lower()
    name = name.removeprefix("case:")
    return re.sub(r"_+", "_", name.translate(_FOLD)).strip("_")


def recognise_survey_columns(columns: Iterable[str]) -> dict[str, str]:
    """Survey kind -> the log column recognised for it (kinds without one are left out)."""
    by_name: dict[str, str] = {}
    for column in columns:
        by_name.setdefault(_normalised(column), column)
    found = {}
    for kind, names in SURVEY_COLUMN_NAMES.items():
        match = next((by_name[name] for name in names if name in by_name), None)
        if match is not None:
            found[kind] = match
    return found
