"""Safe outputs: spreadsheet formulas neutralised, control characters removed, HTML escaped."""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest

from audit.pipeline import output_tables, run_audit
from audit.report.safe import MAX_CELL_CHARS, escape, safe_cell, safe_csv, safe_frame
from tests.report.conftest import SAMPLE, SAMPLE_JOURNEY


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+358 40 123", "'+358 40 123"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("  =cmd", "'  =cmd"),  # leading spaces do not hide a formula
        ("\t=cmd", "' =cmd"),  # tab: a formula start itself, then turned into a space
        ("\r=cmd", "' =cmd"),
        ("Assess\x00 dam\x1bage\x7f", "Assess damage"),  # control characters removed
        ("line one\nline two", "line one line two"),
        ("Claims intake", "Claims intake"),
        ("a=b", "a=b"),  # only a leading = makes a formula
    ],
)
def test_safe_cell(cell, expected):
    assert safe_cell(cell) == expected


def test_numbers_stay_numbers_and_long_text_is_cut():
    assert safe_cell(-3.5) == -3.5
    assert safe_cell(7) == 7
    long = safe_cell("x" * 40_000)
    assert len(long) == MAX_CELL_CHARS
    assert long.endswith("…")


def test_safe_csv_round_trip(tmp_path):
    frame = pd.DataFrame(
        {
            "activity": ["=cmd|' /C calc'!A0", "Normal", None],
            "=header": ["@x", "-y", "+z"],
            "count": [-5, 3, 0],
            "share": [0.25, -0.5, 1.0],
        }
    )
    path = safe_csv(frame, tmp_path / "out.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark for Excel
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["activity", "'=header", "count", "share"]
    assert rows[1] == ["'=cmd|' /C calc'!A0", "'@x", "-5", "0.25"]
    assert rows[2] == ["Normal", "'-y", "3", "-0.5"]
    assert rows[3] == ["", "'+z", "0", "1.0"]


def test_escape():
    assert escape('<script>alert("x")</script>') == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    )
    assert escape("a & b\x00") == "a &amp; b"


def _pandas_csv(frame: pd.DataFrame, path) -> bytes:
    """What pandas' to_csv writes for the safe table: the format DuckDB's writer must keep."""
    safe_frame(frame).to_csv(path, index=False, encoding="utf-8-sig")
    return path.read_bytes()


EDGE = pd.DataFrame(
    {
        "a,b": ["x,y", "", None, 'q"q', " lead", "=f"],
        "seconds": pd.to_datetime(
            ["2020-01-01", None, "2020-01-02 03:04:05", "2020-01-02 03:04:06", "2020-01-01", None],
            format="ISO8601",
        ),
        "millis": pd.to_datetime(["2020-01-01 00:00:00.5"] * 6),
        "micros": pd.to_datetime(["2020-01-01 00:00:00.000001"] * 6),
        "dates": pd.to_datetime(["2020-01-01", None, "2020-01-02", "2020-01-03", None, None]),
        "flag": pd.array([True, None, False, True, True, False], dtype="boolean"),
        "plain_flag": [True, False, True, True, False, False],
        "count": pd.array([1, None, 3, -4, 5, 6], dtype="Int64"),
        "hours": [np.nan, 1e16, 1e-7, -0.0, 3.0, 437.1483333333333],
        "mixed": [[1, 2], None, 3, "x", 2.5, ("a",)],
    }
)


@pytest.mark.parametrize("rows", [slice(None), slice(0, 0)])
def test_csv_is_byte_for_byte_what_pandas_writes(tmp_path, rows):
    """DuckDB writes the CSVs; the bytes are pandas' own, for every kind of column."""
    frame = EDGE.iloc[rows]
    assert safe_csv(frame, tmp_path / "ours.csv").read_bytes() == _pandas_csv(
        frame, tmp_path / "pandas.csv"
    )


def test_every_output_table_of_an_audit_is_what_pandas_writes(tmp_path):
    """All CSVs of an audit of the example (trend and segments included), against pandas'
    writing of the same tables."""
    result = run_audit(SAMPLE, journey=SAMPLE_JOURNEY, by="month", segment="channel")
    tables = output_tables(result)
    assert {"cases", "case_stages", "trend", "segments", "labyrinth_chains"} <= set(tables)
    for name, table in tables.items():
        ours = safe_csv(table, tmp_path / f"{name}.ours.csv").read_bytes()
        assert ours == _pandas_csv(table, tmp_path / f"{name}.pandas.csv"), name
