"""Safe outputs: spreadsheet formulas neutralised, control characters removed, HTML escaped."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from audit.report.safe import MAX_CELL_CHARS, escape, safe_cell, safe_csv


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
