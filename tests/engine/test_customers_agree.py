"""The engine's repeat contacts agree with the plain per-customer calculation
(tests/engine/customer_reference.py) on the help desk log's `customer` attribute and on a
generated log with many customers, overlaps and ties."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from audit.engine import measure
from audit.engine.customers import customer_measures
from audit.io import read_log
from audit.journey import compile_journey, draft_journey

from .builders import T0
from .customer_reference import reference_repeat_contacts

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"


def _engine(events: pa.Table, within_days: float) -> tuple[pd.DataFrame, dict]:
    con = duckdb.connect()
    con.register("events", events)
    activities = events.column("activity").to_pylist()
    journey = compile_journey(draft_journey(events), activities, events.column_names)
    measure(con, journey)
    result = customer_measures(con, within_days)
    cases = con.execute(
        "SELECT case_id, customer, is_repeat_contact, follows_case FROM customer_cases "
        "ORDER BY case_id"
    ).fetch_df()
    return cases, result.totals


def _assert_agree(events: pa.Table, within_days: float) -> dict:
    engine, totals = _engine(events, within_days)
    reference = reference_repeat_contacts(events.to_pandas(), within_days)
    pd.testing.assert_frame_equal(
        engine.astype(object).where(engine.notna(), None),
        reference.astype(object).where(reference.notna(), None),
    )
    assert totals["repeat_contacts"] == int(reference["is_repeat_contact"].sum())
    return totals


@pytest.mark.realdata
@pytest.mark.parametrize("within_days", [7, 30])
def test_helpdesk_customers(within_days):
    events = read_log(REALDATA / "helpdesk.xes.gz").events
    totals = _assert_agree(events, within_days)
    assert totals["customers"] > 100


def test_generated_log_with_overlaps_and_ties():
    rng = np.random.default_rng(11)
    cases = 3000
    customers = rng.integers(0, 400, cases)
    # whole days make many ties of start and of end times
    starts = rng.integers(0, 365, cases).astype("timedelta64[D]")
    lengths = rng.integers(0, 60, cases).astype("timedelta64[D]")
    case_ids = [f"case {i:05d}" for i in range(cases)]
    first = np.datetime64(T0) + starts
    rows = {
        "case_id": case_ids * 2,
        "activity": ["Open"] * cases + ["Close"] * cases,
        "timestamp": np.concatenate([first, first + lengths]).astype("datetime64[us]"),
        "start_timestamp": pa.nulls(2 * cases, pa.timestamp("us")),
        "resource": pa.nulls(2 * cases, pa.string()),
        "org_unit": pa.nulls(2 * cases, pa.string()),
        "channel": pa.nulls(2 * cases, pa.string()),
        # some customers only on the closing event, some cases with none at all
        "customer_id": [f"P{c}" if c % 7 else None for c in customers]
        + [f"P{c}" if c % 5 else None for c in customers],
        "event_index": np.arange(2 * cases),
    }
    events = pa.table(rows)
    totals = _assert_agree(events, 30)
    assert 0 < totals["repeat_contacts"] < totals["cases_with_customer"]
    assert totals["cases_without_customer"] > 0
