"""Safe outputs: names from the log can be hostile, so nothing we write may execute them.

An activity, resource or attribute value comes from somebody else's system and may contain
HTML, a spreadsheet formula or control characters. CSV exports are made safe to open in
Excel or LibreOffice (a cell starting with = + - @ tab or CR gets a leading apostrophe, as
OWASP recommends for CSV injection; numbers stay numbers); control characters are removed
and cells are cut to what a spreadsheet cell holds. HTML escaping is done by the report's
Jinja2 environment (autoescape on) and by ``escape`` for the few strings built in Python.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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
    text cell goes through ``safe_cell``. Returns the path written.
    """
    path = Path(path)
    safe_frame(df).to_csv(path, index=False, encoding="utf-8-sig")
    return path


def escape(value: object) -> str:
    """Text for HTML: control characters removed and & < > " ' escaped."""
    return html.escape(clean_text(str(value)), quote=True)
