"""Column names as real exports have them: names that differ only in case, repeated and
blank names, names with spaces, dots, colons, quotes and non-ASCII letters. None may crash
the audit or silently merge two columns (DuckDB compares names without case)."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from audit.io import read_log
from audit.io.names import attribute_names, unique_names
from audit.pipeline import run_audit

AWKWARD = ["Variant", "variant", "VARIANT", "", 'we"ird', "x.y", "ä ö", "a:b", "dup", "dup", " sp "]
"""Header names after case, activity and timestamp; each column holds its own value."""
EXPECTED = [
    "Variant",
    "variant (2)",
    "VARIANT (3)",
    "column 7",
    'we"ird',
    "x.y",
    "ä ö",
    "a:b",
    "dup",
    "dup (2)",
    "sp",
]


def test_unique_names_numbers_repeats_regardless_of_case():
    assert unique_names(["a", "A", "a (2)", "", " b "]) == [
        "a",
        "A (2)",
        "a (2) (2)",
        "column 4",
        "b",
    ]


def test_unique_names_avoids_names_already_taken():
    assert unique_names(["Activity", "x"], taken=["activity"]) == ["Activity (2)", "x"]


def test_attribute_names_mark_canonical_names_as_input():
    assert attribute_names(["Activity", "cost", "activity (input)"], ["activity"]) == {
        "Activity (input)": "Activity",
        "cost": "cost",
        "activity (input) (2)": "activity (input)",
    }


def _rows() -> list[list[object]]:
    values = [f"value {index}" for index in range(len(AWKWARD))]
    return [
        ["c1", "Apply", datetime(2024, 1, 1, 9), *values],
        ["c1", "Decide", datetime(2024, 1, 2, 9), *values],
        ["c2", "Apply", datetime(2024, 1, 3, 9), *values],
    ]


def _write_csv(path):
    header = ",".join(
        ['"case"', '"activity"', '"timestamp"']
        + [f'"{n.replace(chr(34), 2 * chr(34))}"' for n in AWKWARD]
    )
    lines = [header]
    for row in _rows():
        lines.append(",".join([row[0], row[1], row[2].isoformat(sep=" ")] + row[3:]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_xlsx(path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["case", "activity", "timestamp", *AWKWARD])
    for row in _rows():
        sheet.append(row)
    workbook.save(path)


def _write_parquet(path):
    rows = _rows()
    arrays = [pa.array([row[index] for row in rows]) for index in range(len(rows[0]))]
    # Arrow and Parquet allow repeated names; blank ones too
    pq.write_table(
        pa.Table.from_arrays(arrays, names=["case", "activity", "timestamp", *AWKWARD]), path
    )


WRITERS = {"csv": _write_csv, "xlsx": _write_xlsx, "parquet": _write_parquet}


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_awkward_names_stay_apart_and_audit(tmp_path, kind):
    path = tmp_path / f"log.{kind}"
    WRITERS[kind](path)
    log = read_log(path)
    assert log.attributes == EXPECTED
    first = log.events.slice(0, 1).to_pylist()[0]
    assert [first[name] for name in EXPECTED] == [f"value {i}" for i in range(len(AWKWARD))]
    assert sorted(log.case_attributes) == sorted(EXPECTED)
    result = run_audit(log)
    cases = result.measures.cases.set_index("case_id")
    assert cases.loc["c1", "variant (2)"] == "value 1"
    assert cases.loc["c2", "VARIANT (3)"] == "value 2"


def test_attribute_named_like_a_role_in_another_case(tmp_path):
    """`Activity` (capital A) is an attribute when `concept:name` is the activity; it must
    not be taken for the canonical `activity` column."""
    path = tmp_path / "log.csv"
    path.write_text(
        "case:concept:name,concept:name,time:timestamp,Activity,CASE_ID\n"
        "1,A,2024-01-01 10:00,old name,x\n1,B,2024-01-02 10:00,other name,x\n",
        encoding="utf-8",
    )
    log = read_log(path)
    assert log.attributes == ["Activity (input)", "CASE_ID (input)"]
    assert log.events.column("activity").to_pylist() == ["A", "B"]
    result = run_audit(log)
    assert int(result.measures.log["events"]) == 2


def test_xes_attributes_that_differ_only_in_case(tmp_path):
    path = tmp_path / "log.xes"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <trace>
    <string key="concept:name" value="1"/>
    <string key="variant" value="Variant 1"/>
    <string key="Variant" value="V1"/>
    <event>
      <string key="concept:name" value="Apply"/>
      <date key="time:timestamp" value="2024-01-01T10:00:00+00:00"/>
    </event>
    <event>
      <string key="concept:name" value="Decide"/>
      <date key="time:timestamp" value="2024-01-02T10:00:00+00:00"/>
    </event>
  </trace>
</log>
""",
        encoding="utf-8",
    )
    log = read_log(path)
    names = {name.casefold() for name in log.attributes}
    assert len(names) == len(log.attributes)
    values = set(log.events.slice(0, 1).to_pylist()[0][name] for name in log.attributes)
    assert {"Variant 1", "V1"} <= values
    result = run_audit(log)
    assert int(result.measures.log["cases"]) == 1
