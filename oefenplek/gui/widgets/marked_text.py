"""A text with glossary words a learner can open, and the word being read aloud marked.

Glossary words (`[link]` in a lesson) are drawn bold, underlined and coloured. A click or a
tap on or near one opens it: the place that counts is the word grown to at least a finger's
size, so a short word is as easy to hit as a button. Tab goes from word to word and Enter
opens the word (Qt's own link keys). Without glossary words and while nothing is read
aloud the label is plain text, like every other label.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from oefenplek.core.lessons.marks import plain, segments
from oefenplek.gui import theme
from oefenplek.gui.retranslate import direction
from oefenplek.i18n import _
from oefenplek.views.bilingual import isolated
from oefenplek.views.player import Piece, marked_html

#: The smallest place (px) that opens a word, however short the word is.
WORD_TARGET = 64


class MarkedLabel(QLabel):
    """Shows a text with marks; emits `word_activated(key)` when a glossary word is opened."""

    word_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        # Top-left, as the hit test (word_rects) lays the text out.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setMouseTracking(True)
        self.linkActivated.connect(self.word_activated.emit)
        self.pieces: list[Piece] = []
        self._plain = ""
        self._pressed: str | None = None

    # --- what it shows ------------------------------------------------------------------
    def set_language(self, code: str | None) -> None:
        """The language the text is in, when it may differ from the interface's (a Dutch
        step on a screen in Arabic, an Arabic line under the Dutch): read-aloud reads it
        with that language's voice, and it runs in that language's direction."""
        self.setProperty("lang", code)
        if code is None:
            self.unsetLayoutDirection()
        else:
            self.setLayoutDirection(direction(code))

    def set_marked_text(self, text: str) -> None:
        """A text as the lesson writes it: `[word]` marks a glossary word."""
        self.pieces = [(piece, key) for piece, key in segments(text) if piece]
        self._plain = plain(text)
        words = self.has_words()
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard if words
                                     else Qt.TextInteractionFlag.NoTextInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if words else Qt.FocusPolicy.NoFocus)
        if self.property("words") != ("yes" if words else ""):
            self.setProperty("words", "yes" if words else "")
            self.style().unpolish(self)
            self.style().polish(self)
        self.setAccessibleName(self._plain)
        self.setAccessibleDescription(
            _("Words with a line under them are explained: tap one, or go to it with Tab "
              "and press Enter.") if words else "")
        self._draw(None)

    def plain_text(self) -> str:
        """The text as it is shown and read aloud: without the brackets."""
        return self._plain

    def has_words(self) -> bool:
        return any(key is not None for _piece, key in self.pieces)

    def words(self) -> list[str]:
        """The keys of the glossary words in the text, in order."""
        return [key for _piece, key in self.pieces if key is not None]

    def mark(self, start: int, length: int) -> None:
        """Mark the word being read aloud (a place in plain_text())."""
        self._draw((start, length))

    def unmark(self) -> None:
        self._draw(None)

    def is_marking(self) -> bool:
        return "<span" in self.text() and self.textFormat() == Qt.TextFormat.RichText

    def _draw(self, spoken: tuple[int, int] | None) -> None:
        if spoken is None and not self.has_words():
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText(isolated(self._plain))  # Dutch inside Arabic keeps its own order
            self.setProperty("plain", None)
            return
        palette = theme.current.palette
        self.setProperty("plain", self._plain)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(marked_html(self.pieces, palette.primary, spoken, palette.try_again))

    # --- where the words are ------------------------------------------------------------
    def _document(self) -> QTextDocument:
        """The text laid out as the label lays it out (no margin, top left, its width)."""
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setDocumentMargin(0)
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            option = document.defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            option.setAlignment(Qt.AlignmentFlag.AlignRight)
            document.setDefaultTextOption(option)
        document.setHtml(marked_html(self.pieces, "#000000"))
        document.setTextWidth(self.contentsRect().width())
        return document

    def word_rects(self) -> list[tuple[str, QRectF]]:
        """Each glossary word's place in the label (a word broken over two lines: twice)."""
        document = self._document()
        found: list[tuple[str, QRectF]] = []
        origin = QPointF(self.contentsRect().topLeft())
        block = document.begin()
        while block.isValid():
            box = document.documentLayout().blockBoundingRect(block)
            layout = block.layout()
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                href = fragment.charFormat().anchorHref()
                if fragment.charFormat().isAnchor() and href:
                    start = fragment.position() - block.position()
                    for index in range(layout.lineCount()):
                        line = layout.lineAt(index)
                        begin = max(start, line.textStart())
                        end = min(start + fragment.length(),
                                  line.textStart() + line.textLength())
                        if begin >= end:
                            continue
                        left = _x(line.cursorToX(begin))
                        right = _x(line.cursorToX(end))
                        rect = QRectF(box.x() + min(left, right), box.y() + line.y(),
                                      abs(right - left), line.height())
                        found.append((href, rect.translated(origin)))
                fragments += 1
            block = block.next()
        return found

    def word_at(self, point: QPointF) -> str | None:
        """The word a tap here opens: on the word, or within a finger's size of its middle."""
        best: tuple[float, str] | None = None
        for key, rect in self.word_rects():
            grow_x = max(0.0, (WORD_TARGET - rect.width()) / 2)
            grow_y = max(0.0, (WORD_TARGET - rect.height()) / 2)
            if rect.adjusted(-grow_x, -grow_y, grow_x, grow_y).contains(point):
                distance = (rect.center() - point).manhattanLength()
                if best is None or distance < best[0]:
                    best = (distance, key)
        return best[1] if best else None

    # --- mouse and keyboard -------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.has_words():
            self._pressed = self.word_at(event.position())
            if self._pressed is not None:
                return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed = self._pressed, None
        if pressed is not None and event.button() == Qt.MouseButton.LeftButton:
            if self.word_at(event.position()) == pressed:
                self.word_activated.emit(pressed)
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.has_words() and self.word_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Tab into the text lands on its first word (Shift+Tab on its last), not before it."""
        super().focusInEvent(event)
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            super().focusNextPrevChild(reason == Qt.FocusReason.TabFocusReason)


def _x(found: object) -> float:
    """QTextLine.cursorToX gives (x, position) in PySide6; its stubs say less."""
    assert isinstance(found, tuple)
    return float(found[0])
