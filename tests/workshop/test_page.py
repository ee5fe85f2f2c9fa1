"""The Workshop page under Streamlit's AppTest (no browser): a participant whose session has
no log at all joins a room from its link, ranks the stages and is counted; the facilitator's
side of such a session says that a log is needed to open a room."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from audit.ui import session
from audit.workshop.room import DataAnswer
from audit.workshop.store import ROOMS

APP = Path(__file__).resolve().parents[2] / "app.py"
STAGES = ("Apply", "Assess", "Pay")


@pytest.fixture
def no_log(monkeypatch):
    """Sessions with nothing to audit: no example shipped, nothing uploaded."""
    monkeypatch.setattr(session, "example_settings", lambda name: None)


def workshop(room: str = "") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    if room:
        at.query_params["room"] = room
    at.run()
    return at.switch_page("audit/ui/pages/workshop.py").run()


def test_a_participant_without_a_log_joins_ranks_and_is_counted(no_log):
    code, facilitator = ROOMS.open(DataAnswer(STAGES, (5.0, 40.0, 10.0), (None,) * 3))
    try:
        at = workshop(code)
        assert not at.exception
        assert at.text_input[0].value == code  # filled in from ?room=
        at.text_input[1].input("Ana")
        at.button(key="FormSubmitter:workshop-join-Join").click().run()
        for place, stage in enumerate(("Assess", "Pay", "Apply")):
            at.selectbox[place].select(stage)
        at.button(key="FormSubmitter:workshop-ranking-Send my ranking").click().run()
        assert not at.exception
        answered = ROOMS.snapshot(code).answered
        assert [(p.name, p.answer.ranking) for p in answered] == [
            ("Ana", ("Assess", "Pay", "Apply"))
        ]
        assert any("Thank you, Ana" in s.value for s in at.success)
    finally:
        ROOMS.close(code, facilitator)


def test_without_a_log_the_facilitator_is_told_to_load_one(no_log):
    at = workshop()
    assert not at.exception
    assert any("No log is loaded yet" in i.value for i in at.info)
    assert not [b for b in at.button if b.label == "Open a room"]
