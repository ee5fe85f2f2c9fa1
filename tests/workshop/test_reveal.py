"""The reveal's maths on rooms whose answers were worked out by hand."""

from __future__ import annotations

import pytest

from audit.workshop.export import answers_table
from audit.workshop.ordinals import ordinal
from audit.workshop.reveal import reveal, spearman
from audit.workshop.room import Answer, DataAnswer, Participant, RoomSnapshot, RoomState

STAGES = ("Apply", "Assess", "Decide", "Pay")
DATA = DataAnswer(STAGES, (10.0, 40.0, 70.0, 40.0), (1.0, 6.0, 3.5, None))
"""Decide scores most (70); Assess and Pay tie at 40, journey order puts Assess first; Apply
last. The data's ranking: Decide 1, Assess 2, Pay 3, Apply 4."""


def room(*answers: tuple[str, tuple[str, ...]], data: DataAnswer = DATA) -> RoomSnapshot:
    people = tuple(Participant(name, Answer(ranking)) for name, ranking in answers)
    return RoomSnapshot("ACE34", data, RoomState.REVEALED, people)


THREE = room(
    ("Ana", ("Decide", "Assess", "Pay", "Apply")),
    ("Ben", ("Apply", "Pay", "Assess", "Decide")),
    ("Cai", ("Assess", "Decide", "Apply", "Pay")),
)
"""Ana agrees with the data: d = 0, rho = 1.
Ben reverses it: d (Decide, Assess, Pay, Apply) = (3, 1, -1, -3), sum d^2 = 20,
rho = 1 - 6*20 / (4*15) = -1.
Cai: ranks Assess 1, Decide 2, Apply 3, Pay 4; d = (1, -1, 1, -1), sum d^2 = 4,
rho = 1 - 24/60 = 0.6.
Mean ranks: Apply (4+1+3)/3 = 8/3, Assess (2+3+1)/3 = 2, Decide (1+4+2)/3 = 7/3,
Pay (3+2+4)/3 = 3; the room's ranking Assess, Decide, Apply, Pay.
Gaps (mean - data rank): Apply 8/3 - 4 = -4/3, Assess 0, Decide 7/3 - 1 = 4/3, Pay 0;
|gap| ties between Apply and Decide, and between Assess and Pay, go in journey order.
The room's ranking against the data's: d (Assess, Decide, Apply, Pay) = (-1, 1, -1, 1),
rho = 0.6."""


def test_the_data_ranking_breaks_equal_scores_in_journey_order():
    assert reveal(THREE).data_ranking == ("Decide", "Assess", "Pay", "Apply")
    assert reveal(THREE).data_ranks_stages


def test_each_participants_spearman_as_worked_out_by_hand():
    distances = {d.name: d.rho for d in reveal(THREE).distances}
    assert distances == pytest.approx({"Ana": 1.0, "Ben": -1.0, "Cai": 0.6})


def test_the_room_ranking_and_its_correlation():
    revealed = reveal(THREE)
    assert revealed.room_ranking == ("Assess", "Decide", "Apply", "Pay")
    assert revealed.room_rho == pytest.approx(0.6)
    assert revealed.answered == 3


def test_the_gaps_biggest_first_ties_in_journey_order():
    gaps = reveal(THREE).gaps
    assert [g.stage for g in gaps] == ["Apply", "Decide", "Assess", "Pay"]
    assert [g.gap for g in gaps] == pytest.approx([-4 / 3, 4 / 3, 0, 0])
    decide = gaps[1]
    assert (decide.room_mean_rank, decide.room_rank, decide.data_rank) == (
        pytest.approx(7 / 3),
        2,
        1,
    )
    assert (decide.friction, decide.data_days) == (70.0, 3.5)


def test_an_equal_mean_rank_keeps_journey_order():
    """Ana: Assess 1, Apply 2, Decide 3, Pay 4; Ben: Apply 1, Assess 2, Decide 3, Pay 4.
    Apply and Assess both have mean rank 1.5; Apply comes first in the journey."""
    tied = room(
        ("Ana", ("Assess", "Apply", "Decide", "Pay")),
        ("Ben", ("Apply", "Assess", "Decide", "Pay")),
    )
    assert reveal(tied).room_ranking == ("Apply", "Assess", "Decide", "Pay")


def test_guesses_become_the_rooms_median_guess():
    people = (
        Participant("Ana", Answer(STAGES, (("Assess", 2.0),))),
        Participant("Ben", Answer(STAGES, (("Assess", 10.0), ("Pay", 1.0)))),
        Participant("Cai", Answer(STAGES, (("Assess", 3.0),))),
    )
    gaps = {g.stage: g for g in reveal(RoomSnapshot("X", DATA, RoomState.OPEN, people)).gaps}
    assert gaps["Assess"].room_guess_days == 3.0  # median of 2, 3, 10
    assert gaps["Pay"].room_guess_days == 1.0
    assert gaps["Apply"].room_guess_days is None


def test_no_correlation_when_the_data_ranks_nothing_or_there_is_one_stage():
    flat = DataAnswer(STAGES, (5.0, 5.0, 5.0, 5.0), (None,) * 4)
    revealed = reveal(room(("Ana", STAGES), data=flat))
    assert not revealed.data_ranks_stages
    assert revealed.distances[0].rho is None and revealed.room_rho is None
    single = DataAnswer(("Apply",), (3.0,), (None,))
    assert reveal(room(("Ana", ("Apply",)), data=single)).distances[0].rho is None
    assert spearman({"A": 1}, {"A": 1}) is None


def test_a_room_without_answers_has_nothing_to_reveal():
    with pytest.raises(ValueError):
        reveal(RoomSnapshot("X", DATA, RoomState.OPEN, (Participant("Ana"),)))


def test_the_csv_table_holds_every_answer_beside_the_reveal():
    table = answers_table(THREE, reveal(THREE))
    assert len(table) == 12  # three participants, four stages
    ben = table[(table["participant"] == "Ben") & (table["stage"] == "Decide")].iloc[0]
    assert ben["participant_rank"] == 4
    assert ben["participant_spearman"] == pytest.approx(-1.0)
    assert ben["data_rank"] == 1 and ben["room_rank"] == 2
    assert ben["gap"] == pytest.approx(4 / 3)
    assert set(table["room"]) == {"ACE34"}


@pytest.mark.parametrize(
    ("place", "en", "fi", "sv"),
    [
        (1, "1st", "1.", "1:a"),
        (2, "2nd", "2.", "2:a"),
        (3, "3rd", "3.", "3:e"),
        (4, "4th", "4.", "4:e"),
        (11, "11th", "11.", "11:e"),
        (12, "12th", "12.", "12:e"),
        (21, "21st", "21.", "21:a"),
        (22, "22nd", "22.", "22:a"),
    ],
)
def test_ordinals(place, en, fi, sv):
    assert (ordinal(place, "en"), ordinal(place, "fi"), ordinal(place, "sv")) == (en, fi, sv)
