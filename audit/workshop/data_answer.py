"""The data's answer a room is opened with, taken from an audit's findings."""

from __future__ import annotations

import pandas as pd

from audit.workshop.room import DataAnswer

HOURS_PER_DAY = 24.0


def data_answer(result) -> DataAnswer:
    """Per journey stage the findings score, in journey order: its friction score and its
    median time in stage in days (None where no case passed through it). ``result`` is an
    audit.pipeline.AuditResult."""
    friction = result.friction.sort_values("order")
    median = result.measures.stages.set_index("stage")["time_in_stage_hours_median"]
    days = tuple(
        None if pd.isna(median.get(stage)) else float(median[stage]) / HOURS_PER_DAY
        for stage in friction["stage"]
    )
    return DataAnswer(
        tuple(str(stage) for stage in friction["stage"]),
        tuple(float(score) for score in friction["friction"]),
        days,
    )
