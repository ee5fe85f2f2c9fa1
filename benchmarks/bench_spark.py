"""The Spark engine on a generated log in local mode: wall time, memory and time per query.

Usage: .venv/bin/python benchmarks/bench_spark.py LOG.parquet [--master local[2]]
       [--memory 3g] [--duckdb]

LOG.parquet comes from ../shared/bench/gen_log.py (its `department` is the org unit). The
journey map is drafted by DuckDB from the same file. Spark reads the Parquet file on the
cluster (SparkConnection.register_parquet); every statement the engine sends is timed, so
the report shows how the time splits between the steps, case and stage tables and the
aggregates. --duckdb also times the DuckDB engine on the same file. Prints Markdown.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

import duckdb

from audit.engine import measure
from audit.engine.spark import SparkConnection, connect
from audit.journey import compile_journey, draft_journey

COLUMNS = {"org_unit": "department"}


class TimedConnection(SparkConnection):
    """A Spark connection that records how long each statement took."""

    timings: list[tuple[float, str]]

    def execute(self, sql: str, parameters: dict | None = None):
        started = time.perf_counter()
        try:
            return super().execute(sql, parameters)
        finally:
            self.timings.append((time.perf_counter() - started, " ".join(sql.split())[:70]))


def duckdb_events(path: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the generated log as `events` (canonical schema)."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(f"""
        CREATE VIEW events AS
        SELECT case_id, activity, timestamp, CAST(NULL AS TIMESTAMP) AS start_timestamp,
               resource, department AS org_unit, channel, customer_id,
               file_row_number AS event_index, segment
        FROM read_parquet('{path}', file_row_number = true)
    """)
    return con


def jvm_peak_mb(con: SparkConnection) -> float:
    """The JVM's peak resident memory (driver and executors are one JVM in local mode)."""
    pid = con.session.sparkContext._jvm.java.lang.ProcessHandle.current().pid()
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("log", type=Path)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--memory", default="3g")
    parser.add_argument("--duckdb", action="store_true")
    args = parser.parse_args()
    local = duckdb_events(args.log)
    activities = [
        row[0] for row in local.execute("SELECT DISTINCT activity FROM events").fetchall()
    ]
    journey = compile_journey(
        draft_journey(local.table("events")), activities, local.table("events").columns
    )
    ((events,),) = local.execute("SELECT count(*) FROM events").fetchall()
    print(f"# {args.log.name}: {events:,} events")
    print(f"uptime: {os.getloadavg()}")
    if args.duckdb:
        started = time.perf_counter()
        measure(local, journey)
        print(f"DuckDB measure: {time.perf_counter() - started:.1f} s")
    os.environ["JOURNEY_AUDIT_SPARK_MEMORY"] = args.memory
    started = time.perf_counter()
    session = connect(args.master).session
    print(f"Spark session start: {time.perf_counter() - started:.1f} s")
    con = TimedConnection(session)
    con.timings = []
    con.register_parquet("events", str(args.log.resolve()), COLUMNS)
    started = time.perf_counter()
    measures = measure(con, journey)
    wall = time.perf_counter() - started
    print(f"Spark measure ({args.master}, driver memory {args.memory}): {wall:.1f} s")
    print(f"cases {measures.log['cases']:,}, events {measures.log['events']:,}")
    print(
        f"JVM peak RSS: {jvm_peak_mb(con):.0f} MB; Python peak RSS: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print("\n| seconds | statement |\n|---:|---|")
    for seconds, statement in sorted(con.timings, reverse=True)[:15]:
        print(f"| {seconds:.1f} | `{statement}` |")
    print(f"| {sum(s for s, _ in con.timings):.1f} | all {len(con.timings)} statements |")


if __name__ == "__main__":
    main()
