"""Fuzz the CSV, XES and Excel readers: every input, however broken, ends in a log whose
data-quality account balances or in an AuditInputError (see fuzz_support for the property,
the strategies and the command for a longer run)."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest
from fuzz_support import (
    MAPPINGS,
    REALDATA,
    csv_files,
    fuzz_settings,
    input_file,
    reads_or_refuses,
    real_csv_files,
    real_xes_files,
    timeless,
    xes_files,
    xlsx_files,
)
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook

from audit.errors import AuditInputError
from audit.io import read_log

pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
"""An exception a library could only print ("Exception ignored in ...") fails the test too."""
SUFFIXES = (".csv", ".csv.gz", ".tsv", ".xes", ".xes.gz", ".xlsx", ".parquet")
needs_realdata = pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is absent")
NUL_KEY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n<trace><event>'
    b'<string key="concept:name" value="a"/><string key="\x00" value="x"/></event></trace>\n'
    b"</log>\n"
)

LIST_DEFAULT = (  # found by the fuzz suite, as it found it
    b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n<global scope="event">'
    b'<boolean key="concept:name" value="true"/><list key="concept:name"><values>'
    b'<date key="concept:name" value=""/><list key="concept:name"><values>'
    b'<boolean key="concept:name" value="true"/><int key="concept:name" value="0"/>'
    b"</values></list></values></list></global>\n<trace>"
    b'<string key="concept:name" value="1"/><event><string key="concept:name" value="Apply"/>'
    b'<date key="time:timestamp" value="2000-01-01T00:00:00.000000+02:00"/></event></trace>\n'
    b"</log>\n"
)
UNKNOWN_ENCODING = (
    b"<?xml version='1.0' encoding='TTF-8'?>\n<log>\n<trace><string key=\"concept:name\" "
    b'value="1"/><event><string key="concept:name" value="a"/></event>\n</log>\n'
)
ONE_EVENT = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n<trace>'
    b'<string key="concept:name" value="c1"/><event><string key="concept:name" value="a"/>'
    b'<date key="time:timestamp" value="2024-01-02T10:00:00Z"/></event></trace>\n</log>\n'
)


def damaged_workbook(member: str) -> bytes:
    """A small workbook whose `member` starts with an invalid deflate block."""
    book = Workbook()
    book.active.append(["case", "activity", "timestamp"])
    book.active.append(["1", "Apply", "2024-01-02 10:00"])
    data = bytearray(timeless(book))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(member)
    name_and_extra = int.from_bytes(
        data[info.header_offset + 26 : info.header_offset + 30], "little"
    )
    data[info.header_offset + 30 + (name_and_extra & 0xFFFF) + (name_and_extra >> 16)] = 0xFF
    return bytes(data)


@fuzz_settings(25)
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
def test_fuzz_random_bytes(data, suffix):
    reads_or_refuses("random" + suffix, data)


@fuzz_settings(60)
@given(csv_files())
@example(("log.csv", "\ufeff\x00,case,activity,timestamp\n0,1,a,2024-01-01 10:00\n".encode()))
def test_fuzz_csv(file):
    reads_or_refuses(*file)


@fuzz_settings(25)
@given(csv_files(), MAPPINGS)
def test_fuzz_csv_with_chosen_roles(file, mapping):
    reads_or_refuses(*file, mapping)


@fuzz_settings(50)
@given(xes_files())
@example(("log.xes", NUL_KEY))  # polars panicked on the NUL (PanicException, a BaseException)
@example(("log.xes", LIST_DEFAULT))  # ArrowTypeError: a list as the default of a text key
@example(("log.xes", UNKNOWN_ENCODING))  # LookupError from expat, naming the broken line
def test_fuzz_xes(file):
    reads_or_refuses(*file)


@fuzz_settings(25)
@given(xlsx_files())
@example(("log.xlsx", damaged_workbook("docProps/core.xml")))  # zlib.error from openpyxl
@example(("log.xlsx", damaged_workbook("xl/worksheets/sheet1.xml")))  # ... while reading rows
def test_fuzz_excel(file):
    reads_or_refuses(*file)


@pytest.mark.realdata
@needs_realdata
@fuzz_settings(40)
@given(real_csv_files())
def test_fuzz_real_csv_slices(file):
    reads_or_refuses(*file)


@pytest.mark.realdata
@needs_realdata
@fuzz_settings(40)
@given(real_xes_files())
def test_fuzz_real_xes_slices(file):
    reads_or_refuses(*file)


def test_gzip_xes_named_xes_and_plain_xes_named_gz_read():
    """rustxes tells gzip by the name: a browser may decompress a download and keep .gz,
    or the reverse; both read as what their bytes are (before: "the XML is malformed")."""
    for name, data in (("gzip.xes", gzip.compress(ONE_EVENT)), ("plain.xes.gz", ONE_EVENT)):
        log = reads_or_refuses(name, data)
        assert log is not None and log.quality.events_used == 1


def test_xes_gz_of_several_members_is_named_as_such():
    """rustxes reads only the first member of a multi-member gzip file."""
    half = len(ONE_EVENT) // 2
    data = gzip.compress(ONE_EVENT[:half]) + gzip.compress(ONE_EVENT[half:])
    with input_file("members.xes.gz", data) as path, pytest.raises(AuditInputError) as refused:
        read_log(path)
    assert "several gzip members" in str(refused.value)


def test_cp1252_line_of_the_wrong_width_beyond_the_head_is_dropped(write_file):
    """pyarrow cannot hand a line whose bytes are no UTF-8 to the handler that skips it
    (it printed "Exception ignored" and failed the read): the reader finds the file is not
    UTF-8 and reads it as cp1252, dropping that line."""
    text = b"case,activity,timestamp\n1,a,2024-01-01\n2,x,y,\xf3"
    log = reads_or_refuses("late.csv", text)
    assert log is not None
    assert log.quality.dropped["line could not be split into the header's columns"].count == 1
