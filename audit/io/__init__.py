"""Event logs in: read a file in any supported format, map its columns to the canonical
event table (audit.io.schema), parse time, pair lifecycle events and account for every row.

    log = read_log("sepsis.csv.gz", timezone="Europe/Amsterdam")
    log.events        # pyarrow.Table, canonical columns first
    log.quality       # DataQuality: rows read, events used, dropped by reason, ...
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from audit.errors import AuditInputError
from audit.io.eventlog import EVENTS_VIEW, EventLog, open_events
from audit.io.mapping import ColumnMapping
from audit.io.quality import DataQuality, RowCount

if TYPE_CHECKING:
    from audit.io.raw import RawLog

__all__ = [
    "EVENTS_VIEW",
    "ColumnMapping",
    "DataQuality",
    "EventLog",
    "RowCount",
    "SUFFIXES",
    "file_kind",
    "open_events",
    "read_log",
]

SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xes": "xes",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
}
"""File endings (before an optional .gz) and the reader for each."""


def read_log(
    path: str | Path,
    mapping: ColumnMapping | None = None,
    *,
    timezone: str = "UTC",
    dayfirst: bool | None = None,
    progress: Callable[[str], None] | None = None,
) -> EventLog:
    """Read an event log file (csv, csv.gz, tsv, txt, xes, xes.gz, parquet, xlsx).

    mapping: roles the user chose; the rest are recognised from the column names.
    timezone: the IANA zone in which timestamps without an offset are read.
    dayfirst: for dd/mm versus mm/dd dates the data cannot settle; None means ask.
    progress: called with a short message at each step.
    Raises AuditInputError with the file, the problem and what to do.
    """
    path = Path(path)
    if not path.is_file():
        raise AuditInputError(
            "no such file", source=str(path), hint="check the path and the file name"
        )
    if progress is not None:
        progress(f"reading {path.name}")
    raw = _read_raw(path, progress)
    from audit.io.normalise import build_event_log

    return build_event_log(
        raw, mapping, source=path.name, timezone=timezone, dayfirst=dayfirst, progress=progress
    )


def file_kind(path: Path) -> str:
    """Which reader a file needs ("csv", "xes", "parquet" or "xlsx"), from its ending;
    AuditInputError for any other file."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    kind = SUFFIXES.get(suffixes[-1] if suffixes else "")
    if kind is None:
        raise AuditInputError(
            f"unknown file type {''.join(path.suffixes) or '(no extension)'}",
            source=path.name,
            hint="give a .csv, .tsv, .txt, .xes, .xes.gz, .csv.gz, .parquet or .xlsx file",
        )
    return kind


def _read_raw(path: Path, progress: Callable[[str], None] | None) -> RawLog:
    """The file as read by its format's reader, imported only when a file needs it (the
    Excel and XES readers bring openpyxl and rustxes with polars)."""
    kind = file_kind(path)
    if kind == "csv":
        from audit.io.csv_reader import read_csv_raw

        return read_csv_raw(path)
    if kind == "xes":
        from audit.io.xes_reader import read_xes_raw

        return read_xes_raw(path, progress)
    from audit.io.table_readers import read_parquet_raw, read_xlsx_raw

    return read_parquet_raw(path) if kind == "parquet" else read_xlsx_raw(path)
