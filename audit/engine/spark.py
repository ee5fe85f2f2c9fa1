"""The Spark backend: the engine's own DuckDB SQL, transpiled by sqlglot and run by Spark.

The engine writes every measure once, as DuckDB SQL over a connection. `SparkConnection`
is the part of a DuckDB connection the engine uses (`execute`, `sql`, `register`,
`unregister`), carried out on a SparkSession: each statement is parsed in DuckDB's dialect,
the places where the dialects differ in meaning are rewritten (`to_spark`) and the result
is generated in Spark's dialect. `CREATE TABLE ... AS` becomes a persisted temporary view,
so the steps, case and case-stage tables stay on the cluster; only the small aggregates
the engine fetches come back to the driver, as Arrow, and are converted to pandas by the
same DuckDB conversion the DuckDB engine uses, so both engines hand the findings the same
types.

The differences fixed here, each covered by tests/spark:

- ENUM types (the engine's dictionary coding): Spark has none; the names stay text, whose
  order is the enum order (the enums are built in text order; the stage enum's journey
  order is never used for sorting, the stage tables sort by `stage_order`).
- median / quantile_cont: Spark's exact `percentile`; quantile_disc: `percentile_disc(p)
  WITHIN GROUP (ORDER BY x)` (never `percentile_approx`, which sqlglot would write).
- arg_min / arg_max skip rows whose value is NULL in DuckDB; Spark's min_by / max_by do
  not, so the ordering key is nulled for those rows (min_by skips a NULL key).
- epoch_us: `unix_micros`; HUGEINT: DECIMAL(38, 0).
- `* EXCLUDE (...)`: Spark's `* EXCEPT (...)`.
- list(x ORDER BY k): an array of (k, x) pairs sorted by k (collect_list has no order).
- $name parameters: literals.
- a decimal literal (the hours' 3600000000.0): a DOUBLE, so that `/` divides as DuckDB's
  does (Spark would give a DECIMAL rounded to 12 places).
- OVER (w ROWS BETWEEN ...), a frame on a named window: the window written out.
- NULL ordering (DuckDB sorts NULLS LAST by default, Spark NULLS FIRST) and `/` on
  integers are handled by sqlglot itself, which makes both explicit.

Timestamps are naive UTC in both engines: the session runs in UTC with TIMESTAMP_NTZ as its
timestamp type. The working calendar's ASOF join has no exact Spark counterpart and is
refused (AuditInputError). PySpark is imported here only, when a Spark engine is asked for.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import sqlglot
from sqlglot import exp

from audit.errors import AuditInputError
from audit.io.schema import CANONICAL_SCHEMA, EVENT_INDEX

DEFAULT_MASTER = "local[*]"
_ENUM_TYPE = re.compile(r"\s*CREATE\s+(?:OR\s+REPLACE\s+)?TYPE\s+(\w+)\s+AS\s+ENUM\b", re.I)
"""The engine's dictionary types (sqlglot does not parse CREATE TYPE ... AS ENUM)."""
SHUFFLE_PARTITIONS = 4
"""Shuffle partitions of a local session; a cluster sets its own (spark-submit --conf)."""


_SPARK_TYPES = {pa.string(): "string", pa.timestamp("us"): "timestamp_ntz", pa.int64(): "bigint"}
CANONICAL_TYPES = {field.name: _SPARK_TYPES[field.type] for field in CANONICAL_SCHEMA}
"""The canonical event table (audit.io.schema) in Spark's types."""
REQUIRED_COLUMNS = tuple(
    field.name for field in CANONICAL_SCHEMA if not field.nullable and field.name != EVENT_INDEX
)


SMALL_DATA_SETTINGS = {"spark.sql.adaptive.enabled": "false"}
"""For logs of a few thousand events (the tests): no adaptive re-planning, whose extra
stages cost more than they save on small data. (Generated code stays on: Spark caches it, so
the second audit of a session compiles almost nothing; interpreted expressions measured
slower.)"""


def _spark_session(master: str, shuffle_partitions: int) -> Any:
    """A SparkSession for `master` (local[...], spark://..., yarn, or sc:// for Spark
    Connect), in UTC with naive timestamps; a local one binds to 127.0.0.1 only."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise AuditInputError(
            "the Spark engine needs PySpark, which is not installed",
            source="--engine spark",
            hint='install it with: pip install -e ".[spark]" (and a Java runtime, 17 or later)',
        ) from None
    if master.startswith("sc://"):
        builder = SparkSession.builder.remote(master)
    else:
        builder = SparkSession.builder.master(master).appName("journey-audit")
        if master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = (
                builder.config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
                .config("spark.driver.memory", os.environ.get("JOURNEY_AUDIT_SPARK_MEMORY", "1g"))
                .config("spark.driver.extraJavaOptions", "-Duser.timezone=UTC")
            )
    try:
        session = builder.getOrCreate()
    except Exception as error:  # the JVM or the cluster could not be reached
        raise AuditInputError(
            f"cannot start Spark at {master}: {str(error).splitlines()[0]}",
            source="--spark-master",
            hint="check that Java 17 or later is installed (scripts/setup.sh --browser) "
            "and that the master URL is right",
        ) from None
    session.sparkContext.setLogLevel("ERROR")
    session.conf.set("spark.sql.session.timeZone", "UTC")
    session.conf.set("spark.sql.timestampType", "TIMESTAMP_NTZ")
    return session


def _literal(value: object) -> exp.Expression:
    """A SQL literal for a query parameter."""
    if isinstance(value, datetime):
        return exp.cast(
            exp.Literal.string(value.isoformat(sep=" ")), exp.DataType.build("TIMESTAMP")
        )
    if isinstance(value, date):
        return exp.cast(exp.Literal.string(value.isoformat()), exp.DataType.build("DATE"))
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int | float):
        return exp.Literal.number(value)
    return exp.Literal.string(str(value))


def _function(name: str, *args: exp.Expression) -> exp.Expression:
    """A call of a Spark function sqlglot has no node for."""
    return exp.Anonymous(this=name, expressions=list(args))


def _rewrite_value(node: exp.Expression, enums: set[str], parameters: dict) -> exp.Expression:
    """A value, type or join of a DuckDB statement, rewritten to mean the same on Spark."""
    if isinstance(node, exp.Cast) and str(node.to.args.get("kind") or "").lower() in enums:
        return node.this
    if isinstance(node, exp.DataType) and node.is_type(exp.DataType.Type.INT128):
        return exp.DataType.build("DECIMAL(38, 0)")
    if isinstance(node, exp.Anonymous) and node.name.lower() == "epoch_us":
        return _function("unix_micros", exp.cast(node.expressions[0], "TIMESTAMP"))
    if isinstance(node, exp.Literal) and not node.is_string and not node.name.isdigit():
        # 3600000000.0 is a DECIMAL on both; DuckDB divides decimals as DOUBLE, Spark as
        # DECIMAL rounded to 12 places: as a DOUBLE both compute alike
        return exp.cast(node.copy(), "DOUBLE")
    if isinstance(node, exp.Placeholder) and node.name in parameters:
        return _literal(parameters[node.name])
    if isinstance(node, exp.Join) and str(node.args.get("method") or "").upper() == "ASOF":
        raise AuditInputError(
            "the Spark engine cannot yet measure in business hours (the journey map's "
            "calendar needs an ASOF join)",
            source="--engine spark",
            hint="remove the calendar from the journey map, or audit with --engine duckdb",
        )
    return node


def _inline_framed_windows(select: exp.Expression) -> exp.Expression:
    """OVER (w ROWS BETWEEN ...) refines the named window w; Spark cannot, so such a window
    gets w's partition and order written out."""
    if not isinstance(select, exp.Select) or not select.args.get("windows"):
        return select
    named = {window.this.name: window for window in select.args["windows"]}
    for window in select.find_all(exp.Window):
        alias = window.args.get("alias")
        if alias is None or window.args.get("spec") is None or alias.name not in named:
            continue
        definition = named[alias.name]
        window.set("partition_by", [c.copy() for c in definition.args.get("partition_by") or []])
        if definition.args.get("order") is not None:
            window.set("order", definition.args["order"].copy())
        window.set("alias", None)
    return select


def _rewrite_aggregate(node: exp.Expression) -> exp.Expression:
    """An aggregate of a DuckDB statement, rewritten to compute the same on Spark (after
    `_rewrite_value`: sqlglot does not revisit the arguments of a replaced node)."""
    if isinstance(node, exp.Median):
        return _function("percentile", node.this, exp.Literal.number(0.5))
    if isinstance(node, exp.PercentileCont) and not isinstance(node.parent, exp.WithinGroup):
        return _function("percentile", node.this, node.expression)
    if isinstance(node, exp.PercentileDisc) and not isinstance(node.parent, exp.WithinGroup):
        # as an Anonymous call: sqlglot would write Spark's percentile_disc as percentile_approx
        ordered = exp.Order(expressions=[exp.Ordered(this=node.this, nulls_first=False)])
        return exp.WithinGroup(
            this=_function("percentile_disc", node.expression), expression=ordered
        )
    if isinstance(node, exp.ArgMin | exp.ArgMax):
        value, key = node.this, node.expression
        present = exp.Not(this=exp.Is(this=value.copy(), expression=exp.Null()))
        keyed = exp.Case(ifs=[exp.If(this=present, true=key)])
        return _function("min_by" if isinstance(node, exp.ArgMin) else "max_by", value, keyed)
    if isinstance(node, exp.ArrayAgg) and isinstance(node.this, exp.Order):
        return _ordered_list(node.this)
    return node


def _ordered_list(order: exp.Order) -> exp.Expression:
    """list(x ORDER BY k, ...) as Spark: (k..., x) structs collected, sorted, unpacked."""
    if any(key.args.get("desc") for key in order.expressions):
        raise AuditInputError("descending list order is not supported", source="--engine spark")
    # each key led by whether it is NULL: DuckDB puts NULL keys last, a sorted struct first
    keys = [
        f"{key.this.sql(dialect='spark')} IS NULL AS n{i}, {key.this.sql(dialect='spark')} AS k{i}"
        for i, key in enumerate(order.expressions)
    ]
    pairs = f"struct({', '.join(keys)}, {order.this.sql(dialect='spark')} AS v)"
    return sqlglot.parse_one(
        f"transform(array_sort(collect_list({pairs})), p -> p.v)", read="spark"
    )


def to_spark(sql: str, enums: set[str] = frozenset(), parameters: dict | None = None) -> str:
    """A DuckDB query (one SELECT, with CTEs) in Spark SQL with the same meaning."""
    tree = sqlglot.parse_one(sql, read="duckdb")
    tree = tree.transform(lambda node: _rewrite_value(node, set(enums), parameters or {}))
    tree = tree.transform(_rewrite_aggregate).transform(_inline_framed_windows)
    return tree.sql(dialect="spark")


class SparkResult:
    """A query's result on the driver, with the DuckDB result methods the engine calls.

    The Arrow result is read through a DuckDB cursor, so its conversion to Python and pandas
    values is exactly the DuckDB engine's."""

    def __init__(self, local: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
        self._table = table
        self._cursor = local.cursor()
        self._cursor.register("spark_result", table)

    def _result(self) -> duckdb.DuckDBPyConnection:
        return self._cursor.execute("SELECT * FROM spark_result")

    @property
    def columns(self) -> list[str]:
        return self._table.column_names

    @property
    def description(self) -> list[tuple]:
        return self._result().description

    def fetchall(self) -> list[tuple]:
        return self._result().fetchall()

    def fetchone(self) -> tuple | None:
        rows = self.fetchall()
        return rows[0] if rows else None

    def fetch_df(self) -> pd.DataFrame:
        return self._result().fetch_df()

    def df(self) -> pd.DataFrame:
        return self.fetch_df()

    def to_arrow_table(self) -> pa.Table:
        return self._cursor.sql("SELECT * FROM spark_result").to_arrow_table()


class SparkConnection:
    """The engine's connection, run on Spark: every statement is transpiled (`to_spark`).

    Tables the engine creates are temporary views persisted in Spark (memory, then disk);
    Arrow and pandas tables registered here become temporary views too.
    """

    def __init__(self, session: Any) -> None:
        self.session = session
        self._local = duckdb.connect()
        self._enums: set[str] = set()
        self._persisted: dict[str, Any] = {}

    def execute(self, sql: str, parameters: dict | None = None) -> SparkResult | None:
        """Run one statement; a query's (small) result comes back to the driver."""
        enum = _ENUM_TYPE.match(sql)
        if enum:
            self._enums.add(enum.group(1).lower())
            return None
        tree = sqlglot.parse_one(sql, read="duckdb")
        if isinstance(tree, exp.Create):
            self._create(tree, parameters)
            return None
        return self._collect(self._frame(tree.sql(dialect="duckdb"), parameters))

    def sql(self, sql: str) -> SparkResult:
        """Run a query and bring its result to the driver."""
        return self._collect(self._frame(sql, None))

    def register(self, name: str, table: pa.Table | pd.DataFrame) -> None:
        """Make an Arrow table or pandas frame a temporary view named `name`."""
        if isinstance(table, pd.DataFrame):
            table = pa.Table.from_pandas(table, preserve_index=False)
        self.session.createDataFrame(table).createOrReplaceTempView(name)

    def register_parquet(self, name: str, source: str, columns: dict[str, str]) -> None:
        """Make Parquet files, a (partitioned) Parquet directory, or a table of the Spark
        catalog (`catalog:db.table`) the view `name` in the canonical schema, read on the
        cluster. `columns` maps canonical names to the source's where they differ; missing
        optional columns are NULL, and without an `event_index` the position in the input
        (Spark's increasing row id, which follows the files' order) breaks timestamp ties.
        """
        from pyspark.sql import functions as F

        reader = self.session.read
        if source.startswith("catalog:"):
            frame = self.session.table(source.removeprefix("catalog:"))
        else:
            frame = reader.parquet(source)
        present = set(frame.columns)
        selected = []
        for canonical, kind in CANONICAL_TYPES.items():
            column = columns.get(canonical, canonical)
            if column in present:
                selected.append(F.col(column).cast(kind).alias(canonical))
            elif canonical == EVENT_INDEX:
                selected.append(F.monotonically_increasing_id().alias(canonical))
            elif canonical in REQUIRED_COLUMNS:
                raise AuditInputError(
                    f"the input has no column {column!r} for the {canonical}",
                    source=source,
                    hint="name the column with the column mapping",
                )
            else:
                selected.append(F.lit(None).cast(kind).alias(canonical))
        mapped = {columns.get(c, c) for c in CANONICAL_TYPES}
        attributes = [F.col(c) for c in frame.columns if c not in mapped]
        frame.select(*selected, *attributes).createOrReplaceTempView(name)

    def unregister(self, name: str) -> None:
        self._drop(name)
        self.session.catalog.dropTempView(name)

    def close(self) -> None:
        """Release the persisted tables (the session stays for other audits)."""
        for name in list(self._persisted):
            self._drop(name)
        self._local.close()

    def _frame(self, sql: str, parameters: dict | None) -> Any:
        """The Spark DataFrame of a DuckDB query."""
        spark_sql = to_spark(sql, self._enums, parameters)
        try:
            return self.session.sql(spark_sql)
        except Exception as error:
            if "TABLE_OR_VIEW_NOT_FOUND" in str(error):
                raise duckdb.CatalogException(str(error).splitlines()[0]) from error
            raise

    def _collect(self, frame: Any) -> SparkResult:
        return SparkResult(self._local, frame.toArrow())

    def _create(self, tree: exp.Create, parameters: dict | None) -> None:
        """CREATE TABLE (persisted) or VIEW ... AS a query."""
        name = tree.this.name if isinstance(tree.this, exp.Table) else tree.this.this.name
        kind = tree.args.get("kind", "").upper()
        frame = self._frame(tree.expression.sql(dialect="duckdb"), parameters)
        if kind == "TABLE":
            self._drop(name)
            # materialised now, with its lineage cut: later queries plan against a scan of
            # the table instead of re-analysing every query that built it
            frame = frame.persist().localCheckpoint(eager=True)
            self._persisted[name] = frame
        frame.createOrReplaceTempView(name)

    def _drop(self, name: str) -> None:
        frame = self._persisted.pop(name, None)
        if frame is not None:
            frame.unpersist()


def connect(
    master: str = DEFAULT_MASTER,
    shuffle_partitions: int = SHUFFLE_PARTITIONS,
    settings: dict[str, str] | None = None,
) -> SparkConnection:
    """A Spark connection for the engine (starts or reuses the session for `master`);
    `settings` are Spark SQL settings for this session (SMALL_DATA_SETTINGS for tests)."""
    session = _spark_session(master, shuffle_partitions)
    for key, value in (settings or {}).items():
        session.conf.set(key, value)
    return SparkConnection(session)
