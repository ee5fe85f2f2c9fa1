"""The pm4py wrappers on a tiny log whose model is known."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pyarrow as pa
import pytest

from audit.errors import AuditInputError
from audit.process.mining import conformance, discover_bpmn, to_pm4py_frame


def log(traces: dict[str, str]) -> pa.Table:
    """Cases of one-letter activities, an hour apart, listed in reverse input order so
    that the wrappers must sort them."""
    rows = [
        {"case_id": case, "activity": activity,
         "timestamp": datetime(2024, 1, 1) + timedelta(hours=position)}
        for case, trace in traces.items()
        for position, activity in enumerate(trace)
    ]  # fmt: skip
    rows.reverse()
    for index, row in enumerate(rows):
        row["event_index"] = index
    return pa.Table.from_pylist(rows)


SEQUENTIAL = log({"1": "abcd", "2": "abcd", "3": "abd", "4": "abcd"})


def test_frame_has_pm4py_names_in_case_order():
    frame = to_pm4py_frame(SEQUENTIAL)
    assert list(frame.columns) == ["case:concept:name", "concept:name", "time:timestamp"]
    assert "".join(frame["concept:name"].head(4)) == "abcd"


def test_same_timestamp_keeps_input_order():
    tied = pa.Table.from_pylist(
        [
            {"case_id": "1", "activity": "b", "timestamp": datetime(2024, 1, 1), "event_index": 1},
            {"case_id": "1", "activity": "a", "timestamp": datetime(2024, 1, 1), "event_index": 0},
        ]
    )
    assert to_pm4py_frame(tied)["concept:name"].tolist() == ["a", "b"]


def test_bpmn_file_has_every_activity_as_a_task(tmp_path):
    path = discover_bpmn(SEQUENTIAL, tmp_path / "model", noise_threshold=0.0)
    assert path == tmp_path / "model.bpmn"
    root = ET.parse(path).getroot()
    tasks = {el.get("name") for el in root.iter() if el.tag.endswith("}task")}
    assert tasks == {"a", "b", "c", "d"}


def test_replay_fitness_is_perfect_without_noise_filtering():
    # the inductive miner without noise filtering guarantees a model that replays every case
    result = conformance(SEQUENTIAL, noise_threshold=0.0)
    assert result.log_fitness == pytest.approx(1.0)
    assert result.fitting_cases_share == pytest.approx(1.0)


def test_replay_finds_the_cases_the_filtered_model_leaves_out():
    # with noise filtering the rare "c" skip of case 3 drops out of the model; case 3 misses
    # a token, the three others fit: 3 of 4 cases
    result = conformance(SEQUENTIAL, noise_threshold=0.5)
    assert result.fitting_cases_share == pytest.approx(0.75)
    assert result.log_fitness < 1.0


def test_missing_column_is_a_clear_error():
    with pytest.raises(AuditInputError, match="has no column event_index"):
        to_pm4py_frame(SEQUENTIAL.drop(["event_index"]))
