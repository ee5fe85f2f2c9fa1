"""The data-quality account of one input: what happened to every row.

The account balances: every row read is either used as an event, dropped for a named
reason, or merged into another row by lifecycle pairing (a start joined to its complete).
`balanced()` checks exactly that; the other counts describe the events kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_EXAMPLES = 5


@dataclass
class RowCount:
    """How many rows share one finding, with up to five places in the file to look at."""

    count: int
    examples: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"count": self.count, "examples": list(self.examples)}


@dataclass
class DataQuality:
    """What the reader did with every row of the input.

    rows_read: rows in the input (CSV lines after the header, XES events, sheet rows).
    events_used: events in the event table.
    dropped: reason -> rows dropped for it (missing case id, missing activity, missing or
        unparseable timestamp, lifecycle transitions that are not events, start without a
        complete, lines the CSV reader could not split).
    merged_by_lifecycle: start rows joined to their complete row into one event.
    unpaired_completes: complete events of an activity that has start events elsewhere in
        the log, but no matching start of its own (kept, without a start time).
    duplicated_events: events with the same case, activity, timestamps and resource as an
        earlier one (kept: the audit counts them, it does not guess which is right).
    single_event_cases: cases with only one event.
    cases_with_tied_timestamps: cases where two or more events share a timestamp (their
        order falls back to the order in the file).
    timestamps_out_of_range: events far outside the bulk of the log's time span (kept).
    notes: anything else the user should know, in plain words.
    """

    rows_read: int = 0
    events_used: int = 0
    dropped: dict[str, RowCount] = field(default_factory=dict)
    merged_by_lifecycle: int = 0
    unpaired_completes: int = 0
    duplicated_events: RowCount = field(default_factory=lambda: RowCount(0))
    single_event_cases: int = 0
    cases_with_tied_timestamps: int = 0
    timestamps_out_of_range: RowCount = field(default_factory=lambda: RowCount(0))
    notes: list[str] = field(default_factory=list)

    @property
    def rows_dropped(self) -> int:
        """All rows dropped, whatever the reason."""
        return sum(entry.count for entry in self.dropped.values())

    def balanced(self) -> bool:
        """True when every row read is accounted for: used, dropped or merged."""
        return self.rows_read == self.events_used + self.rows_dropped + self.merged_by_lifecycle

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "rows_read": self.rows_read,
            "events_used": self.events_used,
            "rows_dropped": self.rows_dropped,
            "dropped": {reason: entry.to_dict() for reason, entry in self.dropped.items()},
            "merged_by_lifecycle": self.merged_by_lifecycle,
            "unpaired_completes": self.unpaired_completes,
            "duplicated_events": self.duplicated_events.to_dict(),
            "single_event_cases": self.single_event_cases,
            "cases_with_tied_timestamps": self.cases_with_tied_timestamps,
            "timestamps_out_of_range": self.timestamps_out_of_range.to_dict(),
            "notes": list(self.notes),
            "balanced": self.balanced(),
        }
