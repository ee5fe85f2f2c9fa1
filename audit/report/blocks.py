"""The building blocks of a report section (paragraph, heading, list, figure, table, journey
strip) as plain dicts that the template renders, and the friction colour scale."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

Block = dict[str, object]


@dataclass(frozen=True)
class Column:
    """A table column: its heading, whether it holds numbers (right-aligned), short words
    that must not wrap, or badges ({"text", "css"})."""

    label: str
    num: bool = False
    short: bool = False
    badge: bool = False


def paragraph(text: str, css: str = "") -> Block:
    return {"kind": "p", "text": text, "css": css}


def heading(text: str) -> Block:
    return {"kind": "h3", "text": text}


def bullet_list(items: list[str]) -> Block:
    return {"kind": "list", "entries": items}


def figure(name: str, svg: str, caption: str = "") -> Block:
    """A chart; ``svg`` must come from a renderer that escapes its text (it is not escaped
    again), ``name`` identifies the chart for tests and links."""
    return {"kind": "figure", "name": name, "svg": svg, "caption": caption}


def table(columns: list[Column], rows: list[list[object]]) -> Block:
    return {"kind": "table", "columns": columns, "rows": rows}


def badge(text: str, css: str) -> dict[str, str]:
    """A coloured label in a table cell (improved, worsened, appeared...)."""
    return {"text": text, "css": css.replace(" ", "-")}


_FRICTION_STOPS: tuple[tuple[float, tuple[int, int, int]], ...] = (
    (0.0, (223, 240, 216)),
    (20.0, (255, 236, 153)),
    (40.0, (247, 160, 84)),
    (60.0, (214, 69, 65)),
    (100.0, (140, 20, 30)),
)
"""Friction score -> colour, pale green through yellow and orange to deep red."""


def friction_colour(score: float) -> tuple[str, str]:
    """Background colour for a friction score 0-100 and the ink that reads on it."""
    score = min(max(score, 0.0), 100.0)
    for (low, low_rgb), (high, high_rgb) in pairwise(_FRICTION_STOPS):
        if score <= high:
            t = (score - low) / (high - low)
            rgb = [round(a + (b - a) * t) for a, b in zip(low_rgb, high_rgb, strict=True)]
            break
    ink = "#ffffff" if score >= 55 else "#1d2327"
    return "#{:02x}{:02x}{:02x}".format(*rgb), ink
