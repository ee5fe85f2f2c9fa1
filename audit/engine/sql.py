"""Small SQL building blocks shared by the engine's queries.

Every duration leaves DuckDB in hours (float): the difference of two timestamps in
microseconds divided by the microseconds in an hour. Keeping that in one place makes every
measure use the same clock.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa

UNMAPPED_STAGE = "(unmapped)"
"""Name of the stage row that collects events no journey stage claims."""

MICROSECONDS_PER_HOUR = 3_600_000_000


def hours_between(earlier: str, later: str) -> str:
    """SQL for the hours from `earlier` to `later` (NULL when either is NULL)."""
    return f"((epoch_us({later}) - epoch_us({earlier})) / {MICROSECONDS_PER_HOUR}.0)"


def quote(name: str) -> str:
    """Quote a column name for DuckDB, whatever characters the input file gave it."""
    return '"' + name.replace('"', '""') + '"'


def fetch_frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Run an aggregate query and return its (small) result as a pandas DataFrame.

    `execute(...).fetch_df()` rather than `sql(...).df()`: the relation API costs tens of
    milliseconds per call, which adds up over the many small tables of one audit.
    """
    return con.execute(sql).fetch_df()


_NULLABLE_DTYPES: dict[pa.DataType, object] = {
    pa.int8(): pd.Int8Dtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.uint8(): pd.UInt8Dtype(),
    pa.uint16(): pd.UInt16Dtype(),
    pa.uint32(): pd.UInt32Dtype(),
    pa.uint64(): pd.UInt64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}
"""The pandas dtype `fetch_df` gives an Arrow integer or boolean column with missing values."""


def _converts_alike(arrow_type: pa.DataType) -> bool:
    """Whether Arrow's pandas conversion gives this type the dtype `fetch_df` gives it (with
    `_NULLABLE_DTYPES` for missing values); dates, decimals, zoned times and nested types
    differ."""
    return (
        arrow_type in _NULLABLE_DTYPES
        or pa.types.is_floating(arrow_type)
        or pa.types.is_string(arrow_type)
        or pa.types.is_large_string(arrow_type)
        or (pa.types.is_timestamp(arrow_type) and arrow_type.tz is None)
    )


def fetch_large_frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Like `fetch_frame`, for a result of many rows (the case tables): through Arrow, which
    costs half of `fetch_df` there, with the same dtypes (integer and boolean columns with
    missing values become pandas nullable types). Falls back to `fetch_frame` when a column
    has a type the two conversions treat differently."""
    table = con.sql(sql).to_arrow_table()
    if not all(_converts_alike(field.type) for field in table.schema):
        return fetch_frame(con, sql)
    frame = table.to_pandas()
    for field, column in zip(table.schema, table.columns, strict=True):
        if field.type in _NULLABLE_DTYPES and column.null_count:
            frame[field.name] = column.to_pandas(types_mapper=_NULLABLE_DTYPES.get)
    return frame


def fetch_row(con: duckdb.DuckDBPyConnection, sql: str) -> dict:
    """Run a query that returns one row and give it as {column: value}."""
    result = con.execute(sql)
    names = [column[0] for column in result.description]
    (values,) = result.fetchall()
    return dict(zip(names, values, strict=True))
