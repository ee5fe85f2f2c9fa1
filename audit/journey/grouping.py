"""Cut activities, ordered by their typical position in a case, into a few stages.

The cut is Jenks' natural breaks (optimal one-dimensional k-means): of all ways to cut the
ordered positions into k consecutive groups, the one with the least squared distance of
each position from its group's mean. Activities that usually happen at about the same
point of a case end up in the same stage.

The number of stages follows the same breaks: it is the fewest groups (2 to 7) whose cut
explains at least `EXPLAINED_SPREAD` of the positions' spread (Jenks' goodness of variance
fit). Positions that fall into a few tight clusters need few stages; positions spread
evenly along the case need more, up to a handful a person can keep in mind.
"""

from __future__ import annotations

import numpy as np

MIN_STAGES, MAX_STAGES = 2, 7
EXPLAINED_SPREAD = 0.9
"""The share of the spread of typical positions the stages must explain."""


def _optimal_cuts(values: np.ndarray, groups: int) -> tuple[np.ndarray, np.ndarray]:
    """best[g, e]: the least within-group squared spread of values[:e] cut into g groups;
    cut[g, e]: where the last of those groups starts."""
    count = len(values)
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
    return best, cut


def natural_breaks(positions: list[float], groups: int) -> list[int]:
    """Start index of each group in ``positions`` (sorted ascending), first one 0."""
    values = np.asarray(positions, dtype=float)
    groups = max(1, min(groups, len(values)))
    _, cut = _optimal_cuts(values, groups)
    bounds, end = [], len(values)
    for group in range(groups, 0, -1):
        end = cut[group, end]
        bounds.append(int(end))
    return bounds[::-1]


def explained_spreads(positions: list[float], most: int) -> list[float]:
    """For 1, 2, ... ``most`` groups: the share of the positions' squared spread that the
    best cut into that many groups explains (1.0 when the positions do not spread at all)."""
    values = np.asarray(positions, dtype=float)
    most = max(1, min(most, len(values)))
    total = float(((values - values.mean()) ** 2).sum()) if len(values) else 0.0
    if total <= 1e-12:
        return [1.0] * most
    best, _ = _optimal_cuts(values, most)
    return [
        max(0.0, 1.0 - float(best[groups, len(values)]) / total) for groups in range(1, most + 1)
    ]


def stage_count(positions: list[float]) -> int:
    """The fewest groups, from MIN_STAGES to MAX_STAGES, that explain EXPLAINED_SPREAD of
    the positions' spread; fewer only when there are fewer distinct positions."""
    distinct = len(np.unique(np.round(np.asarray(positions, dtype=float), 9)))
    if distinct <= MIN_STAGES:
        return max(1, distinct)
    shares = explained_spreads(positions, min(MAX_STAGES, distinct))
    enough = [g for g in range(MIN_STAGES, len(shares) + 1) if shares[g - 1] >= EXPLAINED_SPREAD]
    return enough[0] if enough else len(shares)
