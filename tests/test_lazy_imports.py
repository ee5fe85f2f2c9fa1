"""The command module imports only what parsing the command line needs: every command
imports its own layers when it runs, so that `journey-audit --help` answers at once and
`inspect` does not wait for the engine, the report or the statistics (seconds of imports)."""

from __future__ import annotations

import json
import subprocess
import sys

NOT_AT_START = (
    "pm4py",
    "scipy",
    "streamlit",
    "altair",
    "vl_convert",
    "pandas",
    "babel",
    "polars",
    "openpyxl",
    "audit.report",
    "audit.engine",
    "audit.ui",
)
"""Packages the command module must not import (each takes a tenth of a second or more)."""


def _loaded_after(statement: str) -> list[str]:
    """The modules loaded in a fresh interpreter after running the statement."""
    code = f"{statement}; import json, sys; print(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output)


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in NOT_AT_START)]


def test_importing_the_command_module_imports_no_heavy_package():
    assert _heavy(_loaded_after("import audit.cli")) == []


def test_the_guard_sees_a_heavy_import():
    """The same check finds pandas when something imports it (the test can fail)."""
    assert "pandas" in _heavy(_loaded_after("import audit.cli, pandas"))


def test_reading_the_command_line_imports_no_heavy_package():
    """Parsing the flags of a command, up to its own imports, stays light as well."""
    statement = (
        "import audit.cli as c; c._log_options({**{p.name: None for p in c.MAPPING_PARAMETERS}})"
    )
    assert _heavy(_loaded_after(statement)) == []
