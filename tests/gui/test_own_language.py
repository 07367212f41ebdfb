"""A learner who reads Arabic better than Dutch: chooses العربية on the first screen by its
flag and name, makes her tile in Arabic, and does a whole lesson with the Dutch text and
the Arabic under it, in a window that reads right to left. Other languages and modes: the
interface follows, a missing translation falls back to Dutch for that text alone.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oefenplek import i18n, paths
from oefenplek.app import Running
from oefenplek.core.lessons.marks import plain
from oefenplek.core.lessons.translations import translation
from oefenplek.i18n import gettext_in

from .people import answer_step_right, click, press_next, settle, type_text, visible_text

LESSON = "tablet-tikken"  # one of the lessons translated into every language
SHOTS = Path("/work/notes/shots")


def shot(app: Running, name: str) -> None:
    """A picture of the screen, for a person to look at (when the notes folder exists)."""
    if SHOTS.is_dir():
        QApplication.processEvents()  # laid out and painted as the person sees it
        app.window.grab().save(str(SHOTS / f"{name}.png"))


def choose_language(qtbot, app: Running, code: str) -> None:
    picker = app.window.picker
    assert app.window.current_screen() is picker
    button = picker.languages.buttons[code]
    assert button.text() == i18n.language(code).name  # its own name, never translated
    click(qtbot, button)


def new_learner(qtbot, app: Running, name: str, picture: str = "cat") -> str:
    window = app.window
    click(qtbot, window.picker.new_tile)
    type_text(qtbot, window.new_learner.name, name)
    click(qtbot, window.new_learner.next)
    click(qtbot, window.new_learner.avatar_tiles[picture])
    click(qtbot, window.new_learner.next)
    assert window.current_screen() is window.lessons
    return next(learner.id for learner in app.repository.learners() if learner.name == name)


def open_lesson_tile(qtbot, app: Running, lesson_id: str, language: str) -> None:
    lessons = app.window.lessons
    lesson = app.catalog.lessons[lesson_id]
    click(qtbot, lessons.theme_buttons[lesson.theme])
    tile = lessons.lesson_tiles[lesson_id]
    assert tile.title.text() == (translation(lesson.title, language) or lesson.title)
    click(qtbot, tile)


def test_arabic_chosen_on_the_first_screen_and_a_whole_lesson_side_by_side(
        qtbot, start_app) -> None:
    app = start_app([paths.lessons_dir()])
    window = app.window
    choose_language(qtbot, app, "ar")
    picker = window.picker
    assert picker.title.text() == gettext_in("ar", "Who are you? Tap your picture.")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert picker.isRightToLeft() and picker.new_tile.title.text() == gettext_in("ar", "I am new")
    shot(app, "ar-picker")

    learner_id = new_learner(qtbot, app, "Amal")
    learner = app.repository.learner(learner_id)
    assert learner is not None and learner.language == "ar"
    assert learner.preferences.language_mode == "both"  # Dutch with Arabic under it
    assert window.lessons.stop.text() == gettext_in("ar", "Stop")

    lesson = app.catalog.lessons[LESSON]
    open_lesson_tile(qtbot, app, LESSON, "ar")
    start = window.lesson_start
    assert start.title.text() == lesson.title  # the lesson in Dutch...
    assert start.can_do.texts() == [text for line in lesson.can_do
                                    for text in (line, translation(line, "ar"))]  # ...and Arabic
    shot(app, "ar-start")
    click(qtbot, start.begin)

    player = window.player
    for step in lesson.steps:
        assert player.instruction.plain_text() == plain(step.text)
        assert player.instruction.property("lang") == "nl"  # read by the Dutch voice
        second = translation(step.text, "ar")
        assert second is not None and player.second.isVisible()
        assert player.second.label.plain_text() == plain(second)
        assert player.second.label.isRightToLeft() and not player.instruction.isRightToLeft()
        if step.number == 2:
            shot(app, "ar-step")
        if step.kind != "explain":
            answer_step_right(qtbot, app)
            if step.kind != "practise":
                assert player.feedback_second.isVisible()  # the praise in Arabic too
        press_next(qtbot, app)
    assert window.current_screen() is window.recap
    assert window.recap.lines.texts() == [text for line in lesson.recap
                                          for text in (line, translation(line, "ar"))]
    shot(app, "ar-recap")
    click(qtbot, window.recap.next)
    assert window.current_screen() is window.end
    [run] = app.repository.runs(learner_id)
    assert run.lesson_id == LESSON and run.finished_at is not None

    # Leaving: the next person finds the first screen in Dutch, left to right.
    click(qtbot, window.end.to_lessons)
    click(qtbot, window.lessons.stop)
    assert window.current_screen() is picker
    assert picker.title.text() == gettext_in("nl", "Who are you? Tap your picture.")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


@pytest.mark.parametrize("code", ["en", "tr", "uk"])
def test_only_my_language_shows_the_lesson_translated_with_no_dutch_line(
        qtbot, start_app, code: str) -> None:
    app = start_app([paths.lessons_dir()])
    window = app.window
    choose_language(qtbot, app, code)
    new_learner(qtbot, app, "Olena")
    click(qtbot, window.lessons.look)
    preferences = window.preferences
    assert preferences.mode_row.isVisible()
    click(qtbot, preferences.modes["own"])
    click(qtbot, preferences.ready)
    lesson = app.catalog.lessons[LESSON]
    open_lesson_tile(qtbot, app, LESSON, code)
    assert window.lesson_start.title.text() == translation(lesson.title, code)
    click(qtbot, window.lesson_start.begin)
    player = window.player
    step = lesson.steps[1]
    press_next(qtbot, app)
    assert player.instruction.plain_text() == plain(translation(step.text, code) or "")
    assert not player.second.isVisible()
    assert "Verder" not in visible_text(player) and "Luister" not in visible_text(player)


def test_a_learner_changes_language_and_the_dutch_only_mode_hides_the_second_line(
        qtbot, start_app) -> None:
    app = start_app([paths.lessons_dir()])
    window = app.window
    learner_id = new_learner(qtbot, app, "Sanne")  # on a Dutch picker: Dutch
    click(qtbot, window.lessons.look)
    preferences = window.preferences
    assert not preferences.mode_row.isVisible()  # a Dutch learner has nothing to choose
    click(qtbot, preferences.languages.buttons["tr"])
    learner = app.repository.learner(learner_id)
    assert learner is not None and learner.language == "tr"
    assert preferences.title.text() == gettext_in("tr", "How do you see and hear best?")
    assert preferences.mode_row.isVisible()
    click(qtbot, preferences.modes["nl"])
    assert preferences.title.text() == "Hoe zie en hoor je het best?"
    click(qtbot, preferences.ready)
    open_lesson_tile(qtbot, app, LESSON, "nl")
    click(qtbot, window.lesson_start.begin)
    assert not window.player.second.isVisible()
    assert app.repository.learner(learner_id).preferences.language_mode == "nl"


def test_the_coordinator_sees_how_complete_and_how_checked_each_language_is(
        qtbot, start_app) -> None:
    from oefenplek.core.lessons.translations import whole_lessons

    from .people import click_named, sign_in_as_coordinator

    app = start_app([paths.lessons_dir()])
    window = app.window
    choose_language(qtbot, app, "ar")  # a learner left the picker in Arabic...
    sign_in_as_coordinator(qtbot, app)
    assert window.today.isLeftToRight()  # ...the staff area is in Dutch all the same
    click(qtbot, window.today.settings_button)
    click_named(qtbot, window.settings, "Talen…")
    table = window.current_screen().table
    rows = {table.item(row, 0).text(): [table.item(row, column).text() for column in
                                        range(1, 5)] for row in range(table.rowCount())}
    total = len(app.catalog.lessons)
    assert rows["Nederlands (Dutch)"] == ["100 %", "100 %", f"{total} van {total}", "ja"]
    assert rows["English"][0] == "100 %" and rows["English"][1] == "100 %"
    for name, code in (("العربية (Arabic)", "ar"), ("Türkçe (Turkish)", "tr"),
                       ("Українська (Ukrainian)", "uk")):
        # Made by a machine: all translated, none checked yet by a person.
        assert rows[name][:2] == ["100 %", "0 %"], name
        whole = whole_lessons(app.catalog, code)
        assert whole >= 10 and rows[name][2] == f"{whole} van {total}"
        assert rows[name][3] == "ja"


def tab_to(qtbot, app: Running, widget, most: int = 40) -> None:
    """Press Tab until `widget` has the keys (as a person without a mouse does)."""
    for _press in range(most):
        if QApplication.focusWidget() is widget:
            return
        qtbot.keyClick(QApplication.focusWidget() or app.window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget, f"Tab never reaches {widget!r}"


def tab_chain(qtbot, app: Running, screen) -> list:
    """The widgets Tab visits on `screen`, once round, from the first one."""
    from oefenplek.gui.reading_order import tabbable

    for _turn in range(3):  # laid out as the person sees it: a new step takes a few turns
        settle()
        screen.layout().activate()
    stops = tabbable(screen)
    first = stops[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [first]
    for _press in range(len(stops) * 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is first or now is None or not screen.isAncestorOf(now):
            break
        if now not in seen:
            seen.append(now)
    return seen


def reads_right_to_left(screen, chain: list) -> bool:
    """Each next stop is lower on the screen, or on the same line and more to the left."""
    from oefenplek.gui.reading_order import LINE, place

    places = [(place(screen, w), w.width()) for w in chain]
    for (before, before_width), (after, after_width) in pairwise(places):
        same_line = abs(after.y() - before.y()) < LINE
        if same_line and after.x() + after_width > before.x() + before_width:
            return False
        if not same_line and after.y() < before.y():
            return False
    return True


def test_an_arabic_lesson_done_with_the_keyboard_goes_in_reading_order(
        qtbot, start_app) -> None:
    app = start_app([paths.lessons_dir()])
    window = app.window
    choose_language(qtbot, app, "ar")
    new_learner(qtbot, app, "Amal")
    lesson = app.catalog.lessons[LESSON]
    open_lesson_tile(qtbot, app, LESSON, "ar")
    start = window.lesson_start
    assert reads_right_to_left(start, tab_chain(qtbot, app, start))
    tab_to(qtbot, app, start.begin)
    qtbot.keyClick(start.begin, Qt.Key.Key_Space)
    player = window.player
    for step in lesson.steps:
        chain = tab_chain(qtbot, app, player)
        assert reads_right_to_left(player, chain), step.number
        view = player.view
        if step.kind == "tap":
            screen = view.screen
            tab_to(qtbot, app, screen)
            for _move in range(len(screen.places)):
                if screen.places[screen.place or 0] == step.target:
                    break
                qtbot.keyClick(screen, Qt.Key.Key_Right)
            qtbot.keyClick(screen, Qt.Key.Key_Return)
        elif step.kind == "choose":
            right = next(i for i, option in enumerate(step.options) if option.correct)
            tab_to(qtbot, app, view.buttons[right])
            qtbot.keyClick(view.buttons[right], Qt.Key.Key_Space)
        elif step.kind == "order":
            for item in range(len(step.items)):  # the items in the right order
                button = view.buttons[item]
                tab_to(qtbot, app, button)
                qtbot.keyClick(button, Qt.Key.Key_Space)
            tab_to(qtbot, app, view.ok)
            qtbot.keyClick(view.ok, Qt.Key.Key_Space)
        elif step.kind == "practise":
            tab_to(qtbot, app, view.done)
            qtbot.keyClick(view.done, Qt.Key.Key_Space)
        assert player.next.isEnabled(), step.number
        tab_to(qtbot, app, player.next)
        qtbot.keyClick(player.next, Qt.Key.Key_Space)
    assert window.current_screen() is window.recap
