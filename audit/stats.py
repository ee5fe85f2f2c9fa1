"""The statistics shared by every comparison of two groups of cases (before/after, a
cause of repeat contacts against the rest, one segment against the others), so that each
says "more than chance" by the same rule.

- Shares of cases: the two-sided two-proportion z-test with the pooled standard error.
- Many tests at once: the Benjamini–Hochberg false discovery rate, whose corrected values
  (q) are compared with alpha.
"""

from __future__ import annotations

import math

import numpy as np

ALPHA = 0.05
"""The false discovery rate below which a difference is called more than chance."""
SHARE_TEST = "two-proportion z"


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
