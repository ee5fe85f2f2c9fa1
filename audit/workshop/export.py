"""The room's answers and its reveal as one table, for the facilitator's CSV download.

One row per participant who answered and stage, in the order they joined and journey
order: their rank and guess, their correlation with the data, and the stage's room and
data figures from the reveal. The room itself keeps nothing once closed; this table is
the only record, made when the facilitator asks for it.
"""

from __future__ import annotations

import pandas as pd

from audit.workshop.reveal import Reveal, ranks
from audit.workshop.room import RoomSnapshot

COLUMNS: tuple[str, ...] = (
    "room",
    "participant",
    "stage",
    "participant_rank",
    "participant_guess_days",
    "participant_spearman",
    "room_mean_rank",
    "room_rank",
    "data_rank",
    "friction",
    "room_guess_days_median",
    "data_days_median",
    "gap",
)


def answers_table(room: RoomSnapshot, revealed: Reveal) -> pd.DataFrame:
    """The answers of ``room`` beside its reveal, one row per participant and stage."""
    by_stage = {g.stage: g for g in revealed.gaps}
    rho = {d.name: d.rho for d in revealed.distances}
    rows = []
    for person in room.answered:
        given = ranks(person.answer.ranking)
        guessed = dict(person.answer.guesses)
        for stage in room.stages:
            gap = by_stage[stage]
            rows.append(
                (
                    room.code,
                    person.name,
                    stage,
                    given[stage],
                    guessed.get(stage),
                    rho[person.name],
                    gap.room_mean_rank,
                    gap.room_rank,
                    gap.data_rank,
                    gap.friction,
                    gap.room_guess_days,
                    gap.data_days,
                    gap.gap,
                )
            )
    return pd.DataFrame(rows, columns=list(COLUMNS))
