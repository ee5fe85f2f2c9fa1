"""Why customers come back: the causes of repeat contacts, in plain words and numbers.

The engine counts, for every value of every cause (what the earlier case did: its status,
the last stage it reached, ping-pong, rework, a broken promise, its channel), how many
cases came back within the repeat window and how many of the rest did
(audit.engine.customers). Here each value is weighed against the rest with the shared
two-proportion z-test, corrected for testing many causes at once (Benjamini–Hochberg,
audit.stats), and gets one sentence in English and Finnish:

    "31% of customers whose case ended badly came back within 30 days, against 6% of the
    rest (42 of 135 cases)."

Causes are ranked by how many more of them came back (the difference of the shares);
those larger than chance come first. A value met by fewer than MIN_GROUP_CASES cases, or
whose rest is that small, is left out: too few to say anything.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from audit.engine.customers import CustomerMeasures
from audit.findings.humanize import LANGUAGES, format_count, format_number, format_share
from audit.findings.texts import text
from audit.stats import ALPHA, benjamini_hochberg, two_proportion_p

MIN_GROUP_CASES = 20
"""A cause is weighed only when at least this many cases had it and as many did not."""

CAUSE_COLUMNS: tuple[str, ...] = (
    "rank",
    "cause",
    "value",
    "cases",
    "came_back",
    "came_back_share",
    "rest_cases",
    "rest_came_back",
    "rest_share",
    "difference",
    "p_value",
    "q_value",
    "significant",
    *(f"evidence_{language}" for language in LANGUAGES),
)
"""Columns of the cause table."""

_BOOLEAN_CAUSES = ("had_pingpong", "had_rework", "broke_promise")


def repeat_contact_causes(customers: CustomerMeasures | None) -> pd.DataFrame:
    """The causes of repeat contacts, most telling first (CAUSE_COLUMNS); empty without
    customers or without cases enough to weigh."""
    if customers is None:
        return pd.DataFrame(columns=list(CAUSE_COLUMNS))
    causes = customers.causes
    causes = causes[
        (causes["cases"] >= MIN_GROUP_CASES) & (causes["rest_cases"] >= MIN_GROUP_CASES)
    ].copy()
    if causes.empty:
        return pd.DataFrame(columns=list(CAUSE_COLUMNS))
    causes["difference"] = causes["came_back_share"] - causes["rest_share"]
    causes["p_value"] = [
        two_proportion_p(
            int(row.came_back), int(row.cases), int(row.rest_came_back), int(row.rest_cases)
        )
        for row in causes.itertuples()
    ]
    causes["q_value"] = benjamini_hochberg(causes["p_value"].to_numpy())
    causes["significant"] = causes["q_value"] < ALPHA
    causes = causes.sort_values(
        ["significant", "difference", "cases", "cause", "value"],
        ascending=[False, False, False, True, True],
        kind="stable",
    ).reset_index(drop=True)
    causes["rank"] = np.arange(1, len(causes) + 1)
    days = float(customers.totals["repeat_within_days"])
    for language in LANGUAGES:
        causes[f"evidence_{language}"] = [
            _sentence(row, days, language) for row in causes.to_dict(orient="records")
        ]
    return causes[list(CAUSE_COLUMNS)]


def top_cause(causes: pd.DataFrame) -> pd.Series | None:
    """The cause that brings the most customers back beyond chance, or None."""
    telling = causes[causes["significant"] & (causes["difference"] > 0)]
    return None if telling.empty else telling.iloc[0]


def telling_causes(causes: pd.DataFrame, count: int = 3) -> pd.DataFrame:
    """At most ``count`` causes after which more customers came back than the rest, in the
    table's order (those beyond chance first); the ones to tell a room about."""
    return causes[causes["difference"] > 0].head(count)


def whose(cause: str, value: str, language: str) -> str:
    """ "whose case ended badly": what the earlier case did, as a relative clause (also the
    label of a cause's value in charts)."""
    if cause in _BOOLEAN_CAUSES:
        return text(f"repeat.whose.{cause}.{value}", language)
    if cause == "status":
        return text(f"repeat.whose.status.{value}", language)
    return text(f"repeat.whose.{cause}", language, value=value)


def _sentence(row: dict, days: float, language: str) -> str:
    return text(
        "repeat.evidence",
        language,
        share=format_share(row["came_back_share"], language),
        whose=whose(row["cause"], row["value"], language),
        days=format_number(days, language, digits=0),
        rest=format_share(row["rest_share"], language),
        came_back=format_count(row["came_back"], language),
        cases=format_count(row["cases"], language),
    )
