"""CSV, TSV and TXT exports as they come from real systems and from Excel in any locale.

Sniffs the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else cp1252/latin-1) and
the delimiter (`,` `;` tab `|`) from the head of the file, then lets pyarrow's multi-threaded
reader split the whole file, every column as text: ids such as `NA`, `null` or `0012` stay
ids, and timestamps are parsed later under the user's rules.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from audit.errors import AuditInputError
from audit.io.limits import BoundedStream, check_columns, check_values, line_place
from audit.io.names import unique_names
from audit.io.raw import RawLog, read_head

DELIMITERS = (",", ";", "\t", "|")
SNIFF_BYTES = 1 << 20
SNIFF_LINES = 50
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def detect_encoding(head: bytes) -> str | None:
    """The Python codec name for the file, judged from its first bytes; None for bytes that
    are no text at all (NUL bytes outside a UTF-16 pattern)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even == 0:
            return "utf-16-le"
        if even > len(head) // 4 and odd == 0:
            return "utf-16-be"
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "latin-1" if CP1252_UNDEFINED & set(head) else "cp1252"
    return "utf-8"


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the header into the most columns and the following lines
    into the same number of fields as the header."""

    def score(delimiter: str) -> tuple[int, int]:
        try:
            rows = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:  # e.g. a quoted value longer than the csv module takes
            return (0, 0)
        if not rows or len(rows[0]) < 2:
            return (0, 0)
        width = len(rows[0])
        consistent = sum(len(row) == width for row in rows[1:])
        return (consistent, width)

    best = max(DELIMITERS, key=score)
    return best if score(best)[1] >= 2 else ","


@dataclass(frozen=True)
class CsvLayout:
    """What the head of a delimited text file says about all of it.

    skip: lines before the first row (the header, and an Excel `sep=` line before it).
    head: the decoded head (up to SNIFF_BYTES of the decompressed file); truncated when
        the file goes on beyond it, so its last line may be cut.
    """

    encoding: str
    delimiter: str
    names: list[str]
    skip: int
    head: str
    truncated: bool


def sniff_csv(path: Path) -> CsvLayout:
    """Encoding, delimiter and column names from the head of the file alone."""
    head = read_head(path, SNIFF_BYTES)
    encoding = detect_encoding(head)
    if encoding is None:
        raise AuditInputError(
            "binary bytes where text was expected: this is not a text export",
            source=path.name,
            hint="export the log as CSV (UTF-8), or give the .xlsx or .parquet file itself",
        )
    text = head.decode(encoding, errors="ignore")
    lines = text.splitlines()[:SNIFF_LINES]
    skip = 1
    if lines and lines[0].lower().startswith("sep=") and len(lines[0]) == 5:
        delimiter, lines, skip = lines[0][4], lines[1:], 2
    else:
        delimiter = detect_delimiter(lines)
    if not lines:
        raise AuditInputError("the file has no header line", source=path.name)
    try:
        names = unique_names(next(csv.reader(lines[:1], delimiter=delimiter)))
    except csv.Error as exc:
        raise AuditInputError(
            f"line {skip}: the header cannot be split into column names ({exc})",
            source=path.name,
            hint="check that the first line of the file holds the column names",
        ) from exc
    check_columns(len(names), path.name)
    return CsvLayout(encoding, delimiter, names, skip, text, len(head) >= SNIFF_BYTES)


def read_csv_raw(path: Path) -> RawLog:
    """Read a delimited text file (optionally gzip-compressed) into text columns."""
    layout = sniff_csv(path)
    encoding, delimiter, names, skip = layout.encoding, layout.delimiter, layout.names, layout.skip
    rejected: list[str] = []
    try:
        table = _read_table(path, encoding, delimiter, names, skip, rejected)
    except _NotUtf8:  # bytes beyond the sniffed head: a cp1252 export after all
        encoding = "cp1252"
        rejected.clear()
        table = _read_table(path, encoding, delimiter, names, skip, rejected)
    if rejected:
        # The fast pass assumes no line breaks inside quoted values and cannot number lines:
        # read once more allowing them, in one thread, so that the lines still refused are
        # truly malformed and can be named.
        rejected.clear()
        table = _read_table(path, encoding, delimiter, names, skip, rejected, fast=False)
    skipped_lines = sorted(int(text.split()[1]) for text in rejected if text.startswith("line "))
    locate = _line_locator(skip, skipped_lines)
    check_values(table, locate, path.name)
    return RawLog(table=table, locate=locate, rejected=rejected)


def _line_locator(header_lines: int, rejected_lines: list[int]) -> Callable[[int], str]:
    """Row position -> "line N": the header lines come first and refused lines are not
    rows, so each refused line at or before a row moves it one line down. (A quoted value
    spanning several lines also moves later rows down; such files are rare.)"""

    def locate(position: int) -> str:
        line = position + header_lines + 1
        for rejected in rejected_lines:
            if rejected <= line:
                line += 1
        return f"line {line}"

    return locate


def _read_table(
    path: Path,
    encoding: str,
    delimiter: str,
    names: list[str],
    skip: int,
    rejected: list[str],
    fast: bool = True,
) -> pa.Table:
    def reject(row: pacsv.InvalidRow) -> str:
        where = f"line {row.number}" if row.number is not None else "a line"
        rejected.append(f"{where} ({row.actual_columns} fields, expected {row.expected_columns})")
        return "skip"

    stream = _Utf8Stream if encoding == "utf-8" else BoundedStream
    source = stream(path, _separators(delimiter, encoding), line_place)
    try:
        return pacsv.read_csv(
            pa.PythonFile(source, mode="r"),
            read_options=pacsv.ReadOptions(
                column_names=names,
                skip_rows=skip,
                encoding=encoding,
                block_size=1 << 24,
                use_threads=fast,
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=not fast, invalid_row_handler=reject
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                null_values=[""],
                strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, OSError, EOFError) as exc:
        raise _explain(path, exc) from exc
    except UnicodeDecodeError as exc:
        raise AuditInputError(
            f"bytes that are not text in the {encoding} encoding ({exc.reason})",
            source=path.name,
            hint="save the file again as UTF-8 (in Excel: CSV UTF-8)",
        ) from exc
    finally:
        source.close()


class _NotUtf8(Exception):
    """The file read as UTF-8 holds bytes that are not UTF-8."""


class _Utf8Stream(BoundedStream):
    """A bounded stream that raises _NotUtf8 at the first bytes that are not UTF-8, before
    pyarrow parses them: pyarrow cannot hand a line with such bytes to the handler that
    skips malformed lines (it prints "Exception ignored" and fails the read)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        try:
            self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise _NotUtf8 from exc
        return data


def _separators(delimiter: str, encoding: str) -> bytes:
    """The bytes that end a value in this file (line breaks and the delimiter) for the
    streamed limit on a value's length; a NUL (half of every ASCII letter in UTF-16) is no
    sign of an end."""
    codec = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}.get(encoding, encoding)
    return bytes(sorted(set(("\n\r" + delimiter).encode(codec, "ignore")) - {0}))


def _explain(path: Path, exc: BaseException) -> AuditInputError:
    """Turn a reader failure into one message that names the file and what to do (a broken
    gzip stream, a value over the limits or bytes that are no UTF-8 are met by the stream
    itself)."""
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return AuditInputError(
        f"cannot be read as a delimited text file: {message}",
        source=path.name,
        hint="check that it is a CSV export with one header line",
    )
