"""The large-log path (audit.io.scan) against the in-memory path on the same files: the same
measures, the same data-quality account, and clear refusals of what it does not do."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from audit.engine import measure
from audit.engine.measure import measure_table
from audit.errors import AuditInputError
from audit.io import read_log
from audit.io.scan import scan_log
from audit.journey import compile_journey, load_journey
from audit.sample import generate_table

ROOT = Path(__file__).resolve().parents[1]
CLAIMS_JOURNEY = ROOT / "sample_logs" / "insurance_claims.journey.yaml"
BLANKED = {"Case ID": (3, 9), "Activity": (5,), "Complete Timestamp": (7,)}
"""Input rows (0-based) whose value is removed: two without case id, one without activity,
one without timestamp; the readers name rows from 1, so row 3 is "row 4"."""


def _blank(table: pa.Table, column: str, rows: tuple[int, ...]) -> pa.Table:
    values = table.column(column).combine_chunks()
    if pa.types.is_dictionary(values.type):
        values = values.dictionary_decode()
    mask = pa.array([index in rows for index in range(table.num_rows)])
    index = table.schema.get_field_index(column)
    return table.set_column(index, column, pc.if_else(mask, pa.nulls(1, values.type)[0], values))


@pytest.fixture(scope="module")
def claims_parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated claims with four damaged rows, as Parquet."""
    table = generate_table(300, seed=11)
    for column, rows in BLANKED.items():
        table = _blank(table, column, rows)
    path = tmp_path_factory.mktemp("large") / "claims.parquet"
    pq.write_table(table, path)
    return path


def _both_paths(path: Path, tmp_path: Path):
    """(in-memory log, its measures, scanned log, its measures) for one file."""
    journey = load_journey(CLAIMS_JOURNEY)
    log = read_log(path)
    activities = pc.unique(log.events.column("activity")).to_pylist()
    in_memory = measure_table(
        log.events,
        compile_journey(journey, activities, log.events.column_names),
        case_attributes=log.case_attributes,
    )
    con = duckdb.connect()
    scanned = scan_log(path, con=con, spill_directory=tmp_path)
    in_place = measure(
        con,
        compile_journey(journey, scanned.activities, scanned.columns),
        case_attributes=scanned.case_attributes,
    )
    return log, in_memory, scanned, in_place


def test_large_path_measures_as_the_in_memory_path(claims_parquet: Path, tmp_path: Path):
    log, in_memory, scanned, in_place = _both_paths(claims_parquet, tmp_path)
    assert in_place.totals == in_memory.totals
    assert in_place.log == in_memory.log
    pd.testing.assert_frame_equal(in_place.stages, in_memory.stages)
    pd.testing.assert_frame_equal(in_place.handoff_pairs, in_memory.handoff_pairs)
    pd.testing.assert_frame_equal(in_place.cases, in_memory.cases)
    assert scanned.case_attributes == log.case_attributes
    assert scanned.activities == sorted(in_memory.activities["activity"])
    # the generated claims have customers: repeat contacts are the same on both paths
    assert in_place.customers is not None and in_place.customers.totals["customers"] > 0
    assert in_place.customers.totals == in_memory.customers.totals
    pd.testing.assert_frame_equal(in_place.customers.causes, in_memory.customers.causes)


def test_large_path_accounts_for_every_row(claims_parquet: Path, tmp_path: Path):
    log, _, scanned, _ = _both_paths(claims_parquet, tmp_path)
    rows = pq.read_metadata(claims_parquet).num_rows
    dropped = {reason: entry.to_dict() for reason, entry in scanned.quality.dropped.items()}
    assert dropped == {
        "missing case id": {"count": 2, "examples": ["row 4", "row 10"]},
        "missing activity": {"count": 1, "examples": ["row 6"]},
        "missing timestamp": {"count": 1, "examples": ["row 8"]},
    }
    assert scanned.quality.rows_read == rows
    assert scanned.quality.events_used == scanned.events == rows - 4
    assert scanned.quality.balanced()
    assert dropped == {reason: e.to_dict() for reason, e in log.quality.dropped.items()}


def test_large_path_reads_csv_by_the_readers_rules(write_file, tmp_path: Path):
    path = write_file(
        "tickets.csv",
        "Case ID;Activity;Timestamp;Team\n"
        "0012;Open;01.03.2024 09:00;Desk\n"
        "0012;Fix;01.03.2024 11:30;Tech\n"
        "0012;Reply;02.03.2024 08:00;Desk\n"
        "7;Open;not a date;Desk\n"
        "7;Open;03.03.2024 10:00;Desk\n"
        ";Fix;03.03.2024 12:00;Tech\n",
    )
    con = duckdb.connect()
    scanned = scan_log(
        path, con=con, timezone="Europe/Helsinki", dayfirst=True, spill_directory=tmp_path
    )
    dropped = {reason: entry.to_dict() for reason, entry in scanned.quality.dropped.items()}
    # lines count the header as line 1: the bad date is on line 5, the missing id on line 7
    assert dropped == {
        "unparseable timestamp": {"count": 1, "examples": ["line 5"]},
        "missing case id": {"count": 1, "examples": ["line 7"]},
    }
    events = con.sql("SELECT case_id, timestamp, org_unit FROM events ORDER BY event_index")
    assert events.fetchall()[:2] == [
        ("0012", pd.Timestamp("2024-03-01 07:00").to_pydatetime(), "Desk"),
        ("0012", pd.Timestamp("2024-03-01 09:30").to_pydatetime(), "Tech"),
    ]
    log = read_log(path, timezone="Europe/Helsinki", dayfirst=True)
    assert {r: e.to_dict() for r, e in log.quality.dropped.items()} == dropped
    assert scanned.events == log.events.num_rows == 4


def test_large_path_spills_where_it_is_told(claims_parquet: Path, tmp_path: Path):
    con = duckdb.connect()
    scan_log(claims_parquet, con=con, spill_directory=tmp_path, memory_limit="500MB")
    ((folder,),) = con.execute("SELECT current_setting('temp_directory')").fetchall()
    assert Path(folder) == tmp_path


def test_large_path_refuses_lifecycle_starts(write_file, tmp_path: Path):
    path = write_file(
        "work.csv",
        "case,activity,timestamp,lifecycle:transition\n"
        "1,Check,2024-03-01 09:00,start\n"
        "1,Check,2024-03-01 10:00,complete\n",
    )
    with pytest.raises(AuditInputError, match="1 rows are lifecycle START events"):
        scan_log(path, con=duckdb.connect(), spill_directory=tmp_path)


def test_large_path_refuses_other_formats(write_file, tmp_path: Path):
    path = write_file("log.xes", "<log/>")
    with pytest.raises(AuditInputError, match="reads Parquet and CSV"):
        scan_log(path, con=duckdb.connect(), spill_directory=tmp_path)
