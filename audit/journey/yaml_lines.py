"""Read YAML safely and remember the line of every key and list item, for error messages.

PyYAML's safe loader builds plain Python data; composing the node tree first gives the
line of each place, so that a message can say "line 12" instead of only "stages > #3".
Duplicate keys, which plain YAML loading silently collapses, are reported here.

Before anything is composed, the stream of parser events (which PyYAML produces without
recursion) is checked for two shapes no journey map has: nesting deeper than MAX_DEPTH
(PyYAML's composer recurses, and Python stops it with a RecursionError), and aliases that
repeat anchored values into more than MAX_VALUES values (a "billion laughs": a few lines
that expand without end, and every later step walks the expansion).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from audit.errors import AuditInputError

Place = tuple[str | int, ...]
"""A place in the data: mapping keys (as written) and list indexes (0-based)."""

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings; a journey map nests four deep."""
MAX_VALUES = 100_000
"""Most values (scalars, lists, mappings) once aliases are expanded; a journey map of a log
with a thousand activities holds a few thousand."""
YAML_HINT = (
    "check the indentation, and put text in quotes when it starts with * & ! [ { or % "
    "or contains ': ' or ' #'"
)


@dataclass
class LinedYaml:
    """YAML data with the line (1-based) of each place in it."""

    data: object
    lines: dict[Place, int]

    def line_of(self, place: Place) -> int | None:
        """The line of ``place``, or of the nearest enclosing place that has one."""
        for end in range(len(place), 0, -1):
            key = tuple(p if isinstance(p, int) else str(p) for p in place[:end])
            if key in self.lines:
                return self.lines[key]
        return None


def _record_lines(node: yaml.Node, place: Place, lines: dict[Place, int], source: str) -> None:
    """Record the line of every key and item under ``node``; reject duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*place, str(key_node.value))
            if child in lines:
                raise AuditInputError(
                    f"line {key_node.start_mark.line + 1}: the key {key_node.value!r} appears "
                    f"twice (first on line {lines[child]})",
                    source=source,
                    hint="keep one of them; YAML would silently drop the first",
                )
            lines[child] = key_node.start_mark.line + 1
            _record_lines(value_node, child, lines, source)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*place, index)] = item.start_mark.line + 1
            _record_lines(item, (*place, index), lines, source)


def _check_shape(text: str, source: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH and more than MAX_VALUES values once aliases
    are expanded, from the parser's events (an alias counts as the values of its anchor)."""
    anchored: dict[str, int] = {}
    open_values: list[list] = [[None, 0]]  # per open list or mapping: its anchor, its values
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            open_values.append([event.anchor, 1])
            if len(open_values) > MAX_DEPTH + 1:
                line = event.start_mark.line + 1
                raise AuditInputError(
                    f"line {line}: lists and mappings nested more than {MAX_DEPTH} deep",
                    source=source,
                    hint="a journey map nests a few levels deep; check the brackets",
                )
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, count = open_values.pop()
        elif isinstance(event, yaml.ScalarEvent):
            anchor, count = event.anchor, 1
        elif isinstance(event, yaml.AliasEvent):
            anchor, count = None, anchored.get(event.anchor, 1)
        else:
            continue
        if anchor is not None:
            anchored[anchor] = count
        open_values[-1][1] += count
        if open_values[-1][1] > MAX_VALUES:
            raise AuditInputError(
                f"line {event.start_mark.line + 1}: more than {MAX_VALUES:,} values once the "
                "aliases (*name) are expanded",
                source=source,
                hint="write the lists out, or repeat fewer anchored (&name) values",
            )


def load_lined_yaml(text: str, source: str) -> LinedYaml:
    """Parse ``text`` with PyYAML's safe loader; AuditInputError when it is not valid YAML."""
    try:
        _check_shape(text, source)
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, e.g. NUL
        line = text.count("\n", 0, error.position) + 1
        raise AuditInputError(
            f"line {line}: this is not valid YAML (the character #x{error.character:04x} "
            "is not allowed)",
            source=source,
            hint="remove the control character; save the journey map as plain UTF-8 text",
        ) from None
    except yaml.YAMLError as error:
        raise _invalid(error, source) from None
    try:
        node = loader.get_single_node()
        lines: dict[Place, int] = {}
        if node is not None:
            _record_lines(node, (), lines, source)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        raise _invalid(error, source) from None
    finally:
        loader.dispose()
    return LinedYaml(data, lines)


def _invalid(error: yaml.YAMLError, source: str) -> AuditInputError:
    """The message for text that is not valid YAML, with the line where PyYAML knows it."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = error.problem or error.context or "unreadable YAML"
        return AuditInputError(
            f"{where}this is not valid YAML ({problem})", source=source, hint=YAML_HINT
        )
    return AuditInputError(f"this is not valid YAML ({error})", source=source, hint=YAML_HINT)
