"""Every event's position in its case, sorted out once for all of the drafting's queries.

Drafting a journey map asks several questions of the order of events within cases (where
an activity typically comes, which activity ends a case, how long the waits are). Each
needs the events sorted by case and time, the costliest step over a large log; this module
does that sort once and hands the result to the others as a small-columned table.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from audit.io.schema import ACTIVITY, CASE, CHANNEL, EVENT_INDEX, TIMESTAMP

POSITIONS_VIEW = "event_positions"
"""The name the positioned events go by in the drafting's SQL."""

_EVENTS_VIEW = "positioned_events"

_POSITIONS_SQL = f"""
SELECT {CASE} AS case_id, {ACTIVITY} AS activity, {{channel}} AS channel,
       {TIMESTAMP} AS timestamp,
       row_number() OVER in_case AS position,
       lag({TIMESTAMP}) OVER in_case AS previous,
       count(*) OVER (PARTITION BY {CASE}) AS case_events
FROM {_EVENTS_VIEW}
WINDOW in_case AS (PARTITION BY {CASE} ORDER BY {TIMESTAMP}, {EVENT_INDEX})
"""


@contextmanager
def event_positions(events: duckdb.DuckDBPyRelation) -> Iterator[duckdb.DuckDBPyRelation]:
    """The events (canonical columns) as case_id, activity, channel (NULL when the log has
    none), timestamp, position (1 = first event of its case, in time order and then input
    order), previous (the case's event before, NULL for the first) and case_events.

    Held, while the block runs, as a temporary table in the events' own connection: DuckDB
    keeps it in its buffer pool (spilling where that connection spills), the queries over
    it do not sort again, and it is dropped afterwards."""
    channel = CHANNEL if CHANNEL in events.columns else "NULL::VARCHAR"
    table = f"event_positions_{secrets.token_hex(4)}"
    events.query(
        _EVENTS_VIEW, f"CREATE TEMP TABLE {table} AS {_POSITIONS_SQL.format(channel=channel)}"
    )
    try:
        yield events.query(_EVENTS_VIEW, f"SELECT * FROM {table}")
    finally:
        events.query(_EVENTS_VIEW, f"DROP TABLE IF EXISTS {table}")
