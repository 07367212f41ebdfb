"""Letters that fit: the text on a simulated screen must stay inside the shape it sits on.

A label that runs out of its button or card looks broken and can hide the next thing. For
every <text> in a screen the width is measured with the font the app bundles (Noto Sans,
shaped with HarfBuzz as Qt shapes it) at the text's font-size, and compared with the
smallest visible shape drawn before it, in its own or a parent group, that holds the
text's anchor point. text-anchor (start, middle, end) and transforms are taken into account.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from oefenplek import paths
from oefenplek.core.lessons.model import Problem
from oefenplek.i18n import _

#: The bundled font the screens are drawn with: (regular, bold).
FONTS = (paths.assets_dir() / "fonts" / "NotoSans-Regular.ttf",
         paths.assets_dir() / "fonts" / "NotoSans-Bold.ttf")
#: Overflow smaller than this (in drawing units) is rounding, not a problem.
TOLERANCE = 0.5
#: A shape at least this opaque can be a text's background; fainter ones are decoration.
SOLID = 0.5
#: Noto Sans capitals are about 0.71 em high: a label's shape reaches this far above it.
CAP_HEIGHT = 0.7

Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as SVG writes it
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_INHERITED = ("font-size", "font-weight", "text-anchor", "display")


@dataclass(frozen=True)
class Shape:
    """A drawn shape in root units: its outline as polygons (curves flattened) and its box."""

    outline: tuple[tuple[tuple[float, float], ...], ...]
    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def of(cls, outline: list[list[tuple[float, float]]]) -> Shape | None:
        points = [point for polygon in outline for point in polygon]
        if len(points) < 3:
            return None
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(xs) - min(xs) <= 0 or max(ys) - min(ys) <= 0:
            return None
        return cls(tuple(tuple(polygon) for polygon in outline if len(polygon) > 2),
                   min(xs), min(ys), max(xs), max(ys))

    @property
    def area(self) -> float:
        return (self.right - self.left) * (self.bottom - self.top)

    def _crossings(self, y: float) -> list[float]:
        """Where the horizontal line at y crosses the outline, left to right."""
        found = []
        for polygon in self.outline:
            for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
                if (y1 <= y < y2) or (y2 <= y < y1):
                    found.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
        return sorted(found)

    def span(self, x: float, y: float) -> tuple[float, float] | None:
        """The inside stretch of the line at y that holds x (even-odd), or None: x is outside."""
        if not (self.left <= x <= self.right and self.top <= y <= self.bottom):
            return None
        crossings = self._crossings(y)
        for left, right in zip(crossings[::2], crossings[1::2], strict=False):
            if left <= x <= right:
                return left, right
        return None


@dataclass(frozen=True)
class Overflow:
    """A text wider than its shape: by how much it sticks out, in drawing units."""

    svg: Path
    text: str
    by: float
    where: str | None  # the id of the text or of its nearest group with one


class Measure:
    """Text widths in the bundled font, shaped as Qt shapes them (kerning included)."""

    def __init__(self, fonts: tuple[Path, Path] = FONTS) -> None:
        import uharfbuzz as hb  # type: ignore[import-untyped]  # only this check needs it

        self._hb = hb
        self._fonts = [hb.Font(hb.Face(hb.Blob(font.read_bytes()))) for font in fonts]

    @cache  # noqa: B019  # one Measure per check run; the screens repeat their labels
    def width(self, text: str, size: float, bold: bool = False) -> float:
        if not text:
            return 0.0
        font = self._fonts[1 if bold else 0]
        buffer = self._hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        self._hb.shape(font, buffer, {})
        advance = sum(position.x_advance for position in buffer.glyph_positions)
        return float(advance) * size / float(font.face.upem)


def screen_problems(folder: Path, measure: Measure | None = None) -> list[Problem]:
    """One error per text that does not fit its shape, in every SVG under `folder`."""
    if not folder.is_dir():
        return []
    measure = measure or Measure()
    problems = []
    for svg in sorted(folder.rglob("*.svg")):
        try:
            found = overflows(svg, measure)
        except (ET.ParseError, OSError, ValueError) as error:
            problems.append(Problem(svg, _("the screen cannot be read: {error}").format(
                error=error)))
            continue
        for overflow in found:
            problems.append(Problem(svg, _(
                "the text '{text}' is {by} wider than the shape it is on: make it shorter or "
                "smaller").format(text=overflow.text, by=round(overflow.by, 1)),
                key=overflow.where))
    return problems


def overflows(svg: Path, measure: Measure) -> list[Overflow]:
    """Every text of one drawing that sticks out of its shape.

    The text's shape is the topmost one drawn before it that holds its anchor, a point a
    little into the text and a point a cap height above that: so a small icon beside a
    label, a thin line under it or a card under an opened dialog is not taken for it.
    """
    found = []
    for text, probes, left, right, shapes, where in _texts(ET.parse(svg).getroot(), measure):
        for shape in reversed(shapes):
            spans = [shape.span(*point) for point in probes]
            if all(spans):
                inside_left, inside_right = spans[0] or (left, right)
                by = max(inside_left - left, right - inside_right)
                if by > TOLERANCE:
                    found.append(Overflow(svg, text, by, where))
                break
    return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


Point = tuple[float, float]
Found = tuple[str, list[Point], float, float, list[Shape], str | None]


def _texts(root: ET.Element, measure: Measure) -> Iterator[Found]:
    """(text, probe points, left, right, shapes under it, id) per text, all in root units.

    The probe points are the anchor, a point a little into the text, and one a cap height
    above that; the shapes are those drawn before the text in its group and the groups
    around it, in drawing order.
    """

    def walk(element: ET.Element, matrix: Matrix, style: dict[str, str],
             scope: list[list[Shape]], where: str | None) -> Iterator[Found]:
        tag = _local(element.tag)
        matrix = _multiply(matrix, _transform(element.get("transform", "")))
        style = {**style, **{key: element.get(key, "") for key in _INHERITED
                             if element.get(key)}}
        where = element.get("id") or where
        if tag == "text":
            yield from _measured(element, matrix, style, scope, where, measure)
            return
        if tag in ("defs", "clipPath", "mask", "symbol", "title", "desc"):
            return
        shape = _shape(element, tag, matrix)
        if shape is not None and _visible(element):
            scope[-1].append(shape)
        if tag in ("svg", "g", "a"):
            scope.append([])
            for child in element:
                yield from walk(child, matrix, style, scope, where)
            scope.pop()

    yield from walk(root, _IDENTITY, {"font-size": "16"}, [[]], None)


def _measured(element: ET.Element, matrix: Matrix, style: dict[str, str],
              scope: list[list[Shape]], where: str | None, measure: Measure
              ) -> Iterator[Found]:
    text = " ".join("".join(element.itertext()).split())
    if not text:
        return
    x, y = _float(element.get("x")), _float(element.get("y"))
    size = _float(style.get("font-size"), 16.0)
    bold = style.get("font-weight", "normal") in ("bold", "bolder", "600", "700", "800", "900")
    width = measure.width(text, size, bold)
    anchor = style.get("text-anchor", "start")
    start = x - {"middle": width / 2, "end": width}.get(anchor, 0.0)
    ends = [_apply(matrix, start, y)[0], _apply(matrix, start + width, y)[0]]
    shapes = [shape for level in scope for shape in level]  # drawn before it, here or above
    into = {"middle": 0.0, "end": -1.0}.get(anchor, 1.0) * min(width / 2, size)
    probes = [_apply(matrix, x, y), _apply(matrix, x + into, y - CAP_HEIGHT * size / 2),
              _apply(matrix, x + into, y - CAP_HEIGHT * size)]
    yield text, probes, min(ends), max(ends), shapes, where


def _visible(element: ET.Element) -> bool:
    """A shape a text can sit on: filled or stroked, and not a see-through decoration (a
    faint wave on a wallpaper, a dimmed backdrop)."""
    def faint(name: str) -> bool:
        return _float(element.get(name), 1.0) < SOLID

    if faint("opacity"):
        return False
    filled = element.get("fill", "black") != "none" and not faint("fill-opacity")
    stroked = element.get("stroke", "none") != "none" and not faint("stroke-opacity")
    return filled or stroked


def _shape(element: ET.Element, tag: str, matrix: Matrix) -> Shape | None:
    """The shape's outline in root units: rect, circle, ellipse, polygon and path."""
    outline: list[list[Point]] = []
    if tag == "rect":
        x, y = _float(element.get("x")), _float(element.get("y"))
        width, height = _float(element.get("width")), _float(element.get("height"))
        outline = [[(x, y), (x + width, y), (x + width, y + height), (x, y + height)]]
    elif tag in ("circle", "ellipse"):
        cx, cy = _float(element.get("cx")), _float(element.get("cy"))
        rx = _float(element.get("r") if tag == "circle" else element.get("rx"))
        ry = _float(element.get("r") if tag == "circle" else element.get("ry"))
        outline = [[(cx + rx * math.cos(2 * math.pi * i / 32),
                     cy + ry * math.sin(2 * math.pi * i / 32)) for i in range(32)]]
    elif tag in ("polygon", "polyline"):
        numbers = [float(n) for n in _NUMBER.findall(element.get("points", ""))]
        outline = [list(zip(numbers[::2], numbers[1::2], strict=False))]
    elif tag == "path":
        outline = _path_outline(element.get("d", ""))
    return Shape.of([[_apply(matrix, x, y) for x, y in polygon] for polygon in outline])


def _path_outline(d: str) -> list[list[Point]]:
    """The path's subpaths as polygons, curves and arcs flattened into short lines."""
    outline: list[list[Point]] = []
    current: list[Point] = []
    x = y = 0.0
    control: Point | None = None  # the last curve's control point, for S and T
    sizes = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7}
    for command, arguments in re.findall(r"([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)",
                                         d):
        lower, relative = command.lower(), command.islower()
        if lower == "z":
            if current:
                outline.append(current)
                x, y = current[0]
            current, control = [], None
            continue
        numbers = [float(n) for n in _NUMBER.findall(arguments)]
        size = sizes[lower]
        for index in range(0, len(numbers) - size + 1, size):
            g = numbers[index:index + size]
            ox, oy = (x, y) if relative else (0.0, 0.0)
            if lower == "m" and index == 0:
                if len(current) > 1:
                    outline.append(current)
                x, y = ox + g[0], oy + g[1]
                current, control = [(x, y)], None
                continue
            if not current:
                current = [(x, y)]
            if lower in ("m", "l"):
                x, y = ox + g[0], oy + g[1]
                current.append((x, y))
                control = None
            elif lower == "h":
                x = ox + g[0]
                current.append((x, y))
                control = None
            elif lower == "v":
                y = oy + g[0]
                current.append((x, y))
                control = None
            elif lower in ("c", "s"):
                first = ((ox + g[0], oy + g[1]) if lower == "c" else
                         (2 * x - control[0], 2 * y - control[1]) if control else (x, y))
                rest = g[2:] if lower == "c" else g
                second, end = (ox + rest[0], oy + rest[1]), (ox + rest[2], oy + rest[3])
                current.extend(_bezier([(x, y), first, second, end]))
                control, (x, y) = second, end
            elif lower in ("q", "t"):
                middle = ((ox + g[0], oy + g[1]) if lower == "q" else
                          (2 * x - control[0], 2 * y - control[1]) if control else (x, y))
                end = (ox + g[-2], oy + g[-1])
                current.extend(_bezier([(x, y), middle, end]))
                control, (x, y) = middle, end
            elif lower == "a":
                end = (ox + g[5], oy + g[6])
                current.extend(_arc((x, y), g[0], g[1], g[2], bool(g[3]), bool(g[4]), end))
                control, (x, y) = None, end
    if len(current) > 1:
        outline.append(current)
    return outline


def _bezier(points: list[Point], steps: int = 12) -> list[Point]:
    """Points along a quadratic or cubic Bézier curve, without its start."""
    found = []
    for step in range(1, steps + 1):
        t, level = step / steps, points
        while len(level) > 1:
            level = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                     for a, b in itertools.pairwise(level)]
        found.append(level[0])
    return found


def _arc(start: Point, rx: float, ry: float, rotation: float, large: bool, sweep: bool,
         end: Point, steps: int = 16) -> list[Point]:
    """Points along an SVG elliptical arc, without its start (the SVG spec's centre form)."""
    (x1, y1), (x2, y2) = start, end
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0 or start == end:
        return [end]
    phi = math.radians(rotation)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    xp, yp = cos * dx + sin * dy, -sin * dx + cos * dy
    scale = xp * xp / (rx * rx) + yp * yp / (ry * ry)
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    numerator = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp
    factor = math.sqrt(max(0.0, numerator / (rx * rx * yp * yp + ry * ry * xp * xp)))
    if large == sweep:
        factor = -factor
    cxp, cyp = factor * rx * yp / ry, -factor * ry * xp / rx
    cx = cos * cxp - sin * cyp + (x1 + x2) / 2
    cy = sin * cxp + cos * cyp + (y1 + y2) / 2

    def angle(ux: float, uy: float) -> float:
        return math.atan2(uy, ux)

    theta = angle((xp - cxp) / rx, (yp - cyp) / ry)
    delta = angle((-xp - cxp) / rx, (-yp - cyp) / ry) - theta
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    found = []
    for step in range(1, steps + 1):
        a = theta + delta * step / steps
        px, py = rx * math.cos(a), ry * math.sin(a)
        found.append((cos * px - sin * py + cx, sin * px + cos * py + cy))
    return found


def _transform(text: str) -> Matrix:
    matrix = _IDENTITY
    for name, arguments in re.findall(r"(\w+)\s*\(([^)]*)\)", text):
        values = [float(n) for n in _NUMBER.findall(arguments)]
        step = _IDENTITY
        if name == "translate" and values:
            step = (1, 0, 0, 1, values[0], values[1] if len(values) > 1 else 0.0)
        elif name == "scale" and values:
            step = (values[0], 0, 0, values[1] if len(values) > 1 else values[0], 0, 0)
        elif name == "matrix" and len(values) == 6:
            a, b, c, d, e, f = values
            step = (a, b, c, d, e, f)
        elif name == "rotate" and values:
            angle = math.radians(values[0])
            cos, sin = math.cos(angle), math.sin(angle)
            cx, cy = (values[1], values[2]) if len(values) == 3 else (0.0, 0.0)
            step = _multiply(_multiply((1, 0, 0, 1, cx, cy), (cos, sin, -sin, cos, 0, 0)),
                             (1, 0, 0, 1, -cx, -cy))
        matrix = _multiply(matrix, step)
    return matrix


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s,
            a * t + c * u + e, b * t + d * u + f)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _float(value: str | None, default: float = 0.0) -> float:
    if not value:
        return default
    found = _NUMBER.match(value.strip())
    return float(found.group(0)) if found else default
