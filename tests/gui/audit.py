"""A generic audit of a learner screen against DESIGN.md §5, by walking the widget tree.

It knows no screen by name: any new screen is audited the moment a test shows it.
"""

from __future__ import annotations

from functools import lru_cache

from babel.messages.extract import extract_from_dir
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollBar,
    QWidget,
)

from oefenplek.core.lessons.readability import sentences
from oefenplek.gui.widgets.buttons import TileButton
from oefenplek.gui.widgets.svg_screen import SvgScreen
from oefenplek.i18n import _

from ..conftest import REPO

MIN_TARGET, MIN_SECONDARY, MIN_POINTS, MIN_CONTRAST = 64, 48, 20, 7.0
MAX_CHOICES, MAX_SENTENCES = 5, 3


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(
        colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def background_of(widget: QWidget) -> QColor:
    """The colour really behind a widget: its own if opaque, else its nearest opaque parent."""
    current: QWidget | None = widget
    while current is not None:
        colour = current.palette().color(current.backgroundRole())
        if colour.alpha() == 255:
            return colour
        current = current.parentWidget()
    return QColor("white")


@lru_cache(maxsize=1)
def english_msgids() -> frozenset[str]:
    """Interface texts whose Dutch differs from the English msgid."""
    found = set()
    for _f, _l, message, _c, _x in extract_from_dir(
            REPO / "oefenplek", method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None, "ngettext": (1, 2), "ngettext_in": (2, 3)}):
        msgid = message if isinstance(message, str) else message[0]
        if "{" not in msgid and _(msgid) != msgid:
            found.add(msgid)
    return frozenset(found)


@lru_cache(maxsize=8)
def foreign_texts(language: str) -> frozenset[str]:
    """Interface texts that must not show on a screen in `language`: the English msgid and
    the Dutch, wherever the language's own text differs from them."""
    from oefenplek.i18n import gettext_in

    found = set()
    for _f, _l, message, _c, _x in extract_from_dir(
            REPO / "oefenplek", method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None, "ngettext": (1, 2), "ngettext_in": (2, 3)}):
        msgid = message if isinstance(message, str) else message[0]
        if "{" in msgid:
            continue
        own, dutch = gettext_in(language, msgid), gettext_in("nl", msgid)
        if own != msgid:
            found.add(msgid)
        if own != dutch:
            found.add(dutch)
    return frozenset(found)


def text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        return widget.text()
    return ""


def shows_focus(widget: QWidget) -> bool:
    """The widget looks different with keyboard focus (a visible focus ring)."""
    window = widget.window()
    window.activateWindow()
    QApplication.processEvents()
    widget.clearFocus()
    QApplication.processEvents()
    before = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    window.repaint()
    after = widget.grab().toImage()
    focused = widget.hasFocus()
    widget.clearFocus()
    return focused and before != after


def audit(window: QWidget, check_focus: bool = True, language: str = "nl") -> list[str]:
    """Every way the visible screen breaks the learner's screen rules, in plain words.
    `language`: the interface's language; a text of another language is a problem."""
    QApplication.processEvents()  # let pending layout requests run, as the event loop would
    problems: list[str] = []
    frame = window.rect()
    msgids = english_msgids() if language == "nl" else foreign_texts(language)
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() == 0:
            continue
        name = f"{type(widget).__name__} '{text_of(widget) or widget.accessibleName()}'"
        where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        text = text_of(widget)
        interactive = isinstance(widget, (QAbstractButton, QLineEdit, QScrollBar)) or (
            isinstance(widget, SvgScreen) and widget.interactive)
        if interactive:
            secondary = widget.property("role") == "secondary" or isinstance(widget, QScrollBar)
            least = MIN_SECONDARY if secondary else MIN_TARGET
            if min(widget.width(), widget.height()) < least:
                problems.append(f"{name} is {widget.width()}x{widget.height()}, under {least}")
            if not widget.accessibleName():
                problems.append(f"{name} has no accessible name")
            if widget.isEnabled() and not isinstance(widget, QScrollBar):
                if not _tab_reaches(widget):
                    problems.append(f"{name} cannot be reached with Tab")
                elif check_focus and not shows_focus(widget):
                    problems.append(f"{name} shows no focus ring")
        if not frame.contains(where) and widget.parentWidget() is not None and not (
                _inside_scroll_area(widget)):
            problems.append(f"{name} is outside the window at {where.getRect()}")
        if text:
            points = widget.font().pointSizeF()
            if points < MIN_POINTS:
                problems.append(f"{name} has text of {points:.0f} pt")
            if widget.isEnabled():
                ratio = contrast(widget.palette().color(widget.foregroundRole()),
                                 background_of(widget))
                if ratio < MIN_CONTRAST:
                    problems.append(f"{name} has contrast {ratio:.1f}:1")
            # A text the screen says is in another language (a Dutch lesson text on a
            # screen in Arabic) is not the interface's to translate.
            if text in msgids and widget.property("lang") in (None, language):
                problems.append(f"{name} is not translated")
            if isinstance(widget, QLabel) and _cut_off(widget):
                problems.append(f"{name} is cut off")
            if isinstance(widget, QPushButton) and not isinstance(widget, TileButton):
                needed = _text_room(widget)
                if needed.width() > widget.width() or needed.height() > widget.height():
                    problems.append(f"{name} is cut off ({widget.width()}x{widget.height()} "
                                    f"for {needed.width()}x{needed.height()})")
        if widget.property("role") == "instruction" and isinstance(widget, QLabel):
            count = len(sentences(widget.property("plain") or widget.text()))
            if count > MAX_SENTENCES:
                problems.append(f"{name} has {count} sentences")
    choices = [w for w in window.findChildren(QAbstractButton)
               if w.isVisibleTo(window) and w.property("role") == "choice"
               and w.parentWidget() is not None and "steps" in type(w.parentWidget()).__module__]
    if len(choices) > MAX_CHOICES:
        problems.append(f"{len(choices)} choices on one step")
    return problems


def _text_room(button: QPushButton) -> QSize:
    """The least room a button's text and icon need to be drawn whole (borders included)."""
    font = QFont(button.font())
    if button.isChecked() and button.property("role") == "choice":
        font.setBold(True)  # the theme draws a chosen choice in bold
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(button.text()) + 16
    if not button.icon().isNull():
        width += button.iconSize().width() + 4
    height = max(metrics.height(), button.iconSize().height() if not button.icon().isNull()
                 else 0) + 8
    return QSize(width, height)


def _tab_reaches(widget: QWidget) -> bool:
    """Tab reaches the widget, or its exclusive group (Tab to the group, arrows within it)."""
    def tabbable(w: QWidget) -> bool:
        return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)

    group = widget.group() if isinstance(widget, QAbstractButton) else None
    if group is not None and group.exclusive():
        return any(tabbable(button) for button in group.buttons())
    return tabbable(widget)


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False


def _cut_off(label: QLabel) -> bool:
    if label.pixmap() is not None and not label.pixmap().isNull():
        return False
    if label.wordWrap():
        metrics = label.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in label.text().split()),
                      default=0)
        return (longest > label.contentsRect().width() + 2
                or label.heightForWidth(label.width()) > label.height() + 2)
    hint = label.sizeHint()
    return hint.width() > label.width() + 2 or hint.height() > label.height() + 2
