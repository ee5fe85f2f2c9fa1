"""A column mapping saved as a small YAML file, to reuse it on the next export of the same
system: the app's import wizard downloads and uploads it, and every command of the
command line takes it with `--mapping FILE`.

    # Column mapping for Journey Audit: which column of the log fills each role.
    case: ComplaintID
    activity:
      - ComplaintTheme_EN
    timestamp: ContactDate
    customer: CustomerID
    timezone: Europe/Helsinki
    dayfirst: true

Keys are the roles (case, activity, timestamp, start, resource, org_unit, channel,
lifecycle, customer), `separator` (joins several activity columns), `timezone` (the IANA
zone of times without an offset) and `dayfirst` (true for 03/04 = 3 April, false for
March 4). Every key is optional; a role left out is recognised from the column names.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from audit.errors import AuditInputError
from audit.io.mapping import DEFAULT_SEPARATOR, ROLE_FLAGS, ColumnMapping
from audit.journey.yaml_lines import LinedYaml, load_lined_yaml

HEADER = "# Column mapping for Journey Audit: which column of the log fills each role.\n"
SETTINGS = ("separator", "timezone", "dayfirst")
KEYS = (*ROLE_FLAGS, *SETTINGS)
EXAMPLE_HINT = "write one 'role: column' line per role, e.g. 'case: CaseID'"


@dataclass(frozen=True)
class SavedMapping:
    """What a mapping file says: the roles, and the time zone and day/month order when it
    says them (None: not said, so the reader's default or the command's flag applies)."""

    mapping: ColumnMapping
    timezone: str | None = None
    dayfirst: bool | None = None


def dump_mapping(saved: SavedMapping) -> str:
    """The mapping as YAML text that `parse_mapping` reads back; roles without a column,
    the default separator and settings not said are left out."""
    data: dict[str, object] = {}
    for role, names in saved.mapping.columns().items():
        data[role] = names if role == "activity" else names[0]
    if saved.mapping.separator != DEFAULT_SEPARATOR:
        data["separator"] = saved.mapping.separator
    if saved.timezone is not None:
        data["timezone"] = saved.timezone
    if saved.dayfirst is not None:
        data["dayfirst"] = saved.dayfirst
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return HEADER + body


def parse_mapping(text: str, source: str = "mapping file") -> SavedMapping:
    """The mapping written in `text`; `source` names it in error messages, which also name
    the line and the key."""
    lined = load_lined_yaml(text, source)
    if lined.data is None:
        raise AuditInputError("the mapping file is empty", source=source, hint=EXAMPLE_HINT)
    if not isinstance(lined.data, dict):
        raise AuditInputError(
            f"the mapping file must be 'role: column' lines (found {type(lined.data).__name__})",
            source=source,
            hint=EXAMPLE_HINT,
        )
    data: dict = lined.data
    for key in data:
        if key not in KEYS:
            raise _bad(
                lined, key, source, "is not a key of a mapping file", f"use {', '.join(KEYS)}"
            )
    roles = {role: _columns(lined, role, source) for role in ROLE_FLAGS if role in data}
    separator = data.get("separator", DEFAULT_SEPARATOR)
    if not isinstance(separator, str) or not separator:
        raise _bad(lined, "separator", source, "must be text", "write e.g. separator: ' / '")
    timezone = data.get("timezone")
    if timezone is not None and (
        not isinstance(timezone, str) or timezone not in zoneinfo.available_timezones()
    ):
        raise _bad(
            lined,
            "timezone",
            source,
            f"{timezone!r} is not a time zone",
            "give an IANA zone name such as UTC or Europe/Helsinki",
        )
    dayfirst = data.get("dayfirst")
    if dayfirst is not None and not isinstance(dayfirst, bool):
        raise _bad(
            lined,
            "dayfirst",
            source,
            f"must be true or false, not {dayfirst!r}",
            "write dayfirst: true for 03/04 = 3 April, false for March 4",
        )
    mapping = replace(ColumnMapping(separator=separator), **roles)
    return SavedMapping(mapping, timezone, dayfirst)


def load_mapping(path: str | Path) -> SavedMapping:
    """The mapping in the YAML file at `path`."""
    source = Path(path).name
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        raise AuditInputError(
            f"cannot read the mapping file ({reason})",
            source=str(path),
            hint="check the path, and save the file as UTF-8 text",
        ) from None
    return parse_mapping(text, source)


def _columns(lined: LinedYaml, role: str, source: str) -> object:
    """The column (or, for activity, the tuple of columns) a role names."""
    value = lined.data[role]
    if role == "activity":
        names = [value] if isinstance(value, str) else value
        if isinstance(names, list) and names and all(_is_name(name) for name in names):
            return tuple(names)
        raise _bad(lined, role, source, "must name a column or a list of columns", EXAMPLE_HINT)
    if value is None or _is_name(value):
        return value
    raise _bad(lined, role, source, f"must name one column, not {value!r}", EXAMPLE_HINT)


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _bad(lined: LinedYaml, key: str, source: str, problem: str, hint: str) -> AuditInputError:
    """An error that names the line and the key."""
    line = lined.line_of((key,))
    where = f"line {line}: " if line else ""
    return AuditInputError(f"{where}{key!r} {problem}", source=source, hint=hint)
