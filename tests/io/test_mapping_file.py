"""A column mapping saved as YAML (audit.io.mapping_file) and `--mapping FILE` on the
command line: written and read back the same, every mistake named by file, line and key."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.errors import AuditInputError
from audit.io.mapping import ColumnMapping
from audit.io.mapping_file import SavedMapping, dump_mapping, load_mapping, parse_mapping

SAVED = SavedMapping(
    ColumnMapping(
        case="ComplaintID",
        activity=("ComplaintTheme_EN", "case:concept:name"),
        timestamp="ContactDate",
        customer="CustomerID",
        separator=" - ",
    ),
    timezone="Europe/Helsinki",
    dayfirst=True,
)


def test_a_mapping_is_written_as_readable_yaml_and_read_back_the_same():
    text = dump_mapping(SAVED)
    assert text.splitlines()[1:] == [
        "case: ComplaintID",
        "activity:",
        "- ComplaintTheme_EN",
        "- case:concept:name",
        "timestamp: ContactDate",
        "customer: CustomerID",
        "separator: ' - '",
        "timezone: Europe/Helsinki",
        "dayfirst: true",
    ]
    assert parse_mapping(text) == SAVED


def test_settings_not_said_stay_open():
    saved = parse_mapping("case: Ticket\nactivity: Status\n")
    assert saved == SavedMapping(ColumnMapping(case="Ticket", activity=("Status",)))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the mapping file is empty"),
        ("- case\n", "must be 'role: column' lines"),
        ("case: Ticket\nactivty: Status\n", "line 2: 'activty' is not a key"),
        ("case: [A, B]\n", "line 1: 'case' must name one column"),
        ("activity: []\n", "line 1: 'activity' must name a column or a list"),
        ("activity: [A, 3]\n", "line 1: 'activity' must name a column or a list"),
        ("case: A\ntimezone: Mars/Olympus\n", "line 2: 'timezone' 'Mars/Olympus' is not a time"),
        ("dayfirst: sometimes\n", "line 1: 'dayfirst' must be true or false"),
        ("separator: ''\n", "line 1: 'separator' must be text"),
        ("case: A\ncase: B\n", "appears twice"),
        ("case: [unclosed\n", "not valid YAML"),
    ],
)
def test_mistakes_name_the_file_the_line_and_the_key(text, message):
    with pytest.raises(AuditInputError, match="^complaints.mapping.yaml: ") as caught:
        parse_mapping(text, "complaints.mapping.yaml")
    assert message in str(caught.value)
    assert "What to do:" in str(caught.value)


def test_a_file_that_is_not_text_is_refused(write_file):
    path = write_file("m.yaml", b"case: \xff\xfe\n")
    with pytest.raises(AuditInputError, match="not UTF-8 text"):
        load_mapping(path)


LOG = (
    "CustomerID,ComplaintID,ContactDate,ComplaintTheme_EN,Handler\n"
    "C1,K1,01/03/2024 09:00,Billing,Anna\n"
    "C1,K1,02/03/2024 10:00,Refund,Ben\n"
    "C2,K2,03/03/2024 08:30,Delivery,Ben\n"
)
"""Column names the mapping does not recognise; dates whose order no day above 12 settles."""


def inspect_json(*args: str) -> dict:
    result = CliRunner().invoke(app, ["inspect", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_command_line_reads_the_log_with_the_mapping_file(write_file):
    log = write_file("complaints.csv", LOG)
    mapping = write_file(
        "complaints.mapping.yaml",
        "case: ComplaintID\nactivity: ComplaintTheme_EN\ntimestamp: ContactDate\n"
        "timezone: Europe/Helsinki\ndayfirst: true\n",
    )
    data = inspect_json(str(log), "--mapping", str(mapping))
    assert data["roles"]["case"] == ["ComplaintID"]
    assert data["roles"]["resource"] == ["Handler"], "roles left out are still recognised"
    assert (data["cases"], data["events"]) == (2, 3)
    # 1 March 2024 09:00 in Helsinki (UTC+2) is 07:00 UTC: day first, in the file's zone
    assert data["first_event"] == "2024-03-01T07:00:00"
    # a flag overrides the file
    overridden = inspect_json(
        str(log), "--mapping", str(mapping), "--monthfirst", "--timezone", "UTC"
    )
    assert overridden["first_event"] == "2024-01-03T09:00:00"


def test_a_bad_mapping_file_exits_with_status_2_and_one_message(write_file):
    log = write_file("complaints.csv", LOG)
    mapping = write_file("bad.yaml", "case: ComplaintID\ntimestmp: ContactDate\n")
    done = subprocess.run(
        [sys.executable, "-m", "audit.cli", "inspect", str(log), "--mapping", str(mapping)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "bad.yaml: line 2: 'timestmp' is not a key of a mapping file" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
