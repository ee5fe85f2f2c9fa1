"""Swedish where a user reads outside the app: the command line's summary and the notes of a
journey map drafted from a log."""

from __future__ import annotations

from typer.testing import CliRunner

from audit.cli import app
from audit.io import read_log
from audit.journey.draft import draft_journey

TINY_LOG = (
    "Case ID;Activity;Complete Timestamp;Team\n"
    "A;Ask;05.03.2024 08:00;Desk\n"
    "A;Answer;05.03.2024 12:00;Desk\n"
    "B;Ask;06.03.2024 09:00;Desk\n"
    "B;Escalate;06.03.2024 10:00;Expert\n"
    "B;Answer;07.03.2024 10:00;Desk\n"
)
"""Two cases; A stays at the desk, B goes to an expert and back (2 handoffs)."""


def test_the_command_line_summary_in_swedish(write_file, tmp_path):
    path = write_file("tiny.csv", TINY_LOG)
    args = ["audit", str(path), "--out", str(tmp_path / "out"), "--dayfirst", "--language", "sv"]
    result = CliRunner().invoke(app, [*args, "--org-unit", "Team"])
    assert result.exit_code == 0, result.output
    assert "Granskning av kundresan: tiny.csv" in result.output
    assert "2 ärenden, 5 händelser, 3 aktiviteter" in result.output
    assert "Överlämningar 2 (1,0 per ärende)" in result.output
    assert "Resultaten skrevs till" in result.output
    assert " cases" not in result.output and "Weakest" not in result.output


def test_a_journey_map_drafted_in_swedish(write_file):
    log = read_log(write_file("tiny.csv", TINY_LOG), dayfirst=True)
    swedish = draft_journey(log.events, language="sv")
    english = draft_journey(log.events, language="en")
    assert swedish.language == "sv" and swedish.drafted
    assert swedish.notes and swedish.notes != english.notes
    assert [stage.name for stage in swedish.stages] == [stage.name for stage in english.stages]
