"""What `inspect` shows: the recognised mapping and the shape of the log, as plain data."""

from __future__ import annotations

import duckdb

from audit.io.advice import mapping_advice
from audit.io.eventlog import EventLog, open_events

DESCRIPTION_VERSION = 1


def describe(log: EventLog) -> dict[str, object]:
    """Roles and columns, cases, events, activities, time span, lifecycle, the advice on
    the column mapping (`audit.io.advice`) and the data-quality account of a log,
    JSON-ready (timestamps as ISO text, UTC)."""
    con = duckdb.connect()
    try:
        open_events(con, log)
        cases, events, activities, first, last, with_start, resources, units, channels = (
            con.execute(
                """
                SELECT count(DISTINCT case_id), count(*), count(DISTINCT activity),
                    min(timestamp), max(timestamp), count(start_timestamp),
                    count(DISTINCT resource), count(DISTINCT org_unit), count(DISTINCT channel)
                FROM events
                """
            ).fetchall()[0]
        )
        top = con.execute(
            "SELECT activity, count(*) AS n FROM events GROUP BY activity "
            "ORDER BY n DESC, activity LIMIT 10"
        ).fetchall()
    finally:
        con.close()
    return {
        "version": DESCRIPTION_VERSION,
        "source": log.source,
        "timezone": log.timezone,
        "mapping": log.mapping.to_dict(),
        "roles": log.mapping.columns(),
        "attributes": {
            "case": log.case_attributes,
            "event": [name for name in log.attributes if name not in log.case_attributes],
        },
        "cases": cases,
        "events": events,
        "activities": activities,
        "resources": resources,
        "org_units": units,
        "channels": channels,
        "first_event": first.isoformat() if first else None,
        "last_event": last.isoformat() if last else None,
        "lifecycle": log.lifecycle,
        "events_with_start_time": with_start,
        "top_activities": [{"activity": name, "events": n} for name, n in top],
        "advice": [advice.to_dict() for advice in mapping_advice(log)],
        "quality": log.quality.to_dict(),
    }
