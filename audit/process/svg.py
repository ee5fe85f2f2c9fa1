"""Small building blocks for the self-contained SVG pictures of the process layer.

Every picture is one `<svg>` element with no external resource (no fonts, images, scripts
or style sheets from elsewhere), generic font families, and every name from the log passed
through `esc`, because activity and unit names may be hostile (`<script>…`) or carry
control characters that XML does not allow at all.
"""

from __future__ import annotations

import html
import math
import re

FONT = "Helvetica, Arial, sans-serif"
"""Generic font families only, so the picture looks alike everywhere and loads nothing."""
DISPLAY_WIDTH = 1400
"""The widest a picture is drawn by default (a projector or a report page)."""
CHAR_WIDTH = 0.56
"""Average width of a character in ems, for wrapping names without measuring fonts."""

Point = tuple[float, float]

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def esc(value: object) -> str:
    """Text safe inside an XML element or attribute: markup escaped, forbidden characters
    (control characters, lone surrogates) shown as the replacement character."""
    return html.escape(_XML_FORBIDDEN.sub("\ufffd", str(value)), quote=True)


def document(width: float, height: float, body: list[str], title: str) -> str:
    """The complete `<svg>`: drawn at most DISPLAY_WIDTH pixels wide, scaled from its
    natural size (`width` × `height`) so the fonts keep their proportions."""
    shown = min(width, DISPLAY_WIDTH)
    scale = shown / width
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{shown:.0f}" height="{height * scale:.0f}" role="img" '
            f'font-family="{FONT}">',
            f"<title>{esc(title)}</title>",
            f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
            *body,
            "</svg>",
        ]
    )


def text(
    x: float,
    y: float,
    content: object,
    size: float = 14,
    anchor: str = "middle",
    fill: str = "#1a202c",
    weight: str = "normal",
    halo: bool = False,
    italic: bool = False,
) -> str:
    """One line of escaped text; `halo` draws a white outline so it reads over lines."""
    extra = ' stroke="#ffffff" stroke-width="4" paint-order="stroke"' if halo else ""
    if italic:
        extra += ' font-style="italic"'
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}" font-weight="{weight}" dominant-baseline="middle"{extra}>'
        f"{esc(content)}</text>"
    )


def wrap(name: str, width_px: float, size: float, max_lines: int = 2) -> list[str]:
    """A name broken into at most `max_lines` lines that fit `width_px` at font `size`;
    an overlong name ends in "…"."""
    per_line = max(4, int(width_px / (size * CHAR_WIDTH)))
    lines: list[str] = []
    current = ""
    for word in str(name).split():
        while len(word) > per_line:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: per_line - 1].rstrip() + "…"
    return lines or [""]


def arrow_markers(colours: dict[str, str]) -> str:
    """`<defs>` with one arrowhead marker per named colour (id `arrow-NAME`), sized in
    pixels so that wide paths do not get huge heads."""
    markers = [
        f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" '
        f'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        for name, colour in colours.items()
    ]
    return "<defs>" + "".join(markers) + "</defs>"


def stroke_width(count: float, max_count: float, thinnest: float = 1.2, widest: float = 9.0):
    """Line width for a path: grows with the square root of its frequency."""
    if max_count <= 0:
        return thinnest
    return thinnest + (widest - thinnest) * math.sqrt(max(count, 0) / max_count)


def control_point(p0: Point, p1: Point, bend: float, least: float = 36.0) -> Point:
    """Control point of a quadratic curve from p0 to p1, pushed sideways by `bend` times
    the distance but at least `least` pixels (to the left of the direction of travel, so
    A→B and B→A, and their labels, do not overlap)."""
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = math.hypot(dx, dy) or 1.0
    push = max(bend * length, least) / length
    return ((p0[0] + p1[0]) / 2 + dy * push, (p0[1] + p1[1]) / 2 - dx * push)


def quad_point(p0: Point, control: Point, p1: Point, t: float) -> Point:
    """The point at parameter t (0 at p0, 1 at p1) of a quadratic curve."""
    a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
    return (
        a * p0[0] + b * control[0] + c * p1[0],
        a * p0[1] + b * control[1] + c * p1[1],
    )


def clip_box(centre: Point, half_w: float, half_h: float, toward: Point) -> Point:
    """Where the line from the centre of a box toward a point leaves the box."""
    dx, dy = toward[0] - centre[0], toward[1] - centre[1]
    if dx == 0 and dy == 0:
        return centre
    t = min(
        half_w / abs(dx) if dx else math.inf,
        half_h / abs(dy) if dy else math.inf,
    )
    t = min(t, 1.0)
    return (centre[0] + dx * t, centre[1] + dy * t)


def clip_circle(centre: Point, radius: float, toward: Point) -> Point:
    """Where the line from the centre of a circle toward a point leaves the circle."""
    dx, dy = toward[0] - centre[0], toward[1] - centre[1]
    length = math.hypot(dx, dy)
    if length <= radius:
        return centre
    return (centre[0] + dx * radius / length, centre[1] + dy * radius / length)


def quad_path(p0: Point, control: Point, p1: Point) -> str:
    """SVG path data of a quadratic curve."""
    return f"M{p0[0]:.1f},{p0[1]:.1f} Q{control[0]:.1f},{control[1]:.1f} {p1[0]:.1f},{p1[1]:.1f}"


def self_loop_path(right: float, top: float) -> tuple[str, Point]:
    """A small loop over the top-right corner of a box, and where its label goes."""
    d = (
        f"M{right - 16:.1f},{top:.1f} C{right - 4:.1f},{top - 46:.1f} "
        f"{right + 46:.1f},{top - 4:.1f} {right:.1f},{top + 16:.1f}"
    )
    return d, (right + 16, top - 24)


def legend(items: list[tuple[str, dict, str]], x: float, y: float, max_width: float):
    """A one- or multi-row legend starting at (x, y); returns its elements and height.

    Each item is (kind, style, label): kind "box" (style: fill, stroke, dash), "line"
    (style: colour, width, dash), "circle" (style: fill, stroke) or "note" (text only).
    """
    size = 14
    elements: list[str] = []
    cursor_x, cursor_y = x, y + 14
    for kind, style, label in items:
        item_width = 44 + len(label) * size * CHAR_WIDTH + 28
        if cursor_x + item_width > x + max_width and cursor_x > x:
            cursor_x, cursor_y = x, cursor_y + 28
        dash = f' stroke-dasharray="{style["dash"]}"' if style.get("dash") else ""
        if kind == "box":
            elements.append(
                f'<rect x="{cursor_x:.1f}" y="{cursor_y - 10:.1f}" width="34" height="20" '
                f'rx="5" fill="{style["fill"]}" stroke="{style["stroke"]}" '
                f'stroke-width="2"{dash}/>'
            )
        elif kind == "note":
            elements.append(text(cursor_x, cursor_y, label, size=size, anchor="start"))
            cursor_x += len(label) * size * CHAR_WIDTH + 28
            continue
        elif kind == "circle":
            elements.append(
                f'<circle cx="{cursor_x + 17:.1f}" cy="{cursor_y:.1f}" r="9" '
                f'fill="{style["fill"]}" stroke="{style["stroke"]}" stroke-width="2"/>'
            )
        else:
            elements.append(
                f'<line x1="{cursor_x:.1f}" y1="{cursor_y:.1f}" x2="{cursor_x + 34:.1f}" '
                f'y2="{cursor_y:.1f}" stroke="{style["colour"]}" '
                f'stroke-width="{style.get("width", 3)}"{dash}/>'
            )
        elements.append(text(cursor_x + 42, cursor_y, label, size=size, anchor="start"))
        cursor_x += item_width
    return elements, cursor_y - y + 18


class LabelPlacer:
    """Puts short labels where they cover no box and no earlier label, when it can.

    Obstacles are rectangles (x0, y0, x1, y1); each placed label becomes one, so labels
    placed later step aside.
    """

    def __init__(self, obstacles: list[tuple[float, float, float, float]]):
        self.obstacles = list(obstacles)

    def place(
        self, candidates: list[Point], content: str, size: float, required: bool = True
    ) -> Point | None:
        """The first candidate point where the label fits freely; when none does, the
        first candidate if the label is `required`, else None (leave it out)."""
        half_w = len(content) * size * CHAR_WIDTH / 2 + 3
        half_h = size / 2 + 2
        free = None
        for x, y in candidates:
            box = (x - half_w, y - half_h, x + half_w, y + half_h)
            if not any(_overlap(box, other) for other in self.obstacles):
                free = (x, y)
                break
        chosen = free or (candidates[0] if required else None)
        if chosen is not None:
            x, y = chosen
            self.obstacles.append((x - half_w, y - half_h, x + half_w, y + half_h))
        return chosen


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """True when two rectangles (x0, y0, x1, y1) overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
