"""Turn pydantic's validation errors on a journey map into one message a person can act on.

Each problem is told as: the line, the place (keys and list items, with the stage name),
what is wrong, and what to do. Pydantic's own wording is replaced for the error types a
hand-written YAML file produces.
"""

from __future__ import annotations

import difflib
import typing

from pydantic import BaseModel, ValidationError

from audit.errors import AuditInputError
from audit.journey.yaml_lines import LinedYaml, Place

FORMAT_HINT = "see docs/journey-format.md for the format"
_QUOTE_HINT = (
    "put it in quotes: YAML reads yes/no/on/off as true/false and plain numbers as numbers"
)


def _model_at(root: type[BaseModel], place: Place) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``place`` (None when not a model)."""
    model: type[BaseModel] | None = root
    for part in place:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        model = _first_model(field.annotation) if field else None
    return model


def _first_model(annotation: object) -> type[BaseModel] | None:
    """The first BaseModel class inside a type annotation such as list[Stage] or X | None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _first_model(argument)
        if found is not None:
            return found
    return None


def _unknown_key(root: type[BaseModel], place: Place) -> tuple[str, str]:
    key = str(place[-1])
    model = _model_at(root, place[:-1])
    allowed = list(model.model_fields) if model else []
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown key {key!r}", f"{hint}Keys allowed here: {', '.join(allowed)}"


def _reason_and_hint(root: type[BaseModel], error: dict) -> tuple[str, str]:
    """What is wrong and what to do, for one pydantic error."""
    kind, place, value = error["type"], error["loc"], error.get("input")
    context = error.get("ctx") or {}
    if kind == "journey_map":
        return context["reason"], context["hint"]
    if kind == "extra_forbidden":
        return _unknown_key(root, place)
    if kind == "missing":
        return f"the key {place[-1]!r} is missing", f"add '{place[-1]}:' here; {FORMAT_HINT}"
    if kind == "string_type":
        return f"{value!r} is not text", _QUOTE_HINT
    if kind == "list_type":
        return "this must be a list", "write one item per line, each starting with '- '"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        model = _model_at(root, place)
        keys = f" with the keys {', '.join(model.model_fields)}" if model else ""
        return "this must be a group of 'key: value' lines", f"write it as lines{keys}"
    if kind == "literal_error":
        return f"{value!r} is not allowed here", f"use one of {context.get('expected')}"
    if kind == "bool_type":
        return f"{value!r} is not true or false", "write true or false"
    if kind.startswith(("float", "greater_than", "finite")):
        return f"{value!r} is not a usable weight", "write a number of 0 or more, such as 1 or 2.5"
    return error["msg"], FORMAT_HINT


def _describe_place(place: Place, data: object) -> str:
    """The place as a person reads it: keys joined by '>', list items as #n (1-based),
    with the stage's name where there is one."""
    words: list[str] = []
    node = data
    for part in place:
        if isinstance(part, int):
            word = f"#{part + 1}"
            item = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                word += f" {item['name']!r}"
            words.append(word)
            node = item
        else:
            words.append(str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return " > ".join(words) if words else "top level"


def journey_input_error(
    error: ValidationError, root: type[BaseModel], lined: LinedYaml, source: str
) -> AuditInputError:
    """One AuditInputError that tells every problem pydantic found, each with its line."""
    problems = []
    for item in error.errors():
        place = (*item["loc"], *((item.get("ctx") or {}).get("at") or ()))
        item = {**item, "loc": place}
        reason, hint = _reason_and_hint(root, item)
        known = place[:-1] if item["type"] == "missing" else place
        line = lined.line_of(known)
        where = _describe_place(known, lined.data)
        prefix = f"line {line}, {where}" if line else where
        problems.append((f"{prefix}: {reason}", hint))
    if len(problems) == 1:
        return AuditInputError(problems[0][0], source=source, hint=problems[0][1])
    told = "\n".join(f"  - {what}. What to do: {hint}" for what, hint in problems)
    return AuditInputError(
        f"{len(problems)} problems in the journey map:\n{told}",
        source=source,
        hint="fix each problem above and load the map again",
    )
