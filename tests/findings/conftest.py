"""Fixtures for the findings tests: the hand-made audit of builders.py."""

from __future__ import annotations

import pytest

from audit.engine.result import Measures
from audit.journey.compiled import CompiledJourney

from .builders import make_journey, make_measures


@pytest.fixture
def measures() -> Measures:
    return make_measures()


@pytest.fixture
def journey() -> CompiledJourney:
    return make_journey()
