"""Undo and redo on the journey board: the journey maps (YAML text and the name it goes
under) the board can go back and forward to, at most `LIMIT` back."""

from __future__ import annotations

from dataclasses import dataclass, field

LIMIT = 30
"""Maps kept to go back to; a workshop rarely needs more, and each is a few KB."""

JourneyText = tuple[str, str]
"""A journey map as (YAML text, source name)."""


@dataclass
class History:
    """The maps before the current one (``back``, the last is the previous map) and the
    maps undone since the last edit (``forward``)."""

    back: list[JourneyText] = field(default_factory=list)
    forward: list[JourneyText] = field(default_factory=list)
    limit: int = LIMIT

    def record(self, current: JourneyText) -> None:
        """An edit replaced ``current``: it can be gone back to; what was undone is gone."""
        self.back.append(current)
        del self.back[: -self.limit]
        self.forward.clear()

    def target(self, step: str) -> JourneyText | None:
        """The map "undo" or "redo" would go to, or None when there is none."""
        stack = self.back if step == "undo" else self.forward
        return stack[-1] if stack else None

    def went(self, step: str, current: JourneyText) -> None:
        """ "undo" or "redo" replaced ``current`` by its target."""
        source, other = (self.back, self.forward) if step == "undo" else (self.forward, self.back)
        source.pop()
        other.append(current)
