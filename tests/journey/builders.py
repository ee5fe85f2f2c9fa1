"""Small hand-made logs in the canonical schema, for the drafting tests."""

from __future__ import annotations

from datetime import datetime, timedelta

import pyarrow as pa

START = datetime(2024, 3, 1, 9, 0)


def event_log(cases: dict[str, list[tuple]]) -> pa.Table:
    """A canonical table from case -> [(activity, hours after START, channel)], in input
    order; equal hours make a timestamp tie that the input order breaks."""
    rows = [
        (case, activity, START + timedelta(hours=hours), channel)
        for case, events in cases.items()
        for activity, hours, channel in events
    ]
    return pa.table(
        {
            "case_id": pa.array([row[0] for row in rows], pa.string()),
            "activity": pa.array([row[1] for row in rows], pa.string()),
            "timestamp": pa.array([row[2] for row in rows], pa.timestamp("us")),
            "channel": pa.array([row[3] for row in rows], pa.string()),
            "event_index": pa.array(range(len(rows)), pa.int64()),
        }
    )


def hourly(traces: list[list[str]], *, gap_hours: float = 24.0) -> dict[str, list[tuple]]:
    """Cases "k0", "k1", ... with these activities one hour apart, each case starting
    ``gap_hours`` after the one before; every wait between events is one hour."""
    return {
        f"k{number}": [
            (activity, number * gap_hours + step, None) for step, activity in enumerate(trace)
        ]
        for number, trace in enumerate(traces)
    }
