"""The input as read, before any role is assigned: columns by their own names, and a way
to tell the user where a row sits in the file.

Every reader (CSV, XES, Parquet, Excel) produces a `RawLog`; one normaliser then maps,
parses and accounts for it, so that all formats follow the same rules.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from audit.errors import AuditInputError


@dataclass
class RawLog:
    """Rows of one input file.

    table: one row per input row (CSV line, XES event, sheet row), columns under their
        input names; text unless the format itself carries types (Parquet, Excel).
    locate: turns a 0-based row position into the place a user finds it in the file,
        e.g. "line 17" or "trace 3, event 2".
    rejected: rows the reader itself could not split into columns (e.g. a CSV line with
        the wrong number of fields), as places in the file; they count as read and dropped.
    notes: what the reader had to decide about the file, for the data-quality account.
    """

    table: pa.Table
    locate: Callable[[int], str]
    rejected: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def line_locator(first_line: int, unit: str = "line") -> Callable[[int], str]:
    """Locator for formats with one row per line after a header (CSV, Excel)."""
    return lambda position: f"{unit} {position + first_line}"


GZIP_MAGIC = b"\x1f\x8b"


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip signature, whatever its name says."""
    with path.open("rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of the (decompressed) file, for sniffing its shape.

    Raises AuditInputError for an empty file or a gzip stream that is broken at the start.
    """
    try:
        if is_gzip(path):
            with gzip.open(path, "rb") as handle:
                head = handle.read(size)
        else:
            with path.open("rb") as handle:
                head = handle.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise broken_gzip(path, exc) from exc
    check_head(path, head)
    return head


def check_head(path: Path, head: bytes) -> None:
    """AuditInputError when the head of the (decompressed) file shows it has no content."""
    if path.stat().st_size == 0:
        raise AuditInputError("the file is empty", source=path.name, hint="export the log again")
    if not head.strip():
        raise AuditInputError(
            "the file has no content", source=path.name, hint="export the log again"
        )


def broken_gzip(path: Path, exc: BaseException) -> AuditInputError:
    """The error for a gzip file that cannot be decompressed to its end."""
    return AuditInputError(
        f"the gzip compression is broken or the file is truncated ({exc})",
        source=path.name,
        hint="download or copy the file again, or give the uncompressed file",
    )
