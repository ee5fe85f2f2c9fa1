"""Room codes: short, random and easy to read aloud or type on a phone."""

from __future__ import annotations

import secrets

ALPHABET = "ACDEFHJKMNPQRTWXY34679"
"""Letters and digits that cannot be mistaken for one another when read from a projector
or typed: none of O/0, I/1/L, S/5, Z/2, B/8, G/6, U/V."""
CODE_LENGTH = 5
"""22**5 = 5.2 million codes: a guessed code hits one of the open rooms (at most
audit.workshop.room.MAX_ROOMS) with a chance below 1 in 50,000."""


def new_code() -> str:
    """A random room code of CODE_LENGTH characters from ALPHABET."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalised(typed: str) -> str:
    """The code as typed, without spaces or dashes, in capitals ("ac 3-4d" -> "AC34D")."""
    return "".join(typed.split()).replace("-", "").upper()
