"""The engine on real public logs agrees with the independent plain-pandas calculation."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.engine import measure_table
from audit.io import read_log
from audit.journey import compile_journey, draft_journey

from .agreement import assert_agrees
from .reference import reference_measures

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"
REAL_EVENT_LOGS = (
    "running-example.xes",
    "receipt.xes.gz",
    "receipt.csv.gz",
    "helpdesk.xes.gz",
    "sepsis.xes.gz",
    "sepsis.csv.gz",
    "bpic2014_incidents.csv.gz",
    "bpic2012.xes.gz",
    "bpic2012_w_start_complete.xes.gz",
    "bpic2015_municipality1.xes.gz",
    "bpic2020_domestic_declarations.xes.gz",
    "bpic2020_request_for_payment.xes.gz",
)
"""The event logs of ../shared/realdata (bpic2014_incident_cases.csv.gz is a case table; the
running example is read once, from its XES)."""


@pytest.mark.realdata
@pytest.mark.parametrize("name", REAL_EVENT_LOGS)
def test_engine_totals_agree_with_the_plain_calculation(name):
    events = read_log(REALDATA / name).events
    drafted = draft_journey(events)
    journey = compile_journey(drafted, events.column("activity").to_pylist(), events.column_names)
    measures = measure_table(events, journey)
    assert measures.log["events"] == events.num_rows
    assert_agrees(measures, reference_measures(events.to_pandas(), journey))
