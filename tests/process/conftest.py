"""A small hand-made audit: the engine's tables for ten cases of a permit service.

Traces (S = Submit application, C = Check completeness, R = Request documents,
A = Approve, D = Send decision, X = Archive, which no stage claims):

    6 cases  S C A D
    2 cases  S C R C A D X
    1 case   S C R S C A D       (R -> S jumps back from Review to Apply)
    1 case   S C C R             (C -> C is a self-loop; the case stops after R)

Events: S 11, C 14, A 9, D 9, R 4, X 2 = 49. Transitions = 49 events + 10 case ends = 59.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from audit.process.journey_map import END, START

from .permit import A, C, D, R, S, X


@pytest.fixture
def stages() -> pd.DataFrame:
    """The engine's stage table, with its "(unmapped)" row."""
    return pd.DataFrame(
        {"stage": ["Apply", "Review", "Decide", "(unmapped)"], "order": [1, 2, 3, 4]}
    )


@pytest.fixture
def activities() -> pd.DataFrame:
    """The engine's activity table (only the columns the map reads, plus one more)."""
    return pd.DataFrame(
        {
            "activity": [S, C, R, A, D, X],
            "stage": ["Apply", "Review", "Review", "Decide", "Decide", None],
            "is_touchpoint": [True, False, True, False, True, False],
            "events": [11, 14, 4, 9, 9, 2],
            "cases": [10, 10, 4, 9, 9, 2],
            "wait_hours_median": [0.0, 2.0, 5.0, 30.0, 0.5, 1.0],
        }
    )


@pytest.fixture
def dfg() -> pd.DataFrame:
    """The directly-follows table counted by hand from the traces above."""
    rows = [
        (START, S, 10, 10, math.nan, 0, False),
        (S, C, 11, 10, 2.0, 11, False),
        (C, A, 9, 9, 30.0, 3, False),
        (A, D, 9, 9, 0.5, 9, False),
        (D, END, 7, 7, math.nan, 0, False),
        (C, R, 4, 4, 5.0, 4, False),
        (R, C, 2, 2, 72.0, 2, False),
        (D, X, 2, 2, 1.0, 0, False),
        (X, END, 2, 2, math.nan, 0, False),
        (R, S, 1, 1, 120.0, 1, True),
        (C, C, 1, 1, 0.25, 0, False),
        (R, END, 1, 1, math.nan, 0, False),
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "source",
            "target",
            "count",
            "cases",
            "wait_hours_median",
            "handoffs",
            "is_back_jump",
        ],
    )
