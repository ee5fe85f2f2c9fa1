"""Errors that reach the user as one clear message instead of a traceback."""

from __future__ import annotations


class AuditInputError(Exception):
    """Bad input (log file, journey map, option): the message names the file, the place
    and what to do. The command line prints it and exits with status 2; the app shows it
    and keeps what it had."""

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.source = source
        self.hint = hint
        text = f"{source}: {message}" if source else message
        if hint:
            text = f"{text}\n  What to do: {hint}"
        super().__init__(text)
