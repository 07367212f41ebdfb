"""What a person does with the app, in small steps the tests can share.

Everything here clicks, taps and types on the real widgets. Where offscreen Qt cannot drive
a dialog (the file and print dialogs), the dialog is answered through its own API, the way
the person would answer it. Reading the database afterwards is done with `count_rows`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from oefenplek.app import Running
from oefenplek.core.staff import COORDINATOR
from oefenplek.gui.widgets.buttons import TileButton

LEFT = Qt.MouseButton.LeftButton


# --- looking ----------------------------------------------------------------------------
def settle() -> None:
    """Let the event loop do what it does between two clicks: show widgets added a moment
    ago and delete the ones a screen threw away (as QTest.qWait does)."""
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def visible_text(widget: QWidget) -> str:
    """All text a person can see on the widget right now."""
    settle()
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    return " ".join(parts)


def card_text(today: QWidget, learner_id: str) -> str:
    """What the overview's card of a learner says now. The overview makes a card anew when
    it changes and deletes the old one when the event loop next turns: so the loop turns
    first, and the card is looked up after that, never held across a turn."""
    settle()
    card = today.cards[learner_id]  # type: ignore[attr-defined]
    return " ".join(label.text() for label in card.findChildren(QLabel)
                    if label.isVisibleTo(card))


def tile_named(tiles: dict[str, TileButton], title: str) -> TileButton:
    return next(tile for tile in tiles.values() if tile.title.text() == title)


def button_named(parent: QWidget, text: str) -> QAbstractButton:
    """The one button on `parent` a person sees with this text."""
    settle()
    found = [b for b in parent.findChildren(QAbstractButton)
             if b.text() == text and b.isVisibleTo(parent)]
    assert len(found) == 1, f"{len(found)} visible buttons say {text!r}"
    return found[0]


def click(qtbot, button: QAbstractButton) -> None:
    """Click a button a person can see and use."""
    # A widget put on a visible screen a moment ago is shown by the event loop.
    qtbot.waitUntil(button.isVisible, timeout=2000)
    assert button.isEnabled(), f"{button.text()!r} cannot be used"
    qtbot.mouseClick(button, LEFT)


def click_named(qtbot, parent: QWidget, text: str) -> None:
    click(qtbot, button_named(parent, text))


# --- typing -----------------------------------------------------------------------------
def type_text(qtbot, field, text: str) -> None:
    """Type as a person would; letters QTest cannot type (ë, ğ, م) arrive as from a paste."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def retype(qtbot, field: QLineEdit, text: str) -> None:
    """Select what is in the field (Ctrl+A), delete it and type `text`."""
    qtbot.mouseClick(field, LEFT)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == ""
    type_text(qtbot, field, text)


def choose_in_list(qtbot, widget: QListWidget, name: str) -> None:
    """Click the line of the list that starts with `name`."""
    for row in range(widget.count()):
        item = widget.item(row)
        if item.text().startswith(name):
            widget.scrollToItem(item)
            qtbot.mouseClick(widget.viewport(), LEFT,
                             pos=widget.visualItemRect(item).center())
            assert widget.currentItem() is item
            return
    raise AssertionError(f"{name} is not in the list")


def choose_in_combo(qtbot, combo: QComboBox, text: str) -> None:
    """Choose the line with `text` with the arrow keys (offscreen Qt cannot show the
    drop-down list without warnings): Home, then Down until it shows."""
    assert combo.findText(text) >= 0, (
        f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}")
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _line in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def tick(qtbot, check: QCheckBox, on: bool) -> None:
    """Click the box in front of the words, if it is not already as wanted."""
    if check.isChecked() != on:
        qtbot.mouseClick(check, LEFT, pos=QPoint(12, check.height() // 2))
    assert check.isChecked() == on


# --- the dialogs offscreen Qt cannot drive ----------------------------------------------
def save_as(qtbot, dialog: QFileDialog, path: Path) -> None:
    """The person types the file's name in the save (or open) dialog and confirms."""
    assert dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()
    assert not dialog.isVisible()


def print_to_file(qtbot, dialog: QPrintDialog, path: Path) -> None:
    """This machine has no printer: the person prints to a PDF file, as Qt's dialog offers."""
    assert dialog.isVisible()
    field = dialog.findChild(QLineEdit, "filename")
    assert field is not None and field.isVisible(), "the print dialog offers no file"
    # The name is pasted: typed letter by letter, the field's file-name completer pops up,
    # which the offscreen platform cannot show without warnings.
    qtbot.mouseClick(field, LEFT)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    field.insert(str(path))
    assert field.text() == str(path)
    dialog.accept()
    assert not dialog.isVisible()


# --- learners ---------------------------------------------------------------------------
def add_new_learner(qtbot, app: Running, name: str, picture: str) -> None:
    window = app.window
    qtbot.mouseClick(window.picker.new_tile, LEFT)
    assert window.current_screen() is window.new_learner
    type_text(qtbot, window.new_learner.name, name)
    qtbot.mouseClick(window.new_learner.next, LEFT)
    tile = next(t for t in window.new_learner.avatar_tiles.values() if t.title.text() == picture)
    qtbot.mouseClick(tile, LEFT)
    qtbot.mouseClick(window.new_learner.next, LEFT)


def choose_learner(qtbot, app: Running, name: str) -> None:
    """On the picker: tap your own tile."""
    window = app.window
    assert window.current_screen() is window.picker
    click(qtbot, tile_named(window.picker.tiles, name))
    assert window.current_screen() is window.lessons


def learner_id(app: Running, name: str) -> str:
    """The stored id of the learner with this name (reading the database)."""
    [found] = [learner.id for learner in app.repository.learners() if learner.name == name]
    return found


def open_lesson(qtbot, app: Running, title: str) -> None:
    """On the lessons screen: tap the lesson's theme, then the lesson's tile."""
    window, lessons = app.window, app.window.lessons
    assert window.current_screen() is lessons
    [lesson] = [lesson for lesson in app.catalog.lessons.values() if lesson.title == title]
    if lessons.to_themes.isVisible():  # big letters: one theme at a time
        click(qtbot, lessons.to_themes)
    click(qtbot, lessons.theme_buttons[lesson.theme])
    click(qtbot, tile_named(lessons.lesson_tiles, title))
    begin_lesson(qtbot, app)


def begin_lesson(qtbot, app: Running) -> None:
    """A new lesson starts with its goal: the learner reads it and taps Begin. A lesson
    already busy opens at its step."""
    window = app.window
    if window.current_screen() is window.lesson_start:
        click(qtbot, window.lesson_start.begin)
    assert window.current_screen() is window.player


def end_visit(qtbot, app: Running) -> None:
    """Stop for today: out of the lesson to the lessons screen, then Stop."""
    window = app.window
    if window.current_screen() is window.player:
        click(qtbot, window.player.stop)
    elif window.current_screen() is window.lesson_start:
        click(qtbot, window.lesson_start.to_lessons)
    elif window.current_screen() is window.recap:
        click(qtbot, window.recap.next)
        click(qtbot, window.end.to_lessons)
    elif window.current_screen() is window.end:
        click(qtbot, window.end.to_lessons)
    elif window.current_screen() is window.preferences:
        click(qtbot, window.preferences.ready)
    assert window.current_screen() is window.lessons
    click(qtbot, window.lessons.stop)
    assert window.current_screen() is window.picker


# --- playing a lesson -------------------------------------------------------------------
def tap_screen(qtbot, app: Running, where: QPoint) -> None:
    view = app.window.player.view
    qtbot.mouseClick(view.screen, LEFT, pos=where)


def tap_target(qtbot, app: Running) -> None:
    tap_screen(qtbot, app, app.window.player.view.screen.target_center().toPoint())


def tap_beside_target(qtbot, app: Running) -> None:
    screen = app.window.player.view.screen
    area = screen.drawing_rect()
    target = screen.to_widget(screen.element_rect(screen.target))
    for x, y in ((area.right() - 30, area.bottom() - 30), (area.left() + 30, area.bottom() - 30)):
        if not target.contains(x, y):
            return tap_screen(qtbot, app, QPoint(int(x), int(y)))
    raise AssertionError("no free place to tap beside the target")


def press_next(qtbot, app: Running) -> None:
    assert app.window.player.next.isEnabled()
    qtbot.mouseClick(app.window.player.next, LEFT)


def answer_step_right(qtbot, app: Running) -> None:
    """Answer the step on screen as a person who knows the answer: tap the target, type
    the answer, click the right option, tap the items in order, or click It worked."""
    player = app.window.player
    view = player.view
    step = view.step
    if step.kind == "tap":
        tap_target(qtbot, app)
    elif step.kind == "type":
        type_text(qtbot, view.field, step.answer)
        qtbot.keyClick(view.field, Qt.Key.Key_Return)
    elif step.kind == "choose":
        right = next(i for i, option in enumerate(step.options) if option.correct)
        click(qtbot, view.buttons[right])
    elif step.kind == "order":
        for item in range(len(step.items)):
            click(qtbot, view.buttons[item])
        click(qtbot, view.ok)
    elif step.kind == "practise":
        click(qtbot, view.done)
    assert player.next.isEnabled(), f"step {step.kind!r} was not answered right"


def play_to_the_end(qtbot, app: Running) -> None:
    """Answer every step right and press Next (Finish at the last), read what the lesson
    taught (the recap, when it has one) and go on to the end screen."""
    window = app.window
    while window.current_screen() is window.player:
        answer_step_right(qtbot, app)
        press_next(qtbot, app)
    past_the_recap(qtbot, app)
    assert window.current_screen() is window.end


def past_the_recap(qtbot, app: Running) -> None:
    """After the last step: "Dit weet je nu:" and Verder, when the lesson has a recap."""
    window = app.window
    if window.current_screen() is window.recap:
        click(qtbot, window.recap.next)


def finish_lesson(qtbot, app: Running, title: str) -> None:
    open_lesson(qtbot, app, title)
    play_to_the_end(qtbot, app)


# --- the staff area ---------------------------------------------------------------------
def open_staff(qtbot, app: Running) -> None:
    click(qtbot, app.window.picker.staff)
    assert app.window.current_screen() is app.window.door


def sign_in_staff(qtbot, app: Running, pin: str, name: str | None = None) -> None:
    """From the picker: Staff, tap your name (when there are several), type the PIN, Enter."""
    open_staff(qtbot, app)
    door = app.window.door
    if name is not None:
        button = button_named(door, name)
        if not button.isChecked():  # with one person in the team, it is chosen already
            click(qtbot, button)
        assert button.isChecked()
    type_text(qtbot, door.pin, pin)
    qtbot.keyClick(door.pin, Qt.Key.Key_Return)
    assert app.window.current_screen() is app.window.today, door.message.text()


def sign_in_as_coordinator(qtbot, app: Running) -> None:
    """Joke, the coordinator, is in the team; she opens the staff area with her PIN."""
    app.services.staff.add_staff("Joke", COORDINATOR, "4821")
    sign_in_staff(qtbot, app, "4821", "Joke")
    assert app.window.today.learners_button.isVisible()


def leave_staff(qtbot, app: Running) -> None:
    """Close the staff area from today's overview: the picker comes back."""
    click(qtbot, app.window.today.close_button)
    assert app.window.current_screen() is app.window.picker


# --- the database afterwards ------------------------------------------------------------
def count_rows(app: Running, table: str, where: str = "") -> int:
    with app.database.engine.connect() as connection:
        sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        return int(connection.exec_driver_sql(sql).scalar())
