"""Small SQL building blocks shared by the engine's queries.

Every duration leaves DuckDB in hours (float): the difference of two timestamps in
microseconds divided by the microseconds in an hour. Keeping that in one place makes every
measure use the same clock.
"""

from __future__ import annotations

import duckdb
import pandas as pd

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


def fetch_row(con: duckdb.DuckDBPyConnection, sql: str) -> dict:
    """Run a query that returns one row and give it as {column: value}."""
    result = con.execute(sql)
    names = [column[0] for column in result.description]
    (values,) = result.fetchall()
    return dict(zip(names, values, strict=True))
