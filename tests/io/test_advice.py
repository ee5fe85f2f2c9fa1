"""Advice on the column mapping (audit.io.advice): lifecycle values that are a status, and
readable labels for coded activity names; the same advice in `inspect` and the draft."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.io import ColumnMapping, read_log
from audit.io.advice import advice_notes, mapping_advice
from audit.io.describe import describe
from audit.journey import draft_journey

# 5 events, 4 with a lifecycle value outside the XES model: 80%
INCIDENTS = """\
ticket,activity,lifecycle,time
T1,Accepted,In Progress,2024-01-01 09:00
T1,Accepted,Wait - User,2024-01-01 10:00
T1,Completed,Resolved,2024-01-01 11:00
T2,Accepted,In Progress,2024-01-02 09:00
T2,Completed,complete,2024-01-02 10:00
"""


def _write(tmp_path: Path, text: str, name: str = "log.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_lifecycle_values_outside_the_xes_model_are_a_status(tmp_path):
    log = read_log(_write(tmp_path, INCIDENTS))
    [advice] = mapping_advice(log)
    assert (advice.kind, advice.role) == ("lifecycle_as_status", "activity")
    assert advice.columns == ("activity", "lifecycle")
    assert advice.flags() == "--activity activity --activity lifecycle"
    # values by how often they occur, then by name; the example joins the most frequent
    # value to the activity it comes with most often
    assert advice.reason("en") == (
        "The lifecycle column 'lifecycle' holds values outside the XES lifecycle model on 80% "
        "of the events ('In Progress', 'Resolved', 'Wait - User'). Such values tell the "
        "status of the case, such as whom it waits for, rather than the start or end of an "
        "activity; joined to the activity ('Accepted / In Progress') they become steps of "
        "the journey, with their waits."
    )
    assert advice.reason("fi").startswith(
        "Elinkaarisarakkeessa 'lifecycle' on XES-elinkaarimallin ulkopuolisia arvoja 80 % "
    )
    # following the advice leaves nothing to advise, and the status is in the activity
    joined = read_log(tmp_path / "log.csv", ColumnMapping(activity=advice.columns))
    assert mapping_advice(joined) == []
    assert "Accepted / Wait - User" in joined.events.column("activity").to_pylist()


@pytest.mark.parametrize(("events", "advised"), [(10, True), (11, False)])
def test_a_status_is_on_at_least_a_tenth_of_the_events(tmp_path, events, advised):
    rows = ["case,activity,lifecycle,time", "c1,Open,Wait - User,2024-01-01 09:00"]
    rows += [f"c1,Work,complete,2024-01-01 {10 + n}:00" for n in range(events - 1)]
    log = read_log(_write(tmp_path, "\n".join(rows) + "\n"))
    assert bool(mapping_advice(log)) is advised


def _coded(rows: list[tuple[str, str, str]]) -> str:
    """A CSV of case, coded activity, an English label, a Dutch label, a one-word phase
    and a free note, one event an hour."""
    phases = {"01_REG_010": "intake", "01_REG_020": "intake", "02_DEC_010": "decision"}
    lines = ["case,activity,labelEN,labelNL,phase,note,time"]
    for hour, (case, code, label) in enumerate(rows):
        dutch = {"register application": "aanvraag registreren"}.get(label, f"nl {label}")
        lines.append(
            f"{case},{code},{label},{dutch},{phases[code]},note {hour},2024-01-01 {hour:02d}:00"
        )
    return "\n".join(lines) + "\n"


LABELLED = [
    ("c1", "01_REG_010", "register application"),
    ("c1", "01_REG_020", "check documents"),
    ("c1", "02_DEC_010", "decide on permit"),
    ("c2", "01_REG_010", "register application"),
    ("c2", "02_DEC_010", "decide on permit"),
]


def test_readable_labels_for_coded_activities(tmp_path):
    log = read_log(_write(tmp_path, _coded(LABELLED)))
    advice = mapping_advice(log)
    # labelEN and labelNL name each code in words; phase has one word per label, and
    # the note differs on every event
    assert [(a.kind, a.columns) for a in advice] == [
        ("activity_labels", ("labelEN",)),
        ("activity_labels", ("labelNL",)),
    ]
    assert advice[0].reason("en") == (
        "Activity names such as '01_REG_010' are codes; the column 'labelEN' names the same "
        "activities in words ('01_REG_010' is 'register application'): use it as the activity."
    )
    assert advice[0].reason("fi") == (
        "Toimintojen nimet, kuten '01_REG_010', ovat koodeja; sarake 'labelEN' nimeää samat "
        "toiminnot sanoin ('01_REG_010' on 'register application'): käytä sitä toimintona."
    )
    assert advice[0].to_dict() == {
        "kind": "activity_labels",
        "role": "activity",
        "columns": ["labelEN"],
        "flags": "--activity labelEN",
        "reason": advice[0].reasons,
    }


def test_codes_that_share_a_label_are_said_to_merge(tmp_path):
    # both registration codes are labelled "check documents"
    rows = [
        (case, code, "decide on permit" if code == "02_DEC_010" else "check documents")
        for case, code, _ in LABELLED
    ]
    [english, _] = mapping_advice(read_log(_write(tmp_path, _coded(rows))))
    assert english.reason("en").endswith(
        "use it as the activity. 3 codes carry 2 labels, so codes with the same label become "
        "one activity."
    )


@pytest.mark.parametrize(("other_label", "advised"), [(2, True), (3, False)])
def test_each_code_has_one_label_on_nine_events_in_ten(tmp_path, other_label, advised):
    # 01_REG_010 has 10 events, of which 2 (or 3) carry the label of 01_REG_020, which has
    # 10 of its own: 18 of 20 events (90%) agree, or 17 (85%)
    rows = [("c1", "01_REG_010", "register application")] * (10 - other_label)
    rows += [("c1", "01_REG_010", "check documents")] * other_label
    rows += [("c2", "01_REG_020", "check documents")] * 10
    advised_columns = [a.columns for a in mapping_advice(read_log(_write(tmp_path, _coded(rows))))]
    assert (("labelEN",) in advised_columns) is advised


def test_readable_activity_names_need_no_labels(tmp_path):
    # the same log with readable names in place of the codes
    text = _coded(LABELLED)
    for code, name in [
        ("01_REG_010", "Register"),
        ("01_REG_020", "Check"),
        ("02_DEC_010", "Decide"),
    ]:
        text = text.replace(f",{code},", f",{name},")
    assert mapping_advice(read_log(_write(tmp_path, text))) == []


def test_inspect_shows_the_advice(tmp_path):
    path = _write(tmp_path, INCIDENTS)
    assert describe(read_log(path))["advice"] == [
        a.to_dict() for a in mapping_advice(read_log(path))
    ]
    shown = CliRunner().invoke(app, ["inspect", str(path)], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    assert "Advice: The lifecycle column 'lifecycle' holds values outside" in shown.output
    assert "on the command line: --activity activity --activity lifecycle" in shown.output
    data = json.loads(CliRunner().invoke(app, ["inspect", str(path), "--json"]).output)
    assert [advice["kind"] for advice in data["advice"]] == ["lifecycle_as_status"]


def test_the_draft_notes_carry_the_same_advice(tmp_path):
    log = read_log(_write(tmp_path, INCIDENTS))
    reason = mapping_advice(log)[0].reasons
    # the bare event table has no mapping: the lifecycle column is found by its name
    assert advice_notes(log.events, "fi") == [reason["fi"]]
    assert draft_journey(log.events).notes[-1] == reason["en"]
    assert draft_journey(log.events, language="fi").notes[-1] == reason["fi"]
