"""Every unreadable input gets one AuditInputError naming the file and what to do."""

from __future__ import annotations

import gzip

import pytest

from audit.errors import AuditInputError
from audit.io import read_log


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\n\n  \n", "no content"),
        ("log.pdf", b"%PDF-1.4", "unknown file type"),
        ("cut.csv.gz", gzip.compress(b"case,activity,timestamp\n" * 5000)[:200], "truncated"),
        ("columns.csv", b"id,what,when\n1,A,2024-01-01\n", "no column recognised"),
        ("bad.xlsx", b"not a zip file", "Excel workbook"),
        ("bad.parquet", b"not parquet", "Parquet"),
        ("binary.csv", b"\x00\x01\x02ab,\x00\xff\x10" * 100, "not a text export"),
        ("odd.csv", "case,activity,timestamp\n1,A,2024".encode("utf-16-le")[:-1], "encoding"),
    ],
)
def test_bad_input_gets_one_clear_message(write_file, name, content, message):
    path = write_file(name, content)
    with pytest.raises(AuditInputError) as error:
        read_log(path)
    text = str(error.value)
    assert message in text
    assert text.startswith(path.name) or text.startswith(str(path))
    assert "What to do" in text or error.value.hint is None


def test_missing_file(tmp_path):
    with pytest.raises(AuditInputError, match="no such file"):
        read_log(tmp_path / "absent.csv")
