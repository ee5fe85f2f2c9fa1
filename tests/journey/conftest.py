"""Fixtures: the real logs in ../shared/realdata as canonical event tables, for journey tests.

The journey tests do not depend on the project's readers: XES is read with rustxes (the
rust4pm importer) and CSV with pandas, keeping only what drafting uses: case, activity,
completion time, channel and input order (completed events only).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import rustxes

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"


def canonical_table(frame: pd.DataFrame) -> pa.Table:
    """The columns case_id, activity, timestamp, channel of ``frame`` as a canonical table."""
    timestamps = pd.to_datetime(frame["timestamp"], utc=True, format="mixed")
    return pa.table(
        {
            "case_id": pa.array(frame["case_id"].astype(str).tolist(), pa.string()),
            "activity": pa.array(frame["activity"].astype(str).tolist(), pa.string()),
            "timestamp": pa.array(timestamps.dt.tz_localize(None), pa.timestamp("us")),
            "channel": pa.array(frame.get("channel", pd.Series([None] * len(frame))), pa.string()),
            "event_index": pa.array(range(len(frame)), pa.int64()),
        }
    )


def read_xes(name: str) -> pa.Table:
    """The completed events of the XES log ``name`` in the realdata folder."""
    frame = rustxes.import_xes(str(REALDATA / name))[0].to_pandas()
    if "lifecycle:transition" in frame:
        transitions = frame["lifecycle:transition"].fillna("complete").str.lower()
        frame = frame[transitions == "complete"]
    columns = {"case:concept:name": "case_id", "concept:name": "activity"}
    frame = frame.rename(columns=columns)
    frame["timestamp"] = frame["time:timestamp"].astype(str)
    return canonical_table(frame[["case_id", "activity", "timestamp"]].reset_index(drop=True))


def read_csv(name: str, columns: dict[str, str]) -> pa.Table:
    """The completed events of the CSV log ``name``; ``columns`` maps its columns to roles."""
    frame = pd.read_csv(REALDATA / name, dtype=str)
    if "lifecycle:transition" in frame:
        frame = frame[frame["lifecycle:transition"].str.lower() == "complete"]
    return canonical_table(frame.rename(columns=columns))


@pytest.fixture(scope="module")
def bpic2012_events() -> pa.Table:
    return read_xes("bpic2012.xes.gz")


@pytest.fixture(scope="module")
def helpdesk_events() -> pa.Table:
    return read_xes("helpdesk.xes.gz")


@pytest.fixture(scope="module")
def sepsis_events() -> pa.Table:
    return read_xes("sepsis.xes.gz")


@pytest.fixture(scope="module")
def receipt_events() -> pa.Table:
    columns = {
        "case:concept:name": "case_id",
        "concept:name": "activity",
        "time:timestamp": "timestamp",
        "case:channel": "channel",
    }
    return read_csv("receipt.csv.gz", columns)
