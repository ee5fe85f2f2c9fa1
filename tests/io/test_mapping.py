"""Column mapping: XES names and common spellings, overrides, joined activities, errors."""

from __future__ import annotations

import pytest

from audit.errors import AuditInputError
from audit.io import ColumnMapping, read_log
from audit.io.mapping import resolve_mapping


@pytest.mark.parametrize(
    "columns,expected",
    [
        (
            ["case:concept:name", "concept:name", "time:timestamp", "org:resource", "org:group"],
            ("case:concept:name", ("concept:name",), "time:timestamp", "org:resource", "org:group"),
        ),
        (
            ["Case ID", "Activity", "Complete Timestamp", "Resource", "Department"],
            ("Case ID", ("Activity",), "Complete Timestamp", "Resource", "Department"),
        ),
        (
            ["incident_id", "data_stamp", "incident_activity_type", "assignment_group"],
            ("incident_id", ("incident_activity_type",), "data_stamp", None, "assignment_group"),
        ),
        (
            ["CaseID", "Activity name", "Timestamp", "User", "Team"],
            ("CaseID", ("Activity name",), "Timestamp", "User", "Team"),
        ),
        (
            ["case", "activity", "timestamp", "workgroup", "org:role"],
            ("case", ("activity",), "timestamp", None, "workgroup"),
        ),
    ],
)
def test_spellings_are_recognised(columns, expected):
    mapping = resolve_mapping(columns, None, "log.csv")
    found = (mapping.case, mapping.activity, mapping.timestamp, mapping.resource, mapping.org_unit)
    assert found == expected


def test_recognises_start_channel_and_lifecycle():
    columns = [
        "Case ID",
        "Activity",
        "Start Timestamp",
        "End Timestamp",
        "Channel",
        "lifecycle:transition",
    ]
    mapping = resolve_mapping(columns, None, "log.csv")
    assert (mapping.start, mapping.timestamp, mapping.channel, mapping.lifecycle) == (
        "Start Timestamp",
        "End Timestamp",
        "Channel",
        "lifecycle:transition",
    )


def test_explicit_choice_wins_and_frees_nothing_twice():
    columns = ["case:concept:name", "concept:name", "activityNameEN", "time:timestamp"]
    mapping = resolve_mapping(columns, ColumnMapping(activity=("activityNameEN",)), "x.xes")
    assert mapping.activity == ("activityNameEN",)
    assert mapping.case == "case:concept:name"


def test_missing_roles_list_the_columns_present():
    with pytest.raises(AuditInputError) as error:
        resolve_mapping(["id", "what", "when"], None, "log.csv")
    text = str(error.value)
    assert "log.csv" in text and "id, what, when" in text and "--case COLUMN" in text


def test_unknown_override_column_is_named():
    with pytest.raises(AuditInputError, match="'Status' given for activity"):
        resolve_mapping(["case", "activity", "timestamp"], ColumnMapping(activity=("Status",)), "l")


def test_several_activity_columns_are_joined(write_file):
    text = "case,status,substatus,timestamp\n1,Open,Waiting,2024-01-01\n1,Closed,,2024-01-02\n"
    log = read_log(write_file("log.csv", text), ColumnMapping(activity=("status", "substatus")))
    assert log.events.column("activity").to_pylist() == ["Open / Waiting", "Closed"]
    mapping = ColumnMapping(activity=("status", "substatus"), separator=": ")
    log = read_log(write_file("log.csv", text), mapping)
    assert log.events.column("activity").to_pylist() == ["Open: Waiting", "Closed"]
