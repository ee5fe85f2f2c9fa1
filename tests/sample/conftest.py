"""Small generated claim logs, shared by the generator tests (generated once per session)."""

from __future__ import annotations

import pandas as pd
import pytest

from audit.sample import generate_table

from .frames import CASES, as_frame, claim_cases


@pytest.fixture(scope="session")
def log() -> pd.DataFrame:
    """The generated log with every friction source: claims and the complaints after them."""
    return as_frame(generate_table(CASES, seed=11))


@pytest.fixture(scope="session")
def claims(log) -> pd.DataFrame:
    """The claim cases of the log (without the complaint cases)."""
    return claim_cases(log)


@pytest.fixture(scope="session")
def claims_without_pingpong() -> pd.DataFrame:
    """The same claims with the ping-pong between Assessment and Fraud check removed."""
    return claim_cases(as_frame(generate_table(CASES, seed=11, without=["pingpong"])))
