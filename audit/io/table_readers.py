"""Parquet and Excel (.xlsx): formats that carry their own column types.

Parquet is read as it is (typed timestamps stay typed). From Excel, the first sheet with
data is read with openpyxl in read-only mode; a column whose cells are all dates stays a
date column, every other column becomes text, numbers written as Excel shows integers
(`12`, not `12.0`).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import load_workbook

from audit.errors import AuditInputError
from audit.io.csv_reader import unique_names
from audit.io.raw import RawLog, line_locator


def read_parquet_raw(path: Path) -> RawLog:
    """Read a Parquet file as it is."""
    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise AuditInputError(
            f"cannot be read as Parquet ({exc})",
            source=path.name,
            hint="check that the file is a complete Parquet export",
        ) from exc
    if table.num_rows == 0:
        raise AuditInputError("the Parquet file has no rows", source=path.name)
    return RawLog(table=table, locate=lambda position: f"row {position + 1}")


def read_xlsx_raw(path: Path) -> RawLog:
    """Read the first non-empty sheet of an Excel workbook; its first row is the header."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise AuditInputError(
            f"cannot be read as an Excel workbook ({exc})",
            source=path.name,
            hint="save it again as .xlsx, or export it as CSV",
        ) from exc
    try:
        for sheet in workbook.worksheets:
            rows = [row for row in sheet.iter_rows(values_only=True)]
            if len(rows) >= 2:
                return RawLog(table=_to_table(rows), locate=line_locator(2, "row"))
    finally:
        workbook.close()
    raise AuditInputError(
        "no sheet has a header row and data", source=path.name, hint="check the workbook"
    )


def _to_table(rows: list[tuple]) -> pa.Table:
    width = max(len(row) for row in rows)
    header = [("" if cell is None else str(cell)) for cell in rows[0]]
    names = unique_names(header + [""] * (width - len(header)))
    body = [tuple(row) + (None,) * (width - len(row)) for row in rows[1:]]
    columns = {}
    for index, name in enumerate(names):
        values = [row[index] for row in body]
        present = [value for value in values if value is not None]
        if present and all(isinstance(value, dt.datetime) for value in present):
            columns[name] = pa.array(values, type=pa.timestamp("us"))
        else:
            columns[name] = pa.array([_cell_text(value) for value in values], type=pa.string())
    return pa.table(columns)


def _cell_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)
