"""The story projector mode steps through, in the order a room hears it.

journey -> weakest stage -> labyrinth -> a customer's-eye case -> what a fix is worth.
Each step is drawn by audit.ui.projector from charts and builders the pages already use.
"""

from __future__ import annotations

STEPS: tuple[str, ...] = ("journey", "weakest", "labyrinth", "case", "worth")
"""Story steps; the app's title of step s is the text ``projector.step.<s>``."""


def moved(step: int, by: int) -> int:
    """The step ``by`` places from ``step``, held within the story (no wrap-around: pressing
    Next on the last step stays there)."""
    return min(max(step + by, 0), len(STEPS) - 1)
