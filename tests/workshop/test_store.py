"""The room store: who may do what, rooms kept apart, expiry after inactivity, and the
limits that keep a room's memory bounded."""

from __future__ import annotations

import threading

import pytest

from audit.workshop.address import (
    app_address,
    only_this_computer,
    qr_svg,
    room_link,
    valid_address,
)
from audit.workshop.codes import ALPHABET, CODE_LENGTH, normalised
from audit.workshop.room import MAX_NAME, DataAnswer, RoomError, RoomState
from audit.workshop.store import RoomStore, display_name

STAGES = ("Apply", "Assess", "Pay")
DATA = DataAnswer(STAGES, (10.0, 50.0, 20.0), (None, None, None))


class Clock:
    """Seconds that move only when a test moves them."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def refused(reason: str):
    return pytest.raises(RoomError, match=f"^{reason}$")


def test_a_room_code_is_short_and_readable():
    store = RoomStore()
    code, facilitator = store.open(DATA)
    assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    assert facilitator != code
    assert store.snapshot(code.lower()).code == code  # typed in small letters
    assert normalised(" ac3-4d ") == "AC34D"


def test_join_answer_reveal_close():
    store = RoomStore()
    code, facilitator = store.open(DATA)
    ana = store.join(code, "Ana")
    store.answer(code, ana, ["Assess", "Pay", "Apply"], {"Assess": 4})
    store.answer(code, ana, ["Assess", "Apply", "Pay"])  # a second answer replaces the first
    room = store.snapshot(code)
    assert [p.name for p in room.answered] == ["Ana"]
    assert room.answered[0].answer.ranking == ("Assess", "Apply", "Pay")
    assert room.answered[0].answer.guesses == ()
    store.reveal(code, facilitator)
    assert store.snapshot(code).state is RoomState.REVEALED
    with refused("revealed"):
        store.answer(code, ana, STAGES)
    with refused("revealed"):
        store.join(code, "Late")
    store.close(code, facilitator)
    with refused("unknown_room"):
        store.snapshot(code)


def test_only_the_facilitator_reveals_or_closes_and_only_after_an_answer():
    store = RoomStore()
    code, facilitator = store.open(DATA)
    ana = store.join(code, "Ana")
    with refused("no_answers"):
        store.reveal(code, facilitator)
    with refused("not_facilitator"):
        store.reveal(code, ana)
    with refused("not_facilitator"):
        store.close(code, ana)


def test_a_ranking_must_hold_every_stage_once_and_guesses_be_days():
    store = RoomStore()
    code, _ = store.open(DATA)
    ana = store.join(code, "Ana")
    for ranking in (["Apply", "Assess"], ["Apply", "Apply", "Pay"], ["Apply", "Assess", "X"]):
        with refused("ranking_incomplete"):
            store.answer(code, ana, ranking)
    for guess in ({"Nowhere": 1}, {"Pay": -1}, {"Pay": float("nan")}, {"Pay": 1e9}):
        with refused("bad_guess"):
            store.answer(code, ana, STAGES, guess)
    with refused("not_in_room"):
        store.answer(code, "someone-else", STAGES)
    assert store.snapshot(code).answered == ()


def test_two_rooms_are_kept_apart():
    store = RoomStore()
    first, _ = store.open(DATA)
    second, _ = store.open(DATA)
    assert first != second
    ana = store.join(first, "Ana")
    store.answer(first, ana, STAGES)
    store.join(second, "Ana")  # the same name in another room
    assert [p.name for p in store.snapshot(second).participants] == ["Ana"]
    assert store.snapshot(second).answered == ()
    with refused("not_in_room"):
        store.answer(second, ana, STAGES)  # a token of the first room
    assert len(store) == 2


def test_names_are_cleaned_unique_and_bounded():
    assert display_name("  Ana\x00  \n Berg\u200b ") == "Ana Berg"
    assert display_name("x" * MAX_NAME) == "x" * MAX_NAME
    with refused("name_too_long"):
        display_name("x" * (MAX_NAME + 1))
    with refused("name_missing"):
        display_name(" \t\x07 ")
    store = RoomStore()
    code, _ = store.open(DATA)
    store.join(code, "Ana")
    with refused("name_taken"):
        store.join(code, " ANA ")


def test_rooms_and_participants_are_bounded():
    store = RoomStore(max_rooms=2, max_participants=2)
    code, _ = store.open(DATA)
    store.open(DATA)
    with refused("too_many_rooms"):
        store.open(DATA)
    store.join(code, "Ana")
    store.join(code, "Ben")
    with refused("room_full"):
        store.join(code, "Cai")
    with refused("no_stages"):
        store.open(DataAnswer((), (), ()))


def test_an_idle_room_expires_and_reading_does_not_keep_it_alive():
    clock = Clock()
    store = RoomStore(idle_seconds=3 * 3600, clock=clock, max_rooms=1)
    code, _ = store.open(DATA)
    clock.now = 100.0
    store.join(code, "Ana")  # activity: the three hours start again
    clock.now = 100.0 + 3 * 3600 - 1
    assert store.snapshot(code).code == code
    clock.now = 100.0 + 3 * 3600
    with refused("unknown_room"):
        store.snapshot(code)
    store.open(DATA)  # the expired room no longer counts against max_rooms
    assert len(store) == 1


def test_participants_joining_at_once_all_get_in():
    store = RoomStore()
    code, _ = store.open(DATA)
    tokens: list[str] = []

    def join(number: int) -> None:
        tokens.append(store.join(code, f"P{number}"))

    threads = [threading.Thread(target=join, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(tokens)) == 40
    assert len(store.snapshot(code).participants) == 40


def test_the_room_link_and_its_qr_code():
    assert app_address("http://10.0.0.5:8501/workshop?room=X") == "http://10.0.0.5:8501"
    assert app_address("https://host/audit/workshop") == "https://host/audit"
    assert app_address("http://localhost:8501/") == "http://localhost:8501"
    assert room_link("http://10.0.0.5:8501/", "ACE34") == (
        "http://10.0.0.5:8501/workshop?room=ACE34"
    )
    assert valid_address("http://192.168.1.20:8501")
    assert not valid_address("192.168.1.20:8501") and not valid_address("http://")
    assert only_this_computer("http://localhost:8501") and only_this_computer("http://127.0.0.1")
    assert only_this_computer("http://[::1]:8501")
    assert not only_this_computer("http://192.168.1.20:8501")
    assert not only_this_computer("https://audit.example.org")
    picture = qr_svg("http://10.0.0.5:8501/workshop?room=ACE34")
    assert picture.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in picture
