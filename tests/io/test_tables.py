"""Parquet and Excel readers: typed columns kept, ids as text, row numbers for the user."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook

from audit.io import read_log


def test_parquet_with_typed_and_zoned_timestamps(tmp_path):
    path = tmp_path / "log.parquet"
    table = pa.table(
        {
            "case_id": pa.array([12, 12, 13]),
            "activity": ["A", "B", None],
            "timestamp": pa.array(
                [datetime(2024, 1, 1, 12), datetime(2024, 1, 2, 12), datetime(2024, 1, 3)],
                type=pa.timestamp("ms", tz="Europe/Helsinki"),
            ),
            "cost": [1.5, 2.0, 3.0],
        }
    )
    pq.write_table(table, path)
    log = read_log(path, timezone="America/New_York")
    assert log.events.column("case_id").to_pylist() == ["12", "12"]
    # zoned Arrow timestamps are instants: the chosen zone does not shift them
    assert log.events.column("timestamp").to_pylist() == [
        datetime(2024, 1, 1, 12),
        datetime(2024, 1, 2, 12),
    ]
    assert log.quality.dropped["missing activity"].examples == ["row 3"]


def test_parquet_naive_timestamps_are_read_in_the_zone(tmp_path):
    path = tmp_path / "log.parquet"
    pq.write_table(
        pa.table({"case": ["1"], "activity": ["A"], "timestamp": [datetime(2024, 7, 1, 12)]}),
        path,
    )
    log = read_log(path, timezone="Europe/Helsinki")
    assert log.events.column("timestamp").to_pylist() == [datetime(2024, 7, 1, 9)]


def test_excel_first_sheet_with_dates_and_numeric_ids(tmp_path):
    path = tmp_path / "log.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Case ID", "Activity", "Timestamp", "Department"])
    sheet.append([101, "Apply", datetime(2024, 2, 1, 9, 30), "Front desk"])
    sheet.append(["0012", "Decide", datetime(2024, 2, 2, 14, 0), "Credit"])
    sheet.append([102, "Decide", None, "Credit"])
    workbook.save(path)
    log = read_log(path)
    assert log.events.column("case_id").to_pylist() == ["101", "0012"]
    assert log.events.column("org_unit").to_pylist() == ["Front desk", "Credit"]
    assert log.events.column("timestamp").to_pylist() == [
        datetime(2024, 2, 1, 9, 30),
        datetime(2024, 2, 2, 14),
    ]
    assert log.quality.dropped["missing timestamp"].examples == ["row 4"]
