"""The journey board's edits on a small hand-written map, and the board drawn from it: each
edit gives the map a person would have written, which the log resolves as expected."""

from __future__ import annotations

import pandas as pd
import pytest

from audit.journey import compile_journey, dump_journey, parse_journey
from audit.journey.board import (
    BoardEditError,
    apply_edit,
    build_board,
    exact_entry,
    notes_by_activity,
    unique_stage_name,
)
from audit.journey.draft import activity_profile
from tests.journey.builders import event_log

MAP = parse_journey(
    """
journey: Test
notes: ["'Pay' ends 50% of cases → good outcome", "2 stages: a note on no card"]
stages:
  - name: Ask
    promise: 24h
    activities: [Apply, "Check*"]
    required: [Apply]
  - name: Decide
    activities: [Decide, Pay]
allowed_skips: [Decide]
touchpoints:
  - activity: Apply
    channel: web
  - activity: "Call*"
    channel: phone
outcomes:
  good: [Pay]
survey: {nps: nps}
""",
    "test.yaml",
)
ACTIVITIES = [
    "Apply",
    "Check docs",
    "Check id",
    "Decide",
    "Pay",
    "Call back",
    "Call out",
    "Archive",
]


def edit(journey=MAP, **fields):
    return apply_edit(journey, ACTIVITIES, fields)


def stage_of(journey) -> dict[str, str | None]:
    table = compile_journey(journey, ACTIVITIES, ["nps"]).activities
    return dict(zip(table["activity"], table["stage"], strict=True))


def test_a_card_moved_out_of_a_pattern_is_named_exactly_in_its_new_stage():
    moved = edit(op="move_card", activity="Check id", stage="Decide")
    assert moved.stages[0].activities == ["Apply", "Check*"]
    assert moved.stages[1].activities == ["Decide", "Pay", "Check id"]
    assert stage_of(moved)["Check id"] == "Decide"
    assert stage_of(moved)["Check docs"] == "Ask"
    assert moved.source == "test.yaml"


def test_a_card_moved_to_the_tray_replaces_the_pattern_by_the_names_it_still_holds():
    moved = edit(op="move_card", activity="Check id", stage=None)
    assert moved.stages[0].activities == ["Apply", "Check docs"]
    assert pd.isna(stage_of(moved)["Check id"])


def test_a_required_touchpoint_moves_with_its_card():
    moved = edit(op="move_card", activity="Apply", stage="Decide")
    assert (moved.stages[0].activities, moved.stages[0].required) == (["Check*"], [])
    assert moved.stages[1].required == ["Apply"]


def test_a_stage_cannot_lose_its_last_card():
    once = edit(op="move_card", activity="Decide", stage="Ask")
    with pytest.raises(BoardEditError) as raised:
        edit(once, op="move_card", activity="Pay", stage="Ask")
    assert (raised.value.code, raised.value.stage, raised.value.activity) == (
        "empty_stage",
        "Decide",
        "Pay",
    )


def test_renaming_a_stage_renames_its_allowed_skip_and_refuses_a_taken_or_empty_name():
    renamed = edit(op="rename_stage", stage="Decide", name=" Answer ")
    assert [s.name for s in renamed.stages] == ["Ask", "Answer"]
    assert renamed.allowed_skips == ["Answer"]
    for name, code in (("ask ", "duplicate_name"), ("  ", "empty_name")):
        with pytest.raises(BoardEditError) as raised:
            edit(op="rename_stage", stage="Decide", name=name)
        assert (raised.value.code, raised.value.stage) == (code, "Decide")


def test_stages_reorder_and_a_new_stage_takes_the_card_dropped_on_it():
    assert [s.name for s in edit(op="move_stage", stage="Decide", index=0).stages] == [
        "Decide",
        "Ask",
    ]
    name = unique_stage_name(MAP, "ask")
    assert name == "ask 2"
    added = edit(op="add_stage", name="Close", activity="Archive")
    assert [(s.name, s.activities) for s in added.stages][-1] == ("Close", ["Archive"])
    added = edit(op="add_stage", name="Check", activity="Check id", index=1)
    assert [s.name for s in added.stages] == ["Ask", "Check", "Decide"]
    assert added.stages[0].activities == ["Apply", "Check*"]
    assert stage_of(added)["Check id"] == "Check"


def test_a_removed_stage_leaves_its_cards_in_the_tray_but_the_last_stage_stays():
    removed = edit(op="remove_stage", stage="Decide")
    assert [s.name for s in removed.stages] == ["Ask"]
    assert removed.allowed_skips == []
    assert pd.isna(stage_of(removed)["Pay"])
    with pytest.raises(BoardEditError) as raised:
        edit(removed, op="remove_stage", stage="Ask")
    assert raised.value.code == "last_stage"


def test_touchpoints_toggle_and_a_pattern_keeps_its_channel_for_the_others():
    off = edit(op="set_touchpoint", activity="Call out", on=False)
    assert [(p.activity, p.channel) for p in off.touchpoints] == [
        ("Apply", "web"),
        ("Call back", "phone"),
    ]
    on = edit(op="set_touchpoint", activity="Archive", on=True)
    assert (on.touchpoints[-1].activity, on.touchpoints[-1].channel) == ("Archive", None)
    assert edit(op="set_touchpoint", activity="Apply", on=True) == MAP


def test_outcomes_are_set_and_cleared():
    bad = edit(op="set_outcome", activity="Pay", kind="bad")
    assert (bad.outcomes.good, bad.outcomes.bad) == ([], ["Pay"])
    none = edit(op="set_outcome", activity="Pay", kind=None)
    assert (none.outcomes.good, none.outcomes.bad) == ([], [])
    table = compile_journey(bad, ACTIVITIES, ["nps"]).activities.set_index("activity")
    assert table.loc["Pay", "outcome"] == "bad"


def test_a_promise_is_a_duration_or_nothing():
    assert edit(op="set_promise", stage="Decide", promise=" 3d ").stages[1].promise == "3d"
    assert edit(op="set_promise", stage="Ask", promise="").stages[0].promise is None
    with pytest.raises(BoardEditError) as raised:
        edit(op="set_promise", stage="Ask", promise="soon")
    assert (raised.value.code, raised.value.stage) == ("bad_promise", "Ask")
    assert "'soon' is not a duration" in str(raised.value)


def test_unknown_edits_and_stages_are_refused_with_a_reason():
    with pytest.raises(BoardEditError, match="unknown board edit 'fly'"):
        edit(op="fly")
    with pytest.raises(BoardEditError, match="lacks stage"):
        edit(op="move_card", activity="Pay")
    with pytest.raises(BoardEditError) as raised:
        edit(op="set_promise", stage="Nowhere", promise="1d")
    assert raised.value.code == "unknown"


def test_an_activity_named_like_a_pattern_is_moved_by_its_exact_name():
    assert exact_entry("Check*") == r"re:Check\*"
    activities = [*ACTIVITIES, "Check*"]
    moved = apply_edit(
        MAP, activities, {"op": "move_card", "activity": "Check*", "stage": "Decide"}
    )
    table = compile_journey(moved, activities, ["nps"]).activities.set_index("activity")
    assert table.loc["Check*", "stage"] == "Decide"
    assert table.loc["Check id", "stage"] == "Ask"


def test_an_edited_map_is_written_and_read_back_the_same():
    edited = edit(op="move_card", activity="Check id", stage=None)
    assert parse_journey(dump_journey(edited)) == edited


LOG = event_log(
    {
        "k0": [("Apply", 0, None), ("Check docs", 1, None), ("Decide", 2, None), ("Pay", 3, None)],
        "k1": [("Apply", 0, None), ("Decide", 5, None)],
    }
)


def test_the_board_carries_each_cards_evidence_notes_friction_and_lanes():
    compiled = compile_journey(MAP, ["Apply", "Check docs", "Decide", "Pay", "Archive"], ["nps"])
    friction = pd.DataFrame({"stage": ["Ask", "Decide"], "friction": [40.0, 10.0]})
    friction["change"] = [9.5, None]
    lanes = pd.DataFrame(
        {
            "lane_kind": ["frontstage", "backstage", "backstage"],
            "lane": ["frontstage", "Claims", "Claims"],
            "lane_order": [0, 1, 1],
            "stage": ["Ask", "Ask", "Decide"],
            "stage_order": [1, 1, 2],
            "activity": ["Apply", "Check docs", "Decide"],
            "events": [2, 1, 2],
        }
    )
    board = build_board(
        MAP,
        compiled.activities,
        activity_profile(LOG),
        [*compiled.warnings, "stage 'Ask': a warning about Ask"],
        friction,
        lanes,
    )
    ask, decide = board.columns
    assert [c.activity for c in ask.cards] == ["Apply", "Check docs"]
    assert (ask.promise, ask.friction, ask.change) == ("24h", 40.0, 9.5)
    assert ask.warnings == ["a warning about Ask"]
    assert (decide.friction, decide.change) == (10.0, None)
    # Decide: last of 2 events in k1 (position 1), third of 4 in k0 (2/3); median 5/6
    apply_, check = ask.cards
    assert (apply_.events, apply_.case_share, apply_.position, apply_.ends_share) == (2, 1, 0, 0)
    assert (apply_.touchpoint, apply_.channel) == (True, "web")
    assert (check.case_share, check.position) == (0.5, pytest.approx(1 / 3))
    decide_card, pay = decide.cards
    assert decide_card.position == pytest.approx(5 / 6)
    assert decide_card.ends_share == 0.5
    assert (pay.outcome, pay.ends_share, pay.notes) == ("good", 1.0, [MAP.notes[0]])
    assert [(c.activity, c.events, c.case_share) for c in board.tray] == [("Archive", 0, None)]
    assert board.notes == [MAP.notes[1]]
    assert [(lane.lane, lane.kind, lane.cells) for lane in board.lanes] == [
        ("frontstage", "frontstage", {"Ask": [["Apply", 2]]}),
        ("Claims", "backstage", {"Ask": [["Check docs", 1]], "Decide": [["Decide", 2]]}),
    ]
    assert board.to_json()["columns"][0]["cards"][0]["activity"] == "Apply"


def test_notes_name_the_cards_they_concern():
    notes = ["'A' ends 40% of cases", "Touchpoints by their names: 'A' (call); 'B' (letter)."]
    assert notes_by_activity(notes, ["A", "B", "C"]) == {
        "A": notes,
        "B": [notes[1]],
        "C": [],
    }
