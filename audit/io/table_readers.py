"""Parquet and Excel (.xlsx): formats that carry their own column types.

Parquet is read as it is (typed timestamps stay typed). From Excel, the first sheet with
data is read with openpyxl in read-only mode; a column whose cells are all dates stays a
date column, every other column becomes text, numbers written as Excel shows integers
(`12`, not `12.0`).

Both formats are compressed inside, so both are held to the input limits of audit.io.limits
before their data is read: what a file expands to is known beforehand from its own
directory (a workbook's zip members, whose declared sizes also bound what is read) or
metadata (a Parquet file's uncompressed pages, plus a byte for every value, which a long run
of one value costs once read however few bytes it takes in the file).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from audit.errors import AuditInputError
from audit.io.limits import check_cells, check_columns, check_expansion, check_values
from audit.io.names import unique_names
from audit.io.raw import RawLog, line_locator

CELLS_HINT = "clear the cells to the right of and below the data, or export the sheet as CSV"


def read_parquet_raw(path: Path, rows: int | None = None) -> RawLog:
    """Read a Parquet file as it is; only its first `rows` rows when given (a preview)."""
    try:
        file = pq.ParquetFile(path)  # keeps repeated column names, unlike read_table
        _check_parquet_size(file.metadata, path)
        if rows is None:
            table = file.read()
        else:
            first = next(file.iter_batches(batch_size=rows), None)
            table = (
                file.schema_arrow.empty_table() if first is None else pa.Table.from_batches([first])
            )
    except (pa.ArrowInvalid, OSError) as exc:
        raise AuditInputError(
            f"cannot be read as Parquet ({exc})",
            source=path.name,
            hint="check that the file is a complete Parquet export",
        ) from exc
    if table.num_rows == 0:
        raise AuditInputError("the Parquet file has no rows", source=path.name)
    raw = RawLog(table=table, locate=lambda position: f"row {position + 1}")
    check_values(raw.table, raw.locate, path.name)
    return raw


def _check_parquet_size(metadata: pq.FileMetaData, path: Path) -> None:
    """Refuse a Parquet file with too many columns, or that expands beyond the input limits
    (see the module text)."""
    check_columns(metadata.num_columns, path.name)
    pages = sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))
    values = metadata.num_rows * metadata.num_columns
    check_expansion(pages + values, path.stat().st_size, path.name)


def read_xlsx_raw(path: Path, rows: int | None = None) -> RawLog:
    """Read the first non-empty sheet of an Excel workbook; its first row is the header.
    Only the first `rows` rows under the header when given (a preview)."""
    cells = _sheet_rows(path, rows)
    if cells is None:
        raise AuditInputError(
            "no sheet has a header row and data", source=path.name, hint="check the workbook"
        )
    raw = RawLog(table=_to_table(cells), locate=line_locator(2, "row"))
    check_values(raw.table, raw.locate, path.name)
    return raw


def _sheet_rows(path: Path, rows: int | None) -> list[tuple] | None:
    """The rows of the first sheet with a header and data (the header and `rows` more when
    given), None when no sheet has both.

    openpyxl raises whatever its parts raise on a damaged workbook (zip, zlib and XML
    errors, KeyError for a missing part, ValueError or TypeError for a bad value), while
    opening it and, in read-only mode, while reading its rows: any of it means that the
    workbook cannot be read."""
    from openpyxl import load_workbook  # a quarter second of imports, for Excel files only

    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(member.file_size for member in archive.infolist())
        check_expansion(expanded, path.stat().st_size, path.name)
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                sheet.reset_dimensions()  # read the cells there are, not the declared range
                cells = _bounded_rows(sheet.iter_rows(values_only=True), expanded, path.name)
                cells = list(islice(cells, None if rows is None else rows + 1))
                if len(cells) >= 2:
                    return cells
        finally:
            workbook.close()
    except AuditInputError:
        raise
    except Exception as exc:  # see the docstring: a damaged workbook, whatever the error
        raise AuditInputError(
            f"cannot be read as an Excel workbook ({type(exc).__name__}: {exc})",
            source=path.name,
            hint="save it again as .xlsx, or export it as CSV",
        ) from exc
    return None


def _bounded_rows(rows: Iterator[tuple], expanded: int, source: str) -> Iterator[tuple]:
    """The rows of a sheet without their empty cells at the end (a cell formatted far to
    the right is no column), refused as soon as they make more columns, or a table (as
    wide as the widest row) of more values, than audit.io.limits allows: openpyxl fills
    a row with empty cells up to its last cell, so one cell in column XFD makes 16,384."""
    width = 0
    for count, row in enumerate(rows, start=1):
        end = len(row)
        while end and row[end - 1] is None:
            end -= 1
        width = max(width, end)
        check_columns(width, source, CELLS_HINT)
        check_cells(count, width, expanded, source, CELLS_HINT)
        yield row[:end]


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
