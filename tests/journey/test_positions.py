"""Events positioned in their cases once, for the drafting's queries."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pyarrow as pa

from audit.journey.positions import event_positions


def test_positions_by_time_then_input_order():
    """Case A's two events at 09:00 keep their input order; B has no channel."""
    nine, ten = datetime(2025, 1, 1, 9), datetime(2025, 1, 1, 10)
    events = pa.table(
        {
            "case_id": ["A", "B", "A", "A"],
            "activity": ["Call", "Mail", "Visit", "Close"],
            "timestamp": [ten, nine, nine, nine],
            "event_index": [0, 1, 2, 3],
        }
    )
    connection = duckdb.connect()
    with event_positions(connection.from_arrow(events)) as positions:
        rows = positions.order("case_id, position").fetchall()
        columns = positions.columns
    assert connection.execute("SELECT count(*) FROM duckdb_tables()").fetchall() == [(0,)]
    assert columns == [
        "case_id",
        "activity",
        "channel",
        "timestamp",
        "position",
        "previous",
        "case_events",
    ]
    assert rows == [
        ("A", "Visit", None, nine, 1, None, 3),
        ("A", "Close", None, nine, 2, nine, 3),
        ("A", "Call", None, ten, 3, nine, 3),
        ("B", "Mail", None, nine, 1, None, 1),
    ]
