"""CSV reader: delimiters, quoting, encodings, ids as text, decimal comma, bad lines."""

from __future__ import annotations

import codecs
from datetime import datetime

import pytest

from audit.io import read_log


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_detected(write_file, delimiter):
    rows = [["case", "activity", "timestamp", "note"], ["1", "Apply", "2024-01-02 10:00", "x"]]
    rows.append(["1", "Answer", "2024-01-03 11:30", "y"])
    path = write_file("log.csv", "\n".join(delimiter.join(row) for row in rows) + "\n")
    log = read_log(path)
    assert log.events.column("activity").to_pylist() == ["Apply", "Answer"]
    assert log.events.column("note").to_pylist() == ["x", "y"]


def test_quoted_values_keep_delimiters_quotes_and_newlines(write_file):
    text = (
        "case;activity;timestamp;comment\n"
        '1;"Call; then mail";2024-01-02 10:00;"said ""no""\nand hung up"\n'
        "1;Close;2024-01-02 11:00;\n"
    )
    log = read_log(write_file("log.csv", text))
    assert log.events.column("activity").to_pylist() == ["Call; then mail", "Close"]
    assert log.events.column("comment").to_pylist() == ['said "no"\nand hung up', None]


NAMES = ["Järvinen", "Åsa Ström", "Coöperatie Vriës"]


@pytest.mark.parametrize(
    "encoding,prefix",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-le", b""),
        ("cp1252", b""),
    ],
)
def test_nordic_and_dutch_names_survive_every_encoding(write_file, encoding, prefix):
    lines = ["case,activity,timestamp,resource"]
    lines += [f"{i},Handle,2024-01-0{i + 1} 10:00,{name}" for i, name in enumerate(NAMES)]
    path = write_file("log.csv", prefix + ("\r\n".join(lines) + "\r\n").encode(encoding))
    log = read_log(path)
    assert log.events.column("resource").to_pylist() == NAMES
    assert log.events.column("case_id").to_pylist() == ["0", "1", "2"]


def test_case_ids_stay_text(write_file):
    text = "case,activity,timestamp\nNA,A,2024-01-01\nnull,A,2024-01-01\n0012,A,2024-01-01\n"
    log = read_log(write_file("log.csv", text))
    assert log.events.column("case_id").to_pylist() == ["NA", "null", "0012"]
    assert log.quality.dropped == {}


def test_decimal_comma_and_leading_zeros_in_attributes(write_file):
    text = (
        "case;activity;timestamp;amount;zip;flag\n"
        "1;A;2024-01-01;12,5;0012;true\n"
        "1;B;2024-01-02;3;0100;FALSE\n"
    )
    events = read_log(write_file("log.csv", text)).events
    assert events.column("amount").to_pylist() == [12.5, 3.0]
    assert events.column("zip").to_pylist() == ["0012", "0100"]
    assert events.column("flag").to_pylist() == [True, False]


def test_line_with_wrong_field_count_is_dropped_and_named(write_file):
    text = (
        "case,activity,timestamp\n"
        "1,A,2024-01-01\n"  # line 2
        "1,B,2024-01-02,extra\n"  # line 3: refused by the reader
        "1,C,2024-01-03\n"  # line 4
        "1,,2024-01-04\n"  # line 5: missing activity; named after the refused line
    )
    quality = read_log(write_file("log.csv", text)).quality
    refused = quality.dropped["line could not be split into the header's columns"]
    assert refused.count == 1 and refused.examples[0].startswith("line 3")
    assert quality.dropped["missing activity"].examples == ["line 5"]
    assert (quality.rows_read, quality.events_used, quality.balanced()) == (4, 2, True)


def test_rows_without_case_activity_or_time_are_dropped_with_line_numbers(write_file):
    text = (
        "case,activity,timestamp\n"
        "1,A,2024-01-01 10:00\n"  # line 2: used
        ",A,2024-01-01 11:00\n"  # line 3: missing case id
        "1,,2024-01-01 12:00\n"  # line 4: missing activity
        "1,B,\n"  # line 5: missing timestamp
        "1,C,2024-01-01 13:00\n"  # line 6: used
        "1,D,yesterday\n"  # line 7: unparseable
    )
    quality = read_log(write_file("log.csv", text)).quality
    found = {reason: (entry.count, entry.examples) for reason, entry in quality.dropped.items()}
    assert found == {
        "missing case id": (1, ["line 3"]),
        "missing activity": (1, ["line 4"]),
        "missing timestamp": (1, ["line 5"]),
        "unparseable timestamp": (1, ["line 7"]),
    }
    assert (quality.rows_read, quality.events_used, quality.balanced()) == (6, 2, True)


def test_gzip_csv(write_file):
    import gzip

    text = "case,activity,timestamp\n1,A,2024-01-01 10:00\n"
    log = read_log(write_file("log.csv.gz", gzip.compress(text.encode())))
    assert log.events.column("timestamp").to_pylist() == [datetime(2024, 1, 1, 10, 0)]


def test_excel_sep_line_sets_the_delimiter(write_file):
    text = "sep=;\ncase;activity;timestamp\n1;A,B;2024-01-01 10:00\n"
    log = read_log(write_file("log.csv", text))
    assert log.events.column("activity").to_pylist() == ["A,B"]
    assert log.quality.rows_read == 1
