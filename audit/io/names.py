"""Column names as real exports have them, made safe to use as names of their own.

Exports carry blank headers, repeated headers and names that differ only in case
(`variant`, `Variant`). DuckDB compares identifiers without case, even quoted ones, so two
such columns would silently merge or be renamed behind the user's back. Every table is
therefore given names that are unique regardless of case before any SQL sees it; the
first spelling keeps its name and the later ones are numbered, which the user can see.
"""

from __future__ import annotations

from collections.abc import Iterable


def unique_names(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Header names made usable: surrounding spaces trimmed, blanks named by position
    ("column 7"), and repeats (ignoring case) numbered ("dup (2)", "Variant (2)").

    taken: names already in use (e.g. the canonical columns), which no result may equal
    regardless of case.
    """
    used = {name.casefold() for name in taken}
    result = []
    for number, raw in enumerate(names, start=1):
        base = raw.strip() or f"column {number}"
        name, copy = base, 1
        while name.casefold() in used:
            copy += 1
            name = f"{base} ({copy})"
        used.add(name.casefold())
        result.append(name)
    return result


def attribute_names(names: Iterable[str], canonical: Iterable[str]) -> dict[str, str]:
    """Output name -> input name for the attribute columns of an event table: a name that
    equals a canonical column regardless of case gets " (input)" appended (an input column
    called `Activity` beside the canonical `activity`), numbered if even that is taken."""
    canonical = [name.casefold() for name in canonical]
    names = list(names)
    wanted = [f"{name} (input)" if name.casefold() in canonical else name for name in names]
    return dict(zip(unique_names(wanted, taken=canonical), names, strict=True))
