"""The workshop report: one self-contained HTML file (or PDF) that a CX lead can present
and hand over, plus the safe-output helpers every writer of files uses.

``build_report`` and ``write_report`` (audit.report.build) are loaded on first use, so that
writing a safe CSV (audit.report.safe) does not load the charting and statistics stack.
"""

from __future__ import annotations

from importlib import import_module

from audit.report.safe import safe_csv

__all__ = ["build_report", "safe_csv", "write_report"]


def __getattr__(name: str):
    if name in ("build_report", "write_report"):
        return getattr(import_module("audit.report.build"), name)
    raise AttributeError(f"module 'audit.report' has no attribute {name!r}")
