"""The Spark engine measures exactly what DuckDB measures: on the example, on every real
event log and on random logs (totals, stage table, handoff pairs, ping-pong pairs,
back-jumps and the case table; floats to 1e-9)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from typer.testing import CliRunner

from audit.cli import app
from audit.io import read_log
from audit.journey import compile_journey, draft_journey, load_journey
from tests.engine.builders import events_table, journey
from tests.engine.test_properties import SETTINGS, STAGES, logs, stage_maps
from tests.engine.test_realdata import REAL_EVENT_LOGS as REAL_LOGS

from .equivalence import assert_engines_agree, assert_same_json

pytestmark = pytest.mark.spark

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sample_logs" / "insurance_claims.csv"
REALDATA = ROOT / ".." / "shared" / "realdata"
REAL_EVENT_LOGS = ("running-example.csv", *REAL_LOGS)
"""Every event log of ../shared/realdata, the running example from its CSV too."""


def test_the_example_measures_the_same_on_spark(spark_connect):
    events = read_log(EXAMPLE).events
    compiled = compile_journey(
        load_journey(EXAMPLE.with_suffix(".journey.yaml")),
        pc.unique(events.column("activity")).to_pylist(),
        events.column_names,
    )
    measures = assert_engines_agree(spark_connect, events, compiled)
    # the example has every labyrinth measure, so the comparison compared something
    assert measures.totals["pingpongs"] > 0
    assert measures.totals["back_jumps"] > 0
    assert len(measures.handoff_pairs) > 1


@pytest.mark.realdata
@pytest.mark.parametrize("name", REAL_EVENT_LOGS)
def test_every_real_log_measures_the_same_on_spark(spark_connect, name):
    path = REALDATA / name
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    events = read_log(path).events
    drafted = draft_journey(events)
    compiled = compile_journey(
        drafted, pc.unique(events.column("activity")).to_pylist(), events.column_names
    )
    measures = assert_engines_agree(spark_connect, events, compiled)
    assert measures.log["events"] == events.num_rows


@settings(SETTINGS, max_examples=10)
@given(events=logs(with_starts=True), stage_of=stage_maps)
def test_random_logs_measure_the_same_on_spark(spark_connect, events, stage_of):
    assert_engines_agree(spark_connect, events_table(events), journey(STAGES, stage_of))


def test_the_command_line_writes_the_same_findings_on_spark(spark_connect, tmp_path):
    spark_connect()  # the CLI's engine runs on the tests' small local session
    journey_map = EXAMPLE.with_suffix(".journey.yaml")
    findings = {}
    for engine in ("duckdb", "spark"):
        out = tmp_path / engine
        args = ["audit", str(EXAMPLE), "--journey", str(journey_map), "--out", str(out)]
        result = CliRunner().invoke(app, [*args, "--engine", engine, "--spark-master", "local[2]"])
        assert result.exit_code == 0, result.output
        findings[engine] = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert findings["duckdb"]["log"].pop("engine") == "duckdb"
    assert findings["spark"]["log"].pop("engine") == "spark"
    assert_same_json("findings", findings["duckdb"], findings["spark"])
