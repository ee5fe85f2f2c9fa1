"""A pseudonymised report on a real log: every section, and no person or case left in it."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow.compute as pc
import pytest

from audit.io import read_log
from audit.pipeline import run_audit, write_outputs
from audit.privacy import PrivacyOptions, protect_log
from audit.report import write_report

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"


@pytest.mark.realdata
def test_receipt_report_is_pseudonymised(tmp_path):
    log = read_log(REALDATA / "receipt.xes.gz")
    people = {"case_id", "resource", "responsible"}
    originals: set[str] = set()
    for column in people:
        originals |= set(pc.unique(log.events.column(column).drop_null()).to_pylist())
    protected, privacy = protect_log(log, PrivacyOptions(key="test"))
    assert people <= set(privacy.pseudonymised)
    result = run_audit(protected)
    outputs = write_outputs(result, tmp_path)
    report = write_report(result, tmp_path / "report.html", privacy=privacy, stories=2)
    outputs.append(report)
    # Receipt's own case ids look like tokens (case-10011), so a value only counts as found
    # when it stands alone, not as the start of a longer token.
    names = "|".join(re.escape(v) for v in sorted(originals, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
    for path in outputs:
        found = pattern.search(path.read_text(encoding="utf-8-sig"))
        assert found is None, f"{path.name} contains {found.group(0)!r}"
    page = report.read_text(encoding="utf-8")
    for section in ("friction-map", "hotspots", "process", "stories", "method"):
        assert f'data-section="{section}"' in page
    assert "Buijs, J.C.A.M., Receipt phase of an environmental permit application" in page
