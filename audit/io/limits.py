"""Bounds on what one input file may become when it is read, checked while its bytes stream
past (or from the file's own directory, for Parquet and Excel), so that a hostile file is
refused within seconds and in little memory instead of being handed whole to a parser.

The limits lie far beyond any real event log (docs/architecture.md has the table):

- FIELD_BYTES on any single value: a case id, activity, resource, attribute value or column
  name. Names in event logs are tens of bytes; the longest values in the public logs are the
  variant lists of about 6 KB in the header of BPI Challenge 2012. A value over 64 KiB is a
  pasted document or an attack, not event data.
- the size a compressed file expands to: at most EXPANSION_RATIO times the file's own size,
  or EXPANSION_FLOOR, whichever is larger. Event logs compress 5 to 45 times (XES.gz 18-43,
  CSV.gz 6-15 on the public logs; the text repeats, but ids and times do not), a
  decompression bomb about 1,000 times. The floor lets any small file through whatever its
  ratio, because 64 MiB of XES parse within seconds and 600 MB of memory.
- MAX_COLUMNS, and CELLS_FLOOR with one value per byte above it, on the table a file
  declares; NESTING on XES values nested in values (see each constant).

The streamed check (`BoundedStream`) sees bytes, not parsed values: a run of bytes with no
separator in it (no `<` in XML, no line break or delimiter in CSV) lies inside one value or
element, so a run longer than FIELD_BYTES proves a value that long without parsing. What the
bytes cannot show (a long quoted CSV value with delimiters inside, a value in Parquet or
Excel) is found by `check_values` on the table as read, before any further work on it.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from audit.errors import AuditInputError
from audit.io.raw import broken_gzip, is_gzip

FIELD_BYTES = 64 << 10
"""Longest single value (or XML element) of an input file, in bytes."""
EXPANSION_RATIO = 100
"""How many times its own size a compressed file may expand to (above the floor)."""
EXPANSION_FLOOR = 64 << 20
"""Bytes any compressed file may expand to, whatever its ratio."""
MAX_COLUMNS = 1_000
"""Columns of any input (XES: attribute keys of globals, traces and events). Event logs
have a few dozen, wide exports from case and ERP systems a few hundred; DuckDB's queries
over thousands of columns take GBs, or stop the process (at 5,000)."""
NESTING = 100
"""Deepest nesting of XES list and container values. Real logs nest them two or three deep;
rustxes recurses into them and overflows its stack (killing the process) some thousands
deep."""
CELLS_FLOOR = 10_000_000
"""Values (rows times columns) any table read from XES or Excel may hold; above it, one
value per byte of the (decompressed) file. Both formats leave absent values out, so a few
MB can declare a table of billions of values; a real log spends 20 bytes or more on each
value it holds and holds most of its table."""
CHUNK = 1 << 20
"""Bytes examined at a time."""
FIELD_HINT = (
    "remove or shorten that value, or leave out the column or attribute that holds it, "
    "and export the log again"
)
COLUMNS_HINT = (
    "export only the columns the audit needs: case, activity, times, resource, unit, "
    "channel and the attributes you want to compare"
)

Place = Callable[[Iterable[bytes]], str]
"""Names the place in the file that follows the given bytes (the file's start up to it)."""


def expansion_limit(stored_bytes: int) -> int:
    """The most bytes a compressed file of `stored_bytes` may expand to."""
    return max(EXPANSION_FLOOR, EXPANSION_RATIO * stored_bytes)


def check_expansion(expanded_bytes: int, stored_bytes: int, source: str) -> None:
    """AuditInputError when `expanded_bytes` is beyond the limit for a file of
    `stored_bytes`."""
    limit = expansion_limit(stored_bytes)
    if expanded_bytes > limit:
        raise AuditInputError(
            f"decompressed, the file is over {limit >> 20:,} MB, more than {EXPANSION_RATIO} "
            f"times its own {_size(stored_bytes)}; event logs compress 5 to 45 times, so this "
            "looks like a decompression bomb and is refused",
            source=source,
            hint="if the log is genuine, decompress it yourself and give the uncompressed file",
        )


def _size(stored_bytes: int) -> str:
    return (
        f"{stored_bytes / 2**20:,.1f} MB" if stored_bytes >= 1 << 20 else f"{stored_bytes:,} bytes"
    )


def check_columns(columns: int, source: str, hint: str = COLUMNS_HINT) -> None:
    """AuditInputError when an input has more than MAX_COLUMNS columns."""
    if columns > MAX_COLUMNS:
        raise AuditInputError(
            f"the file has {columns:,} columns, more than the {MAX_COLUMNS:,} an event log "
            "may have; event logs have a few dozen",
            source=source,
            hint=hint,
        )


def check_cells(rows: int, columns: int, expanded_bytes: int, source: str, hint: str) -> None:
    """AuditInputError when a table of `rows` by `columns` holds more values than a file
    of `expanded_bytes` (decompressed) may declare (see CELLS_FLOOR)."""
    limit = max(CELLS_FLOOR, expanded_bytes)
    if rows * columns > limit:
        raise AuditInputError(
            f"the file declares a table of {rows:,} rows by {columns:,} columns, more than "
            f"the {limit:,} values its size allows (one a byte); nearly all of it would be "
            "empty",
            source=source,
            hint=hint,
        )


class BoundedStream(io.RawIOBase):
    """The (decompressed) bytes of a file, refused with AuditInputError as soon as they
    pass a limit: the expansion of a gzip file, or a run of more than FIELD_BYTES bytes
    with none of `separators` in it (a value that long), named by `place`. A gzip stream
    that is broken or cut short is refused too. Memory stays at one chunk."""

    def __init__(self, path: Path, separators: bytes, place: Place, unit: str = "value"):
        super().__init__()
        self._path = path
        compressed = is_gzip(path)
        self._limit = expansion_limit(path.stat().st_size) if compressed else None
        self._separators = [bytes([separator]) for separator in separators]
        self._place = place
        self._unit = unit
        self._handle = _open(path, compressed)
        self._offset = 0
        self._run = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (a chunk when -1): bytes straight from the decompressor,
        without the copy that `readinto` costs."""
        try:
            data = self._handle.read(CHUNK if size is None or size < 0 else size)
        except (OSError, EOFError, zlib.error) as exc:
            raise broken_gzip(self._path, exc) from exc
        for start in range(0, len(data), CHUNK):
            self._check(data, start, min(start + CHUNK, len(data)))
        return data

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._handle.close()
        super().close()

    def _check(self, data: bytes, begin: int, end: int) -> None:
        """Check `data[begin:end]`, the bytes that follow those checked before."""
        self._offset += end - begin
        if self._limit is not None and self._offset > self._limit:
            check_expansion(self._offset, self._path.stat().st_size, self._path.name)
        chunk_start = self._offset - (end - begin)
        firsts = [data.find(separator, begin, end) for separator in self._separators]
        leading = min((at for at in firsts if at >= 0), default=end) - begin
        if self._run + leading > FIELD_BYTES:
            self._refuse(chunk_start - self._run)
        if leading == end - begin:
            self._run += leading
            return
        if not self._every_block_separated(data, begin, end):
            self._check_runs(data, begin, end, chunk_start)
        last = max(data.rfind(separator, begin, end) for separator in self._separators)
        self._run = end - 1 - last
        if self._run > FIELD_BYTES:
            self._refuse(self._offset - self._run)

    def _every_block_separated(self, data: bytes, begin: int, end: int) -> bool:
        """Whether every block of half FIELD_BYTES holds a separator: then no run can be
        longer than FIELD_BYTES (a run that long covers a whole block). This costs a few
        searches per block, where the exact check costs a pass over every byte."""
        block = FIELD_BYTES // 2
        return all(
            any(
                data.find(separator, at, min(at + block, end)) >= 0
                for separator in self._separators
            )
            for at in range(begin, end, block)
        )

    def _check_runs(self, data: bytes, begin: int, end: int, chunk_start: int) -> None:
        """The exact check of the runs between two separators inside `data[begin:end]`."""
        view = np.frombuffer(data, dtype=np.uint8, count=end - begin, offset=begin)
        first, *others = self._separators
        found = view == ord(first)
        for separator in others:
            found |= view == ord(separator)
        marks = np.flatnonzero(found)
        gaps = np.diff(marks) - 1
        if gaps.size and gaps.max() > FIELD_BYTES:
            self._refuse(chunk_start + int(marks[gaps.argmax()]) + 1)

    def _refuse(self, start: int) -> None:
        """Refuse the value that starts at byte `start` of the decompressed file."""
        place = place_of(self._path, start, self._place)
        raise AuditInputError(
            f"{place}: a single {self._unit} is longer than {FIELD_BYTES >> 10} KiB; "
            "no case id, activity, resource or attribute of an event log is that long",
            source=self._path.name,
            hint=FIELD_HINT,
        )


def _open(path: Path, compressed: bool) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if compressed else path.open("rb")  # type: ignore[return-value]


def place_of(path: Path, offset: int, place: Place) -> str:
    """The place of byte `offset` of the (decompressed) file, named by `place`."""
    return place(_prefix(path, offset))


def _prefix(path: Path, end: int) -> Iterator[bytes]:
    """The first `end` bytes of the decompressed file, in chunks (read again, to name a
    place: the hot path keeps no count)."""
    with _open(path, is_gzip(path)) as handle:
        while end > 0:
            chunk = handle.read(min(CHUNK, end))
            if not chunk:
                return
            end -= len(chunk)
            yield chunk


def line_place(prefix: Iterable[bytes]) -> str:
    """ "line N" of a text file (line breaks inside quoted values count, as in an editor)."""
    lines = 1 + sum(chunk.count(b"\n") for chunk in prefix)
    return f"line {lines}"


def xes_place(prefix: Iterable[bytes]) -> str:
    """ "line L (trace N, event M)" of an XES file, traces and events counted from its
    start (a token cut between two chunks is counted once)."""
    lines, traces, events, carry = 1, 0, 0, b""
    for chunk in prefix:
        data = carry + chunk
        lines += chunk.count(b"\n")
        last = data.rfind(b"<trace")
        if last >= 0:
            traces += data.count(b"<trace")
            events = data.count(b"<event", last)
        else:
            events += data.count(b"<event")
        carry = data[-5:]  # shorter than a token: no token is counted twice
    if not traces:
        return f"line {lines} (the log's header, before the first trace)"
    return f"line {lines} (trace {traces}" + (f", event {events})" if events else ")")


def check_values(table: pa.Table, locate: Callable[[int], str], source: str) -> None:
    """AuditInputError for more than MAX_COLUMNS columns, a column name with a NUL, or
    naming the first column name or value of `table` longer than FIELD_BYTES (bytes of its
    UTF-8 text), with its place from `locate`. Columns go by position: names may repeat."""
    check_columns(table.num_columns, source)
    columns = zip(table.column_names, table.columns, strict=True)
    for number, (name, column) in enumerate(columns, start=1):
        if "\x00" in name:  # DuckDB cuts a name at a NUL and then cannot find the column
            raise AuditInputError(
                f"the name of column {number} holds a NUL character, which no name may hold",
                source=source,
                hint="check that the file is a text export whose first line holds the names",
            )
        if len(name.encode("utf-8", "surrogatepass")) > FIELD_BYTES:
            raise AuditInputError(
                f"a column name is longer than {FIELD_BYTES >> 10} KiB (it starts {name[:40]!r})",
                source=source,
                hint="check that the first line (or row) of the file is the header",
            )
        kind = column.type
        if pa.types.is_string_view(kind) or pa.types.is_binary_view(kind):
            column = column.cast(pa.large_binary())
        elif not (
            pa.types.is_string(kind)
            or pa.types.is_large_string(kind)
            or pa.types.is_binary(kind)
            or pa.types.is_large_binary(kind)
        ):
            continue
        lengths = pc.binary_length(column)
        if (pc.max(lengths).as_py() or 0) > FIELD_BYTES:
            row = pc.index(pc.greater(lengths, FIELD_BYTES), True).as_py()
            raise AuditInputError(
                f"{locate(row)}, column {name[:80]!r}: a value is longer than "
                f"{FIELD_BYTES >> 10} KiB; no case id, activity, resource or attribute of an "
                "event log is that long",
                source=source,
                hint=FIELD_HINT,
            )
