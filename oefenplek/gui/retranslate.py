"""Showing the screens in another language while the app runs.

A learner's language is chosen on the first screen (or is theirs when they pick their
tile): from then on the buttons, the static texts and the writing direction follow it.
Texts with data in them ("Hallo Fatima!") are made again where the screen is shown; the
static ones remember their msgid (i18n.Translated) and are translated again here:
BigButtons themselves, labels made with `text_label`, and whatever a screen's own
`retranslate()` sets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from oefenplek import i18n
from oefenplek.i18n import _

MSGID = "msgid"  # the property a text_label keeps its msgid in


def text_label(text: str, word_wrap: bool = True) -> QLabel:
    """A label whose text is shown again in the new language when the language changes."""
    label = QLabel(text)
    label.setWordWrap(word_wrap)
    msgid = getattr(text, "msgid", "")
    if msgid:
        label.setProperty(MSGID, msgid)
    return label


def direction(code: str) -> Qt.LayoutDirection:
    return (Qt.LayoutDirection.RightToLeft if i18n.is_right_to_left(code)
            else Qt.LayoutDirection.LeftToRight)


def apply_language(code: str, roots: list[QWidget]) -> bool:
    """Make `code` the interface language: its texts, its writing direction (the whole
    window mirrors for Arabic) and the arrows on the buttons. False when it already was."""
    from oefenplek.gui.widgets.buttons import BigButton
    from oefenplek.gui.widgets.scroll import ACCESSIBLE_MSGID

    app = QApplication.instance()
    wanted = direction(code)
    if code == i18n.current_language() and isinstance(app, QApplication) \
            and app.layoutDirection() == wanted:
        return False
    i18n.set_language(code)
    if isinstance(app, QApplication):
        app.setLayoutDirection(wanted)
    for root in roots:
        for button in [root, *root.findChildren(QWidget)]:
            if isinstance(button, BigButton):
                button.retranslate()
            elif isinstance(button, QLabel) and button.property(MSGID):
                button.setText(_(str(button.property(MSGID))))
            if button.property(ACCESSIBLE_MSGID):
                button.setAccessibleName(_(str(button.property(ACCESSIBLE_MSGID))))
            again = getattr(button, "retranslate", None)
            if callable(again) and not isinstance(button, BigButton):
                again()
            layout = button.layout()
            if layout is not None:  # other words, other widths: measure again
                layout.invalidate()
    return True
