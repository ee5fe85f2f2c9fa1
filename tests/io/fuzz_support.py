"""What the fuzz tests share: the property every reader must keep, the settings, and the
strategies that write input files (random bytes, generated logs in every dialect the
readers accept, and mutated slices of the real logs).

The property: any input ends either in an event log whose data-quality account balances
(rows read = events used + merged + dropped) or in an AuditInputError with a message;
never in another exception, which would reach the user as a traceback.

In the normal suite every fuzz test runs a small, fixed set of examples (derandomized, so
that the suite is the same on every run). A longer, random search:

    JOURNEY_AUDIT_FUZZ=2000 .venv/bin/python -m pytest tests/io -k fuzz -q

runs that many examples per test; a failure prints the smallest input found and the
`@reproduce_failure` line that replays it.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from xml.sax.saxutils import quoteattr

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from audit.errors import AuditInputError
from audit.io import ColumnMapping, EventLog, read_log

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"
LONG_RUN = int(os.environ.get("JOURNEY_AUDIT_FUZZ", "0"))
"""Examples per fuzz test for a long run; 0 for the normal suite's small fixed set."""


def fuzz_settings(examples: int) -> settings:
    """`examples` fixed examples in the normal suite, LONG_RUN random ones when set."""
    return settings(
        max_examples=LONG_RUN or examples,
        derandomize=not LONG_RUN,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@contextmanager
def input_file(name: str, data: bytes) -> Iterator[Path]:
    """`data` written to a file called `name` in a fresh temporary folder."""
    with tempfile.TemporaryDirectory(prefix="journey-audit-fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def reads_or_refuses(
    name: str, data: bytes, mapping: ColumnMapping | None = None
) -> EventLog | None:
    """Read `data` as a file called `name`: the log, whose account must balance, or None
    when it is refused with an AuditInputError that has a message."""
    with input_file(name, data) as path:
        try:
            log = read_log(path, mapping)
        except AuditInputError as error:
            assert str(error).strip(), "an AuditInputError without a message"
            return None
    quality = log.quality
    assert quality.balanced(), quality.to_dict()
    assert log.events.num_rows == quality.events_used
    return log


# ---------------------------------------------------------------- values of event logs

INSTANTS = st.datetimes(min_value=datetime(1899, 1, 1), max_value=datetime(2200, 1, 1))
TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S+02:00",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y/%m/%d %H:%M:%S.%f",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y",
    "%m/%d/%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%Y-%m-%d",
)
ODD_TIMES = (
    "",
    " ",
    "NA",
    "null",
    "0000-00-00 00:00:00",
    "2024-13-45 25:61:00",
    "2024-02-30",
    "2024-01-01 10:00 +99:99",
    "2024-01-01T10:00:00-14:00",
    "1970-01-01T00:00:00.000+00:00",
    "9999-12-31 23:59:59.999999",
    "31.12.99999",
    "1e300",
    "-1",
    "1700000000",
    "1700000000000",
    "２０２４-０１-０１",
)
TIMES = st.one_of(
    st.builds(lambda instant, fmt: instant.strftime(fmt), INSTANTS, st.sampled_from(TIME_FORMATS)),
    st.sampled_from(ODD_TIMES),
    st.integers(-(2**63), 2**63).map(str),
    st.text(max_size=12),
)
NAMES = st.one_of(
    st.sampled_from(("Apply", "Decide", "Pay", "Apply", "Ä ö", "A;B", 'say "hi"', "x\ny", "")),
    st.text(max_size=12),
)
LIFECYCLES = st.sampled_from(("complete", "start", "START", "schedule", "Complete", "odd", ""))
CELLS = st.one_of(NAMES, TIMES, LIFECYCLES, st.integers().map(str), st.floats().map(str))

ROLE_COLUMNS = (
    "case",
    "Case ID",
    "case:concept:name",
    "activity",
    "concept:name",
    "timestamp",
    "time:timestamp",
    "Complete Timestamp",
    "start_timestamp",
    "resource",
    "org:resource",
    "department",
    "channel",
    "lifecycle:transition",
    "customer",
)
CORE = st.permutations(["case", "activity", "timestamp"]).map(list)
HEADERS = st.one_of(
    CORE,
    CORE,
    st.builds(lambda core, more: core + more, CORE, st.lists(st.sampled_from(ROLE_COLUMNS))),
    st.lists(st.sampled_from(ROLE_COLUMNS), min_size=1, max_size=7),
    st.lists(st.one_of(st.sampled_from(ROLE_COLUMNS), st.text(max_size=10)), max_size=6),
)
"""Headers: mostly the three roles every log needs, sometimes more or fewer, or anything."""
CASES = st.one_of(st.sampled_from(("1", "2", "3", "0012", "NA")), NAMES)


@st.composite
def fitting_values(draw: st.DrawFn, columns: list[str]) -> dict[str, st.SearchStrategy[str]]:
    """For each column a strategy of values that fit its role most of the time (times in
    one format per file, as exports write them), anything now and then."""
    time_format = draw(st.sampled_from(TIME_FORMATS))
    times = INSTANTS.map(lambda instant: instant.strftime(time_format))
    fitting = {}
    for column in columns:
        lowered = column.lower()
        if "time" in lowered:
            fitting[column] = st.one_of(times, times, times, times, times, TIMES)
        elif "lifecycle" in lowered:
            fitting[column] = LIFECYCLES
        elif "case" in lowered:
            fitting[column] = st.one_of(CASES, CASES, CELLS)
        else:
            fitting[column] = st.one_of(NAMES, NAMES, CELLS)
    return fitting


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A header and rows, most of them as wide as the header."""
    header = draw(HEADERS)
    values = draw(fitting_values(header))
    rows = []
    for _ in range(draw(st.integers(0, 10))):
        row = [draw(values[name]) for name in header]
        if draw(st.integers(0, 9)) == 0:
            row = row[: draw(st.integers(0, len(row)))] + draw(st.lists(CELLS, max_size=2))
        rows.append(row)
    return header, rows


# ---------------------------------------------------------------- bytes and mutations

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with a few bytes flipped, dropped, inserted or repeated, or cut short."""
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(("flip", "drop", "insert", "repeat", "cut")))
        if kind == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        elif kind == "drop":
            data = data[:at] + data[at + draw(st.integers(1, 64)) :]
        elif kind == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        elif kind == "repeat":
            data = data[:at] + data[at : at + draw(st.integers(1, 200))] + data[at:]
        elif kind == "cut":
            data = data[:at]
    return data


@st.composite
def packed(draw: st.DrawFn, data: bytes) -> tuple[bytes, bool]:
    """`data` as it is or gzip-compressed (the compressed stream cut short now and then);
    and whether it is compressed."""
    if not draw(st.booleans()):
        return data, False
    compressed = gzip.compress(data, compresslevel=1, mtime=0)
    if draw(st.integers(0, 4)) == 0:
        compressed = compressed[: draw(st.integers(0, len(compressed)))]
    return compressed, True


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A delimited text file in any dialect: delimiter, quoting, line ends, encoding, an
    Excel `sep=` line, a header in any shape; mutated now and then, gzip-compressed or not."""
    header, rows = draw(tables())
    delimiter = draw(st.sampled_from((",", ";", "\t", "|")))
    quoting = draw(
        st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE))
    )
    text = io.StringIO()
    if draw(st.integers(0, 5)) == 0:
        text.write(f"sep={delimiter}\n")
    writer = csv.writer(
        text,
        delimiter=delimiter,
        quoting=quoting,
        escapechar="\\",
        lineterminator=draw(st.sampled_from(("\n", "\r\n", "\r"))),
    )
    try:
        writer.writerow(header)
        writer.writerows(rows)
    except csv.Error:  # unquoted, a row of one empty field cannot be written
        text.seek(0)
        text.truncate()
        csv.writer(text, delimiter=delimiter).writerows([header, *rows])
    data = text.getvalue().encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutated(data))
    data, compressed = draw(packed(data))
    suffix = draw(st.sampled_from((".csv", ".tsv", ".txt")))
    return "log" + suffix + (".gz" if compressed else ""), data


# ---------------------------------------------------------------- XES

XES_KEYS = (
    "concept:name",
    "time:timestamp",
    "org:resource",
    "org:group",
    "lifecycle:transition",
    "channel",
    "amount",
    "Concept:Name",
    "case:concept:name",
    "",
)
XES_VALUES = {
    "string": NAMES,
    "date": TIMES,
    "int": st.one_of(st.integers(-(2**70), 2**70).map(str), NAMES),
    "float": st.one_of(st.floats().map(str), NAMES),
    "boolean": st.sampled_from(("true", "false", "TRUE", "1", "", "maybe")),
    "id": st.one_of(st.uuids().map(str), NAMES),
}


def xes_attributes(depth: int = 2) -> st.SearchStrategy[str]:
    """XES attribute elements of every type, lists and containers nested `depth` deep."""
    key = st.one_of(st.sampled_from(XES_KEYS), st.text(max_size=8))
    simple = st.sampled_from(sorted(XES_VALUES)).flatmap(
        lambda kind: st.builds(
            lambda name, value: f"<{kind} key={quoteattr(name)} value={quoteattr(value)}/>",
            key,
            XES_VALUES[kind],
        )
    )
    if depth == 0:
        return simple
    inner = st.lists(xes_attributes(depth - 1), max_size=3).map("".join)
    nested = st.one_of(
        st.builds(lambda n, v: f"<list key={quoteattr(n)}><values>{v}</values></list>", key, inner),
        st.builds(lambda n, v: f"<container key={quoteattr(n)}>{v}</container>", key, inner),
    )
    return st.one_of(simple, simple, simple, nested)


XES_DATES = INSTANTS.map(lambda instant: instant.strftime("%Y-%m-%dT%H:%M:%S.%f+02:00"))


@st.composite
def xes_documents(draw: st.DrawFn) -> str:
    """An XES log: optional globals and classifiers, traces with attributes and events;
    mostly the attributes a log needs, but values of any type, right or wrong, and
    characters XML does not allow."""
    attributes = st.lists(xes_attributes(), max_size=4).map("".join)
    named_event = st.builds(
        lambda name, time, rest: (
            f'<event><string key="concept:name" value={quoteattr(name)}/>'
            f'<date key="time:timestamp" value={quoteattr(time)}/>{rest}</event>'
        ),
        NAMES,
        st.one_of(XES_DATES, XES_DATES, XES_DATES, TIMES),
        attributes,
    )
    event = st.one_of(named_event, named_event, attributes.map(lambda a: f"<event>{a}</event>"))
    named_trace = st.builds(
        lambda case, more: f'<string key="concept:name" value={quoteattr(case)}/>{more}',
        CASES,
        attributes,
    )
    trace = st.builds(
        lambda head, events: f"<trace>{head}{''.join(events)}</trace>\n",
        st.one_of(named_trace, named_trace, attributes),
        st.lists(event, max_size=5),
    )
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n']
    for scope in draw(st.lists(st.sampled_from(("event", "trace")), max_size=2)):
        parts.append(f'<global scope="{scope}">{draw(attributes)}</global>\n')
    if draw(st.booleans()):
        parts.append('<classifier name="Activity" keys="concept:name"/>\n')
    parts.append(draw(attributes))
    parts.extend(draw(st.lists(trace, max_size=5)))
    parts.append("</log>\n")
    return "".join(parts)


@st.composite
def xes_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A generated XES file, mutated now and then, gzip-compressed or not."""
    data = draw(xes_documents()).encode("utf-8", errors="surrogatepass")
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutated(data))
    data, compressed = draw(packed(data))
    return "log.xes" + (".gz" if compressed else ""), data


# ---------------------------------------------------------------- slices of the real logs

REAL_CSV = ("running-example.csv", "receipt.csv.gz", "sepsis.csv.gz")
REAL_XES = ("running-example.xes", "receipt.xes.gz", "sepsis.xes.gz")
SLICE_LINES = 40
SLICE_TRACES = 4


def _decompressed(name: str) -> bytes:
    path = REALDATA / name
    return gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()


@cache
def real_csv_slice(name: str) -> bytes:
    """The header and the first SLICE_LINES rows of a real CSV log."""
    return b"".join(_decompressed(name).splitlines(keepends=True)[: SLICE_LINES + 1])


@cache
def real_xes_slice(name: str) -> bytes:
    """A real XES log cut after its first SLICE_TRACES traces and closed again."""
    data = _decompressed(name)
    end = 0
    for _ in range(SLICE_TRACES):
        found = data.find(b"</trace>", end)
        if found < 0:
            return data
        end = found + len(b"</trace>")
    return data[:end] + b"\n</log>\n"


@st.composite
def real_csv_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A slice of a real CSV log with lines dropped, repeated or swapped, bytes mutated,
    re-encoded, compressed."""
    lines = real_csv_slice(draw(st.sampled_from(REAL_CSV))).splitlines(keepends=True)
    order = draw(st.lists(st.integers(0, len(lines) - 1), max_size=len(lines) + 3))
    if draw(st.booleans()):
        lines = [lines[index] for index in order] if order else lines
    data = draw(mutated(b"".join(lines)))
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding != "utf-8":
        data = data.decode("utf-8", errors="replace").encode(encoding, errors="replace")
    data, compressed = draw(packed(data))
    return "real.csv" + (".gz" if compressed else ""), data


@st.composite
def real_xes_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A slice of a real XES log with bytes mutated, compressed or not."""
    data = draw(mutated(real_xes_slice(draw(st.sampled_from(REAL_XES))))).replace(b"\0", b"")
    data, compressed = draw(packed(data))
    return "real.xes" + (".gz" if compressed else ""), data


# ---------------------------------------------------------------- Excel

EXCEL_CELLS = st.one_of(
    st.none(),
    NAMES,
    TIMES,
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    INSTANTS,
    INSTANTS.map(lambda instant: instant.date()),
    INSTANTS.map(lambda instant: instant.time()),
    st.timedeltas(min_value=timedelta(days=-999), max_value=timedelta(days=999)),
)


def _excel_text(value: object) -> object:
    """Text without the control characters a workbook cannot hold (openpyxl refuses them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def timeless(book: Workbook) -> bytes:
    """The workbook's bytes without the time it was saved (in the zip's dates and in its
    properties), so that one example is the same file each time it is drawn."""
    saved = io.BytesIO()
    book.save(saved)
    fixed = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(fixed, "w") as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "docProps/core.xml":
                content = re.sub(
                    rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", content
                )
            stamped = zipfile.ZipInfo(member.filename, date_time=(2024, 1, 1, 0, 0, 0))
            target.writestr(stamped, content, compress_type=zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


@st.composite
def xlsx_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A workbook: an empty sheet before the data now and then, a table's text or cells of
    any type Excel holds (dates, times, numbers, booleans); its bytes mutated now and then."""
    header, rows = draw(tables())
    book = Workbook()
    sheet = book.active
    if draw(st.integers(0, 4)) == 0:
        sheet = book.create_sheet("data")
    sheet.append([_excel_text(name) for name in header])
    for row in rows:
        typed = [draw(st.one_of(st.just(value), st.just(value), EXCEL_CELLS)) for value in row]
        sheet.append([_excel_text(value) for value in typed])
    data = timeless(book)
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutated(data))
    return "log.xlsx", data


MAPPINGS = st.builds(
    ColumnMapping,
    case=st.none() | st.sampled_from(ROLE_COLUMNS),
    activity=st.lists(st.sampled_from(ROLE_COLUMNS), max_size=2).map(tuple),
    timestamp=st.none() | st.sampled_from(ROLE_COLUMNS),
    start=st.none() | st.sampled_from(ROLE_COLUMNS),
    resource=st.none() | st.sampled_from(ROLE_COLUMNS),
    lifecycle=st.none() | st.sampled_from(ROLE_COLUMNS),
)
"""Roles the user might choose, right or wrong."""
