"""The catalogue tool (scripts/i18n.py) as a module, for the catalogue tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "i18n.py"


@pytest.fixture(scope="session")
def tool() -> ModuleType:
    """scripts/i18n.py, loaded once: extraction, checks and the catalogue's files."""
    spec = importlib.util.spec_from_file_location("i18n_tool", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module
