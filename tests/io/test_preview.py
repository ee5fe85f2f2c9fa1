"""The first look at a file (audit.io.preview): columns under the names the mapping uses,
the first rows only, recognised roles, column types, and how a chosen time column reads."""

from __future__ import annotations

import datetime as dt
import gzip
from datetime import UTC, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from audit.errors import AuditInputError
from audit.io.mapping import ColumnMapping, recognise_roles
from audit.io.preview import check_time, head_log, preview_file, pseudonymised

COMPLAINTS = """CustomerID;ComplaintID;ContactDate;ComplaintTheme_EN;Score
C1;K1;01.03.2024 09:00;Billing;3,5
C1;K1;02.03.2024 10:30;Refund;4
C2;K2;03.03.2024 08:15;Delivery;
"""
"""No column has a name the mapping recognises except CustomerID (the customer); dotted
dates are day-first; Score has a decimal comma and one empty value."""


def test_csv_preview_has_the_columns_rows_roles_and_types(write_file):
    preview = preview_file(write_file("complaints.csv", COMPLAINTS))
    assert preview.source == "complaints.csv"
    assert preview.columns == [
        "CustomerID",
        "ComplaintID",
        "ContactDate",
        "ComplaintTheme_EN",
        "Score",
    ]
    assert preview.table.num_rows == 3
    assert preview.table.column("Score").to_pylist() == ["3,5", "4", None]
    assert preview.roles == ColumnMapping(customer="CustomerID")
    assert preview.role_of("CustomerID") == "customer"
    assert preview.role_of("ContactDate") is None
    assert preview.types == {
        "CustomerID": "text",
        "ComplaintID": "text",
        "ContactDate": "time",
        "ComplaintTheme_EN": "text",
        "Score": "decimal comma",
    }


def test_only_the_first_rows_are_read(write_file):
    rows = "".join(f"c{n},Step,2024-01-01 00:00:{n % 60:02d}\n" for n in range(500))
    preview = preview_file(write_file("log.csv", "case,activity,timestamp\n" + rows), rows=20)
    assert preview.table.num_rows == 20
    assert preview.table.column("case").to_pylist()[-1] == "c19"
    assert preview.roles.columns() == {
        "case": ["case"],
        "activity": ["activity"],
        "timestamp": ["timestamp"],
    }


def test_names_are_those_the_full_read_uses(write_file):
    """Blank and repeated names (regardless of case) are numbered as the reader numbers them;
    a row with the wrong number of fields is left out, as the reader drops it."""
    text = "Case,case,,Activity\n1,2,x,A\n1,2\n3,4,y,B\n"
    preview = preview_file(write_file("names.csv", text))
    assert preview.columns == ["Case", "case (2)", "column 3", "Activity"]
    assert preview.table.column("Activity").to_pylist() == ["A", "B"]


def test_gzip_csv_head_longer_than_the_sniffed_bytes_drops_the_cut_row(write_file):
    """The head is sniffed from the first MiB; the row cut there is not shown half."""
    row = "case-{n},Some activity with a long name,2024-01-01 10:00:00," + "x" * 200 + "\n"
    body = "".join(row.format(n=n) for n in range(8000))  # about 2 MB
    path = write_file(
        "big.csv.gz", gzip.compress(("case,activity,timestamp,note\n" + body).encode())
    )
    preview = preview_file(path, rows=100_000)
    cases = preview.table.column("case").to_pylist()
    assert 4000 < len(cases) < 8000
    assert cases == [f"case-{n}" for n in range(len(cases))]
    assert all(len(note) == 200 for note in preview.table.column("note").to_pylist())


XES_TRACE = """  <trace>
    <string key="concept:name" value="{case}"/>
    <string key="channel" value="web"/>
    <event>
      <string key="concept:name" value="Apply"/>
      <date key="time:timestamp" value="2024-01-0{day}T09:00:00+02:00"/>
    </event>
    <event>
      <string key="concept:name" value="Decide"/>
      <date key="time:timestamp" value="2024-01-0{day}T17:00:00+02:00"/>
    </event>
  </trace>
"""


def xes(traces: int) -> str:
    body = "".join(XES_TRACE.format(case=f"c{n}", day=n % 9 + 1) for n in range(traces))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n{body}</log>\n'


def test_xes_preview_reads_only_the_first_traces(write_file, monkeypatch):
    monkeypatch.setattr("audit.io.preview.PREVIEW_TRACES", 3)
    preview = preview_file(write_file("log.xes.gz", gzip.compress(xes(50).encode())))
    assert preview.table.num_rows == 6
    assert (
        preview.table.column("case:concept:name").to_pylist()
        == ["c0"] * 2 + ["c1"] * 2 + ["c2"] * 2
    )
    assert preview.roles.columns() == {
        "case": ["case:concept:name"],
        "activity": ["concept:name"],
        "timestamp": ["time:timestamp"],
        "channel": ["channel"],
    }
    assert preview.types["time:timestamp"] == "time"
    check = check_time(preview, "time:timestamp", timezone="Europe/Helsinki")
    assert check.format == "timestamp"
    assert not check.naive
    assert check.examples[0][1] == datetime(2024, 1, 1, 7, 0, tzinfo=UTC)


def test_xes_with_fewer_traces_than_asked_is_read_whole(write_file):
    preview = preview_file(write_file("small.xes", xes(2)))
    assert preview.table.num_rows == 4


def test_xes_preview_keeps_the_readers_safety_checks(write_file):
    hostile = '<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY x "y">]>\n' + xes(1).split("\n", 1)[1]
    with pytest.raises(AuditInputError, match="DOCTYPE or ENTITY"):
        preview_file(write_file("hostile.xes", hostile))


def test_parquet_preview_reads_the_first_rows_with_their_types(tmp_path):
    path = tmp_path / "log.parquet"
    times = [dt.datetime(2024, 1, 1, 9, n) for n in range(30)]
    table = pa.table(
        {
            "Ticket": [f"T{n // 3}" for n in range(30)],
            "Status": ["Open", "Work", "Done"] * 10,
            "At": pa.array(times, type=pa.timestamp("us")),
            "Priority": list(range(30)),
        }
    )
    pq.write_table(table, path, row_group_size=10)
    preview = preview_file(path, rows=5)
    assert preview.table.num_rows == 5
    assert preview.types == {
        "Ticket": "text",
        "Status": "text",
        "At": "time",
        "Priority": "integer",
    }
    assert preview.roles.case == "Ticket"
    assert check_time(preview, "At").naive
    priority = check_time(preview, "Priority")
    assert priority.format == "epoch seconds"
    assert priority.implausible == 5, "numbers 0..4 read as seconds after 1970"


def test_excel_preview_reads_the_first_rows(tmp_path):
    path = tmp_path / "log.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Case ID", "Activity", "When"])
    for n in range(40):
        sheet.append([n // 4, f"Step {n % 4}", dt.datetime(2024, 2, 1, 8, n)])
    book.save(path)
    preview = preview_file(path, rows=8)
    assert preview.table.num_rows == 8
    assert preview.table.column("Case ID").to_pylist() == ["0"] * 4 + ["1"] * 4
    assert preview.types == {"Case ID": "integer", "Activity": "text", "When": "time"}


def test_a_text_column_does_not_read_as_a_time(write_file):
    preview = preview_file(write_file("complaints.csv", COMPLAINTS))
    check = check_time(preview, "ComplaintTheme_EN")
    assert (check.format, check.readable, check.values, check.examples) == (None, 0, 3, ())


def test_dotted_dates_read_day_first_in_the_chosen_zone(write_file):
    preview = preview_file(write_file("complaints.csv", COMPLAINTS))
    check = check_time(preview, "ContactDate", timezone="Europe/Helsinki")
    assert check.format == "dd.mm.yyyy"
    assert (check.readable, check.values) == (3, 3)
    assert check.naive and check.day_month and not check.ambiguous
    # Helsinki is UTC+2 in March before the change to summer time
    assert check.examples[1] == ("02.03.2024 10:30", datetime(2024, 3, 2, 8, 30, tzinfo=UTC))


SLASHED = "case,activity,time\n1,A,03/04/2024 10:00\n1,B,05/04/2024 11:00\n"
"""Neither 03/04 nor 05/04 settles whether the day or the month comes first."""


def test_day_month_order_the_first_rows_cannot_settle_is_ambiguous(write_file):
    preview = preview_file(write_file("slashed.csv", SLASHED))
    check = check_time(preview, "time")
    assert check.ambiguous and check.day_month and check.naive
    assert check.examples[0][1] == datetime(2024, 4, 3, 10, 0, tzinfo=UTC), "shown day first"
    month_first = check_time(preview, "time", dayfirst=False)
    assert not month_first.ambiguous
    assert month_first.format == "mm/dd/yyyy"
    assert month_first.examples[0][1] == datetime(2024, 3, 4, 10, 0, tzinfo=UTC)


def test_a_day_above_twelve_settles_the_order(write_file):
    text = SLASHED + "2,A,04/25/2024 09:00\n"
    check = check_time(preview_file(write_file("settled.csv", text)), "time")
    assert (check.format, check.ambiguous) == ("mm/dd/yyyy", False)


def test_times_with_an_offset_are_not_naive_and_unreadable_values_are_counted(write_file):
    text = "case,activity,time\n1,A,2024-01-01T10:00:00+02:00\n1,B,2024-01-01T12:00:00Z\n1,C,soon\n"
    check = check_time(preview_file(write_file("zoned.csv", text)), "time")
    assert check.format == "ISO 8601"
    assert not check.naive
    assert (check.readable, check.values) == (2, 3)
    assert [instant for _, instant in check.examples] == [
        datetime(2024, 1, 1, 8, 0, tzinfo=UTC),
        datetime(2024, 1, 1, 12, 0, tzinfo=UTC),
        None,
    ]


def test_an_unknown_zone_is_refused(write_file):
    preview = preview_file(write_file("complaints.csv", COMPLAINTS))
    with pytest.raises(AuditInputError, match="unknown time zone 'Mars/Olympus'"):
        check_time(preview, "ContactDate", timezone="Mars/Olympus")


def test_an_unknown_file_type_and_a_binary_file_are_refused(write_file):
    with pytest.raises(AuditInputError, match="unknown file type .json"):
        preview_file(write_file("log.json", "{}"))
    with pytest.raises(AuditInputError, match="not a text export"):
        preview_file(write_file("log.csv", b"\x00\x01\x02 not a log"))


def test_a_value_beyond_any_real_length_in_the_head_is_refused_with_its_line(write_file):
    text = 'case,activity,timestamp\n1,"' + "x" * 200_000 + '",2024-01-01\n'
    with pytest.raises(AuditInputError, match="line 2"):
        preview_file(write_file("long.csv", text))


def test_the_pseudonymised_preview_shows_the_audits_tokens_and_no_free_text(write_file):
    from audit.io import read_log
    from audit.privacy import PrivacyOptions, protect_log

    text = (
        "Ticket,Status,ContactTime,Agent,Customer,Comment,Caller\n"
        "T1,Open,2024-01-01 09:00,Anna,C7,please call me back about the broken heater,Li\n"
        "T1,Closed,2024-01-02 09:00,Ben,C7,the heater was replaced on site by our team,Li\n"
    )
    path = write_file("tickets.csv", text)
    preview = preview_file(path)
    options = PrivacyOptions(key=b"workshop")
    mapping = ColumnMapping(case="Ticket", activity=("Status",), timestamp="ContactTime")
    mapping = recognise_roles(preview.columns, mapping)
    assert (mapping.resource, mapping.customer) == ("Agent", "Customer")
    shown = pseudonymised(preview, mapping, options)
    assert shown.columns == preview.columns
    audited, _ = protect_log(read_log(path, mapping), options)
    events = audited.events
    assert shown.table.column("Ticket").to_pylist() == events.column("case_id").to_pylist()
    assert shown.table.column("Agent").to_pylist() == events.column("resource").to_pylist()
    assert shown.table.column("Customer").to_pylist() == events.column("customer_id").to_pylist()
    assert shown.table.column("Ticket").to_pylist()[0].startswith("case-")
    assert shown.table.column("Comment").to_pylist() == [None, None]
    assert shown.table.column("Status").to_pylist() == ["Open", "Closed"]
    # named like a person ("caller"): a token as an attribute, as it is when the audit
    # reads it; times stay as they are, in a role or not, whatever their name
    assert shown.table.column("Caller").to_pylist()[0].startswith("id-")
    assert shown.table.column("Caller").to_pylist() == events.column("Caller").to_pylist()
    times = ["2024-01-01 09:00", "2024-01-02 09:00"]
    assert shown.table.column("ContactTime").to_pylist() == times
    unmapped = pseudonymised(preview, ColumnMapping(case="Ticket"), options)
    assert unmapped.table.column("ContactTime").to_pylist() == times


def test_the_first_rows_are_read_as_a_log_with_a_mapping_by_the_full_reads_rules(write_file):
    preview = preview_file(write_file("complaints.csv", COMPLAINTS))
    mapping = ColumnMapping(
        case="ComplaintID", activity=("ComplaintTheme_EN",), timestamp="ContactDate"
    )
    log = head_log(preview, mapping, timezone="Europe/Helsinki")
    assert log.events.num_rows == 3
    assert log.events.column("case_id").to_pylist() == ["K1", "K1", "K2"]
    assert log.events.column("timestamp")[0].as_py() == dt.datetime(2024, 3, 1, 7, 0)
    wrong = ColumnMapping(case="ComplaintID", activity=("Score",), timestamp="ComplaintTheme_EN")
    with pytest.raises(AuditInputError, match="does not hold timestamps"):
        head_log(preview, wrong)
