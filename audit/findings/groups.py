"""Stage measures of groups of cases (periods, segments): friction and tested differences.

The engine measures the stage table per group (audit.engine.trend, audit.engine.segments).
Here each group's stage table is scored with the friction components of
audit.findings.friction, and two sets of groups are compared stage by stage with the
statistics of the before/after comparison (audit.stats): shares of cases by the
two-proportion z-test, the median time in stage by the Mann–Whitney U test, all tests of
one comparison corrected together (Benjamini–Hochberg).

Only cases that have ended (status other than "ongoing") are tested: a case still open at
the export has not yet had the chance to bounce, drop off or break a promise, and the cases
that started last are the most often open, which would otherwise look like an improvement.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd

from audit.engine.result import Measures
from audit.findings.friction import stage_friction
from audit.journey.compiled import FRICTION_COMPONENTS, CompiledJourney
from audit.stats import ALPHA, SHARE_TEST, benjamini_hochberg, mann_whitney_p, two_proportion_p

MEDIAN_TEST = "Mann-Whitney U"

TESTED_SHARES: dict[str, str] = {
    "pingpong_share": "pingpong_cases",
    "rework_share": "rework_cases",
    "dropoff_share": "dropoffs",
    "promise_kept_share": "promise_kept_cases",
}
"""Shares of a stage's cases that are tested, with the column counting the cases."""
TESTED_MEDIANS = ("time_in_stage_hours",)
"""Per-case stage measures whose medians are tested."""

TREND_MEASURES: tuple[str, ...] = (
    "order",
    "cases",
    "friction",
    *(f"component_{c}" for c in FRICTION_COMPONENTS if c != "repeat_contacts"),
    "wait_hours_median",
    "wait_hours_p90",
    "time_in_stage_hours_median",
    "promise_kept_share",
    "dropoffs",
    "pingpongs",
    "pingpong_cases",
    "rework_cases",
)
"""The measures of each group's stage row in findings.json and the CSVs (the friction
components measured over the whole log only, repeat_contacts, are left out)."""

DIFFERENCE_COLUMNS: tuple[str, ...] = (
    "stage",
    "measure",
    "test",
    "value",
    "rest_value",
    "change",
    "cases",
    "rest_cases",
    "p_value",
    "q_value",
    "significant",
)
"""A tested difference: value (of the group) against rest_value (the groups compared)."""


def group_friction(
    table: pd.DataFrame, key: str, measures: Measures, journey: CompiledJourney
) -> pd.DataFrame:
    """The table's journey-stage rows with the friction components (component_wait, ...) and
    score of each group (column `key`), scored as audit.findings.friction scores the whole
    stage table; the repeat-contact component is left out (it is measured over the whole
    log only)."""
    scored = [
        stage_friction(dataclasses.replace(measures, stages=rows, customers=None), journey)
        .drop(columns="order")
        .rename(columns={c: f"component_{c}" for c in FRICTION_COMPONENTS})
        .assign(**{key: value})
        for value, rows in table.groupby(key, sort=True)
    ]
    if not scored:
        return table.iloc[0:0]
    return table.merge(pd.concat(scored, ignore_index=True), on=[key, "stage"])


def _stage_counts(table: pd.DataFrame) -> pd.DataFrame:
    """cases and the counts of TESTED_SHARES per stage, summed over the table's groups."""
    rows = table.assign(
        promise_kept_cases=(table["promise_kept_share"] * table["cases"]).round(),
    )
    return rows.groupby("stage")[["cases", *TESTED_SHARES.values()]].sum()


def differences(
    tested: pd.DataFrame,
    rest: pd.DataFrame,
    tested_times: pd.DataFrame,
    rest_times: pd.DataFrame,
) -> pd.DataFrame:
    """The tests of one group of cases against another, stage by stage (DIFFERENCE_COLUMNS
    without q_value and significant): the stage tables `tested` and `rest` (rows of
    grouped stage measures of ended cases) and their per-case stage times."""
    counts, rest_counts = _stage_counts(tested), _stage_counts(rest)
    promised = set(tested.loc[tested["promise_hours"].notna(), "stage"])
    rows = []
    for stage in counts.index.intersection(rest_counts.index):
        n, rest_n = int(counts.at[stage, "cases"]), int(rest_counts.at[stage, "cases"])
        for measure, column in TESTED_SHARES.items():
            if column == "promise_kept_cases" and stage not in promised:
                continue
            hits, rest_hits = int(counts.at[stage, column]), int(rest_counts.at[stage, column])
            if hits + rest_hits == 0:  # never met on either side: nothing can differ
                continue
            p_value = two_proportion_p(hits, n, rest_hits, rest_n)
            value = hits / n if n else math.nan
            rest_value = rest_hits / rest_n if rest_n else math.nan
            rows.append([stage, measure, SHARE_TEST, value, rest_value, n, rest_n, p_value])
        for measure in TESTED_MEDIANS:
            sample = tested_times.loc[tested_times["stage"] == stage, measure].dropna()
            rest_sample = rest_times.loc[rest_times["stage"] == stage, measure].dropna()
            if sample.empty or rest_sample.empty:
                continue
            p_value = mann_whitney_p(sample.to_numpy(), rest_sample.to_numpy())
            rows.append(
                [
                    stage,
                    f"{measure}_median",
                    MEDIAN_TEST,
                    float(sample.median()),
                    float(rest_sample.median()),
                    len(sample),
                    len(rest_sample),
                    1.0 if math.isnan(p_value) else p_value,
                ]
            )
    columns = ["stage", "measure", "test", "value", "rest_value", "cases", "rest_cases"]
    frame = pd.DataFrame(rows, columns=[*columns, "p_value"])
    frame.insert(5, "change", frame["value"] - frame["rest_value"])
    return frame


def corrected(frame: pd.DataFrame) -> pd.DataFrame:
    """The tests with their Benjamini–Hochberg q-values and whether q < ALPHA."""
    frame = frame.copy()
    frame["q_value"] = benjamini_hochberg(frame["p_value"].to_numpy(dtype=float))
    frame["significant"] = np.asarray(frame["q_value"] < ALPHA, dtype=bool)
    return frame


def stage_times(case_stages: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """The per-case stage times of the member cases, with the members' group columns."""
    return case_stages.merge(members, on="case_id")
