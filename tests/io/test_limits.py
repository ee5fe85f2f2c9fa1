"""Bounded input (audit.io.limits): a value over 64 KiB and a compressed file that expands
beyond its ratio are refused, while the bytes stream, naming the place and what to do.

The bombs are generated here: a 1 MiB block deflated once, with a full flush, is a piece of
deflate stream that any number of copies of continues validly, so a 1 GiB gzip bomb of
about 1 MB is written in well under a second (the CRC of the whole content makes it a
correct gzip file, not one refused for a bad checksum). The command line runs in a
subprocess whose peak memory is its own resource usage, from `os.wait4` (the pytest
process's RUSAGE_CHILDREN would also hold earlier children of the worker).
"""

from __future__ import annotations

import gzip
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

import audit.io.limits as limits
from audit.errors import AuditInputError
from audit.io import read_log
from audit.io.limits import FIELD_BYTES, check_cells, expansion_limit
from audit.io.scan import scan_log

CLI = [
    sys.executable,
    "-c",
    "import sys, time\n"
    "from audit.cli import main\n"
    "started = time.monotonic()\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    sys.stderr.write(f'\\nread for {time.monotonic() - started:.2f} s\\n')\n",
]
"""The command line, saying how long it read after its start-up (which takes 2 s on a quiet
machine, and 20 s when other work loads it)."""
MEMORY_LIMIT_MB = 1024
SECONDS = 10  # the refusals take under a second on a quiet machine
LOG_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n'
XES_HEAD = LOG_HEAD + b'<trace><string key="concept:name" value="c1"/>\n'
EVENT = (
    b'<event><string key="concept:name" value="Apply"/>'
    b'<date key="time:timestamp" value="2024-01-02T10:00:00.000+02:00"/></event>\n'
)


def write_gzip_bomb(path: Path, head: bytes, block: bytes, copies: int, tail: bytes) -> Path:
    """A single-member gzip file of `head`, `copies` times `block`, then `tail`."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    piece = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    repeated = piece.compress(block) + piece.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + copies * len(block) + len(tail)
    with path.open("wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        out.write(deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH))
        for _ in range(copies):
            out.write(repeated)
        out.write(deflate.compress(tail) + deflate.flush(zlib.Z_FINISH))
        out.write(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return path


def run_inspect(path: Path) -> tuple[int, str, float, float]:
    """`journey-audit inspect PATH` in a subprocess: exit status, stderr, seconds from the
    end of its start-up, and its peak resident memory in MB."""
    with open(path.with_suffix(".stderr"), "w+b") as errors:
        process = subprocess.Popen(
            [*CLI, "inspect", str(path)], stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace")
    seconds = float(message.rsplit("read for ", 1)[1].split()[0])
    return os.waitstatus_to_exitcode(status), message, seconds, usage.ru_maxrss / 1024


def test_the_bomb_generator_writes_a_sound_gzip_file(tmp_path):
    path = write_gzip_bomb(tmp_path / "small.gz", b"<", b"ab", 3, b">")
    assert gzip.decompress(path.read_bytes()) == b"<ababab>"


def test_xes_gz_with_one_giant_attribute_is_refused_in_seconds(tmp_path):
    """About 1 MB that expands to 1 GiB: one attribute value of 1 GiB in the first event."""
    head = XES_HEAD + b'<event><string key="concept:name" value="'
    tail = b'"/></event></trace></log>\n'
    path = write_gzip_bomb(tmp_path / "bomb.xes.gz", head, b"a" * (1 << 20), 1024, tail)
    assert path.stat().st_size < 2 << 20
    status, message, seconds, peak_mb = run_inspect(path)
    assert status == 2
    assert "Traceback" not in message
    assert "line 4 (trace 1, event 1): a single XML element is longer than 64 KiB" in message
    assert "What to do: remove or shorten that value" in message
    assert seconds < SECONDS
    assert peak_mb < MEMORY_LIMIT_MB


def test_csv_gz_with_one_giant_field_is_refused_in_seconds(tmp_path):
    head = b"case,activity,timestamp\n1,Apply,2024-01-02 10:00\n2,"
    tail = b",2024-01-03 10:00\n"
    path = write_gzip_bomb(tmp_path / "bomb.csv.gz", head, b"b" * (1 << 20), 1024, tail)
    status, message, seconds, peak_mb = run_inspect(path)
    assert status == 2
    assert "Traceback" not in message
    assert "line 3: a single value is longer than 64 KiB" in message
    assert seconds < SECONDS
    assert peak_mb < MEMORY_LIMIT_MB


def test_repetitive_xes_gz_beyond_the_ratio_is_refused(tmp_path):
    """Valid, tiny events repeated: 256 MiB from about 1 MB (deflate's longest match of 258
    bytes keeps text that is not one repeated byte near 200 times)."""
    trace = b'<trace><string key="concept:name" value="c"/>' + EVENT * 9 + b"</trace>\n"
    block = trace * ((1 << 20) // len(trace))
    path = write_gzip_bomb(tmp_path / "events.xes.gz", LOG_HEAD, block, 256, b"</log>\n")
    assert path.stat().st_size * limits.EXPANSION_RATIO < 256 << 20
    status, message, seconds, peak_mb = run_inspect(path)
    assert status == 2
    assert "Traceback" not in message
    limit_mb = expansion_limit(path.stat().st_size) >> 20
    assert f"decompressed, the file is over {limit_mb} MB, more than 100 times its own" in message
    assert "decompress it yourself" in message
    assert seconds < SECONDS
    assert peak_mb < MEMORY_LIMIT_MB


def test_expansion_limit_is_the_ratio_above_the_floor():
    assert expansion_limit(1000) == 64 << 20
    assert expansion_limit(1 << 20) == 100 << 20
    assert expansion_limit(10 << 20) == 1000 << 20


@pytest.fixture
def small_floor(monkeypatch):
    """A floor of 1 MiB, so that the ratio decides for files of a few KB."""
    monkeypatch.setattr(limits, "EXPANSION_FLOOR", 1 << 20)


def _csv_rows(count: int) -> bytes:
    rows = "".join(f"{n},Apply,2024-01-02 10:{n % 60:02d}\n" for n in range(count))
    return ("case,activity,timestamp\n" + rows).encode()


def test_gzip_within_the_ratio_reads_and_beyond_it_is_refused(tmp_path, small_floor):
    text = _csv_rows(60_000)  # 1.6 MB that compress about 7 times
    varied = tmp_path / "varied.csv.gz"
    varied.write_bytes(gzip.compress(text))
    assert len(text) > 1 << 20
    assert read_log(varied).quality.rows_read == 60_000
    repetitive = write_gzip_bomb(
        tmp_path / "same.csv.gz", text[:24], b"1,Apply,2024-01-02 10:00\n" * 4096, 20, b""
    )
    assert 100 * repetitive.stat().st_size < (2 << 20)
    with pytest.raises(AuditInputError, match="looks like a decompression bomb"):
        read_log(repetitive)


def test_a_value_of_exactly_64_kib_reads_one_byte_more_is_refused(write_file):
    header = "case,activity,timestamp\n"
    fits = write_file("fits.csv", header + f"1,{'x' * FIELD_BYTES},2024-01-02 10:00\n")
    assert read_log(fits).events.column("activity")[0].as_py() == "x" * FIELD_BYTES
    over = write_file("over.csv", header + f"1,Apply,2024-01-02\n2,{'x' * (FIELD_BYTES + 1)},\n")
    with pytest.raises(AuditInputError, match=r"over\.csv: line 3: a single value is longer"):
        read_log(over)


def test_quoted_value_with_delimiters_is_measured_after_parsing(write_file):
    """Commas inside quotes hide a long value from the byte stream; the parsed table has it."""
    value = "x," * (FIELD_BYTES // 2 + 1)
    path = write_file("quoted.csv", f'case,activity,timestamp\n1,a,2024-01-02\n2,"{value}",\n')
    with pytest.raises(AuditInputError, match=r"line 3, column 'activity': a value is longer"):
        read_log(path)


def test_header_too_long_for_the_csv_module_is_an_input_error(write_file):
    """The csv module refuses a field over 128 KiB; sniffing the header must say so."""
    path = write_file("header.csv", f'"{"x," * 70_000}",activity,timestamp\n1,a,2024-01-02\n')
    with pytest.raises(AuditInputError, match="line 1: the header cannot be split"):
        read_log(path)


def test_xes_place_names_trace_and_event(write_file):
    long_value = "v" * (FIELD_BYTES + 1)
    second = (
        f'<trace><string key="concept:name" value="c2"/>\n{EVENT.decode()}{EVENT.decode()}'
        f'<event><string key="note" value="{long_value}"/></event></trace>\n'
    )
    text = XES_HEAD.decode() + EVENT.decode() + "</trace>\n" + second + "</log>\n"
    with pytest.raises(AuditInputError, match=r"line 9 \(trace 2, event 3\): a single XML"):
        read_log(write_file("long.xes", text))
    header = XES_HEAD.decode().replace("<trace>", f'<string key="x" value="{long_value}"/><trace>')
    with pytest.raises(AuditInputError, match=r"the log's header, before the first trace"):
        read_log(write_file("header.xes", header + EVENT.decode() + "</trace></log>\n"))


def test_parquet_value_and_column_name_are_bounded(tmp_path):
    path = tmp_path / "long.parquet"
    values = ["Apply", "Decide", "y" * (FIELD_BYTES + 1)]
    pq.write_table(pa.table({"case": ["1", "1", "2"], "activity": values}), path)
    with pytest.raises(AuditInputError, match=r"row 3, column 'activity': a value is longer"):
        read_log(path)
    named = tmp_path / "named.parquet"
    pq.write_table(pa.table({"n" * (FIELD_BYTES + 1): ["1"]}), named)
    with pytest.raises(AuditInputError, match="a column name is longer than 64 KiB"):
        read_log(named)


def test_parquet_run_of_one_value_beyond_the_ratio_is_refused(tmp_path, small_floor):
    """Two million equal values are a few KB on disk, at least 2 MB once read."""
    path = tmp_path / "run.parquet"
    pq.write_table(pa.table({"case": pa.array([0] * 2_000_000, pa.int8())}), path)
    assert path.stat().st_size < 20_000
    with pytest.raises(AuditInputError, match="looks like a decompression bomb"):
        read_log(path)


def _workbook(path: Path, activity: str) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["case", "activity", "timestamp"])
    sheet.append(["1", "Apply", "2024-01-02 10:00"])
    sheet.append(["2", activity, "2024-01-03 10:00"])
    book.save(path)
    return path


def test_excel_cell_over_the_limit_is_refused(tmp_path):
    """Excel holds at most 32,767 characters in a cell: in UTF-8, € takes three bytes."""
    path = _workbook(tmp_path / "long.xlsx", "€" * 30_000)
    with pytest.raises(AuditInputError, match=r"row 3, column 'activity': a value is longer"):
        read_log(path)


def test_excel_member_beyond_the_ratio_is_refused(tmp_path, small_floor):
    """Any member of the workbook counts: openpyxl may read any of them."""
    path = _workbook(tmp_path / "padded.xlsx", "Decide")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(4 << 20))
    assert 100 * path.stat().st_size < 4 << 20
    with pytest.raises(AuditInputError, match="looks like a decompression bomb"):
        read_log(path)


def _nested_xes(depth: int) -> str:
    opened = '<list key="l"><values>' * depth + "</values></list>" * depth
    event = EVENT.decode().replace("</event>", opened + "</event>")
    return XES_HEAD.decode() + event + "</trace></log>\n"


def test_xes_values_nested_100_deep_read_101_are_refused(write_file):
    """rustxes recurses into nested values: 10,000 deep killed the process (stack overflow)
    before this limit."""
    assert read_log(write_file("fits.xes", _nested_xes(100))).quality.events_used == 1
    with pytest.raises(AuditInputError, match=r"line 4 \(trace 1, event 1\): list or container"):
        read_log(write_file("deep.xes", _nested_xes(101)))
    with pytest.raises(AuditInputError, match="nested more than 100 deep"):
        read_log(write_file("deeper.xes", _nested_xes(20_000)))


def test_repeated_column_names_are_each_checked(tmp_path):
    """Columns are checked by position: by name, a repeated name raised a KeyError."""
    path = tmp_path / "repeated.parquet"
    columns = [pa.array(["1"]), pa.array(["y" * (FIELD_BYTES + 1)])]
    pq.write_table(pa.Table.from_arrays(columns, names=["dup", "dup"]), path)
    with pytest.raises(AuditInputError, match=r"row 1, column 'dup': a value is longer"):
        read_log(path)


def test_large_log_path_holds_csv_to_the_same_limits(tmp_path, write_file):
    """The large-log path streams a CSV through the limits before DuckDB reads it, bounds
    its columns, and turns DuckDB's complaints about the file into input errors."""
    head = b"case,activity,timestamp\n1,Apply,2024-01-02 10:00\n2,"
    bomb = write_gzip_bomb(tmp_path / "bomb.csv.gz", head, b"b" * (1 << 20), 64, b",\n")
    with pytest.raises(AuditInputError, match="line 3: a single value is longer than 64 KiB"):
        scan_log(bomb, con=duckdb.connect())
    wide = write_file(
        "wide.csv", ",".join(f"c{n}" for n in range(1_001)) + "\n" + "x," * 1_000 + "\n"
    )
    with pytest.raises(AuditInputError, match="the file has 1,001 columns"):
        scan_log(wide, con=duckdb.connect())
    broken = write_file(
        "broken.csv", 'case,activity,timestamp\n1,a,2024-01-01\n2,"b,2024-01-02\n3,c\n'
    )
    with pytest.raises(AuditInputError, match=r"broken\.csv: cannot be read \(Invalid Input"):
        scan_log(broken, con=duckdb.connect())


def test_table_of_values_is_bounded_by_one_a_byte_above_the_floor():
    check_cells(10_000, 1_000, 0, "log.xes", "hint")  # 10 million values: the floor
    with pytest.raises(AuditInputError, match="10,001 rows by 1,000 columns"):
        check_cells(10_001, 1_000, 0, "log.xes", "hint")
    check_cells(10_001, 1_000, 10_001_000, "log.xes", "hint")  # a file that large may


def _sparse_xes(events: int, own_keys: int) -> str:
    """A trace of `events` events, the first `own_keys` of them with a key of their own."""
    plain = EVENT.decode()
    body = "".join(
        plain.replace("</event>", f'<string key="k{n}" value="v"/></event>')
        if n < own_keys
        else plain
        for n in range(events)
    )
    return XES_HEAD.decode() + body + "</trace></log>\n"


def test_xes_events_that_each_bring_their_own_key_are_refused(write_file):
    """4,000 events, each with a key of its own: 4,000 columns (before: GBs of memory, and
    DuckDB stopped the process at 5,000 columns)."""
    path = write_file("sparse.xes", _sparse_xes(4_000, 4_000))
    with pytest.raises(AuditInputError, match="the file has 4,00[0-9] columns, more than"):
        read_log(path)
    wide = write_file("wide.xes", _sparse_xes(11_200, 900))
    assert wide.stat().st_size < 2 << 20
    with pytest.raises(AuditInputError, match="declares a table of 11,200 rows by 902 columns"):
        read_log(wide)


def test_excel_cells_far_to_the_right_are_refused(tmp_path):
    """A cell in the last column (XFD) of each row, and a dimension that says so, make
    openpyxl fill 16,384 cells a row: 20,000 rows from 100 KB took 4 GB before."""
    path = _workbook(tmp_path / "wide.xlsx", "Decide")
    far = "".join(
        f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>'
        for r in range(4, 804)
    )
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = (
        members[sheet]
        .replace(b"</sheetData>", far.encode() + b"</sheetData>")
        .replace(b'<dimension ref="A1:C3"/>', b'<dimension ref="A1:XFD803"/>')
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)
    with pytest.raises(AuditInputError, match="the file has 16,384 columns"):
        read_log(path)


def test_csv_of_more_than_1000_columns_is_refused(write_file):
    header = "case,activity,timestamp," + ",".join(f"c{n}" for n in range(997))
    assert read_log(write_file("fits.csv", header + "\n1,a,2024-01-02" + "," * 997 + "\n"))
    wider = write_file("wide.csv", header + ",c997\n1,a,2024-01-02" + "," * 998 + "\n")
    with pytest.raises(AuditInputError, match="the file has 1,001 columns, more than the 1,000"):
        read_log(wider)


def test_excel_cell_formatted_far_to_the_right_is_no_column(tmp_path):
    """A formatted empty cell in column XFD is dropped, not read as 16,384 columns."""
    path = tmp_path / "formatted.xlsx"
    book = Workbook()
    book.active.append(["case", "activity", "timestamp"])
    book.active.append(["1", "Apply", "2024-01-02 10:00"])
    book.active["XFD2"].font = Font(bold=True)
    book.save(path)
    log = read_log(path)
    assert log.quality.events_used == 1
    assert log.attributes == []
