"""One local Spark session per test process (per xdist worker), shared by every Spark test.

The session is small (two cores, two shuffle partitions, no adaptive planning, no UI, bound
to 127.0.0.1); `connect` reuses it for each new engine connection. The tests skip when no
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
    return partial(connect, "local[2]", shuffle_partitions=2, settings=SMALL_DATA_SETTINGS)
