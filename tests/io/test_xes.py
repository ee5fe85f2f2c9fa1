"""XES reader: traces and events, case attributes, namespaces, nested values, and refusal
of hostile or broken XML."""

from __future__ import annotations

import gzip
from datetime import datetime

import pytest

from audit.errors import AuditInputError
from audit.io import read_log

XES = """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <string key="concept:name" value="log-level name, not a case"/>
  <global scope="event"><string key="concept:name" value="DEFAULT"/></global>
  <trace>
    <string key="concept:name" value="0012"/>
    <string key="channel" value="Desk"/>
    <float key="AMOUNT_REQ" value="5000.5"/>
    <event>
      <string key="concept:name" value="Apply"/>
      <string key="org:resource" value="Päivi"/>
      <date key="time:timestamp" value="2024-01-02T10:00:00.000+02:00"/>
      <list key="documents"><values><string key="doc" value="passport"/></values></list>
    </event>
    <event>
      <string key="concept:name" value="Decide &amp; inform"/>
      <date key="time:timestamp" value="2024-01-03T10:00:00.000+02:00"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="NA"/>
    <string key="channel" value="Web"/>
    <event>
      <string key="concept:name" value="Apply"/>
      <date key="time:timestamp" value="2024-01-05T08:00:00Z"/>
    </event>
    <event>
      <string key="concept:name" value="Decide"/>
    </event>
  </trace>
</log>
"""


def test_traces_events_and_case_attributes(write_file):
    log = read_log(write_file("log.xes", XES))
    events = log.events
    assert events.column("case_id").to_pylist() == ["0012", "0012", "NA"]
    assert events.column("activity").to_pylist() == ["Apply", "Decide & inform", "Apply"]
    assert events.column("timestamp").to_pylist() == [
        datetime(2024, 1, 2, 8),
        datetime(2024, 1, 3, 8),
        datetime(2024, 1, 5, 8),
    ]
    assert events.column("resource").to_pylist() == ["Päivi", None, None]
    assert events.column("channel").to_pylist() == ["Desk", "Desk", "Web"]
    assert events.column("AMOUNT_REQ").to_pylist() == [5000.5, 5000.5, None]
    assert "documents" not in events.column_names and "doc" not in events.column_names
    assert "AMOUNT_REQ" in log.case_attributes
    assert log.quality.dropped["missing timestamp"].examples == ["trace 2, event 2"]
    assert log.quality.balanced()


def test_xes_gz_and_no_namespace(write_file):
    plain = XES.replace(' xmlns="http://www.xes-standard.org/"', "")
    log = read_log(write_file("log.xes.gz", gzip.compress(plain.encode())))
    assert log.events.num_rows == 3


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE log [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<log><trace><string key="concept:name" value="&h;"/></trace></log>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE log [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<log><trace><string key="concept:name" value="&secret;"/></trace></log>
"""


@pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_hostile_xml_is_refused_before_parsing(write_file, content):
    # the prolog check refuses the declaration itself, so nothing is expanded or fetched
    with pytest.raises(AuditInputError, match="DOCTYPE or ENTITY"):
        read_log(write_file("evil.xes", content))


def test_malformed_xml_names_the_line(write_file):
    broken = XES.replace("</trace>\n  <trace>", "</trace>\n  <trace", 1)
    with pytest.raises(AuditInputError, match=r"malformed .*line \d+"):
        read_log(write_file("log.xes", broken))


def test_truncated_gzip_is_reported(write_file):
    data = gzip.compress(XES.encode())
    with pytest.raises(AuditInputError, match="truncated"):
        read_log(write_file("log.xes.gz", data[: len(data) // 2]))


def test_file_that_is_not_xes(write_file):
    with pytest.raises(AuditInputError, match="not an XES event log"):
        read_log(write_file("log.xes", "<html><body>hello</body></html>"))


TYPED = """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <global scope="event">
    <date key="time:timestamp" value="1970-01-01T00:00:00.000+01:00"/>
    <string key="org:resource" value="UNKNOWN"/>
  </global>
  <trace>
    <string key="concept:name" value="7"/>
    <int key="claims" value="3"/>
    <boolean key="vip" value="true"/>
    <event>
      <string key="concept:name" value="Apply"/>
      <date key="time:timestamp" value="2024-01-02T10:00:00+02:00"/>
      <date key="due" value="2024-01-09T00:00:00Z"/>
      <int key="cost" value="12"/>
      <string key="note" value="by phone"/>
    </event>
    <event>
      <string key="concept:name" value="Decide"/>
      <float key="cost" value="1.5"/>
      <int key="note" value="4"/>
    </event>
  </trace>
</log>
"""


def test_typed_attributes_and_global_defaults(write_file):
    log = read_log(write_file("typed.xes", TYPED))
    # the second event has no timestamp: the global default must not stand in for it
    assert log.quality.dropped["missing timestamp"].examples == ["trace 1, event 2"]
    events = log.events
    assert events.column("resource").to_pylist() == [None]
    assert events.column("claims").to_pylist() == [3]
    assert events.column("vip").to_pylist() == [True]
    assert events.column("due").to_pylist() == [datetime(2024, 1, 9)]
    assert events.column("cost").to_pylist() == [12.0]  # int and float: read as numbers
    assert events.column("note").to_pylist() == ["by phone"]  # string and int: read as text
    assert any("'note' has values of several types" in note for note in log.quality.notes)


def test_dates_without_offset_are_read_in_the_chosen_zone(write_file):
    naive = TYPED.replace("+02:00", "").replace("+01:00", "").replace("Z", "")
    log = read_log(write_file("naive.xes", naive), timezone="Europe/Helsinki")
    assert log.events.column("timestamp").to_pylist() == [datetime(2024, 1, 2, 8)]


def test_file_cut_between_elements_is_refused(write_file):
    cut = XES[: XES.index("<trace>", XES.index("</trace>"))]
    with pytest.raises(AuditInputError, match="truncated"):
        read_log(write_file("log.xes", cut))
