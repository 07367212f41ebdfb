"""Playing a lesson: one step per screen, dots for progress, Terug and Verder.

The player only shows: the controller asks the engine what is true and tells the player.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from oefenplek.core.engine import Feedback, Outcome
from oefenplek.core.lessons.model import Step
from oefenplek.gui import theme
from oefenplek.gui.icons import icon
from oefenplek.gui.retranslate import text_label
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.steps import StepView, view_for
from oefenplek.gui.steps.base import LESSON_TEXT
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.dots import ProgressDots
from oefenplek.gui.widgets.marked_text import MarkedLabel
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import DEFAULT_LANGUAGE, _, gettext_in
from oefenplek.views.player import feedback_sentence

__all__ = ["PlayerScreen", "feedback_sentence"]


class PlayerScreen(LearnerScreen):
    answered = Signal(object, str)
    next_requested = Signal()
    back_requested = Signal()
    stop_requested = Signal()
    word_requested = Signal(str)  # a glossary word the learner opened (its key)
    #: Luister beside the line in the learner's own language: (text, its language).
    second_listen_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dots = ProgressDots()
        self.dots.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        # Above the text, beside the progress: the "Nu zelf" sign of an unguided step (here
        # it takes no height from the text and the step, which big letters need).
        self.own = OwnBadge()
        self.own.setVisible(False)
        progress = QWidget()
        progress_row = QHBoxLayout(progress)
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.setSpacing(28)
        progress_row.addWidget(self.dots)
        progress_row.addWidget(self.own)
        progress_row.addStretch(1)
        outer = self.layout()
        assert outer is not None  # LearnerScreen.__init__ always gives the screen its layout
        outer.replaceWidget(self.title, progress)
        self.title.setVisible(False)  # the lesson title is on the tile; the progress goes here
        self.stop = BigButton(_("Stop"), "stop",
                              description=_("Stop this lesson. You can continue later."))
        self.stop.clicked.connect(self.stop_requested.emit)
        self.header_buttons.addWidget(self.stop)
        self.stop.setSizePolicy(self.stop.sizePolicy().horizontalPolicy(),
                                self.stop.sizePolicy().verticalPolicy())
        self.instruction = MarkedLabel()
        self.instruction.setProperty("role", "instruction")
        self.instruction.word_activated.connect(self.word_requested.emit)
        # Text (instruction, feedback) and the step's view: stacked, or side by side when the
        # letters are big or the screen is a phone standing upright.
        self.text_column = QVBoxLayout()
        self.text_column.setSpacing(14)
        self.text_column.addWidget(self.instruction)
        # Side by side: the step in the learner's own language under the Dutch, with a
        # Luister of its own (read by the voice of that language).
        self.second = SecondLine()
        self.second.label.word_activated.connect(self.word_requested.emit)
        self.second.listen_requested.connect(self.second_listen_requested.emit)
        self.text_column.addWidget(self.second)
        self.step_host = QVBoxLayout()
        self.content = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.content.setSpacing(18)
        text_host = QWidget()
        text_host.setLayout(self.text_column)
        self._text_host = text_host  # what text_area scrolls; typed, unlike its widget()
        self.text_area = scroll_area(text_host)
        self.text_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_area.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.content.addWidget(self.text_area)
        self.content.addLayout(self.step_host, 1)
        self.body.addLayout(self.content, 1)
        self.feedback = QFrame()
        feedback_layout = QHBoxLayout(self.feedback)
        feedback_layout.setContentsMargins(20, 12, 20, 12)
        self.feedback_text = MarkedLabel()
        self.feedback_text.word_activated.connect(self.word_requested.emit)
        self.feedback_second = SecondLine()
        self.feedback_second.label.word_activated.connect(self.word_requested.emit)
        self.feedback_second.listen_requested.connect(self.second_listen_requested.emit)
        feedback_words = QVBoxLayout()
        feedback_words.setSpacing(6)
        feedback_words.addWidget(self.feedback_text)
        feedback_words.addWidget(self.feedback_second)
        feedback_layout.addLayout(feedback_words, 1)
        self.feedback.setVisible(False)
        self.text_column.addWidget(self.feedback)
        self.text_column.addStretch(0)
        footer = QHBoxLayout()
        footer.setSpacing(16)
        self.back = BigButton(_("Back"), "back", description=_("To the previous step"))
        self.next = BigButton(_("Next"), "next", role="primary",
                              description=_("To the next step"))
        self.back.clicked.connect(self.back_requested.emit)
        self.next.clicked.connect(self.next_requested.emit)
        footer.addWidget(self.back)
        footer.addStretch(1)
        footer.addWidget(self.next)
        self.body.addLayout(footer)
        self.view: StepView | None = None
        self.spoken_step = ""

    def show_step(self, step: Step, number: int, total: int, *, can_go_back: bool,
                  can_go_on: bool, solved: bool, revealed: bool, seed: int = 0,
                  language: str | None = None, second: str | None = None,
                  second_language: str | None = None) -> None:
        """`language`: the language of the step's text when it is not the interface's;
        `second`: the step in `second_language`, shown under it (side by side)."""
        self.dots.show_step(number, total)
        self.unmark_word()
        self.spoken_step = step.spoken
        self.own.refresh()
        self.own.setVisible(step.is_answered and not step.guided)
        self.instruction.set_language(language)
        self.instruction.set_marked_text(step.text)
        self.second.show_text(second, second_language)
        self.feedback_second.show_text(None, None)
        if self.view is not None:
            self.step_host.removeWidget(self.view)
            self.view.hide()
            self.view.deleteLater()
        self.view = view_for(step, seed)
        for widget in self.view.findChildren(QWidget):  # the lesson's words in its language
            if widget.property(LESSON_TEXT):
                widget.setProperty("lang", language)
        self.view.answered.connect(self.answered.emit)
        self.step_host.addWidget(self.view, 1)
        self.feedback.setVisible(False)  # before measuring the text: the old feedback is gone
        self._arrange(self.view.visual_aspect())
        if solved and step.kind != "explain":
            self.view.show_solved()
        elif revealed:
            self.view.show_answer()
        self._fit_view()
        self.back.setVisible(can_go_back)
        self.set_can_go_on(can_go_on, last=number == total)
        if step.kind == "explain" or solved:
            self.next.setFocus()
        else:
            self.view.focus_first()

    def _arrange(self, aspect: float | None) -> None:
        """Side by side for big letters or an upright phone; stacked otherwise."""
        side = aspect is not None and (theme.current.scale >= 1.5 or aspect < 1.0)
        self.content.setDirection(QBoxLayout.Direction.LeftToRight if side
                                  else QBoxLayout.Direction.TopToBottom)
        self.content.setStretchFactor(self.text_area, 3 if side else 0)
        self.content.setStretchFactor(self.step_host, 2 if side else 1)
        if side:
            self.text_column.setStretch(self.text_column.count() - 1, 1)
        else:
            self.text_column.setStretch(self.text_column.count() - 1, 0)
        self._side = side
        self._fit_text()

    def _fit_text(self) -> None:
        """Stacked, the text takes only the height it needs; the screen gets the rest."""
        host = self._text_host
        host.adjustSize()
        if getattr(self, "_side", False):
            self.text_area.setMaximumHeight(16_777_215)
            self.text_area.setMinimumHeight(0)
        else:
            width = max(200, self.width() - 80)
            layout = self.text_column  # the layout of host
            needed = layout.heightForWidth(width) if layout.hasHeightForWidth() \
                else host.sizeHint().height()
            self.text_area.setMaximumHeight(needed + 6)
            line = QFontMetrics(self.instruction.font()).lineSpacing()
            self.text_area.setMinimumHeight(min(needed + 6, max(line + 24, 100)))

    def _fit_view(self) -> None:
        """A step whose field and answer must stay whole (typing) is never squeezed below
        what it needs, not even when the answer appears under the field; with big letters on
        a low screen the text above it scrolls instead (its first line stays in sight)."""
        assert self.view is not None
        if self.view.keep_whole:
            self.view.setMinimumHeight(self.view.minimumSizeHint().height())

    def set_can_go_on(self, can_go_on: bool, last: bool = False) -> None:
        self.next.setEnabled(can_go_on)
        if last:
            self.next.set_text(_("Finish"))
        else:
            self.next.set_text(_("Next"))

    def show_feedback(self, feedback: Feedback, step: Step, can_go_on: bool,
                      second: tuple[Feedback, Step, str] | None = None) -> None:
        """`second`: the feedback and step in the learner's own language, and that language,
        for the line under the Dutch (side by side); the first line is then in Dutch."""
        assert self.view is not None
        self.view.show_feedback(feedback)
        self._fit_view()
        answer = self.view.answer_text()
        if second is None:
            text = feedback_sentence(feedback, step, answer)
            self.feedback_second.show_text(None, None)
        else:
            text = feedback_sentence(feedback, step, answer, in_dutch)
            own_feedback, own_step, language = second
            self.feedback_second.show_text(feedback_sentence(own_feedback, own_step, answer),
                                           language)
        self.feedback_text.set_language(self.instruction.property("lang"))
        good = feedback.outcome is not Outcome.WRONG
        self.feedback.setProperty("role", "feedback-good" if good else "feedback-try")
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
        self.unmark_word()
        self.feedback_text.set_marked_text(text)
        self.feedback.setVisible(True)
        self._fit_text()
        self.next.setEnabled(can_go_on)
        if can_go_on and feedback.outcome is not Outcome.WRONG:
            self.next.setFocus()

    def spoken_parts(self) -> list[QLabel]:
        return [self.instruction, self.feedback_text]

    def mark_word(self, start: int, length: int) -> None:
        """Like every screen, except that a step with its own `say` is not marked word by word."""
        written = self.instruction.plain_text()
        if self.spoken_step != written:
            if start <= len(self.spoken_step):
                return
            start += len(written) - len(self.spoken_step)
        super().mark_word(start, length)

    def spoken_text(self) -> str:
        """The step as the lesson wants it said (its `say`), then any feedback."""
        parts = [self.spoken_step] if self.spoken_step else []
        if self.feedback.isVisibleTo(self) and self.feedback_text.plain_text():
            parts.append(self.feedback_text.plain_text())
        return " ".join(parts)


def in_dutch(message: str) -> str:
    """An interface sentence in Dutch, whatever the interface's language (the first line of
    side by side is all Dutch)."""
    return gettext_in(DEFAULT_LANGUAGE, message)


class SecondLine(QWidget):
    """The line in the learner's own language under the Dutch, with its own Luister."""

    listen_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The line, and its Luister under it: beside it, big letters in a narrow column
        # would squeeze the button until its word is cut.
        row = QVBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.label = MarkedLabel()
        self.label.setProperty("role", "second-language")
        self.listen = BigButton(_("Listen"), "listen",
                                description=_("Reads this line aloud in your language"))
        self.listen.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.language: str = ""
        self.listen.clicked.connect(
            lambda: self.listen_requested.emit(self.label.plain_text(), self.language))
        row.addWidget(self.label)
        row.addWidget(self.listen, 0, Qt.AlignmentFlag.AlignLeading)
        self.setVisible(False)

    def show_text(self, text: str | None, language: str | None) -> None:
        self.language = language or ""
        self.setVisible(bool(text))
        if text:
            self.label.set_language(language)
            self.label.set_marked_text(text)


class OwnBadge(QFrame):
    """The "Nu zelf" sign above an unguided step: a hand and the words, in a strong colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "own")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 18, 6)
        row.setSpacing(10)
        self.hand = QLabel()
        self.words = text_label(_("On your own"), word_wrap=False)
        row.addWidget(self.hand)
        row.addWidget(self.words)
        self.setAccessibleName(self.words.text())
        self.refresh()

    def retranslate(self) -> None:
        self.setAccessibleName(_("On your own"))

    def refresh(self) -> None:
        """The hand in the colour of the words (the look may have changed)."""
        side = round(34 * min(theme.current.scale, 1.4))
        self.hand.setPixmap(icon("tap", theme.current.palette.primary_text)
                            .pixmap(QSize(side, side)))
