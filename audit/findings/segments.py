"""The segments: the stage table side by side for each value of a case attribute.

Each segment's stage table is scored as the whole stage table is
(audit.findings.groups.group_friction), and each segment is tested against all the other
cases, stage by stage (audit.findings.groups.differences); the tests of all segments are
corrected together, since they are looked at together.
"""

from __future__ import annotations

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
from audit.findings.result import records
from audit.journey.compiled import CompiledJourney


@dataclass
class Segments:
    """The segments of one audit.

    column: the case attribute (or channel) the cases are split by.
    rows: per segment and journey stage: the stage measures, pingpong_cases, the friction
        components and friction; segments with the most cases first.
    differences: each segment (value) against the other cases (rest_value), in
        audit.findings.groups.DIFFERENCE_COLUMNS plus segment (first column).
    """

    column: str
    rows: pd.DataFrame
    differences: pd.DataFrame

    def to_json_dict(self) -> dict:
        """findings.json's `segments` (docs/json-contract.md)."""
        return {
            "column": self.column,
            "rows": records(self.rows[["segment", "stage", *TREND_MEASURES]]),
            "differences": records(self.differences[["segment", *DIFFERENCE_COLUMNS]])
            if not self.differences.empty
            else [],
        }


def find_segments(
    grouped: GroupedStages, measures: Measures, journey: CompiledJourney, column: str
) -> Segments:
    """The segment rows with friction and each segment's tested differences."""
    rows = group_friction(grouped.stages, "segment", measures, journey)
    size = rows.groupby("segment")["cases"].transform("max")
    rows = (
        rows.assign(size=size)
        .sort_values(["size", "segment", "order"], ascending=[False, True, True])
        .drop(columns="size")
        .reset_index(drop=True)
    )
    ended, times = grouped.ended, stage_times(measures.case_stages, grouped.members)
    tests = [
        differences(
            ended[ended["segment"] == segment],
            ended[ended["segment"] != segment],
            times[times["segment"] == segment],
            times[times["segment"] != segment],
        ).assign(segment=segment)
        for segment in rows["segment"].unique()
    ]
    found = corrected(pd.concat(tests, ignore_index=True)) if tests else pd.DataFrame()
    if not found.empty:
        found = found[["segment", *found.columns.drop("segment")]]
    return Segments(column=column, rows=rows, differences=found)
