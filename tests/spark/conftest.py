"""One local Spark session per test process (per xdist worker), shared by every Spark test.

The session is small: one core and one shuffle partition per xdist worker (15 % faster than
two of each on three real logs, two workers on two cores), no adaptive planning, no UI,
bound to 127.0.0.1. `connect` reuses it for each new engine connection. The tests skip when no
Java runtime is installed (scripts/setup.sh --browser installs one)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import partial

import pytest

from audit.engine.spark import SMALL_DATA_SETTINGS, SparkConnection, connect


@pytest.fixture(scope="session")
def spark_connect() -> Callable[[], SparkConnection]:
    """Opens an engine connection on the process's one local Spark session."""
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: run scripts/setup.sh --browser")
    return partial(connect, "local[1]", shuffle_partitions=1, settings=SMALL_DATA_SETTINGS)
