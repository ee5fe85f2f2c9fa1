"""`journey-audit inspect`: human and JSON output, mapping flags, exit status 2 on bad input
without a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from audit.cli import app

LOG = (
    "Case ID;Activity;Complete Timestamp;Team\n"
    "7;Apply;01.02.2024 09:00;Front\n"
    "7;Decide;02.02.2024 10:30;Credit\n"
    "8;Apply;03.02.2024 11:00;Front\n"
)


def test_inspect_json_reports_roles_counts_and_account(write_file):
    path = write_file("log.csv", LOG)
    result = CliRunner().invoke(app, ["inspect", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["cases"], data["events"], data["activities"]) == (2, 3, 2)
    assert data["roles"]["org_unit"] == ["Team"]
    assert data["first_event"] == "2024-02-01T09:00:00"
    assert data["last_event"] == "2024-02-03T11:00:00"
    assert data["quality"]["balanced"] is True


def test_inspect_mapping_flags_override(write_file):
    path = write_file("log.csv", LOG)
    args = [
        "inspect",
        str(path),
        "--json",
        "--activity",
        "Activity",
        "--activity",
        "Team",
        "--timezone",
        "Europe/Helsinki",
    ]
    data = json.loads(CliRunner().invoke(app, args).output)
    assert data["top_activities"] == [
        {"activity": "Apply / Front", "events": 2},
        {"activity": "Decide / Credit", "events": 1},
    ]
    assert data["first_event"] == "2024-02-01T07:00:00"


def test_inspect_human_output(write_file):
    result = CliRunner().invoke(app, ["inspect", str(write_file("log.csv", LOG))])
    assert result.exit_code == 0
    assert "every row is accounted for" in result.output and "org_unit" in result.output


def test_bad_input_exits_2_with_one_message_and_no_traceback(write_file):
    path = write_file("log.csv", "id,what,when\n1,A,2024-01-01\n")
    done = subprocess.run(
        [sys.executable, "-m", "audit.cli", "inspect", str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "log.csv: no column recognised" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
