"""The EventLog contract: canonical schema first, the `events` view for DuckDB, progress
messages, and the file types read_log dispatches on."""

from __future__ import annotations

import duckdb

from audit.io import open_events, read_log
from audit.io.schema import CANONICAL_COLUMNS, CANONICAL_SCHEMA

TEXT = "case\tactivity\ttimestamp\tscore\n1\tA\t2024-01-01 10:00\t9\n1\tB\t2024-01-01 12:00\t7\n"


def test_schema_view_and_progress(write_file):
    messages: list[str] = []
    log = read_log(write_file("log.tsv", TEXT), progress=messages.append)
    assert log.events.schema.names[: len(CANONICAL_COLUMNS)] == list(CANONICAL_COLUMNS)
    assert log.events.schema.field("timestamp").type == CANONICAL_SCHEMA.field("timestamp").type
    assert log.attributes == ["score"]
    assert messages[0] == "reading log.tsv" and len(messages) >= 3
    con = duckdb.connect()
    open_events(con, log)
    waits = con.execute(
        "SELECT epoch(timestamp - lag(timestamp) OVER (ORDER BY timestamp)) / 3600 "
        "FROM events ORDER BY timestamp"
    ).fetchall()
    assert waits == [(None,), (2.0,)]


def test_txt_extension_reads_as_delimited_text(write_file):
    log = read_log(write_file("export.txt", TEXT.replace("\t", ";")))
    assert log.events.column("score").to_pylist() == [9, 7]
