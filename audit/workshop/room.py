"""What a room holds, as read-only snapshots, its limits, and the one error a room gives.

A room is opened with the journey's stages in journey order and the data's answer: each
stage's friction score (and, when known, its median days in stage). Participants give a
display name they type themselves, then a ranking of every stage from most to least
friction and, optionally, a guess per stage of its median days.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

MAX_ROOMS = 100
"""Rooms open at once on one server; a workshop needs one."""
MAX_PARTICIPANTS = 100
"""Participants of one room: a large workshop is a few dozen people."""
MAX_NAME = 40
"""Characters of a display name."""
MAX_STAGES = 40
"""Stages of a room: journey maps have a handful."""
MAX_GUESS_DAYS = 3650.0
"""The largest guess of a stage's median days (ten years)."""
IDLE_SECONDS = 3 * 3600
"""A room nobody has written to (opened, joined, answered, revealed) for this long is
closed and forgotten."""


class RoomState(Enum):
    """Open: participants join and answer. Revealed: the data's answer is shown; answers
    are frozen. (A closed room is gone from the store.)"""

    OPEN = "open"
    REVEALED = "revealed"


class RoomError(Exception):
    """Why a room action was refused; ``reason`` names it (the app shows the text
    ``workshop.error.<reason>`` in the user's language)."""

    REASONS = (
        "unknown_room",
        "too_many_rooms",
        "room_full",
        "name_missing",
        "name_too_long",
        "name_taken",
        "not_in_room",
        "not_facilitator",
        "revealed",
        "ranking_incomplete",
        "bad_guess",
        "no_answers",
        "no_stages",
        "too_many_stages",
    )

    def __init__(self, reason: str):
        if reason not in self.REASONS:
            raise ValueError(f"unknown room error {reason!r}")
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Answer:
    """A participant's answer: every stage once, most friction first, and guesses of
    median days in stage for the stages they guessed."""

    ranking: tuple[str, ...]
    guesses: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Participant:
    """A participant as the room knows them: the name they typed and their answer, if any."""

    name: str
    answer: Answer | None = None


@dataclass(frozen=True)
class DataAnswer:
    """The data's side, fixed when the room opens: per stage in journey order, its friction
    score and its median days in stage (None when unknown)."""

    stages: tuple[str, ...]
    friction: tuple[float, ...]
    days: tuple[float | None, ...]

    def __post_init__(self) -> None:
        if not (len(self.stages) == len(self.friction) == len(self.days)):
            raise ValueError("stages, friction and days must be as long as each other")


@dataclass(frozen=True)
class RoomSnapshot:
    """A room as it is at one moment, safe to read without the store's lock."""

    code: str
    data: DataAnswer
    state: RoomState
    participants: tuple[Participant, ...]

    @property
    def stages(self) -> tuple[str, ...]:
        """The stages in journey order."""
        return self.data.stages

    @property
    def answered(self) -> tuple[Participant, ...]:
        """The participants who have submitted an answer, in the order they joined."""
        return tuple(p for p in self.participants if p.answer is not None)
