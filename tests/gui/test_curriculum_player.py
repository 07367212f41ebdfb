"""Every shipped lesson, played to the end through the widgets: by a learner who knows every
answer, and by one who first gets every answered step wrong once, in each letter size.

One app per run plays all lessons after each other (as a learner on a long day would), so
the whole curriculum stays a matter of seconds per letter size.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oefenplek import paths
from oefenplek.app import Running
from oefenplek.core.learners import TEXT_SCALES
from oefenplek.core.lessons import load_catalog
from oefenplek.core.lessons.marks import plain
from oefenplek.core.lessons.model import Lesson, Step

from .people import (
    add_new_learner,
    answer_step_right,
    click,
    open_lesson,
    press_next,
    retype,
    tap_beside_target,
    visible_text,
)

CATALOG = load_catalog([paths.lessons_dir()])
LESSONS = [lesson for theme in CATALOG.themes for lesson in CATALOG.lessons_of(theme.id)]


def answer_wrong(qtbot, app: Running, step: Step) -> None:
    """One wrong answer, as a learner who guesses: beside the place, a wrong word, the
    wrong option, the items upside down."""
    view = app.window.player.view
    if step.kind == "tap":
        tap_beside_target(qtbot, app)
    elif step.kind == "type":
        retype(qtbot, view.field, "zzz")
        qtbot.keyClick(view.field, Qt.Key.Key_Return)
    elif step.kind == "choose":
        wrong = next(i for i, option in enumerate(step.options) if not option.correct)
        click(qtbot, view.buttons[wrong])
    elif step.kind == "order":
        for item in reversed(range(len(step.items))):
            click(qtbot, view.buttons[item])
        click(qtbot, view.ok)


def answer_right_after_a_try(qtbot, app: Running, step: Step) -> None:
    view = app.window.player.view
    if step.kind == "type":  # the wrong word is still in the field
        retype(qtbot, view.field, step.answer)
        qtbot.keyClick(view.field, Qt.Key.Key_Return)
        assert app.window.player.next.isEnabled()
    else:
        answer_step_right(qtbot, app)


def play(qtbot, app: Running, lesson: Lesson, wrong_first: bool) -> None:
    window, player = app.window, app.window.player
    start = window.lesson_start
    click(qtbot, window.lessons.lesson_tiles[lesson.id])
    assert window.current_screen() is start, lesson.id
    assert start.title.text() == lesson.title
    assert start.can_do.texts() == list(lesson.can_do)
    assert str(lesson.step_count) in start.steps.text()
    click(qtbot, start.begin)
    for step in lesson.steps:
        assert player.instruction.plain_text() == plain(step.text), (lesson.id, step.number)
        assert player.own.isVisible() == (step.is_answered and not step.guided)
        if step.is_answered and wrong_first:
            answer_wrong(qtbot, app, step)
            assert player.feedback.property("role") == "feedback-try", (lesson.id, step.number)
            if step.hint:
                assert plain(step.hint) in player.feedback_text.plain_text()
            assert not player.next.isEnabled()
            answer_right_after_a_try(qtbot, app, step)
        elif step.kind != "explain":
            answer_step_right(qtbot, app)
        press_next(qtbot, app)
    if lesson.recap:
        assert window.current_screen() is window.recap, lesson.id
        assert window.recap.lines.texts() == list(lesson.recap)
        click(qtbot, window.recap.next)
    assert window.current_screen() is window.end, lesson.id
    assert all(line in visible_text(window.end) for line in lesson.can_do)
    click(qtbot, window.end.to_lessons)


@pytest.mark.parametrize("size", TEXT_SCALES, ids=lambda size: f"{size}%")
@pytest.mark.parametrize("wrong_first", [False, True], ids=["right", "wrong-first"])
def test_every_lesson_is_played_to_the_end(qtbot, start_app, size: int,
                                           wrong_first: bool) -> None:
    assert LESSONS, "no lessons shipped"
    app = start_app([paths.lessons_dir()])
    window = app.window
    add_new_learner(qtbot, app, "Fatima", "kat")
    if size != 100:
        click(qtbot, window.lessons.look)
        click(qtbot, window.preferences.sizes[size])
        click(qtbot, window.preferences.ready)
    lessons = window.lessons
    for lesson in LESSONS:
        if lessons.to_themes.isVisible():  # big letters: one theme at a time
            click(qtbot, lessons.to_themes)
        click(qtbot, lessons.theme_buttons[lesson.theme])
        play(qtbot, app, lesson, wrong_first)
    runs = app.repository.runs(app.repository.learners()[0].id)
    assert sorted(run.lesson_id for run in runs if run.finished_at) == sorted(
        lesson.id for lesson in LESSONS)


def test_a_lesson_opened_by_name_begins_at_its_first_step(qtbot, start_app) -> None:
    """The helper every other test uses: the start screen, then Begin, then step 1."""
    app = start_app([paths.lessons_dir()])
    add_new_learner(qtbot, app, "Fatima", "kat")
    open_lesson(qtbot, app, LESSONS[0].title)
    assert app.window.player.dots.label.text() == f"stap 1 van {LESSONS[0].step_count}"
