"""fetch_large_frame gives the case tables exactly as fetch_df would, only cheaper."""

import duckdb
import pandas as pd

from audit.engine.sql import fetch_frame, fetch_large_frame

ROWS = """
SELECT * FROM (VALUES
    ('c1', 3, 7::TINYINT, true, 1.5, TIMESTAMP '2024-01-02 03:04:05', NULL::INTEGER, NULL::BOOLEAN),
    ('c2', 4, NULL, NULL, NULL, NULL, 9, false)
) AS t(case_id, events, nps, promise_kept, hours, first_event, answers, kept)
"""


def test_same_frame_and_dtypes_as_fetch_df() -> None:
    con = duckdb.connect()
    expected = fetch_frame(con, ROWS)
    result = fetch_large_frame(con, ROWS)
    pd.testing.assert_frame_equal(result, expected)
    # columns with missing values are nullable, complete ones plain numpy
    assert str(result["nps"].dtype) == "Int8"
    assert str(result["promise_kept"].dtype) == "boolean"
    assert str(result["answers"].dtype) == "Int32"
    assert str(result["events"].dtype) == "int32"


def test_types_arrow_converts_otherwise_fall_back() -> None:
    con = duckdb.connect()
    sql = "SELECT DATE '2024-05-06' AS day, 1.25::DECIMAL(5, 2) AS amount"
    result = fetch_large_frame(con, sql)
    pd.testing.assert_frame_equal(result, fetch_frame(con, sql))
    assert result["amount"].tolist() == [1.25]
