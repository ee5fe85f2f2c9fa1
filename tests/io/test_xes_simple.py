"""The reader of XES in its common shape (audit.io.xes_simple) against rustxes: every file
it reads must come out exactly as rustxes reads it, and every file outside the shape must
be left to rustxes and the guard."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest
from fuzz_support import REALDATA, fuzz_settings, input_file, real_xes_files, xes_files
from hypothesis import given
from hypothesis import strategies as st

from audit.errors import AuditInputError
from audit.io import xes_reader, xes_simple
from audit.io.raw import RawLog
from audit.io.xes_simple import decompressed, read_simple_xes

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n'


def simple(path: Path) -> bool:
    """Whether the file is read without rustxes."""
    data = decompressed(path)
    return data is not None and read_simple_xes(data) is not None


def by_rustxes(path: Path, monkeypatch: pytest.MonkeyPatch) -> RawLog | str:
    """The file read as before: guarded and parsed by rustxes (or the error's message)."""
    with monkeypatch.context() as patched:
        patched.setattr(xes_reader, "read_simple_xes", lambda data: None)
        return read(path)


def read(path: Path) -> RawLog | str:
    try:
        return xes_reader.read_xes_raw(path)
    except AuditInputError as error:
        return str(error)


def assert_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the simple reader takes the file, it reads it as rustxes does: the same table
    (names, types, values, order), notes and places."""
    if not simple(path):
        return
    ours, theirs = read(path), by_rustxes(path, monkeypatch)
    assert not isinstance(theirs, str), theirs
    assert not isinstance(ours, str), ours
    assert ours.table.schema == theirs.table.schema
    assert ours.table.equals(theirs.table)
    assert ours.notes == theirs.notes
    rows = ours.table.num_rows
    for row in {0, rows // 2, rows - 1}:
        assert ours.locate(row) == theirs.locate(row)


def assert_same_file(name: str, data: bytes) -> None:
    """`assert_same` for `data` in a file called `name`."""
    with pytest.MonkeyPatch.context() as monkeypatch, input_file(name, data) as path:
        assert_same(path, monkeypatch)


# ---------------------------------------------------------------- files of the common shape

SHAPED = {
    "entities, unicode, a late trace attribute, an empty trace, an event without attributes": (
        HEAD + '<global scope="event"><string key="org:resource" value="UNKNOWN"/>'
        '<date key="time:timestamp" value="1970-01-01T00:00:00.000+01:00"/></global>\n'
        '<global scope="trace"><string key="concept:name" value="none"/></global>\n'
        '<trace>\n\t<string key="concept:name" value="c&amp;1"/>\n'
        '\t<event>\n\t\t<string key="concept:name" value="Päätös &lt;ok&gt; &quot;x&quot;"/>\n'
        '\t\t<string key="org:resource" value="UNKNOWN"/>\n'
        '\t\t<date key="time:timestamp" value="2024-01-02T10:00:00.123456789+02:00"/>\n'
        '\t\t<int key="n" value="-12"/><float key="x" value="1.5e3"/>'
        '<boolean key="vip" value="true"/>\n\t</event>\n'
        '\t<string key="late" value="after the events"/>\n'
        "\t<event></event>\n</trace>\n"
        '<trace><string key="only here" value="empty trace"/></trace>\n'
        '<trace ><event ><string key="concept:name" value="b"/>'
        '<date key="time:timestamp" value="2024-01-05T08:00:00Z"/></event ></trace>\n'
        "</log>\n"
    ),
    "dates without an offset, a key twice among the globals": (
        HEAD + '<global scope="event"><string key="concept:name" value="name"/>'
        '<string key="concept:name" value="string"/></global>\n'
        '<trace><string key="concept:name" value="1"/>'
        '<event><string key="concept:name" value="name"/>'
        '<date key="time:timestamp" value="2024-01-02T10:00:00"/></event>'
        '<event><string key="concept:name" value="string"/>'
        '<date key="time:timestamp" value="2024-01-02T11:00:00.5"/></event>'
        "</trace></log>"
    ),
    "a comment in the prolog and nested log attributes in the header": (
        '<?xml version="1.0" encoding="UTF-8" ?>\n<!-- made by hand -->\n'
        '<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n'
        '<extension name="Concept" prefix="concept" uri="http://x/concept.xesext"/>\n'
        '<classifier name="Activity" keys="concept:name"/>\n'
        '<float key="meta" value="1.5"><float key="10609" value="2.5"/></float>\n'
        '<trace><string key="concept:name" value="1"/><event>'
        '<string key="concept:name" value="a"/></event></trace></log>'
    ),
}


@pytest.mark.parametrize("name", sorted(SHAPED))
def test_files_of_the_common_shape_read_as_rustxes_reads_them(name, write_file, monkeypatch):
    for path in (
        write_file("log.xes", SHAPED[name]),
        write_file("log.xes.gz", gzip.compress(SHAPED[name].encode())),
    ):
        assert simple(path)
        assert_same(path, monkeypatch)


# ---------------------------------------------------------------- files left to rustxes

EVENT = '<event><string key="concept:name" value="a"/></event>'
TRACE = f'<trace><string key="concept:name" value="1"/>{EVENT}</trace>'
LEFT = {
    "a comment among the traces": f"{HEAD}{TRACE}<!-- x -->{TRACE}</log>",
    "a list value": HEAD
    + '<trace><event><list key="l"><values><string key="a" value="b"/></values></list>'
    + "</event></trace></log>",
    "an attribute with a meta-attribute": HEAD
    + '<trace><event><string key="a" value="b"><string key="c" value="d"/></string>'
    + "</event></trace></log>",
    "a key of two types": HEAD
    + f'<trace>{EVENT}<event><int key="concept:name" value="1"/></event></trace></log>',
    "a key twice in one event": HEAD
    + '<trace><event><string key="a" value="1"/><string key="a" value="2"/></event></trace>'
    + "</log>",
    "a character reference": HEAD
    + '<trace><event><string key="a" value="&#65;"/></event></trace></log>',
    "a line break in a value": HEAD + '<trace><event><string key="a" value="x\ny"/>'
    "</event></trace></log>",
    "single quotes": HEAD + "<trace><event><string key='a' value='b'/></event></trace></log>",
    "an empty event": HEAD + f"<trace><event/>{EVENT}</trace></log>",
    "an id attribute": HEAD + '<trace><event><id key="a" value="b"/></event></trace></log>',
    "a date of another form": HEAD
    + '<trace><event><date key="t" value="2024-01-02 10:00:00"/></event></trace></log>',
    "naive and zoned dates in one key": HEAD
    + '<trace><event><date key="t" value="2024-01-02T10:00:00"/></event>'
    + '<event><date key="t" value="2024-01-02T10:00:00Z"/></event></trace></log>',
    "a signed number": HEAD + '<trace><event><int key="n" value="+1"/></event></trace></log>',
    "an integer beyond 64 bits": HEAD
    + '<trace><event><int key="n" value="99999999999999999999"/></event></trace></log>',
    "another encoding": HEAD.replace("UTF-8", "ISO-8859-1") + TRACE + "</log>",
    "a document type": '<?xml version="1.0"?>\n<!DOCTYPE log>\n<log>' + TRACE + "</log>",
    "cut short": HEAD + TRACE,
    "an element after the log": HEAD + TRACE + "</log><log></log>",
    "an event outside a trace": HEAD + EVENT + TRACE + "</log>",
    "a trace in a trace": HEAD + f"<trace>{TRACE}</trace></log>",
    "text between elements": HEAD + TRACE + "words</log>",
}


@pytest.mark.parametrize("name", sorted(LEFT))
def test_files_outside_the_common_shape_are_left_to_rustxes(name, write_file):
    assert not simple(write_file("log.xes", LEFT[name]))


def test_a_broken_gzip_is_left_to_the_guard(write_file):
    data = gzip.compress((HEAD + TRACE * 10 + "</log>").encode())
    assert decompressed(write_file("cut.xes.gz", data[:-8])) is None
    assert decompressed(write_file("twice.xes.gz", data + data)) is None
    assert decompressed(write_file("tiny.xes.gz", data[:3])) is None
    # beyond the expansion limit: tests/io/test_limits.py (the guard's refusal, through here)


# ---------------------------------------------------------------- generated and real files

CLEAN_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"))
INSTANTS = st.datetimes(datetime(1700, 1, 1), datetime(2200, 1, 1))


def attribute_value(kind: str, zoned: bool) -> st.SearchStrategy[str]:
    if kind == "string":
        return CLEAN_TEXT
    if kind == "int":
        return st.integers(-(10**17), 10**17).map(str)
    if kind == "float":
        return st.floats(allow_nan=False, allow_infinity=False).map(repr)
    if kind == "boolean":
        return st.sampled_from(("true", "false"))
    offsets = st.sampled_from(("Z", "+02:00", "-05:30", "+00:00")) if zoned else st.just("")
    return st.builds(
        lambda instant, digits, offset: instant.isoformat(timespec=digits) + offset,
        INSTANTS,
        st.sampled_from(("seconds", "milliseconds", "microseconds")),
        offsets,
    )


def escaped(text: str) -> str:
    for character, entity in ESCAPES:
        text = text.replace(character, entity)
    return text


@st.composite
def shaped_documents(draw: st.DrawFn) -> str:
    """XES of the common shape: a type per key and scope, values of certain reading, any
    indentation, empty traces and events, trace attributes before and after events."""
    zoned = draw(st.booleans())
    kinds = ("string", "date", "int", "float", "boolean")
    keys = ["concept:name", "time:timestamp", "org:resource", "amount", "Käsittelijä", "x y"]
    types = {scope: {key: draw(st.sampled_from(kinds)) for key in keys} for scope in ("t", "e")}
    blank = st.sampled_from(("", "\n", "\n\t", "\n\t\t", "  ", "\r\n  "))

    def attributes(scope: str) -> st.SearchStrategy[str]:
        one = st.sampled_from(keys).flatmap(
            lambda key: attribute_value(types[scope][key], zoned).map(
                lambda value: (
                    f'<{types[scope][key]} key="{escaped(key)}" value="{escaped(value)}"/>'
                )
            )
        )
        unique = st.lists(one, max_size=4, unique_by=lambda text: text.split('"')[1])
        return st.tuples(unique, blank).map(lambda parts: parts[1].join(parts[0]))

    event = st.builds(lambda a, b: f"<event>{b}{a}{b}</event>{b}", attributes("e"), blank)
    trace = st.builds(
        lambda head, events, tail, b: f"<trace>{b}{head}{b}{''.join(events)}{tail}</trace>{b}",
        attributes("t"),
        st.lists(event, max_size=4),
        st.sampled_from(("", '<string key="tail" value="after"/>')),
        blank,
    )
    globals_ = "".join(
        f'<global scope="{scope}"><{kind} key="{key}" value="{escaped(value)}"/></global>\n'
        for scope, letter in (("event", "e"), ("trace", "t"))
        for key in draw(st.lists(st.sampled_from(keys), max_size=2))
        for kind in [types[letter][key]]
        for value in [draw(attribute_value(kind, zoned=True))]
    )
    traces = draw(st.lists(trace, min_size=1, max_size=5))
    return HEAD + globals_ + "".join(traces) + "</log>\n"


@fuzz_settings(30)
@given(shaped_documents())
def test_generated_files_of_the_common_shape_read_as_rustxes_reads_them(document):
    body = document[document.index("<trace") :]
    if "<event" in body and "key=" in body:  # else rustxes reads no row, or no column
        assert read_simple_xes(document.encode()) is not None
    assert_same_file("log.xes", document.encode())


@fuzz_settings(30)
@given(xes_files())
def test_generated_files_read_as_rustxes_reads_them(file):
    assert_same_file(*file)


@pytest.mark.realdata
@pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is absent")
@fuzz_settings(20)
@given(real_xes_files())
def test_mutated_slices_of_real_logs_read_as_rustxes_reads_them(file):
    assert_same_file(*file)


@pytest.mark.realdata
@pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is absent")
@pytest.mark.parametrize("name", ["receipt.xes.gz", "sepsis.xes.gz", "running-example.xes"])
def test_real_logs_read_as_rustxes_reads_them(name, monkeypatch):
    path = REALDATA / name
    assert simple(path)
    assert_same(path, monkeypatch)


def test_dates_are_read_to_the_nanosecond_in_utc(write_file):
    document = next(text for name, text in SHAPED.items() if name.startswith("entities"))
    table, _ = read_simple_xes(write_file("log.xes", document).read_bytes())
    nanoseconds = table.column("time:timestamp").cast(pa.int64()).to_pylist()
    second = 10**9
    assert nanoseconds == [
        int(datetime(2024, 1, 2, 8, tzinfo=UTC).timestamp()) * second + 123_456_789,
        None,
        int(datetime(2024, 1, 5, 8, tzinfo=UTC).timestamp()) * second,
    ]


def test_a_text_longer_than_the_cap_is_left_to_rustxes(write_file, monkeypatch):
    """The reader holds the whole text in memory, so a longer one goes to rustxes, which
    streams it; plain and gzip alike."""
    text = (HEAD + TRACE * 10 + "</log>").encode()
    plain, packed = write_file("log.xes", text), write_file("log.xes.gz", gzip.compress(text))
    assert decompressed(plain) == text and decompressed(packed) == text
    monkeypatch.setattr(xes_simple, "MAX_TEXT_BYTES", len(text) - 1)
    assert decompressed(plain) is None
    assert decompressed(packed) is None
