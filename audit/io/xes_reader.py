"""XES and XES.gz, read as a stream and safely.

The file is parsed trace by trace with lxml's `iterparse` (no entity resolution, no DTD,
no network, no huge-tree mode); each finished trace is turned into column values and then
freed, so memory grows with the events kept, not with the XML tree. A file that declares a
DOCTYPE or ENTITY is refused before parsing: event logs never need one, and entity tricks
(billion laughs, external files) are the classic attacks on XML readers.

Trace attributes become case attributes under their own names (`AMOUNT_REQ`, `channel`);
the trace's `concept:name` becomes `case:concept:name`, as in pm4py. A trace attribute whose
name is also an event attribute keeps the `case:` prefix so neither hides the other.
Nested attribute values (lists, containers, meta-attributes) are not event data and are left
out.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
from lxml import etree

from audit.errors import AuditInputError
from audit.io.raw import RawLog, broken_gzip, is_gzip, read_head

CASE_ID_COLUMN = "case:concept:name"
PROLOG_BYTES = 1 << 20
FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")


def check_prolog(path: Path) -> None:
    """Refuse anything before the root element that could define entities or a DTD."""
    head = read_head(path, PROLOG_BYTES)
    root_at = head.find(b"<log")
    prolog = head if root_at < 0 else head[:root_at]
    if any(marker in prolog for marker in FORBIDDEN):
        raise AuditInputError(
            "the XML declares a DOCTYPE or ENTITY, which an event log never needs; "
            "it is refused for safety",
            source=path.name,
            hint="export the log again without a document type declaration",
        )
    if root_at < 0:
        raise AuditInputError(
            "no <log> element at the start: this is not an XES event log",
            source=path.name,
            hint="give an XES file, or a CSV, Parquet or Excel export",
        )


class _Columns:
    """Values of each attribute key with the row position they belong to; gaps are null."""

    def __init__(self) -> None:
        self.rows: dict[str, list[int]] = {}
        self.values: dict[str, list[str]] = {}

    def add(self, row: int, key: str, value: str) -> None:
        rows = self.rows.get(key)
        if rows is None:
            rows = self.rows[key] = []
            self.values[key] = []
        rows.append(row)
        self.values[key].append(value)

    def array(self, key: str, length: int) -> pa.Array:
        """The values of `key` as a text column of `length` rows, null where absent; built
        with Arrow's take, without a Python loop."""
        values = self.values[key]
        positions = np.full(length, len(values), dtype=np.int64)  # absent: the null at the end
        positions[np.asarray(self.rows[key], dtype=np.int64)] = np.arange(len(values))
        return pa.array([*values, None], type=pa.string()).take(pa.array(positions))


def read_xes_raw(path: Path, progress: Callable[[str], None] | None = None) -> RawLog:
    """Stream the traces of an XES file into text columns, one row per event."""
    check_prolog(path)
    events, traces = _Columns(), _Columns()
    event_trace: list[int] = []
    event_position: list[int] = []
    trace_number = 0
    opener = gzip.open if is_gzip(path) else open
    try:
        with opener(path, "rb") as handle:
            parser = etree.iterparse(
                handle,
                events=("end",),
                tag="{*}trace",
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                huge_tree=False,
                remove_comments=True,
            )
            # the event loop runs once per attribute: _Columns.add is inlined here
            event_rows, event_values = events.rows, events.values
            for _, trace in parser:
                position = 0
                for child in trace:
                    tag = child.tag
                    if tag.endswith("event"):
                        position += 1
                        row = len(event_trace)
                        event_trace.append(trace_number)
                        event_position.append(position)
                        for attribute in child:
                            key = attribute.get("key")
                            value = attribute.get("value")
                            if key is None or value is None:
                                continue
                            rows = event_rows.get(key)
                            if rows is None:
                                rows = event_rows[key] = []
                                event_values[key] = []
                            rows.append(row)
                            event_values[key].append(value)
                    else:
                        key = child.get("key")
                        value = child.get("value")
                        if key is not None and value is not None:
                            traces.add(trace_number, key, value)
                trace_number += 1
                trace.clear(keep_tail=False)
                parent = trace.getparent()
                while trace.getprevious() is not None:
                    del parent[0]
                if progress is not None and trace_number % 10000 == 0:
                    progress(f"read {trace_number:,} traces, {len(event_trace):,} events")
    except etree.XMLSyntaxError as exc:
        raise AuditInputError(
            f"the XML is malformed ({exc.msg}, line {exc.lineno})",
            source=path.name,
            hint="the file is damaged or truncated; export or copy it again",
        ) from exc
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise broken_gzip(path, exc) from exc
    if not event_trace:
        raise AuditInputError(
            "the XES log has no events", source=path.name, hint="check the export"
        )
    return RawLog(
        table=_to_table(events, traces, event_trace),
        locate=_locator(event_trace, event_position),
    )


def _to_table(events: _Columns, traces: _Columns, event_trace: list[int]) -> pa.Table:
    rows = len(event_trace)
    trace_of_event = pa.array(event_trace, type=pa.int64())
    trace_count = event_trace[-1] + 1
    columns: dict[str, pa.Array] = {}
    for key in traces.rows:
        name = key if key not in events.rows else f"case:{key}"
        name = CASE_ID_COLUMN if key == "concept:name" else name
        columns[name] = traces.array(key, trace_count).take(trace_of_event)
    for key in events.rows:
        columns[key] = events.array(key, rows)
    return pa.table(columns)


def _locator(event_trace: list[int], event_position: list[int]) -> Callable[[int], str]:
    def locate(position: int) -> str:
        return f"trace {event_trace[position] + 1}, event {event_position[position]}"

    return locate
