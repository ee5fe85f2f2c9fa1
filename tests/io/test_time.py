"""Timestamps: every supported format, offsets to UTC, naive times in a chosen zone, and
the question when day and month cannot be told apart."""

from __future__ import annotations

from datetime import datetime

import pytest

from audit.errors import AuditInputError
from audit.io import ColumnMapping, read_log


def times(write_file, values, **options):
    lines = ["case;activity;timestamp"] + [f"1;A{i};{value}" for i, value in enumerate(values)]
    log = read_log(write_file("log.csv", "\n".join(lines) + "\n"), **options)
    return log.events.column("timestamp").to_pylist()


def test_iso_with_mixed_offsets_is_converted_to_utc_exactly(write_file):
    values = [
        "2011-10-11 13:45:40.276000+02:00",
        "2011-12-06T13:41:31.788+01:00",
        "2012-01-01T00:30:00Z",
        "2012-01-01 00:30:00 -05:00",
    ]
    assert times(write_file, values, timezone="Asia/Tokyo") == [
        datetime(2011, 10, 11, 11, 45, 40, 276000),
        datetime(2011, 12, 6, 12, 41, 31, 788000),
        datetime(2012, 1, 1, 0, 30),
        datetime(2012, 1, 1, 5, 30),
    ]


def test_naive_times_are_read_in_the_chosen_zone(write_file):
    # Helsinki is UTC+2 in winter and UTC+3 in summer
    values = ["2024-01-15 12:00:00", "2024-07-15 12:00:00"]
    assert times(write_file, values, timezone="Europe/Helsinki") == [
        datetime(2024, 1, 15, 10, 0),
        datetime(2024, 7, 15, 9, 0),
    ]
    assert times(write_file, values) == [datetime(2024, 1, 15, 12), datetime(2024, 7, 15, 12)]


def test_dotted_day_first_with_minutes(write_file):
    assert times(write_file, ["05.03.2024 09:07", "1.12.2023 23:59"]) == [
        datetime(2024, 3, 5, 9, 7),
        datetime(2023, 12, 1, 23, 59),
    ]


def test_slashed_dates_settled_by_a_day_above_twelve(write_file):
    assert times(write_file, ["03/04/2024", "25/04/2024"]) == [
        datetime(2024, 4, 3),
        datetime(2024, 4, 25),
    ]
    assert times(write_file, ["03/04/2024 10:00", "04/25/2024 10:00"]) == [
        datetime(2024, 3, 4, 10),
        datetime(2024, 4, 25, 10),
    ]


def test_ambiguous_day_and_month_asks_the_user(write_file):
    with pytest.raises(AuditInputError, match="--dayfirst or --monthfirst"):
        times(write_file, ["03/04/2024", "05/06/2024"])
    assert times(write_file, ["03/04/2024", "05/06/2024"], dayfirst=False) == [
        datetime(2024, 3, 4),
        datetime(2024, 5, 6),
    ]
    assert times(write_file, ["03/04/2024"], dayfirst=True) == [datetime(2024, 4, 3)]


def test_year_first_with_slashes_and_milliseconds(write_file):
    assert times(write_file, ["2014/10/22 11:15:41.250", "2014/10/22 11:27:00.000"]) == [
        datetime(2014, 10, 22, 11, 15, 41, 250000),
        datetime(2014, 10, 22, 11, 27),
    ]


def test_epoch_seconds_are_utc_whatever_the_zone(write_file):
    # 1700000000 = 2023-11-14 22:13:20 UTC
    assert times(write_file, ["1700000000", "1700000060.5"], timezone="Europe/Helsinki") == [
        datetime(2023, 11, 14, 22, 13, 20),
        datetime(2023, 11, 14, 22, 14, 20, 500000),
    ]


def test_column_without_timestamps_is_refused_with_examples(write_file):
    with pytest.raises(AuditInputError, match="does not hold timestamps"):
        times(write_file, ["soon", "later"])


def test_unknown_zone_is_refused(write_file):
    with pytest.raises(AuditInputError, match="unknown time zone"):
        times(write_file, ["2024-01-01"], timezone="Mars/Olympus")


def test_start_column_gives_start_times_and_late_starts_are_ignored(write_file):
    text = (
        "case,activity,Start Timestamp,end\n"
        "1,A,2024-01-01 09:00,2024-01-01 10:00\n"
        "1,B,2024-01-01 12:00,2024-01-01 11:00\n"
    )
    log = read_log(write_file("log.csv", text), ColumnMapping(timestamp="end"))
    assert log.mapping.start == "Start Timestamp"
    assert log.events.column("start_timestamp").to_pylist() == [datetime(2024, 1, 1, 9), None]
    assert any("after the completion" in note for note in log.quality.notes)
