"""Helpers of the generator tests: the generated Arrow table as a plain pandas frame."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

CASES = 3000
"""Large enough for shares to be stable to a few per cent, small enough to take a second."""


def as_frame(table: pa.Table) -> pd.DataFrame:
    """The generated log as plain pandas columns (text, datetimes in seconds, float NPS)."""
    frame = table.to_pandas()
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype(object)
    for column in ("Start Timestamp", "Complete Timestamp"):
        frame[column] = frame[column].astype("datetime64[s]")
    frame["nps"] = frame["nps"].astype(float)
    return frame


def claim_cases(frame: pd.DataFrame) -> pd.DataFrame:
    """The claim cases only: complaint cases (CMP-…) left out."""
    return frame[frame["Case ID"].str.startswith("CLM-")].reset_index(drop=True)
