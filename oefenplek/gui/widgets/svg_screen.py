"""A simulated screen: an SVG drawn as large as fits, on which the learner taps.

A tap counts when it falls inside the bounds of the SVG element named as the target; the
bounds come from the SVG itself (Qt's renderer), so authors draw screens without code.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from oefenplek.gui import theme
from oefenplek.gui.fonts import fit_svg_fonts
from oefenplek.i18n import _


class SvgScreen(QWidget):
    """Shows an SVG; when interactive, reports taps in SVG units and whether they hit."""

    tapped = Signal(bool, float, float)  # inside target, x, y in SVG units

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        self.target: str | None = None
        self.interactive = False
        self.highlight: str | None = None  # "reveal", "show" or "done"
        self.here_text = _("Here it is.")
        self.keys_text = ""
        self.last_tap: QPointF | None = None
        self.places: list[str] = []  # tappable places, visited by Tab and the arrow keys
        self.place: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)

    def set_screen(self, data: bytes, target: str | None = None, interactive: bool = False,
                   places: list[str] | None = None) -> None:
        fit_svg_fonts(data)
        self.renderer.load(QByteArray(data))
        self.target, self.interactive = target, interactive
        self.highlight, self.last_tap, self.place = None, None, None
        self.places = [p for p in (places or []) if self.renderer.elementExists(p)]
        if interactive and self.target and self.target not in self.places:
            self.places.append(self.target)
        self.keys_text = _("Go to a place with Tab or the arrow keys. Tap it with Enter.") \
            if interactive else ""
        if interactive:
            self.setAccessibleDescription(self.keys_text)
        self.setCursor(Qt.CursorShape.PointingHandCursor if interactive
                       else Qt.CursorShape.ArrowCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive
                            else Qt.FocusPolicy.NoFocus)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(800, 500)

    # --- geometry -----------------------------------------------------------------------
    def drawing_rect(self) -> QRectF:
        """Where the drawing sits in the widget: as large as fits, centred, aspect kept."""
        view = self.renderer.viewBoxF()
        if view.isEmpty():
            return QRectF()
        scale = min(self.width() / view.width(), self.height() / view.height())
        width, height = view.width() * scale, view.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def element_rect(self, element_id: str) -> QRectF:
        """Bounds of an element in SVG units (its own and its parents' transforms applied)."""
        if not self.renderer.elementExists(element_id):
            return QRectF()
        bounds = self.renderer.boundsOnElement(element_id)
        return self.renderer.transformForElement(element_id).mapRect(bounds)

    def to_svg(self, point: QPointF) -> QPointF:
        area, view = self.drawing_rect(), self.renderer.viewBoxF()
        scale = area.width() / view.width()
        return QPointF(view.x() + (point.x() - area.x()) / scale,
                       view.y() + (point.y() - area.y()) / scale)

    def to_widget(self, rect: QRectF) -> QRectF:
        area, view = self.drawing_rect(), self.renderer.viewBoxF()
        scale = area.width() / view.width()
        return QRectF(area.x() + (rect.x() - view.x()) * scale,
                      area.y() + (rect.y() - view.y()) * scale,
                      rect.width() * scale, rect.height() * scale)

    def target_center(self) -> QPointF:
        """The middle of the target, in widget pixels (tests and keyboard use this)."""
        return self.to_widget(self.element_rect(self.target or "")).center()

    # --- showing ------------------------------------------------------------------------
    def show_target(self, how: str | None) -> None:
        """Ring the target: 'reveal' after wrong tries, 'done' once tapped right, 'show' (a
        *Nu zelf* step after two wrong tries) thick, with "Hier is het." beside it."""
        self.highlight = how
        if how in ("reveal", "show") and self.target in self.places:
            self.place = self.places.index(self.target or "")  # Enter taps the place shown
        self.setAccessibleDescription(" ".join(
            part for part in (self.here_text if how == "show" else "", self.keys_text) if part))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.drawing_rect()
        if area.isEmpty():
            return
        self.renderer.render(painter, area)
        if self.place is not None and self.hasFocus():
            ring = self.to_widget(self.element_rect(self.places[self.place]))
            painter.setPen(QPen(QColor(theme.current.palette.focus), 6, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ring.adjusted(-4, -4, 4, 4), 12, 12)
        if self.last_tap is not None and self.highlight != "done":
            painter.setPen(QPen(QColor(theme.current.palette.muted), 4))
            painter.setBrush(QColor(255, 255, 255, 90))
            painter.drawEllipse(self.last_tap, 18, 18)
        if self.highlight == "show" and self.target:
            self._paint_here(painter)
        elif self.highlight and self.target:
            rect = self.to_widget(self.element_rect(self.target)).adjusted(-8, -8, 8, 8)
            palette = theme.current.palette
            colour = palette.good_border if self.highlight == "done" else palette.focus
            painter.setPen(QPen(QColor(colour), 7))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 14, 14)

    def _paint_here(self, painter: QPainter) -> None:
        """The answer of a *Nu zelf* step: a thick frame in two colours that stands out on
        any screen (dark and light), and "Hier is het." beside it in a label of its own."""
        palette = theme.current.palette
        rect = self.to_widget(self.element_rect(self.target or "")).adjusted(-12, -12, 12, 12)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(palette.primary_text), 18))  # the halo: always contrasts
        painter.drawRoundedRect(rect, 16, 16)
        painter.setPen(QPen(QColor(palette.primary), 10))
        painter.drawRoundedRect(rect, 16, 16)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        text = self.here_text
        metrics = painter.fontMetrics()
        box = QRectF(0, 0, metrics.horizontalAdvance(text) + 28, metrics.height() + 14)
        room_above = rect.top() - 9 - box.height()
        top = room_above if room_above >= 0 else min(rect.bottom() + 9,
                                                     self.height() - box.height())
        left = max(0.0, min(rect.center().x() - box.width() / 2, self.width() - box.width()))
        box.moveTo(left, top)
        painter.setPen(QPen(QColor(palette.primary_text), 3))
        painter.setBrush(QColor(palette.primary))
        painter.drawRoundedRect(box, 12, 12)
        painter.setPen(QColor(palette.primary_text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # --- keyboard -----------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.places and self.place is None:
            backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
            self.place = len(self.places) - 1 if backwards else 0
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the places of the screen first, then leaves it."""
        if self.hasFocus() and self.place is not None:
            step = 1 if forward else -1
            if 0 <= self.place + step < len(self.places):
                self.place += step
                self.update()
                return True
            self.place = None
        return super().focusNextPrevChild(forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not (self.interactive and self.places):
            return super().keyPressEvent(event)
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            self.place = ((self.place or 0) + step) % len(self.places)
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.tap_place(self.places[self.place or 0])
        else:
            super().keyPressEvent(event)
        return None

    def tap_place(self, place: str) -> None:
        """Tap the middle of a place, as a click there would."""
        centre = self.element_rect(place).center()
        self.last_tap = self.to_widget(self.element_rect(place)).center()
        inside = bool(self.target) and self.element_rect(self.target or "").contains(centre)
        self.update()
        self.tapped.emit(inside, centre.x(), centre.y())

    # --- tapping ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.interactive or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        position = event.position()
        if not self.drawing_rect().contains(position):
            return None
        self.last_tap = position
        point = self.to_svg(position)
        inside = bool(self.target) and self.element_rect(self.target or "").contains(point)
        self.update()
        self.tapped.emit(inside, point.x(), point.y())
        return None
