"""Read a journey map from YAML (safely, with line numbers in every error) and write it back.

Writing produces the same human-friendly layout a person would write: keys in the
documented order, stages in journey order, lists indented under their keys, a blank line
between sections, and only the optional keys that are set. Reading what was written gives
the same map back.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from audit.errors import AuditInputError
from audit.journey.messages import journey_input_error
from audit.journey.model import JourneyMap
from audit.journey.yaml_lines import load_lined_yaml

HEADER = "# Journey map for Journey Audit; the format is described in docs/journey-format.md\n"


def parse_journey(text: str, source: str = "journey map") -> JourneyMap:
    """The journey map written in ``text``; ``source`` names it in error messages."""
    lined = load_lined_yaml(text, source)
    if lined.data is None:
        raise AuditInputError(
            "the journey map is empty",
            source=source,
            hint="write at least 'journey:' and 'stages:'",
        )
    if not isinstance(lined.data, dict):
        raise AuditInputError(
            "the journey map must be a group of 'key: value' lines "
            f"(found {type(lined.data).__name__})",
            source=source,
            hint="start with 'journey: <name>' and 'stages:'; see docs/journey-format.md",
        )
    try:
        journey = JourneyMap.model_validate(lined.data)
    except ValidationError as error:
        raise journey_input_error(error, JourneyMap, lined, source) from None
    return journey.with_source(source)


def load_journey(path: str | Path) -> JourneyMap:
    """The journey map in the YAML file at ``path``."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AuditInputError(
            "file not found", source=source, hint="check the path of the journey map"
        ) from None
    except UnicodeDecodeError as error:
        raise AuditInputError(
            f"the file is not UTF-8 text (byte {error.start})",
            source=source,
            hint="save the journey map as UTF-8 text",
        ) from None
    except OSError as error:
        raise AuditInputError(
            f"cannot read the file ({error.strerror})", source=source, hint="check the path"
        ) from None
    return parse_journey(text, source)


class _IndentedDumper(yaml.SafeDumper):
    """A safe dumper that indents list items under their key, as people write YAML."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Text with line breaks or control characters in double quotes, where YAML escapes
    them; plain YAML would turn some of them (such as U+0085) into spaces."""
    style = None if text.isprintable() else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_IndentedDumper.add_representer(str, _represent_text)


def _with_blank_lines(text: str) -> str:
    """A blank line before and after every top-level section (a key with lines under it),
    so sections stand apart while one-line settings stay together."""
    lines = text.splitlines()
    spaced = []
    for index, line in enumerate(lines):
        top_level = line[:1] not in ("", " ", "-", "#")
        after_section = index > 0 and lines[index - 1][:1] in (" ", "-")
        if index and top_level and (line.endswith(":") or after_section):
            spaced.append("")
        spaced.append(line)
    return "\n".join(spaced) + "\n"


def dump_journey(journey: JourneyMap) -> str:
    """The journey map as human-friendly YAML text that `parse_journey` reads back."""
    data = journey.model_dump(exclude_defaults=True)
    data = {"journey": data.pop("journey"), "language": journey.language, **data}
    text = yaml.dump(
        data,
        Dumper=_IndentedDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return HEADER + _with_blank_lines(text)
