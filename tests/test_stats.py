"""The shared statistics agree with SciPy's (an independent implementation) and with a
case worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as scipy_stats

from audit.stats import benjamini_hochberg, mann_whitney_p, two_proportion_p


def test_two_proportion_p_by_hand():
    # 30/100 vs 10/100: pooled 0.2, se = sqrt(0.2 * 0.8 * 0.02) = 0.05657, z = 3.5355
    assert two_proportion_p(30, 100, 10, 100) == pytest.approx(
        math.erfc(0.2 / math.sqrt(0.2 * 0.8 * 0.02) / math.sqrt(2))
    )
    assert two_proportion_p(30, 100, 10, 100) == pytest.approx(0.000407, abs=1e-6)


@pytest.mark.parametrize("counts", [(3, 40, 9, 50), (120, 900, 80, 1000), (1, 2, 0, 3)])
def test_two_proportion_p_agrees_with_scipy(counts):
    hits_a, n_a, hits_b, n_b = counts
    pooled = (hits_a + hits_b) / (n_a + n_b)
    z = (hits_a / n_a - hits_b / n_b) / math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    assert two_proportion_p(*counts) == pytest.approx(2 * scipy_stats.norm.sf(abs(z)))


def test_nothing_to_compare_gives_p_one():
    assert two_proportion_p(0, 10, 0, 20) == 1.0
    assert two_proportion_p(5, 5, 7, 7) == 1.0
    assert two_proportion_p(1, 0, 3, 10) == 1.0


def test_benjamini_hochberg_agrees_with_scipy():
    p = np.random.default_rng(3).uniform(0, 0.2, 40)
    np.testing.assert_allclose(
        benjamini_hochberg(p), scipy_stats.false_discovery_control(p, method="bh")
    )
    assert benjamini_hochberg(np.array([])).size == 0


def test_mann_whitney_by_hand():
    # x = 1, 2 against y = 3, 4, 5: U1 = 0, U = 6; of the C(5, 2) = 10 orderings one has U1 = 0
    # and one U1 = 6, so the exact two-sided p is 2 / 10
    assert mann_whitney_p([1.0, 2.0], [3.0, 4.0, 5.0]) == pytest.approx(0.2)
    # every value tied: nothing can differ
    assert mann_whitney_p([2.0, 2.0], [2.0, 2.0, 2.0]) == 1.0
    assert math.isnan(mann_whitney_p([], [1.0]))


@pytest.mark.parametrize("seed", range(6))
def test_mann_whitney_agrees_with_scipy(seed):
    """Exact (small, no ties), exact with one large side, and normal with ties."""
    rng = np.random.default_rng(seed)
    cases = [
        (rng.normal(size=5), rng.normal(0.8, size=7)),
        (rng.normal(size=3), rng.normal(1.0, size=400)),
        (rng.integers(0, 6, 40).astype(float), rng.integers(1, 7, 55).astype(float)),
        (rng.lognormal(size=300), rng.lognormal(0.1, size=250)),
    ]
    for x, y in cases:
        expected = scipy_stats.mannwhitneyu(x, y, alternative="two-sided").pvalue
        assert mann_whitney_p(x, y) == pytest.approx(expected, rel=1e-9, abs=1e-15)
