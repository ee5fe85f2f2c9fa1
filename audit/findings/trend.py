"""The trend: each stage's friction and measures period by period, and what changed.

A case belongs to the period in which it started (audit.engine.trend). Each period's
stage table is scored as the whole stage table is (audit.findings.groups.group_friction).
A stage row of a period with fewer than MIN_TRUSTED_CASES cases is marked untrusted: too
few customers for its medians and shares to mean much (charts grey it out).

What changed is tested between the first and the last quarter of the window: the
ceil(n / 4) first and last of the n periods (at least one each), over the cases that
have ended, with the tests of audit.findings.groups.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from audit.engine.result import Measures
from audit.engine.trend import GroupedStages
from audit.findings.groups import (
    DIFFERENCE_COLUMNS,
    TREND_MEASURES,
    corrected,
    differences,
    group_friction,
    stage_times,
)
from audit.findings.result import jsonable, records
from audit.journey.compiled import CompiledJourney

MIN_TRUSTED_CASES = 30
"""A period's stage row with fewer cases than this is too small to trust."""


@dataclass
class Trend:
    """The trend of one audit.

    by: the period length ("day", "week", "month" or "quarter").
    rows: per period (its start date) and journey stage: the stage measures, pingpong_cases,
        the friction components and friction, and trusted (cases >= MIN_TRUSTED_CASES).
    first_periods, last_periods: the periods of the window's first and last quarter.
    changes: the tests of the last quarter (value) against the first (rest_value), in
        audit.findings.groups.DIFFERENCE_COLUMNS; empty with fewer than two periods.
    """

    by: str
    rows: pd.DataFrame
    first_periods: list
    last_periods: list
    changes: pd.DataFrame

    def rows_json(self) -> list[dict]:
        """The rows of findings.json's `trend` (docs/json-contract.md)."""
        rows = self.rows.assign(period=self.rows["period"].dt.date)
        return records(rows[["period", "stage", *TREND_MEASURES, "trusted"]])

    def changes_json(self) -> dict:
        """findings.json's `trend_changes`: the window's quarters and the tests."""
        return {
            "by": self.by,
            "min_trusted_cases": MIN_TRUSTED_CASES,
            "first_periods": jsonable([p.date() for p in self.first_periods]),
            "last_periods": jsonable([p.date() for p in self.last_periods]),
            "tests": records(self.changes[list(DIFFERENCE_COLUMNS)]),
        }


def window_quarters(periods: list) -> tuple[list, list]:
    """The first and the last ceil(n / 4) of n sorted periods; both empty when n < 2."""
    if len(periods) < 2:
        return [], []
    size = math.ceil(len(periods) / 4)
    return periods[:size], periods[-size:]


def find_trend(
    grouped: GroupedStages, measures: Measures, journey: CompiledJourney, by: str
) -> Trend:
    """The trend rows with friction and the tested changes between the window's quarters."""
    rows = group_friction(grouped.stages, "period", measures, journey)
    rows = rows.sort_values(["period", "order"]).reset_index(drop=True)
    rows["trusted"] = rows["cases"] >= MIN_TRUSTED_CASES
    first, last = window_quarters(sorted(rows["period"].unique()))
    ended = grouped.ended
    times = stage_times(measures.case_stages, grouped.members)
    changes = corrected(
        differences(
            ended[ended["period"].isin(last)],
            ended[ended["period"].isin(first)],
            times[times["period"].isin(last)],
            times[times["period"].isin(first)],
        )
    )
    return Trend(by=by, rows=rows, first_periods=first, last_periods=last, changes=changes)
