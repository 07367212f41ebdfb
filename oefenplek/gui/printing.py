"""Printing a certificate with Qt: the same page items the PDF is drawn from, on a QPrinter.

Qt shapes right-to-left text itself; the shipped fonts are loaded into Qt so the print
looks like the PDF.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgRenderer

from oefenplek import paths
from oefenplek.documents.certificate import Box, Page, Picture, Text, Tick
from oefenplek.documents.fonts import FONT_FILES

FAMILIES = {"Sans": "Noto Sans", "Arabic": "Noto Sans Arabic"}


@lru_cache(maxsize=1)
def load_fonts() -> None:
    for file in FONT_FILES.values():
        QFontDatabase.addApplicationFont(str(paths.asset("fonts", file)))


def _font(item: Text) -> QFont:
    family = FAMILIES["Arabic" if item.font.startswith("Arabic") else "Sans"]
    font = QFont(family)
    font.setPixelSize(max(1, round(item.size)))
    font.setBold(item.bold)
    return font


def paint_page(painter: QPainter, page: Page, target: QRectF) -> None:
    """Draw the page's items scaled into `target` (keeping the page's proportions)."""
    load_fonts()
    scale = min(target.width() / page.width, target.height() / page.height)
    painter.save()
    painter.translate(target.x() + (target.width() - page.width * scale) / 2,
                      target.y() + (target.height() - page.height * scale) / 2)
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, page.width, page.height), QColor("white"))
    for item in page.items:
        if isinstance(item, Box):
            painter.setPen(QPen(QColor(item.stroke), item.line) if item.stroke
                           else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(item.fill) if item.fill else Qt.BrushStyle.NoBrush)
            if item.height == 0:
                painter.drawLine(QPointF(item.x, item.y), QPointF(item.x + item.width, item.y))
            else:
                painter.drawRoundedRect(QRectF(item.x, item.y, item.width, item.height),
                                        item.radius, item.radius)
        elif isinstance(item, Tick):
            pen = QPen(QColor(item.colour), item.size / 6)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            s, x, y = item.size, item.x, item.y
            path = QPainterPath(QPointF(x, y + s * 0.5))
            path.lineTo(x + s * 0.38, y + s * 0.85)
            path.lineTo(x + s, y + s * 0.1)
            painter.drawPath(path)
        elif isinstance(item, Picture):
            box = QRectF(item.x, item.y, item.width, item.height)
            if item.path.suffix.lower() == ".svg":
                QSvgRenderer(str(item.path)).render(painter, box)
            else:
                image = QImage(str(item.path))
                if not image.isNull():
                    scaled = image.size().scaled(box.size().toSize(),
                                                 Qt.AspectRatioMode.KeepAspectRatio)
                    target = QRectF(0, 0, scaled.width(), scaled.height())
                    target.moveCenter(box.center())
                    painter.drawImage(target, image)
        elif isinstance(item, Text):
            font = _font(item)
            painter.setFont(font)
            painter.setPen(QColor(item.colour))
            width = QFontMetricsF(font).horizontalAdvance(item.text)
            x = {"left": item.x, "center": item.x - width / 2,
                 "right": item.x - width}[item.align]
            painter.drawText(QPointF(x, item.y), item.text)
    painter.restore()


def print_page(printer: QPrinter, page: Page | list[Page]) -> bool:
    """Print one page, or a batch, on an already set-up printer (A4 landscape)."""
    from PySide6.QtGui import QPageLayout, QPageSize

    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Landscape,
                                      printer.pageLayout().margins()))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    area.moveTo(0, 0)
    for index, one in enumerate(page if isinstance(page, list) else [page]):
        if index:
            printer.newPage()
        paint_page(painter, one, area)
    painter.end()
    return True


def preview_image(page: Page, width: int) -> QImage:
    height = round(width * page.height / page.width)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_page(painter, page, QRectF(0, 0, width, height))
    painter.end()
    return image
