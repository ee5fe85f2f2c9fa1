"""Cut activities, ordered by their typical position in a case, into a few stages.

The cut is Jenks' natural breaks (optimal one-dimensional k-means): of all ways to cut the
ordered positions into k consecutive groups, the one with the least squared distance of
each position from its group's mean. Activities that usually happen at about the same
point of a case end up in the same stage.
"""

from __future__ import annotations

import math

import numpy as np

MIN_STAGES, MAX_STAGES = 3, 7


def default_stage_count(activities: int) -> int:
    """A handful of stages: about the square root of the number of activities, 3 to 7
    (fewer only when there are fewer activities)."""
    wanted = min(MAX_STAGES, max(MIN_STAGES, round(math.sqrt(activities))))
    return max(1, min(wanted, activities))


def natural_breaks(positions: list[float], groups: int) -> list[int]:
    """Start index of each group in ``positions`` (sorted ascending), first one 0."""
    values = np.asarray(positions, dtype=float)
    count = len(values)
    groups = max(1, min(groups, count))
    sums = np.concatenate([[0.0], np.cumsum(values)])
    squares = np.concatenate([[0.0], np.cumsum(values**2)])

    def spread(starts: np.ndarray, end: int) -> np.ndarray:
        """Squared distance from the mean of values[start:end], for each start."""
        size = end - starts
        total = sums[end] - sums[starts]
        return squares[end] - squares[starts] - total**2 / size

    best = np.full((groups + 1, count + 1), np.inf)
    cut = np.zeros((groups + 1, count + 1), dtype=int)
    best[0, 0] = 0.0
    for group in range(1, groups + 1):
        for end in range(group, count + 1):
            starts = np.arange(group - 1, end)
            costs = best[group - 1, starts] + spread(starts, end)
            choice = int(np.argmin(costs))
            best[group, end], cut[group, end] = costs[choice], starts[choice]
    bounds, end = [], count
    for group in range(groups, 0, -1):
        end = cut[group, end]
        bounds.append(int(end))
    return bounds[::-1]
