"""Reading simulated screens without Qt: which ids an SVG has, and showing or hiding layers.

A step may `show` or `hide` elements by id, so one drawn screen serves several steps
(the wifi list before and after connecting) instead of near-copies of one drawing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


class SvgError(ValueError):
    """The file is not an SVG drawing we can read."""


def _read(path: Path) -> ET.Element:
    """The drawing's root element, or SvgError in plain words."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise SvgError(str(error)) from error
    except OSError as error:
        raise SvgError(error.strerror or str(error)) from error
    if root.tag not in (f"{{{SVG_NS}}}svg", "svg"):
        raise SvgError("the file does not start with an <svg> element")
    return root


@lru_cache(maxsize=256)
def _parse(path: Path, mtime: float) -> bytes:
    return ET.tostring(_read(path))


def _root(path: Path) -> ET.Element:
    return ET.fromstring(_parse(path, path.stat().st_mtime))


#: Elements Qt draws and can find by id; ids on gradients or inside <defs> are not targets.
_DRAWN = frozenset({"svg", "g", "rect", "circle", "ellipse", "line", "polyline", "polygon",
                    "path", "text", "tspan", "use", "image", "switch"})


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def element_ids(path: Path) -> frozenset[str]:
    """The ids of drawn elements: the places a step can target, show or hide.

    Kept per file and mtime: the loader asks once per step, and many steps share a screen.
    """
    return _element_ids(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=256)
def _element_ids(path: Path, mtime_ns: int) -> frozenset[str]:
    found: set[str] = set()

    def walk(element: ET.Element) -> None:
        if _local(element.tag) not in _DRAWN:
            return
        if "id" in element.attrib:
            found.add(element.attrib["id"])
        for child in element:
            walk(child)

    walk(_read(path))  # not _root: the loader needs no copy of the bytes
    return frozenset(found)


def tappable_ids(path: Path, show: tuple[str, ...] = (),
                 hide: tuple[str, ...] = ()) -> list[str]:
    """Places a learner can tap on this screen, in drawing order, as the keyboard visits them.

    A place is a group whose first child is an invisible hit rectangle (the authoring rule
    in the README), and that is visible once the step's layers are shown or hidden.
    """
    places: list[str] = []

    def visible(element: ET.Element) -> bool:
        element_id = element.attrib.get("id")
        if element_id in hide:
            return False
        return element_id in show or element.attrib.get("display") != "none"

    def walk(element: ET.Element) -> None:
        if _local(element.tag) not in _DRAWN or not visible(element):
            return
        children = list(element)
        if ("id" in element.attrib and children and _local(children[0].tag) == "rect"
                and children[0].attrib.get("fill-opacity") in ("0", "0.0")):
            places.append(element.attrib["id"])
        for child in children:
            walk(child)

    walk(_root(path))
    return places


def with_layers(path: Path, show: tuple[str, ...] = (), hide: tuple[str, ...] = ()) -> bytes:
    """The SVG's bytes with the named elements made visible or hidden."""
    root = _root(path)
    if show or hide:
        for element in root.iter():
            element_id = element.attrib.get("id")
            if element_id in show:
                element.attrib.pop("display", None)
                _drop_style_display(element)
            elif element_id in hide:
                element.attrib["display"] = "none"
    data: bytes = ET.tostring(root, encoding="utf-8")
    return data


def _drop_style_display(element: ET.Element) -> None:
    style = element.attrib.get("style")
    if style and "display" in style:
        kept = [part for part in style.split(";") if not part.strip().startswith("display")]
        element.attrib["style"] = ";".join(kept)
