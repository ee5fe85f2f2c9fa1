"""The event log as the rest of the tool sees it, and how the engine opens it in DuckDB."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from audit.io.mapping import ColumnMapping
from audit.io.quality import DataQuality
from audit.io.schema import CANONICAL_COLUMNS

EVENTS_VIEW = "events"


@dataclass
class EventLog:
    """One input file read, mapped and accounted for.

    events: the canonical event table (audit.io.schema) followed by the attribute columns.
    source: the file name the user gave.
    mapping: which input column(s) fill each role.
    quality: the data-quality account of every input row.
    timezone: the zone naive input timestamps were read in (all times are stored as UTC).
    case_attributes: attribute columns whose value is constant within every case.
    lifecycle: "paired" when start/complete events were joined into activity instances,
        "complete only" when the lifecycle column only held completions, None without one.
    """

    events: pa.Table
    source: str
    mapping: ColumnMapping
    quality: DataQuality
    timezone: str = "UTC"
    case_attributes: list[str] = field(default_factory=list)
    lifecycle: str | None = None

    @property
    def attributes(self) -> list[str]:
        """Columns beyond the canonical ones, event and case attributes alike."""
        return [name for name in self.events.column_names if name not in CANONICAL_COLUMNS]


def open_events(con: duckdb.DuckDBPyConnection, log: EventLog, name: str = EVENTS_VIEW) -> None:
    """Register the log's event table in `con` as a view (default `events`) for SQL; DuckDB
    reads the Arrow table in place, nothing is copied."""
    con.register(name, log.events)
