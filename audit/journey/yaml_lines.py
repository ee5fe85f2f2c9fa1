"""Read YAML safely and remember the line of every key and list item, for error messages.

PyYAML's safe loader builds plain Python data; composing the node tree first gives the
line of each place, so that a message can say "line 12" instead of only "stages > #3".
Duplicate keys, which plain YAML loading silently collapses, are reported here.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from audit.errors import AuditInputError

Place = tuple[str | int, ...]
"""A place in the data: mapping keys (as written) and list indexes (0-based)."""

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


def load_lined_yaml(text: str, source: str) -> LinedYaml:
    """Parse ``text`` with PyYAML's safe loader; AuditInputError when it is not valid YAML."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Place, int] = {}
        if node is not None:
            _record_lines(node, (), lines, source)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = error.problem or error.context or "unreadable YAML"
        raise AuditInputError(
            f"{where}this is not valid YAML ({problem})", source=source, hint=YAML_HINT
        ) from None
    except yaml.YAMLError as error:
        raise AuditInputError(
            f"this is not valid YAML ({error})", source=source, hint=YAML_HINT
        ) from None
    finally:
        loader.dispose()
    return LinedYaml(data, lines)
