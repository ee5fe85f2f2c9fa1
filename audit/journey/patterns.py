"""Activity patterns in journey maps: exact names, glob patterns and regular expressions.

- an exact name matches that activity only (case-sensitive);
- a glob pattern contains ``*`` (any text, also none) or ``?`` (one character) and must
  match the whole name; other characters, brackets included, stand for themselves;
- ``re:<regex>`` is a Python regular expression that must match the whole name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

REGEX_PREFIX = "re:"
PATTERN_HINT = (
    "write an exact activity name, a glob pattern with * or ?, or re: followed by a "
    "regular expression"
)

PatternKind = Literal["exact", "glob", "regex"]


@dataclass(frozen=True)
class ActivityPattern:
    """One entry of a journey map that names activities, ready to match names."""

    text: str
    kind: PatternKind
    regex: re.Pattern[str] | None

    @property
    def is_exact(self) -> bool:
        """True for an exact activity name (it beats a pattern that claims the same one)."""
        return self.kind == "exact"

    def matches(self, activity: str) -> bool:
        """True when ``activity`` is named by this entry."""
        if self.regex is None:
            return activity == self.text
        return self.regex.fullmatch(activity) is not None


def _glob_regex(text: str) -> re.Pattern[str]:
    """The regular expression for a glob pattern in which only * and ? are wildcards."""
    parts = (".*" if c == "*" else "." if c == "?" else re.escape(c) for c in text)
    return re.compile("".join(parts), re.DOTALL)


def parse_pattern(text: str) -> ActivityPattern:
    """The pattern written as ``text``; ValueError (with the reason) when it is unusable."""
    if not text.strip():
        raise ValueError("the activity name is empty")
    if text.startswith(REGEX_PREFIX):
        expression = text[len(REGEX_PREFIX) :]
        if not expression:
            raise ValueError(f"{text!r} has no regular expression after 're:'")
        try:
            return ActivityPattern(text, "regex", re.compile(expression))
        except re.error as error:
            raise ValueError(f"{text!r} is not a valid regular expression ({error})") from None
    if "*" in text or "?" in text:
        return ActivityPattern(text, "glob", _glob_regex(text))
    return ActivityPattern(text, "exact", None)
