"""The data-quality account: duplicates, single-event cases, ties, far-off timestamps,
activities lost with dropped rows, and the balance of every row."""

from __future__ import annotations

from audit.io import read_log


def test_account_counts_by_hand(write_file):
    text = (
        "case,activity,timestamp,resource\n"
        "1,A,2024-03-01 10:00,Ann\n"  # line 2
        "1,A,2024-03-01 10:00,Ann\n"  # line 3: duplicate of line 2
        "1,B,2024-03-01 10:00,Bob\n"  # line 4: tie with lines 2-3 in case 1
        "2,A,2024-03-02 10:00,Ann\n"  # line 5: case 2 has one event
        "3,A,2024-03-03 10:00,Ann\n"  # line 6
        "3,B,1970-01-01 00:00,Ann\n"  # line 7: epoch placeholder, far out of range
        "4,A,2024-03-04 10:00,Ann\n"
        "4,C,2024-03-05 10:00,Ann\n"
        "5,Z,,Ann\n"  # line 10: dropped; activity Z appears nowhere else
    )
    log = read_log(write_file("log.csv", text))
    quality = log.quality
    assert (quality.duplicated_events.count, quality.duplicated_events.examples) == (1, ["line 3"])
    assert quality.single_event_cases == 1
    assert quality.cases_with_tied_timestamps == 1
    assert quality.timestamps_out_of_range.examples == ["line 7"]
    assert any("Z" in note and "only in dropped rows" in note for note in quality.notes)
    assert (quality.rows_read, quality.events_used, quality.rows_dropped) == (9, 8, 1)
    assert quality.balanced()
    data = quality.to_dict()
    assert data["balanced"] is True and data["dropped"]["missing timestamp"]["count"] == 1


def test_case_attributes_are_those_constant_within_every_case(write_file):
    text = (
        "case,activity,timestamp,segment,step_note\n"
        "1,A,2024-01-01,gold,x\n1,B,2024-01-02,gold,y\n2,A,2024-01-01,,z\n2,B,2024-01-03,basic,z\n"
    )
    log = read_log(write_file("log.csv", text))
    assert log.case_attributes == ["segment"]
