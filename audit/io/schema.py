"""The canonical event table: the one contract between the readers and the engine.

Every reader turns its input into a table with these columns (an Arrow table in memory,
or a DuckDB view over a file for logs larger than memory). Timestamps are naive and mean
UTC: readers convert offsets exactly and interpret naive input in the zone the user chose.
Any other input column is kept under its own name as an event or case attribute.
"""

from __future__ import annotations

import pyarrow as pa

CASE = "case_id"
"""Case identifier, always text ("NA", "null" and "0012" are ids, not missing values)."""
ACTIVITY = "activity"
"""Activity name (several input columns may be joined into one)."""
TIMESTAMP = "timestamp"
"""Completion time of the event (activity instance), UTC."""
START = "start_timestamp"
"""Start time of the activity instance, UTC; null when unknown."""
RESOURCE = "resource"
"""Who did it (person or system); null when unknown."""
ORG_UNIT = "org_unit"
"""Department, team, group or role; null when unknown."""
CHANNEL = "channel"
"""Channel of a customer contact (phone, e-mail, desk, web...); null when unknown."""
CUSTOMER = "customer_id"
"""Who the case is for (customer, client, citizen), as text; null when unknown. Several cases
of one customer make their journey across the organisation."""
EVENT_INDEX = "event_index"
"""Position of the event in the input (0-based); breaks timestamp ties within a case."""

CANONICAL_SCHEMA = pa.schema(
    [
        pa.field(CASE, pa.string(), nullable=False),
        pa.field(ACTIVITY, pa.string(), nullable=False),
        pa.field(TIMESTAMP, pa.timestamp("us"), nullable=False),
        pa.field(START, pa.timestamp("us")),
        pa.field(RESOURCE, pa.string()),
        pa.field(ORG_UNIT, pa.string()),
        pa.field(CHANNEL, pa.string()),
        pa.field(CUSTOMER, pa.string()),
        pa.field(EVENT_INDEX, pa.int64(), nullable=False),
    ]
)
CANONICAL_COLUMNS: tuple[str, ...] = tuple(CANONICAL_SCHEMA.names)
