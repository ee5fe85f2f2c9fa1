"""The statistics shared by every comparison of two groups of cases (before/after, a
cause of repeat contacts against the rest, one segment against the others), so that each
says "more than chance" by the same rule.

- Shares of cases: the two-sided two-proportion z-test with the pooled standard error.
- Durations and counts per case: the two-sided Mann–Whitney U test, exact for small samples
  without ties, else normal with the tie and continuity corrections (SciPy's
  ``mannwhitneyu`` with its defaults, written out here so that no command imports SciPy).
- Many tests at once: the Benjamini–Hochberg false discovery rate, whose corrected values
  (q) are compared with alpha.
"""

from __future__ import annotations

import math

import numpy as np

ALPHA = 0.05
"""The false discovery rate below which a difference is called more than chance."""
SHARE_TEST = "two-proportion z"
EXACT_LIMIT = 8
"""The exact U distribution is used when the smaller sample has at most this many values
and there are no ties (SciPy's rule for method="auto")."""


def two_proportion_p(hits_a: int, n_a: int, hits_b: int, n_b: int) -> float:
    """Two-sided p-value of the difference between hits_a/n_a and hits_b/n_b; 1 when either
    group is empty or the pooled share is 0 or 1 (nothing can differ)."""
    if not n_a or not n_b:
        return 1.0
    pooled = (hits_a + hits_b) / (n_a + n_b)
    if pooled in (0.0, 1.0):
        return 1.0
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = abs(hits_a / n_a - hits_b / n_b) / se
    return math.erfc(z / math.sqrt(2))


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """The Benjamini–Hochberg adjusted p-values (q-values), in the order given."""
    p = np.asarray(p_values, dtype=float)
    if p.size == 0:
        return p
    order = np.argsort(p)
    ranked = p[order] * p.size / np.arange(1, p.size + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty_like(p)
    q[order] = np.clip(adjusted, 0.0, 1.0)
    return q


def mann_whitney_p(x: np.ndarray, y: np.ndarray) -> float:
    """Two-sided p-value of the Mann–Whitney U test of x against y; NaN when a value is
    NaN or a sample is empty (as SciPy's, which the callers read as "nothing to test")."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n1, n2 = x.size, y.size
    both = np.concatenate([x, y])
    if not n1 or not n2 or np.isnan(both).any():
        return math.nan
    values, inverse, ties = np.unique(both, return_inverse=True, return_counts=True)
    average_rank = np.cumsum(ties) - (ties - 1) / 2
    u1 = float(average_rank[inverse[:n1]].sum()) - n1 * (n1 + 1) / 2
    u = max(u1, n1 * n2 - u1)
    if (n1 <= EXACT_LIMIT or n2 <= EXACT_LIMIT) and values.size == both.size:
        return min(1.0, 2 * _u_at_most(round(n1 * n2 - u), n1, n2))
    n = n1 + n2
    tie_term = float(np.sum(ties.astype(float) ** 3 - ties))
    spread = math.sqrt(n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1))))
    if spread == 0:  # every value tied: nothing can differ
        return 1.0
    z = (u - n1 * n2 / 2 - 0.5) / spread
    return min(1.0, math.erfc(z / math.sqrt(2)))


def _u_at_most(k: int, n1: int, n2: int) -> float:
    """P(U <= k) for samples of n1 and n2 values without ties: the first k + 1 coefficients
    of the Gaussian binomial [n1 + n2 choose n1], the number of ways each U arises, counted
    exactly in integers (one multiplication by (1 - q^(n+i)) and one division by (1 - q^i)
    per value of the smaller sample) and divided by the number of orderings."""
    small, large = sorted((n1, n2))
    ways = [1] + [0] * k
    for i in range(1, small + 1):
        for u in range(k, large + i - 1, -1):
            ways[u] -= ways[u - large - i]
        for u in range(i, k + 1):
            ways[u] += ways[u - i]
    return sum(ways) / math.comb(n1 + n2, small)
