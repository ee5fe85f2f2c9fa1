"""Lifecycle pairing: FIFO start/complete pairs become one activity instance; other
transitions are accounted for; values outside the XES model stay ordinary attributes."""

from __future__ import annotations

from datetime import datetime

from audit.io import read_log

HEADER = "case,activity,timestamp,lifecycle,resource\n"


def read(write_file, rows: str):
    return read_log(write_file("log.csv", HEADER + rows))


def test_start_and_complete_become_one_event_fifo(write_file):
    log = read(
        write_file,
        "1,Call,2024-01-01 09:00,start,Ann\n"  # line 2: first start
        "1,Call,2024-01-01 09:10,start,Bob\n"  # line 3: second start (overlapping)
        "1,Call,2024-01-01 09:30,complete,Bob\n"  # line 4: pairs with the oldest (09:00)
        "1,Call,2024-01-01 09:40,complete,Ann\n",  # line 5: pairs with 09:10
    )
    events = log.events.to_pylist()
    assert [(e["start_timestamp"], e["timestamp"], e["event_index"]) for e in events] == [
        (datetime(2024, 1, 1, 9, 0), datetime(2024, 1, 1, 9, 30), 2),
        (datetime(2024, 1, 1, 9, 10), datetime(2024, 1, 1, 9, 40), 3),
    ]
    quality = log.quality
    assert (quality.rows_read, quality.events_used, quality.merged_by_lifecycle) == (4, 2, 2)
    assert quality.balanced() and log.lifecycle == "paired"


def test_unpaired_start_is_dropped_and_unpaired_complete_kept(write_file):
    log = read(
        write_file,
        "1,Check,2024-01-01 08:00,complete,Ann\n"  # line 2: complete before any start
        "1,Check,2024-01-01 09:00,start,Ann\n"  # line 3: start
        "1,Check,2024-01-01 10:00,complete,Ann\n"  # line 4: pairs with line 3
        "1,Check,2024-01-01 11:00,start,Ann\n"  # line 5: never completed
        "1,Mail,2024-01-01 12:00,complete,Ann\n",  # line 6: activity without starts
    )
    events = log.events.to_pylist()
    assert [(e["activity"], e["start_timestamp"]) for e in events] == [
        ("Check", None),
        ("Check", datetime(2024, 1, 1, 9)),
        ("Mail", None),
    ]
    quality = log.quality
    assert quality.unpaired_completes == 1
    assert quality.dropped["start without a complete"].examples == ["line 5"]
    assert (quality.rows_read, quality.events_used, quality.merged_by_lifecycle) == (5, 3, 1)
    assert quality.balanced()


def test_schedule_is_counted_not_used_and_case_is_insensitive(write_file):
    log = read(
        write_file,
        "1,Offer,2024-01-01 08:00,SCHEDULE,\n"
        "1,Offer,2024-01-01 09:00,START,Ann\n"
        "1,Offer,2024-01-01 09:30,COMPLETE,Ann\n",
    )
    assert log.events.num_rows == 1
    assert log.quality.dropped["lifecycle SCHEDULE (not an event)"].examples == ["line 2"]
    assert log.quality.balanced()


def test_values_outside_the_model_are_ordinary_events_and_kept(write_file):
    log = read(
        write_file,
        "1,Ticket,2024-01-01 08:00,open,Ann\n1,Ticket,2024-01-01 09:00,complete,Ann\n",
    )
    assert log.events.num_rows == 2
    assert log.events.column("lifecycle").to_pylist() == ["open", "complete"]
    assert any("outside the XES model" in note for note in log.quality.notes)


def test_model_values_only_leave_no_lifecycle_attribute(write_file):
    log = read(write_file, "1,A,2024-01-01 08:00,complete,Ann\n")
    assert "lifecycle" not in log.events.column_names
    assert log.lifecycle == "complete only"
