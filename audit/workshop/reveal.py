"""The reveal: the room's average ranking beside the data's, each participant's distance
from the data, and per stage the understanding gap.

Rankings put rank 1 on the stage with the most friction.

- The data's ranking orders the stages by friction score, highest first; equal scores keep
  journey order. When every stage scores the same, the data ranks nothing
  (``data_ranks_stages`` is False) and no correlation is given.
- The room's mean rank of a stage is the mean of the ranks the participants who answered
  gave it; the room's ranking orders the stages by mean rank, lowest first, equal means in
  journey order.
- A participant's distance is Spearman's rank correlation with the data's ranking. Both
  rankings are permutations of 1..n (no ties), so
  rho = 1 - 6 * sum(d_i^2) / (n * (n^2 - 1)), d_i the difference of stage i's two ranks:
  1 is the data's order, -1 its reverse, near 0 no relation. With one stage (n = 1) the
  denominator is 0 and rho is not defined (None).
- The understanding gap of a stage is the room's mean rank minus the data's rank: positive
  when the room thought the stage better than the data shows (put it later), negative when
  worse. Stages come biggest |gap| first, equal ones in journey order.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from audit.workshop.room import RoomSnapshot


@dataclass(frozen=True)
class StageGap:
    """One stage in the reveal. room_guess_days is the median of the participants' guesses
    of its median days (None without guesses); data_days the data's median days."""

    stage: str
    journey_order: int
    room_mean_rank: float
    room_rank: int
    data_rank: int
    friction: float
    room_guess_days: float | None
    data_days: float | None

    @property
    def gap(self) -> float:
        """Room mean rank minus data rank."""
        return self.room_mean_rank - self.data_rank


@dataclass(frozen=True)
class Distance:
    """A participant's ranking against the data's: rho (None when not defined)."""

    name: str
    rho: float | None


@dataclass(frozen=True)
class Reveal:
    """What the room sees when the facilitator reveals."""

    answered: int
    room_ranking: tuple[str, ...]
    data_ranking: tuple[str, ...]
    data_ranks_stages: bool
    room_rho: float | None
    gaps: tuple[StageGap, ...]
    distances: tuple[Distance, ...]


def ranks(ranking: tuple[str, ...]) -> dict[str, int]:
    """Stage -> its rank (1 = first in ``ranking``)."""
    return {stage: position for position, stage in enumerate(ranking, start=1)}


def spearman(first: dict[str, int], second: dict[str, int]) -> float | None:
    """Spearman's rho of two rankings without ties of the same stages (stage -> rank):
    1 - 6 sum(d^2) / (n (n^2 - 1)); None when n < 2."""
    n = len(first)
    if set(first) != set(second):
        raise ValueError("the two rankings must rank the same stages")
    if n < 2:
        return None
    squares = sum((first[stage] - second[stage]) ** 2 for stage in first)
    return 1 - 6 * squares / (n * (n * n - 1))


def data_ranking(room: RoomSnapshot) -> tuple[str, ...]:
    """The stages by friction score, highest first, equal scores in journey order."""
    data = room.data
    order = sorted(range(len(data.stages)), key=lambda i: (-data.friction[i], i))
    return tuple(data.stages[i] for i in order)


def reveal(room: RoomSnapshot) -> Reveal:
    """The reveal of ``room`` from the answers it holds (at least one)."""
    answers = [p.answer for p in room.answered if p.answer is not None]
    if not answers:
        raise ValueError("a room without answers has nothing to reveal")
    stages = room.stages
    journey = {stage: i for i, stage in enumerate(stages)}
    by_data = data_ranking(room)
    data_ranks = ranks(by_data)
    ordered = len(set(room.data.friction)) > 1
    mean_rank = {
        stage: statistics.fmean(ranks(a.ranking)[stage] for a in answers) for stage in stages
    }
    by_room = tuple(sorted(stages, key=lambda s: (mean_rank[s], journey[s])))
    room_ranks = ranks(by_room)
    guesses = {
        stage: [days for a in answers for s, days in a.guesses if s == stage] for stage in stages
    }
    gaps = [
        StageGap(
            stage=stage,
            journey_order=journey[stage] + 1,
            room_mean_rank=mean_rank[stage],
            room_rank=room_ranks[stage],
            data_rank=data_ranks[stage],
            friction=room.data.friction[journey[stage]],
            room_guess_days=statistics.median(guesses[stage]) if guesses[stage] else None,
            data_days=room.data.days[journey[stage]],
        )
        for stage in stages
    ]
    gaps.sort(key=lambda g: (-abs(g.gap), g.journey_order))
    distances = tuple(
        Distance(p.name, spearman(ranks(p.answer.ranking), data_ranks) if ordered else None)
        for p in room.answered
        if p.answer is not None
    )
    return Reveal(
        answered=len(answers),
        room_ranking=by_room,
        data_ranking=by_data,
        data_ranks_stages=ordered,
        room_rho=spearman(room_ranks, data_ranks) if ordered else None,
        gaps=tuple(gaps),
        distances=distances,
    )
