"""Button icons: monochrome SVGs in assets/icons, recoloured to the theme's text colour."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from oefenplek import paths
from oefenplek.gui.fonts import fit_svg_fonts


@lru_cache(maxsize=128)
def _svg_bytes(name: str, colour: str) -> bytes:
    file = paths.asset("icons", f"{name}.svg")
    data = file.read_bytes() if file.is_file() else b""
    return data.replace(b"#000000", colour.encode())


def icon(name: str, colour: str = "#1B1B1B", size: int = 48, mirrored: bool = False
         ) -> QIcon:
    """A QIcon drawn from the named SVG; an empty icon if the file is missing. `mirrored`:
    turned left to right, for an arrow in a right-to-left language."""
    data = _svg_bytes(name, colour)
    if not data:
        return QIcon()
    pixmap = svg_pixmap(data, QSize(size, size))
    if mirrored:
        pixmap = QPixmap.fromImage(pixmap.toImage().flipped(Qt.Orientation.Horizontal))
        pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)


def svg_pixmap(data: bytes, size: QSize, ratio: float = 2.0) -> QPixmap:
    """Render SVG bytes sharply into a pixmap of the given logical size."""
    fit_svg_fonts(data)
    renderer = QSvgRenderer(QByteArray(data))
    image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view = renderer.viewBoxF()
    if view.isEmpty():
        view = QRectF(0, 0, 1, 1)
    scale = min(image.width() / view.width(), image.height() / view.height())
    width, height = view.width() * scale, view.height() * scale
    renderer.render(painter, QRectF((image.width() - width) / 2, (image.height() - height) / 2,
                                    width, height))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def file_pixmap(path: str, size: QSize) -> QPixmap:
    try:
        with open(path, "rb") as handle:
            return svg_pixmap(handle.read(), size)
    except OSError:
        return QPixmap()
