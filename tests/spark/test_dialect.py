"""Each place where DuckDB's and Spark's SQL differ in meaning computes the same on both
engines (audit.engine.spark rewrites it, or sqlglot does)."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pyarrow as pa
import pytest

from audit.engine.spark import to_spark
from audit.errors import AuditInputError

pytestmark = pytest.mark.spark

ROWS = pa.table(
    {
        "g": ["a", "a", "a", "b", "b", None],
        "x": [1, 2, 10, 7, None, 3],
        "v": ["p", None, "r", None, "s", "t"],
        "t": pa.array(
            [datetime(2025, 1, 1, 8), datetime(2025, 1, 1, 9, 30), None]
            + [datetime(2024, 12, 31, 23, 59, 59, 999999)] * 3,
            pa.timestamp("us"),
        ),
    }
)

QUERIES = {
    "exact median, not percentile_approx": "SELECT g, median(x) AS m FROM rows GROUP BY g",
    "exact quantile_cont": "SELECT g, quantile_cont(x, 0.9) AS q FROM rows GROUP BY g",
    "exact quantile_disc (nearest rank)": "SELECT g, quantile_disc(x, 0.8) AS d, "
    "quantile_disc(x, 0.5) FILTER (WHERE x > 1) AS f FROM rows GROUP BY g",
    "arg_min skips a NULL value": "SELECT g, arg_min(v, x) AS first_v FROM rows GROUP BY g",
    "arg_max skips a NULL value": "SELECT g, arg_max(v, x) AS last_v FROM rows GROUP BY g",
    "NULLs sort last by default": "SELECT g, x FROM rows ORDER BY g, x",
    "integer division gives a fraction": "SELECT sum(x) / count(*) AS d FROM rows",
    "hours between two times as a double": "SELECT (epoch_us(t) - epoch_us(TIMESTAMP "
    "'2024-12-31 00:00:01')) / 3600000000.0 AS h FROM rows",
    "epoch microseconds of a naive time": "SELECT epoch_us(t) AS us FROM rows ORDER BY us",
    "HUGEINT sort keys": "SELECT g, arg_min(v, epoch_us(t)::HUGEINT * 1099511627776 + x) "
    "AS first_v FROM rows GROUP BY g",
    "list in order": "SELECT g, list(x ORDER BY x) AS xs FROM rows WHERE g IS NOT NULL GROUP BY g",
    "FILTER and GROUP BY ALL": "SELECT g, count(*) FILTER (WHERE x > 1) AS n FROM rows "
    "GROUP BY ALL",
    "lag IGNORE NULLS": "SELECT x, lag(v IGNORE NULLS) OVER (ORDER BY x) AS p FROM rows",
    "a frame on a named window": "SELECT x, max(x) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING "
    "AND 1 PRECEDING) AS highest_before FROM rows WINDOW w AS (PARTITION BY g ORDER BY x)",
    "timestamp parameter": "SELECT count(*) AS n FROM rows WHERE t > $cutoff",
}


@pytest.mark.parametrize("sql", QUERIES.values(), ids=QUERIES.keys())
def test_a_dialect_difference_computes_the_same_on_spark(spark_connect, sql):
    parameters = {"cutoff": datetime(2025, 1, 1, 8, 30)} if "$cutoff" in sql else None
    local = duckdb.connect()
    local.register("rows", ROWS)
    expected = sorted(local.execute(sql, parameters).fetchall(), key=repr)
    con = spark_connect()
    try:
        con.register("rows", ROWS)
        assert sorted(con.execute(sql, parameters).fetchall(), key=repr) == expected
    finally:
        con.close()


def test_an_enum_cast_keeps_the_text():
    spark_sql = to_spark("SELECT CAST(a AS activity_name) AS a FROM t", {"activity_name"})
    assert spark_sql == "SELECT a AS a FROM t"


def test_a_working_calendar_is_refused_by_name():
    with pytest.raises(AuditInputError, match="business hours") as error:
        to_spark("SELECT * FROM e ASOF LEFT JOIN w ON e.t >= w.opens")
    assert error.value.source == "--engine spark"
