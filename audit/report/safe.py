"""Safe outputs: names from the log can be hostile, so nothing we write may execute them.

An activity, resource or attribute value comes from somebody else's system and may contain
HTML, a spreadsheet formula or control characters. CSV exports are made safe to open in
Excel or LibreOffice (a cell starting with = + - @ tab or CR gets a leading apostrophe, as
OWASP recommends for CSV injection; numbers stay numbers); control characters are removed
and cells are cut to what a spreadsheet cell holds. HTML escaping is done by the report's
Jinja2 environment (autoescape on) and by ``escape`` for the few strings built in Python.
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import tempfile
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit import scratch
from audit.engine.sql import quote

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP)."""

MAX_CELL_CHARS = 32_000
"""Excel holds at most 32,767 characters in a cell; longer text is cut with an ellipsis."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = re.compile(r"[\r\n\t]+")
_NEEDS_WORK = r"[\x00-\x1f\x7f-\x9f\x{2028}\x{2029}]|^ *[=+\-@]"
"""Text that `safe_cell` changes (besides length): a control character or line break
anywhere, or a formula's first character after spaces (RE2 syntax, for Arrow)."""


def clean_text(value: str) -> str:
    """Text without control characters: line breaks and tabs become one space, the rest
    (NUL, escape, bell, C1 controls, Unicode line separators) are removed."""
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", value))


def safe_cell(value: object) -> object:
    """One CSV cell made safe: a list of values (a customer's case ids) becomes its items
    joined with "; "; text is cleaned, cut to MAX_CELL_CHARS and, when it would start a
    formula, prefixed with an apostrophe; any other value is returned unchanged."""
    if isinstance(value, list | tuple | np.ndarray):
        value = "; ".join(str(item) for item in value)
    if not isinstance(value, str):
        return value
    starts_formula = value.lstrip(" ").startswith(FORMULA_START)
    text = clean_text(value)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    if starts_formula or text.lstrip(" ").startswith(FORMULA_START):
        text = "'" + text
    return text


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table with every text cell and column name made safe; numeric,
    boolean and date columns are left as they are so a spreadsheet reads them as numbers."""
    safe = df.copy()
    for column in safe.columns:
        series = safe[column]
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            safe[column] = _safe_column(series)
    safe.columns = [safe_cell(str(name)) for name in safe.columns]
    return safe


def _safe_column(series: pd.Series) -> pd.Series:
    """The column with every cell made safe by `safe_cell`. A column of text alone (most
    are: ids, names) is searched in Arrow for the few cells that need a change, and only
    those go through Python; a table of a million cells is made safe in milliseconds."""
    if pd.api.types.infer_dtype(series, skipna=True) != "string":
        return series.map(safe_cell, na_action="ignore").astype(object)
    text = pa.array(series, type=pa.string(), from_pandas=True)
    changes = pc.or_(
        pc.match_substring_regex(text, _NEEDS_WORK),
        pc.greater(pc.utf8_length(text), MAX_CELL_CHARS),
    )
    needs_work = changes.fill_null(False).to_numpy(zero_copy_only=False)
    safe = series.astype(object)
    if needs_work.any():
        safe = safe.copy()
        safe[needs_work] = [safe_cell(value) for value in series[needs_work]]
    return safe


def safe_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write the table as CSV that is safe to open in a spreadsheet.

    UTF-8 with a byte-order mark, so that Excel in any locale shows ä and ö correctly; every
    text cell goes through ``safe_cell``. The file is the one pandas' ``to_csv`` writes, byte
    for byte, but DuckDB writes it (`_copy_csv`): a million cells in a tenth of the time.
    Returns the path written.
    """
    path = Path(path)
    frame = safe_frame(df)
    columns = _csv_columns(frame)
    if columns is None:
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    else:
        _copy_csv(columns, path)
    return path


def _csv_columns(frame: pd.DataFrame) -> dict[str, tuple[pa.Array, str]] | None:
    """Each column as an Arrow array and the DuckDB expression that renders it as pandas'
    `to_csv` does; None when a column has a type without such a rendering here (zoned
    times, durations, categories), or when the table has fewer than two columns (Python's
    csv writes an empty row of one cell as "") or repeats a name; pandas then writes it."""
    if len(frame.columns) < 2 or frame.columns.has_duplicates:
        return None
    columns = {}
    for position, name in enumerate(frame.columns):
        series = frame.iloc[:, position]
        column = f"c{position}"
        kind = series.dtype.kind
        if pd.api.types.is_bool_dtype(series):
            array = pa.array(series, type=pa.bool_(), from_pandas=True)
            sql = f"CASE WHEN {column} THEN 'True' WHEN NOT {column} THEN 'False' END"
        elif kind in "iuf":
            array, sql = pa.array(series, from_pandas=True), column
        elif kind == "M" and getattr(series.dtype, "tz", None) is None:
            array = pa.array(series, from_pandas=True)
            time_format = _timestamp_format(array)
            if time_format is None:
                return None
            sql = f"strftime({column}, '{time_format}')"
        elif kind == "O" or pd.api.types.is_string_dtype(series):
            array, sql = _text_array(series), f"NULLIF({column}, '')"
        else:
            return None
        columns[str(name)] = (array, sql)
    return columns


def _timestamp_format(array: pa.Array) -> str | None:
    """pandas' format for a column of times: the date alone when every time is midnight,
    else to the second, the millisecond or the microsecond, as the finest time needs; None
    for nanoseconds, which DuckDB's microsecond times do not hold."""
    nanos = pc.cast(array.drop_null(), pa.timestamp("ns")).cast(pa.int64()).to_numpy()
    for unit, time_format in _TIME_FORMATS:
        if (nanos % unit == 0).all():
            return time_format
    return None


_TIME_FORMATS = (
    (86_400 * 10**9, "%Y-%m-%d"),
    (10**9, "%Y-%m-%d %H:%M:%S"),
    (10**6, "%Y-%m-%d %H:%M:%S.%g"),
    (10**3, "%Y-%m-%d %H:%M:%S.%f"),
)


def _text_array(series: pd.Series) -> pa.Array:
    """A text column as Arrow strings; a value that is not text (a number in a column of
    mixed values) is written as its `str`, as pandas writes it."""
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        return pa.array(series, type=pa.string(), from_pandas=True)
    return pa.array([None if pd.isna(v) else str(v) for v in series], type=pa.string())


def _copy_csv(columns: dict[str, tuple[pa.Array, str]], path: Path) -> None:
    """DuckDB's COPY of the rendered columns (empty text as an empty cell, not ""), with the
    byte-order mark written first. DuckDB writes to a file beside the target, which is then
    appended to the mark (COPY itself cannot start a file with one)."""
    table = pa.table({f"c{i}": array for i, (array, _) in enumerate(columns.values())})
    select = ", ".join(f"{sql} AS {quote(name)}" for name, (_, sql) in columns.items())
    handle, body = tempfile.mkstemp(prefix=".csv-", dir=path.parent)
    os.close(handle)
    try:
        with _writer().cursor() as con:
            con.register("frame", table)
            con.execute(
                f"COPY (SELECT {select} FROM frame) TO '{_literal(body)}' (FORMAT csv, HEADER)"
            )
        with path.open("wb") as target, open(body, "rb") as source:
            target.write("\ufeff".encode())
            shutil.copyfileobj(source, target)
    finally:
        os.unlink(body)


@functools.cache
def _writer() -> duckdb.DuckDBPyConnection:
    """One in-memory DuckDB for writing CSVs (spilling to the scratch space); each write
    takes its own cursor (a connection of its own, safe across the app's threads), which
    costs nothing where connecting costs 20 ms."""
    return scratch.connect()


def _literal(text: str) -> str:
    return text.replace("'", "''")


def escape(value: object) -> str:
    """Text for HTML: control characters removed and & < > " ' escaped."""
    return html.escape(clean_text(str(value)), quote=True)
