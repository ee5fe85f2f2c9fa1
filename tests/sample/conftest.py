"""Small generated claim logs, shared by the generator tests (generated once per session)."""

from __future__ import annotations

import pandas as pd
import pytest

from audit.sample import generate_table

from .frames import CASES, as_frame


@pytest.fixture(scope="session")
def claims() -> pd.DataFrame:
    """The claim log with every friction source."""
    return as_frame(generate_table(CASES, seed=11))


@pytest.fixture(scope="session")
def claims_without_pingpong() -> pd.DataFrame:
    """The same claims with the ping-pong between Assessment and Fraud check removed."""
    return as_frame(generate_table(CASES, seed=11, without=["pingpong"]))
