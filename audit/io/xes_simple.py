"""XES of the common shape, read without rustxes: the file's bytes cut into elements and
quoted texts in a few vectorised passes (NumPy and Arrow), in about half of rustxes' time
(and without the guard's pass over the bytes, whose checks are made on the way).

The common shape is what process-mining tools export: a prolog of the XML declaration and
comments, a header (extensions, globals, classifiers, log attributes) and then only
traces and events whose attributes are written `<TYPE key="K" value="V"/>` with TYPE one
of string, date, int, float and boolean. Any file outside that shape, and any value this
reader would have to guess at (a date without the ISO form, a number with a sign, an
entity other than the five XML predefines, a key of several types, a repeated key, a
control character), gives None; the caller then guards the file and parses it with
rustxes as before. So every file read here yields the table rustxes gives for it:
`tests/io/test_xes_simple.py` compares the two on generated and real logs.

The table follows rustxes: a row per event in file order (traces without events leave no
row), a column per key of an event attribute (`key`) and of a trace attribute
(`case:key`, repeated on the trace's events), dates as naive UTC nanoseconds (a date
without an offset kept as written), and the globals as rustxes' metadata lists, so that
the caller's treatment of global defaults is the same for both.

The limits of audit.io.xes_guard hold here too: a file that comes near one of them gives
None, and the guard, which names the place, decides.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from audit.io.limits import CELLS_FLOOR, CHUNK, FIELD_BYTES, MAX_COLUMNS, expansion_limit
from audit.io.raw import is_gzip

TYPES = ("string", "date", "int", "float", "boolean")
"""Attribute types of the common shape; their codes are their places here."""
META_TYPES = {
    "string": "String",
    "date": "Date",
    "int": "Int",
    "float": "Float",
    "boolean": "Boolean",
}
"""The type names of rustxes' metadata."""
Global = tuple[str, str, str, object]
"""A global attribute: scope ("trace" or "event"), key, type and default."""
LT, QUOTE = ord("<"), ord('"')
TAGS = rb"((?:</?(?:event|trace)\s*>\s*)*)"
OPENING = rb"<(" + "|".join(TYPES).encode() + rb')\s+key\s*=\s*"'
JOINT_FIRST = re.compile(TAGS + OPENING)
JOINT_INNER = re.compile(rb'"\s*/>\s*' + TAGS + OPENING)
JOINT_LAST = re.compile(rb'"\s*/>\s*' + TAGS + rb"</log\s*>\s*")
TAG = re.compile(rb"<(/?)(event|trace)")
MAX_DISTINCT = 10_000
"""Distinct joints (see _Body), or keys, beyond which a file is left to rustxes: real logs
have a few dozen joints, one per indentation and per way of closing and opening events
and traces, and at most hundreds of keys (the guard's limit on columns is 1,000)."""
SLICE = 1 << 16
"""Attributes whose texts are encoded at a time."""
MAX_TEXT_BYTES = 1 << 30
"""Files whose text is longer than this are left to rustxes, which streams them: this
reader holds the whole text and the places of its `<` and quotes in memory at once."""
BETWEEN = re.compile(rb'"\s+value\s*=\s*"')
HEADER_GLOBAL = re.compile(rb"<global\b([^>]*)>(.*?)</global\s*>", re.DOTALL)
GLOBAL_ATTRIBUTE = re.compile(
    rb"\s*<(" + "|".join(TYPES).encode() + rb')\s+key\s*=\s*"([^"]*)"\s+value\s*=\s*"([^"]*)"\s*/>'
)
SCOPE = re.compile(rb'\s+scope\s*=\s*"(trace|event)"\s*')
COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
ROOT = re.compile(rb"\s*(<\?xml[^>]*\?>)?\s*<log[\s>]")
DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([^\"']*)")
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?"
OFFSET = r"(Z|[+-][0-9]{2}:[0-9]{2})"
PATTERNS = {
    "int": r"^-?[0-9]{1,18}$",
    "float": r"^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]{1,3})?$",
    "boolean": r"^(true|false)$",
}
"""Values whose reading is certain; any other value of the type gives None."""
ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&"))
"""The XML predefined entities, `&amp;` last so that `&amp;lt;` reads as `&lt;`."""
CONTROL = r"[\x00-\x1f<]"
"""Control characters (tab and line breaks included: XML normalises them in values), and
the `<` that XML does not allow in a value."""
CONTROLS = rb"[\x00-\x1f]"


def decompressed(path: Path) -> bytes | bytearray | None:
    """The file's bytes, decompressed when gzip; None when they pass the expansion limit or
    MAX_TEXT_BYTES, or the gzip stream is broken, cut short or of several members (the
    guard names each).
    The bytes go into one buffer of the size the gzip trailer gives, a chunk at a time,
    so that no second copy of the whole is made."""
    stored = path.stat().st_size
    if not is_gzip(path):
        return path.read_bytes() if stored <= MAX_TEXT_BYTES else None
    limit = min(expansion_limit(stored), MAX_TEXT_BYTES)
    with path.open("rb") as handle:
        handle.seek(max(stored - 4, 0))  # the trailer's size: modulo 4 GiB, or wrong
        out = bytearray(min(int.from_bytes(handle.read(4), "little"), limit))
        handle.seek(0)
        size = _inflate(handle, out, limit)
    if size is None:
        return None
    del out[size:]
    return out


def _inflate(handle: BinaryIO, out: bytearray, limit: int) -> int | None:
    """Decompress the gzip stream of `handle` into `out` (grown when the trailer's size was
    wrong); the size, or None (see `decompressed`)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    size = 0
    try:
        pending = handle.read(CHUNK)
        while pending and not inflater.eof:
            part = inflater.decompress(pending, CHUNK)
            if size + len(part) > limit:
                return None
            out[size : size + len(part)] = part
            size += len(part)
            pending = inflater.unconsumed_tail or handle.read(CHUNK)
        if not inflater.eof or inflater.unused_data or handle.read(1):
            return None
    except zlib.error:
        return None
    return size


def read_simple_xes(data: bytes | bytearray) -> tuple[pa.Table, dict] | None:
    """rustxes' table and the globals of its metadata for a file of the common shape (see
    the module text); None for any other file."""
    first = data.find(b"<trace")
    if first < 0:
        return None
    starts, quotes, controls = _scan(data)
    if np.diff(starts, prepend=0, append=len(data)).max() >= FIELD_BYTES:
        return None  # the guard names the element too long
    elements = len(starts)
    del starts
    header = bytes(data[:first])
    globals_ = _header_globals(header)
    if globals_ is None:
        return None
    expected = {
        b"<": elements - header.count(b"<"),
        CONTROLS: controls - int(np.count_nonzero(np.frombuffer(header, np.uint8) < 0x20)),
    }
    body = _Body.of(data, first, quotes[np.searchsorted(quotes, first) :], expected)
    if body is None:
        return None
    keys, names = body.codes(body.KEY)
    limits = names and _within_limits(
        {key.encode() for _, key, _, _ in globals_} | set(names),
        header.count(b"<event") + body.events,
        len(data),
    )
    columns = _columns(body, keys, names, globals_) if limits else None
    if columns is None:
        return None
    meta = {
        f"global_{scope}_attrs": [
            {"key": key, "value": {"type": META_TYPES[kind], "content": content}}
            for key_scope, key, kind, content in globals_
            if key_scope == scope
        ]
        for scope in ("trace", "event")
    }
    return pa.table(columns), meta


def _scan(data: bytes | bytearray) -> tuple[np.ndarray, np.ndarray, int]:
    """The places of every `<` and of every quote, and the number of control characters
    (line breaks and tabs included), found a chunk at a time: comparisons over the whole
    file at once make temporary arrays of its size, which cost more than the comparing."""
    octets = np.frombuffer(data, np.uint8)
    places = _offset_type(len(data))
    starts, quotes, controls = [np.empty(0, places)], [np.empty(0, places)], 0
    for start in range(0, len(octets), CHUNK):
        chunk = octets[start : start + CHUNK]
        starts.append(np.flatnonzero(chunk == LT).astype(places) + start)
        quotes.append(np.flatnonzero(chunk == QUOTE).astype(places) + start)
        controls += int(np.count_nonzero(chunk < 0x20))
    return np.concatenate(starts), np.concatenate(quotes), controls


def _offset_type(size: int) -> type[np.signedinteger]:
    """Places in a text of `size` bytes, as Arrow's offsets (32 bits below 2 GiB)."""
    return np.int64 if size >= 2**31 else np.int32


class _Body:
    """The traces and events, from the first `<trace` on, as Arrow texts cut at the
    quotes: the attribute `<int key="K" value="V"/>` is the texts `K`, `" value="` and `V`,
    and what lies between two attributes (the end of one, the tags of traces and events
    closed and opened, and the start of the next: `"/>...<int key="`) is a text of its
    own, a joint. A file has a few dozen distinct joints: each is read once, in Python,
    for the tags it holds, and then every attribute knows its type, whether it belongs to
    an event or a trace, and which. No byte is copied to cut the texts."""

    KEY, BETWEEN, VALUE = range(1, 4)
    """Places of an attribute's texts after the joint before it (texts 4i to 4i + 3)."""

    def __init__(self, segments: pa.Array, attributes: int):
        self.segments = segments
        self.count = attributes
        self.in_event = self.rows = self.types = self.trace_of_event = np.empty(0, np.int64)
        self.events = self.traces = 0
        self.entities = False

    @classmethod
    def of(
        cls, data: bytes | bytearray, first: int, quotes: np.ndarray, expected: dict[bytes, int]
    ) -> _Body | None:
        """The body from `first` on, cut at its `quotes`; None unless it is of the common
        shape and every `<` and control character in it (`expected`, by the bytes of
        their pattern) lies in a joint or between key and value: none in a key or value."""
        if not len(quotes) or len(quotes) % 4:
            return None
        bounds = np.empty(len(quotes) + 2, quotes.dtype)
        bounds[0], bounds[1:-1], bounds[-1] = first, quotes, len(data)
        bounds[1:-1:2] += 1  # a key or value starts after its opening quote
        segments = pa.Array.from_buffers(
            pa.large_binary() if quotes.dtype == np.int64 else pa.binary(),
            len(bounds) - 1,
            [None, pa.py_buffer(bounds), pa.py_buffer(data)],
        )
        body = cls(segments, len(quotes) // 4)
        body.entities = data.find(b"&", first) >= 0
        found = body._read_joints()
        if found is None:
            return None
        between, distinct = body.codes(body.BETWEEN)
        if not distinct:
            return None
        for text, count in zip(distinct, np.bincount(between).tolist(), strict=True):
            if not BETWEEN.fullmatch(text):
                return None
            found.append((text, count))
        return body if all(_counted(found, byte) == n for byte, n in expected.items()) else None

    def texts(self, place: int, attributes: np.ndarray) -> pa.Array:
        """The texts at `place` (KEY, BETWEEN or VALUE) of some attributes."""
        return self.segments.take(pa.array(attributes * 4 + place))

    def codes(self, place: int, begin: int = 0, end: int | None = None) -> tuple[np.ndarray, list]:
        """The texts at `place` of attributes `begin` to `end` as codes into the list of
        the distinct ones (empty when there are more than MAX_DISTINCT), encoded a slice
        at a time so that no copy of them all is made."""
        end = self.count if end is None else end
        codes = np.empty(max(end - begin, 0), np.int32)
        distinct: dict[bytes, int] = {}
        for start in range(begin, end, SLICE):
            stop = min(start + SLICE, end)
            positions = np.arange(start, stop, dtype=np.int64) * 4 + place
            encoded = pc.dictionary_encode(self.segments.take(pa.array(positions)))
            if len(distinct) + len(encoded.dictionary) > MAX_DISTINCT:
                return codes[:0], []
            local = [
                distinct.setdefault(text, len(distinct)) for text in encoded.dictionary.to_pylist()
            ]
            indices = encoded.indices.to_numpy(zero_copy_only=False)
            codes[start - begin : stop - begin] = np.array(local, np.int32)[indices]
        return codes, list(distinct)

    def _read_joints(self) -> list[tuple[bytes, int]] | None:
        """The distinct joints and how often each occurs, when every one holds only the
        tags of the common shape, each where the nesting allows it (else None); sets each
        attribute's type, scope and row."""
        inner, distinct = self.codes(0, 1)  # the joints before the second attribute on
        if self.count > 1 and not distinct:
            return None
        texts = [self.segments[0].as_py(), *distinct, self.segments[4 * self.count].as_py()]
        patterns = [JOINT_FIRST] + [JOINT_INNER] * (len(texts) - 2) + [JOINT_LAST]
        joints = [_Joint.read(text, pattern) for text, pattern in zip(texts, patterns, strict=True)]
        if None in joints:
            return None
        codes = np.empty(self.count + 1, np.int32)
        codes[0], codes[1:-1], codes[-1] = 0, inner + 1, len(joints) - 1
        if not self._follow(joints, codes):
            return None
        return list(zip(texts, np.bincount(codes, minlength=len(texts)).tolist(), strict=True))

    def _follow(self, joints: list[_Joint], codes: np.ndarray) -> bool:
        """Follow the nesting through the joints (codes: the joint before each attribute,
        and the last). Only joints with tags change the level; each must start where the
        one before it ended."""
        start, end, traces, events, kind = (
            np.array([getattr(joint, name) for joint in joints], np.int64)
            for name in ("start", "end", "traces", "events", "type")
        )
        tagged = np.flatnonzero((start >= 0)[codes])
        tagged_codes = codes[tagged]
        ends = end[tagged_codes]
        if (
            tagged[0] != 0
            or tagged[-1] != len(codes) - 1
            or np.any(start[tagged_codes[1:]] != ends[:-1])
            or ends[-1] != 0
            or np.any(ends[:-1] < 1)
        ):
            return False
        run = np.zeros(len(codes) - 1, np.int32)  # the tagged joint each attribute follows
        run[tagged[:-1]] = 1
        np.cumsum(run, out=run)
        run -= 1
        opened_traces = np.cumsum(traces[tagged_codes])
        opened_events = np.cumsum(events[tagged_codes])
        self.traces, self.events = int(opened_traces[-1]), int(opened_events[-1])
        self.in_event = ends[run] == 2
        self.rows = np.where(
            self.in_event,
            opened_events.astype(np.int32)[run],
            opened_traces.astype(np.int32)[run],
        )
        self.rows -= 1
        self.types = kind.astype(np.int8)[codes[:-1]]
        self.trace_of_event = _trace_of_event(joints, tagged_codes, opened_traces)
        return self.events > 0


def _trace_of_event(joints: list[_Joint], codes: np.ndarray, opened: np.ndarray) -> np.ndarray:
    """The trace of each event, from the joints with tags (`codes`) in order and the
    traces opened up to each."""
    counts = np.array([joint.events for joint in joints], np.int64)[codes]
    joint_of_event = np.repeat(np.arange(len(codes)), counts)
    within = np.arange(len(joint_of_event)) - np.repeat(np.cumsum(counts) - counts, counts)
    sizes = [len(joint.event_traces) for joint in joints]
    first = np.cumsum(sizes) - sizes
    in_joint = np.concatenate([joint.event_traces for joint in joints] + [np.empty(0, np.int64)])
    before = opened - np.array([joint.traces for joint in joints], np.int64)[codes]
    return before[joint_of_event] + in_joint[first[codes[joint_of_event]] + within] - 1


def _counted(texts: list[tuple[bytes, int]], pattern: bytes) -> int:
    """How often `pattern` occurs in texts that occur so many times each."""
    return sum(len(re.findall(pattern, text)) * count for text, count in texts)


class _Joint:
    """What one joint (see _Body) holds: the level of nesting it must start at and ends
    at (-1 for a joint without tags: it keeps the level), the traces and events it opens
    (for each event, the traces opened in the joint before it) and the type of the
    attribute it starts (-1 for the last joint)."""

    def __init__(self, tags: list[tuple[bytes, bytes]], kind: int):
        self.start = self.end = -1
        self.traces = self.events = 0
        self.type = kind
        event_traces = []
        steps = {
            (b"", b"trace"): (0, 1),
            (b"", b"event"): (1, 2),
            (b"/", b"event"): (2, 1),
            (b"/", b"trace"): (1, 0),
        }
        for tag in tags:
            before, after = steps[tag]
            if self.start < 0:
                self.start = self.end = before
            if self.end != before:
                self.valid = False
                return
            self.end = after
            self.traces += tag == (b"", b"trace")
            if tag == (b"", b"event"):
                self.events += 1
                event_traces.append(self.traces)
        self.event_traces = np.array(event_traces, np.int64)
        self.valid = True

    @classmethod
    def read(cls, text: bytes, pattern: re.Pattern) -> _Joint | None:
        found = pattern.fullmatch(text)
        if found is None:
            return None
        kind = TYPES.index(found[2].decode()) if pattern.groups > 1 else -1
        joint = cls(TAG.findall(found[1]), kind)
        return joint if joint.valid else None


def _header_globals(header: bytes) -> list[Global] | None:
    """The globals in the header (all before the first trace), a key declared twice (as
    exports do) listed twice, as rustxes lists it; None when the header is not well-formed
    XML with `<log>` as its root and left open, declares an encoding other than UTF-8 or a
    DOCTYPE, holds a processing instruction, a CDATA section, a list or container value
    (the guard limits their nesting), an event or trace, or a global other than simple
    attributes."""
    declared = DECLARED_ENCODING.match(header)
    if declared and declared[1].lower() not in (b"utf-8", b"utf8"):
        return None
    plain = COMMENT.sub(b" ", header) if b"<!--" in header else header
    if not ROOT.match(plain) or any(
        plain.find(marker, 1) >= 0
        for marker in (b"<!", b"<?", b"<list", b"<container", b"<trace", b"<event")
    ):
        return None
    try:
        expat.ParserCreate().Parse(header + b"</log>", True)
    except (expat.ExpatError, LookupError):
        return None
    found: list[Global] = []
    for section in HEADER_GLOBAL.finditer(plain):
        scope = SCOPE.fullmatch(section[1])
        attributes = list(GLOBAL_ATTRIBUTE.finditer(section[2]))
        if scope is None or sum(len(a[0]) for a in attributes) != len(section[2].rstrip()):
            return None
        for attribute in attributes:
            key = _key_name(attribute[2])
            default = _default(attribute[1].decode(), attribute[3])
            if key is None or default is None:
                return None
            found.append((scope[1].decode(), key, *default))
    return found


def _default(kind: str, raw: bytes) -> tuple[str, object] | None:
    """A global's type and default as rustxes' metadata gives them; None for a value of
    uncertain reading (a date without an offset: rustxes' reading depends on the zone)."""
    try:
        value = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if kind == "string":
        if re.search(CONTROL, value) or re.search(r"&(?!(amp|lt|gt|quot|apos);)", value):
            return None
        for entity, character in ENTITIES:
            value = value.replace(entity, character)
        return kind, value
    pattern = PATTERNS[kind] if kind != "date" else f"^{DATE}{OFFSET}$"
    if not re.fullmatch(pattern.strip("^$"), value):
        return None
    if kind == "date":
        return kind, value
    return kind, {"int": int, "float": float, "boolean": lambda text: text == "true"}[kind](value)


def _within_limits(keys: set[bytes], events: int, size: int) -> bool:
    """Whether the table is well inside the guard's limits on columns and values, counted
    as the guard counts them (every `<event`, and every key of a global or attribute)."""
    return 2 * len(keys) <= MAX_COLUMNS and 2 * events * len(keys) <= max(CELLS_FLOOR, size)


def _columns(
    body: _Body, keys: np.ndarray, raw_names: list[bytes], globals_: list[Global]
) -> dict[str, pa.Array] | None:
    """A column per key and scope: the values converted, placed at their rows, trace
    values repeated on the trace's events."""
    names = [_key_name(raw) for raw in raw_names]
    if None in names:
        return None
    groups = keys * 2 + body.in_event
    kinds_per_group = np.bincount(groups * 8 + body.types, minlength=len(names) * 16)
    if np.any(np.count_nonzero(kinds_per_group.reshape(-1, 8), axis=1) > 1):
        return None  # a key of several types: rustxes reads it as text, with a warning
    columns: dict[str, pa.Array] = {}
    for group in np.flatnonzero(np.bincount(groups, minlength=len(names) * 2)):
        members = np.flatnonzero(groups == group)
        key, in_event = names[group // 2], bool(group % 2)
        kind = TYPES[body.types[members[0]]]
        rows = body.rows[members]
        scope = "event" if in_event else "trace"
        declared = {type_ for s, k, type_, _ in globals_ if (s, k) == (scope, key)}
        if np.any(np.diff(rows) <= 0) or declared - {kind}:
            return None  # a key twice in one event or trace; a global of another type
        values = _converted(body.texts(body.VALUE, members), kind, body.entities)
        name = key if in_event else "case:" + key
        if values is None or name in columns:
            return None
        places = np.full(body.events if in_event else body.traces, -1, np.int64)
        places[rows] = np.arange(len(rows))
        column = values.take(pa.array(places, mask=places < 0))
        if not in_event:
            column = column.take(pa.array(body.trace_of_event))
        if column.null_count == len(column) and not declared:
            column = pa.nulls(len(column))  # a key of empty traces: rustxes saw no type
        columns[name] = column
    return columns


def _key_name(raw: bytes) -> str | None:
    """A key as text; None for one with an entity, a control character or bad UTF-8."""
    try:
        key = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if "&" in key or re.search(CONTROL, key) else key


def _converted(values: pa.Array, kind: str, entities: bool) -> pa.Array | None:
    """Values of one type as rustxes reads them; None when one is of uncertain reading."""
    try:
        text = values.cast(pa.string())  # checks the UTF-8
        if kind == "string":
            return _unescaped(text) if entities else text
        if kind == "date":  # all with an offset, or all without: each a single pass
            if _all_match(text, f"^{DATE}{OFFSET}$"):
                return text.cast(pa.timestamp("ns", tz="UTC")).cast(pa.timestamp("ns"))
            return text.cast(pa.timestamp("ns")) if _all_match(text, f"^{DATE}$") else None
        if not _all_match(text, PATTERNS[kind]):
            return None
        if kind == "boolean":
            return pc.equal(text, "true")
        return text.cast(pa.int64() if kind == "int" else pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None  # bad UTF-8, a date that is none (February 30) or out of range


def _all_match(text: pa.Array, pattern: str) -> bool:
    return bool(pc.all(pc.match_substring_regex(text, pattern)).as_py())


def _unescaped(text: pa.Array) -> pa.Array | None:
    """Text values with the predefined entities read; None for any other reference."""
    ampersands = pc.sum(pc.count_substring(text, "&")).as_py()
    if not ampersands:
        return text
    known = sum(pc.sum(pc.count_substring(text, entity)).as_py() or 0 for entity, _ in ENTITIES)
    if known != ampersands:
        return None
    for entity, character in ENTITIES:
        text = pc.replace_substring(text, entity, character)
    return text
