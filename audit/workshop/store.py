"""The rooms of one server, shared by its Streamlit sessions (threads of one process).

Everything lives in memory, in one RoomStore guarded by a lock; nothing is written to disk,
so a closed or expired room is gone. Whoever opens a room gets a facilitator token, whoever
joins it a participant token: only the token's holder may answer for that participant, and
only the facilitator may reveal or close the room. Every action first forgets the rooms
that have been idle for IDLE_SECONDS; the limits in audit.workshop.room keep the memory a
room can take bounded whatever participants type.
"""

from __future__ import annotations

import math
import secrets
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from audit.workshop.codes import new_code, normalised
from audit.workshop.room import (
    IDLE_SECONDS,
    MAX_GUESS_DAYS,
    MAX_NAME,
    MAX_PARTICIPANTS,
    MAX_ROOMS,
    MAX_STAGES,
    Answer,
    DataAnswer,
    Participant,
    RoomError,
    RoomSnapshot,
    RoomState,
)


@dataclass
class _Room:
    data: DataAnswer
    facilitator: str
    touched: float
    state: RoomState = RoomState.OPEN
    participants: dict[str, Participant] = field(default_factory=dict)
    """Participant token -> participant, in the order they joined."""


def display_name(typed: str) -> str:
    """The name as the room shows it: control characters dropped, runs of spaces made one;
    refused (RoomError) when nothing is left or it is longer than MAX_NAME."""
    kept = "".join(c for c in typed if unicodedata.category(c)[0] != "C")
    name = " ".join(kept.split())
    if not name:
        raise RoomError("name_missing")
    if len(name) > MAX_NAME:
        raise RoomError("name_too_long")
    return name


def _guesses(
    stages: tuple[str, ...], guesses: Mapping[str, float]
) -> tuple[tuple[str, float], ...]:
    """The guesses in journey order; refused unless each is a stage's finite number of
    days between 0 and MAX_GUESS_DAYS."""
    if set(guesses) - set(stages):
        raise RoomError("bad_guess")
    checked = []
    for stage in stages:
        if stage in guesses:
            days = float(guesses[stage])
            if not (math.isfinite(days) and 0 <= days <= MAX_GUESS_DAYS):
                raise RoomError("bad_guess")
            checked.append((stage, days))
    return tuple(checked)


class RoomStore:
    """The open rooms, by code. ``clock`` gives seconds (time.monotonic by default; tests
    pass their own)."""

    def __init__(
        self,
        *,
        max_rooms: int = MAX_ROOMS,
        max_participants: int = MAX_PARTICIPANTS,
        idle_seconds: float = IDLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._rooms: dict[str, _Room] = {}
        self._lock = threading.Lock()
        self._max_rooms = max_rooms
        self._max_participants = max_participants
        self._idle = idle_seconds
        self._clock = clock

    def _expire(self, now: float) -> None:
        for code in [c for c, r in self._rooms.items() if now - r.touched >= self._idle]:
            del self._rooms[code]

    def _room(self, code: str) -> _Room:
        room = self._rooms.get(normalised(code))
        if room is None:
            raise RoomError("unknown_room")
        return room

    def _facilitated(self, code: str, facilitator: str) -> _Room:
        room = self._room(code)
        if not secrets.compare_digest(room.facilitator, facilitator):
            raise RoomError("not_facilitator")
        return room

    def open(self, data: DataAnswer) -> tuple[str, str]:
        """Open a room on ``data``; returns (room code, facilitator token)."""
        if not data.stages:
            raise RoomError("no_stages")
        if len(data.stages) > MAX_STAGES:
            raise RoomError("too_many_stages")
        with self._lock:
            now = self._clock()
            self._expire(now)
            if len(self._rooms) >= self._max_rooms:
                raise RoomError("too_many_rooms")
            code = new_code()
            while code in self._rooms:
                code = new_code()
            token = secrets.token_urlsafe(16)
            self._rooms[code] = _Room(data, token, now)
            return code, token

    def join(self, code: str, typed_name: str) -> str:
        """Join room ``code`` under a display name (unique in the room, whatever the case);
        returns the participant token."""
        name = display_name(typed_name)
        with self._lock:
            now = self._clock()
            self._expire(now)
            room = self._room(code)
            if room.state is not RoomState.OPEN:
                raise RoomError("revealed")
            if any(p.name.casefold() == name.casefold() for p in room.participants.values()):
                raise RoomError("name_taken")
            if len(room.participants) >= self._max_participants:
                raise RoomError("room_full")
            token = secrets.token_urlsafe(16)
            room.participants[token] = Participant(name)
            room.touched = now
            return token

    def answer(
        self,
        code: str,
        participant: str,
        ranking: Iterable[str],
        guesses: Mapping[str, float] | None = None,
    ) -> None:
        """Record (or replace) a participant's answer: ``ranking`` holds every stage of the
        room exactly once, most friction first; ``guesses`` maps stages to days."""
        ranking = tuple(ranking)
        with self._lock:
            now = self._clock()
            self._expire(now)
            room = self._room(code)
            if participant not in room.participants:
                raise RoomError("not_in_room")
            if room.state is not RoomState.OPEN:
                raise RoomError("revealed")
            stages = room.data.stages
            if len(ranking) != len(stages) or set(ranking) != set(stages):
                raise RoomError("ranking_incomplete")
            answer = Answer(ranking, _guesses(stages, guesses or {}))
            name = room.participants[participant].name
            room.participants[participant] = Participant(name, answer)
            room.touched = now

    def reveal(self, code: str, facilitator: str) -> None:
        """Show the data's answer: the room stops taking answers. Refused while nobody
        has answered."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            room = self._facilitated(code, facilitator)
            if not any(p.answer for p in room.participants.values()):
                raise RoomError("no_answers")
            room.state = RoomState.REVEALED
            room.touched = now

    def close(self, code: str, facilitator: str) -> None:
        """Forget the room and every answer in it."""
        with self._lock:
            self._facilitated(code, facilitator)
            del self._rooms[normalised(code)]

    def snapshot(self, code: str) -> RoomSnapshot:
        """The room as it is now (reading does not keep a room alive)."""
        with self._lock:
            self._expire(self._clock())
            room = self._room(code)
            return RoomSnapshot(
                normalised(code), room.data, room.state, tuple(room.participants.values())
            )

    def participant(self, code: str, token: str) -> Participant:
        """The participant holding ``token`` in room ``code``."""
        with self._lock:
            self._expire(self._clock())
            found = self._room(code).participants.get(token)
            if found is None:
                raise RoomError("not_in_room")
            return found

    def __len__(self) -> int:
        """Rooms open now."""
        with self._lock:
            self._expire(self._clock())
            return len(self._rooms)


ROOMS = RoomStore()
"""The rooms of this server: every session of the app reads and writes this one store."""
