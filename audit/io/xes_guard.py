"""The checks an XES file passes before rustxes parses it, in one streamed pass over its
(decompressed) bytes, so that rustxes only ever sees a file of bounded shape and size:

- the input limits of audit.io.limits: no XML element over 64 KiB, no gzip expanding
  beyond its ratio, a gzip stream that decompresses to its end;
- the prolog (everything before the root `<log>`, where alone the XML spec allows a DTD)
  declares no DOCTYPE or ENTITY: event logs never need one, and entity tricks (billion
  laughs, external files) are the classic attacks on XML readers;
- the file ends by closing the `<log>`: rustxes returns the complete traces of a file cut
  between two elements without a word;
- list and container values nest at most NESTING deep: rustxes recurses into them and
  overflows its stack (killing the process) some thousands deep;
- the table rustxes builds, a row per event and a column per attribute key of the globals,
  traces and events (the log's own attributes are no columns), stays within the limits on
  columns and values of audit.io.limits: a few MB of events that each bring a key of their
  own would otherwise make a table of thousands of columns and take GBs.
"""

from __future__ import annotations

import re
from pathlib import Path

from audit.errors import AuditInputError
from audit.io.limits import (
    NESTING,
    BoundedStream,
    check_cells,
    check_columns,
    expansion_limit,
    place_of,
    xes_place,
)
from audit.io.raw import check_head, is_gzip

PROLOG_BYTES = 256 << 10
FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")
TAIL = 256
LOG_END = re.compile(rb"(</log>|<log\b[^<>]*/>)$")
NESTING_TAG = re.compile(rb"<(/?)(?:list|container)\b[^<]*")
NESTING_OPEN = re.compile(rb"<(?:list|container)\b")
SECTION = re.compile(rb"<(/?)(global|trace)\b")
KEY = rb'key="([^"]*)"'
FEW_KEYS = 64
"""Up to this many keys, a search skips the keys already known (real logs have a few
dozen); beyond it, every key is collected."""
CELLS_HINT = (
    "check the export: each event should carry the same few attributes, not keys of its own"
)


def guard_xes(path: Path) -> bytes:
    """Check the file (see the module text); its head, for a look at its dates."""
    head = tail = b""
    shape = _Shape(path)
    with BoundedStream(path, b"<", xes_place, unit="XML element") as stream:
        while chunk := stream.read():
            if len(head) < PROLOG_BYTES:
                head += chunk[: PROLOG_BYTES - len(head)]
            tail = (tail + chunk)[-TAIL:]
            shape.feed(chunk)
    shape.feed(b"", final=True)
    check_head(path, head)
    _check_prolog(head, path.name)
    if not LOG_END.search(tail.rstrip()):
        raise AuditInputError(
            "the file ends before the </log> that closes the event log: it is truncated",
            source=path.name,
            hint="the file is damaged or truncated; export or copy it again",
        )
    shape.check_cells(final=True)
    return head


def _check_prolog(head: bytes, source: str) -> None:
    """Refuse anything before the root element that could define entities or a DTD."""
    root_at = head.find(b"<log")
    prolog = head if root_at < 0 else head[:root_at]
    if any(marker in prolog for marker in FORBIDDEN):
        raise AuditInputError(
            "the XML declares a DOCTYPE or ENTITY, which an event log never needs; "
            "it is refused for safety",
            source=source,
            hint="export the log again without a document type declaration",
        )
    if root_at < 0:
        raise AuditInputError(
            "no <log> element at the start: this is not an XES event log",
            source=source,
            hint="give an XES file, or a CSV, Parquet or Excel export",
        )


class _Shape:
    """The nesting of values, the events and the attribute keys of an XES file, followed
    through it in chunks. A tag cut at the end of a chunk is carried over to the next.
    Outside any value, a chunk that opens none costs one search; stray closing tags make
    no room for more opening ones."""

    def __init__(self, path: Path):
        self._path = path
        self._bytes_at_most = expansion_limit(path.stat().st_size) if is_gzip(path) else None
        self._depth = 0
        self._offset = 0
        self._carry = b""
        self._events = 0
        self._keys: set[bytes] = set()
        self._new_key = re.compile(KEY)
        self._in_global = self._in_traces = False

    def feed(self, chunk: bytes, final: bool = False) -> None:
        data = self._carry + chunk
        end = len(data) if final else max(data.rfind(b"<"), 0)
        start, self._carry = self._offset, data[end:]
        self._offset += end
        self._follow_nesting(data, end, start)
        self._events += data.count(b"<event", 0, end)
        position = 0
        if not self._in_traces:  # the header: only the keys of globals are columns
            for section in SECTION.finditer(data, 0, end):
                if self._in_global:
                    self._collect_keys(data, position, section.start())
                position = section.start()
                if section[2] == b"trace":
                    self._in_traces = True
                    break
                self._in_global = not section[1]
        if self._in_global or self._in_traces:
            self._collect_keys(data, position, end)
        self.check_cells()

    def check_cells(self, final: bool = False) -> None:
        """Refuse a table beyond the limit on values: at the end, for the file's own size;
        on the way, for the most the file may expand to."""
        size = self._offset if final else self._bytes_at_most or self._path.stat().st_size
        check_columns(len(self._keys), self._path.name)
        check_cells(self._events, len(self._keys), size, self._path.name, CELLS_HINT)

    def _follow_nesting(self, data: bytes, end: int, start: int) -> None:
        if not self._depth and not NESTING_OPEN.search(data, 0, end):
            return
        for tag in NESTING_TAG.finditer(data, 0, end):
            if tag[1]:
                self._depth = max(self._depth - 1, 0)
            elif not tag[0].rstrip().endswith(b"/>"):
                self._depth += 1
                if self._depth > NESTING:
                    place = place_of(self._path, start + tag.start(), xes_place)
                    raise AuditInputError(
                        f"{place}: list or container values nested more than {NESTING} deep; "
                        "no event log nests its attributes that deep",
                        source=self._path.name,
                        hint="export the log again without the nested values",
                    )

    def _collect_keys(self, data: bytes, begin: int, end: int) -> None:
        """The keys between `begin` and `end` of `data`."""
        found = set(self._new_key.findall(data, begin, end))
        if not found - self._keys:
            return
        self._keys |= found
        if len(self._keys) <= FEW_KEYS:
            known = b"|".join(re.escape(key) for key in sorted(self._keys))
            self._new_key = re.compile(KEY.replace(b'="(', b'="(?!(?:' + known + b')")('))
        else:
            self._new_key = re.compile(KEY)
