"""XES and XES.gz: read by audit.io.xes_simple when the file has the common shape of
exported logs (a few vectorised passes over its bytes, about half of rustxes' time), and
otherwise parsed by rustxes (the rust4pm project's XES importer, which pm4py also offers),
guarded before. Both give the same rows (tests/io/test_xes_simple.py), tidied after.

Before rustxes parses a file, it passes the checks of audit.io.xes_guard in one streamed
pass (limits on size, nesting and shape; no DTD; not truncated); the simple reader takes
no file those checks would refuse. rustxes tells gzip by the file's name, so a file whose
name says otherwise than its bytes is given to it under a name that matches.
Any other parse failure, which rustxes reports as a Rust panic, is located with the
standard library's expat parser so that the message can name the line.

After parsing, the rows are made to read as the XES file says:

- rustxes fills an absent attribute with the default of its `<global>` declaration (often a
  placeholder such as `UNKNOWN` or a 1970 timestamp); values equal to that default are
  read as absent again, so that a missing timestamp is counted as missing.
- Trace attributes become case attributes under their own names (`AMOUNT_REQ`, `channel`);
  the trace's `concept:name` becomes `case:concept:name`, as in pm4py. A trace attribute
  whose name is also an event attribute keeps the `case:` prefix so neither hides the other.
- Typed attributes keep their types (int, float, boolean, date as naive UTC). An attribute
  whose values have several types is read as text and noted in the data-quality account.
- Nested values (lists, containers) are not event data and are left out.
- Dates with an offset are converted to UTC exactly; when the file's dates carry no offset,
  they are read in the zone the user chose, like every other naive time.
- Places are "trace N, event M", N counting the traces that have events (rustxes leaves
  out empty traces).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from xml.parsers import expat

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from audit.errors import AuditInputError
from audit.io.limits import check_values
from audit.io.raw import RawLog, broken_gzip, is_gzip
from audit.io.xes_guard import PROLOG_BYTES, guard_xes
from audit.io.xes_simple import decompressed, read_simple_xes

CASE_ID_COLUMN = "case:concept:name"
TRACE_PREFIX = "case:"
DATE_VALUE = re.compile(rb'<date\s+key="[^"]*"\s+value="([^"]*)"')
OFFSET = re.compile(rb"(Z|[+-]\d{2}:?\d{2})$")
MIXED = re.compile(r"Warning: Attribute (.+) contains values of different dtypes \((.*)\)")
NESTED = r"^\[(Attribute \{.*)?\]$"


def read_xes_raw(path: Path, progress: Callable[[str], None] | None = None) -> RawLog:
    """Parse an XES file into one row per event, trace attributes repeated on its events."""
    if progress is not None:
        progress("parsing XES")
    table, meta, mixed, head = _parsed(path)
    if table.num_rows == 0:
        raise AuditInputError(
            "the XES log has no events", source=path.name, hint="check the export"
        )
    table = _without_global_defaults(table, meta)
    locate = _locator([table.column(n) for n in table.column_names if _is_trace_key(n)])
    notes = [
        f"XES attribute {key!r} has values of several types ({types}); read as "
        + ("numbers" if types == "Float64, Int64" else "text")
        for key, types in sorted(mixed.items())
    ]
    tidy = _tidy(table, set(mixed), utc=_dates_have_offsets(head))
    check_values(tidy, locate, path.name)
    return RawLog(table=tidy, locate=locate, notes=notes)


def _parsed(path: Path) -> tuple[pa.Table, dict, dict[str, str], bytes]:
    """The rows as rustxes gives them, its log metadata, the attributes of several types
    and the head of the file: read by audit.io.xes_simple when the file has the common
    shape (half the time, and no guard pass), else guarded and parsed by rustxes."""
    data = decompressed(path)
    simple = read_simple_xes(data) if data is not None else None
    if simple is not None and data is not None:
        table, meta = simple
        return table, meta, {}, bytes(data[:PROLOG_BYTES])
    del data
    head = guard_xes(path)
    return *_import(path), head


@contextmanager
def _named_for_rustxes(path: Path) -> Iterator[Path]:
    """`path`, or a link to it whose name ends in .gz exactly when its bytes are gzip:
    rustxes decides by the name, and a download may keep `.gz` after the browser
    decompressed it (or lose it)."""
    compressed = is_gzip(path)
    if compressed == path.name.lower().endswith(".gz"):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="journey-audit-xes-") as folder:
        link = Path(folder) / ("log.xes.gz" if compressed else "log.xes")
        link.symlink_to(path.resolve())
        yield link


def _import(path: Path) -> tuple[pa.Table, dict, dict[str, str]]:
    """rustxes' rows as Arrow, its log metadata, and the attributes it warned have values
    of several types (key -> types). What rustxes writes to stderr is caught: its warnings
    become notes, a panic becomes a clear error; anything else written meanwhile is passed
    on."""
    import rustxes  # with polars, 0.3 s to import: only for a file the simple reader leaves

    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            with _named_for_rustxes(path) as named:
                frame, meta = rustxes.import_xes(str(named))
            table = frame.to_arrow()  # a panic too for a key with a NUL, which XML forbids
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # rustxes reports bad XML as a Rust panic
            raise _malformed(path, exc) from exc
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        sink.seek(0)
        written = sink.read().decode("utf-8", errors="replace")
    mixed = {}
    for line in written.splitlines(keepends=True):
        found = MIXED.match(line)
        if found:
            mixed[found[1]] = ", ".join(sorted(re.findall(r"\w+", found[2])))
        else:
            sys.stderr.write(line)
    return table, json.loads(meta), mixed


def _malformed(path: Path, exc: BaseException) -> AuditInputError:
    """The error for XML rustxes could not parse, with expat's line when it finds one.
    rustxes reads only the first member of a gzip file made of several: such a file is
    sound, and is named as what it is."""
    message = str(exc).rsplit("Err` value: ", 1)[-1]
    compressed = is_gzip(path)
    parser = expat.ParserCreate()
    try:
        with gzip.open(path, "rb") if compressed else path.open("rb") as handle:
            parser.ParseFile(handle)
    except expat.ExpatError as error:
        message = f"{expat.errors.messages[error.code]}, line {error.lineno}"
    except LookupError as error:  # the XML declaration names an encoding there is not
        message = str(error)
    except (OSError, EOFError, zlib.error) as error:
        return broken_gzip(path, error)
    else:
        if compressed and _several_members(path):
            return AuditInputError(
                "the file is made of several gzip members, and the XES parser reads only the first",
                source=path.name,
                hint="decompress the file (gunzip) and give the .xes file itself",
            )
    return AuditInputError(
        f"the XML is malformed ({message})",
        source=path.name,
        hint="the file is damaged or truncated; export or copy it again",
    )


def _several_members(path: Path) -> bool:
    """Whether compressed data follows the end of the file's first gzip member."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    with path.open("rb") as handle:
        while not inflater.eof and (chunk := handle.read(1 << 20)):
            inflater.decompress(chunk, 1 << 20)
            while inflater.unconsumed_tail and not inflater.eof:
                inflater.decompress(inflater.unconsumed_tail, 1 << 20)
        return inflater.eof and bool((inflater.unused_data + handle.read(1 << 20)).strip(b"\0"))


def _dates_have_offsets(head: bytes) -> bool:
    """Whether the first dates of the file carry a UTC offset (the XES norm); without one
    they are naive and are read in the user's zone."""
    values = DATE_VALUE.findall(head)[:20]
    return not values or any(OFFSET.search(value.strip()) for value in values)


def _is_trace_key(name: str) -> bool:
    return name.startswith(TRACE_PREFIX)


def _without_global_defaults(table: pa.Table, meta: dict) -> pa.Table:
    """Null where rustxes filled an absent attribute with its `<global>` default."""
    scopes = (("global_trace_attrs", TRACE_PREFIX), ("global_event_attrs", ""))
    for scope, prefix in scopes:
        for attribute in meta.get(scope) or []:
            name = prefix + attribute["key"]
            if name not in table.column_names:
                continue
            column = table.column(name)
            default = _default_scalar(attribute["value"], column.type)
            if default is None:
                continue
            filled = pc.fill_null(pc.equal(column, default), False)
            kept = pc.if_else(filled, pa.scalar(None, column.type), column)
            table = table.set_column(table.column_names.index(name), name, kept)
    return table


def _default_scalar(value: dict, arrow_type: pa.DataType) -> pa.Scalar | None:
    """A global default as a scalar of the column's type, or None when it cannot be one."""
    content = value.get("content")
    if content is None:
        return None
    try:
        if value.get("type") == "Date":
            instant = datetime.fromisoformat(str(content)).astimezone(UTC).replace(tzinfo=None)
            return pa.scalar(instant, pa.timestamp("us")).cast(arrow_type)
        return pa.scalar(content).cast(arrow_type)
    except (ValueError, TypeError, pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None


def _tidy(table: pa.Table, mixed: set[str], *, utc: bool) -> pa.Table:
    """Names, types and columns as the normaliser expects them (see the module text)."""
    event_keys = {name for name in table.column_names if not _is_trace_key(name)}
    trace_names = sorted(name for name in table.column_names if _is_trace_key(name))
    columns: dict[str, pa.ChunkedArray] = {}
    for name in [CASE_ID_COLUMN, *trace_names, *sorted(event_keys)]:
        if name in columns or name not in table.column_names:
            continue
        key = name.removeprefix(TRACE_PREFIX) if _is_trace_key(name) else name
        column = _typed(table.column(name), key in mixed, utc)
        if column is None:
            continue
        keeps_prefix = name == CASE_ID_COLUMN or key in event_keys
        columns[name if keeps_prefix or not _is_trace_key(name) else key] = column
    return pa.table(columns)


def _typed(column: pa.ChunkedArray, mixed: bool, utc: bool) -> pa.ChunkedArray | None:
    """Text as plain strings (None for nested values), dates as microseconds (UTC-aware when
    the file's dates carry offsets), other types as they are."""
    kind = column.type
    if pa.types.is_null(kind):
        return column.cast(pa.string())
    if pa.types.is_timestamp(kind):  # nanoseconds cut to the microseconds of every time
        return column.cast(pa.timestamp("us", tz="UTC" if utc else None), safe=False)
    if not (pa.types.is_large_string(kind) or pa.types.is_string_view(kind)):
        return column
    text = column.cast(pa.string())
    present = text.drop_null()
    if len(present) and pc.all(pc.match_substring_regex(present, NESTED)).as_py():
        return None
    if mixed:  # rustxes writes the text values of a mixed attribute in double quotes
        text = pc.replace_substring_regex(text, r'^"(.*)"$', r"\1")
    return text


def _locator(trace_columns: list[pa.ChunkedArray]) -> Callable[[int], str]:
    """Row position -> "trace N, event M". A new trace starts where any trace attribute
    changes from the row before; worked out once, when a place is first asked for."""

    @cache
    def starts() -> np.ndarray:
        rows = len(trace_columns[0]) if trace_columns else 0
        new = np.zeros(rows, dtype=bool)
        new[:1] = True
        for column in trace_columns:
            codes = pc.fill_null(pc.dictionary_encode(column).combine_chunks().indices, -1)
            codes = codes.to_numpy()
            new[1:] |= codes[1:] != codes[:-1]
        return np.flatnonzero(new)

    def locate(position: int) -> str:
        first_rows = starts()
        if not len(first_rows):
            return f"event {position + 1}"
        trace = int(np.searchsorted(first_rows, position, side="right"))
        return f"trace {trace}, event {position - int(first_rows[trace - 1]) + 1}"

    return locate
