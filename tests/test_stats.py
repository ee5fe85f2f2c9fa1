"""The shared statistics agree with SciPy's (an independent implementation) and with a
case worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as scipy_stats

from audit.stats import benjamini_hochberg, two_proportion_p


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
