"""Shared fixtures: where the real logs are, and a helper to write small input files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REALDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "realdata"


@pytest.fixture
def realdata() -> Path:
    """The folder of real public event logs (read-only); skips when it is absent."""
    if not REALDATA.is_dir():
        pytest.skip("../shared/realdata is not present")
    return REALDATA


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text (UTF-8) or bytes to a file of the given name in a temporary folder."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write
