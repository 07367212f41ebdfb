"""Every shipped lesson loads, passes its checks and can be played to the end."""

from __future__ import annotations

import pytest

from oefenplek import paths
from oefenplek.core.engine import LessonRun, Outcome, PractiseAnswer
from oefenplek.core.lessons import Lesson, Step, load_catalog
from oefenplek.core.lessons.svg import element_ids

CATALOG = load_catalog([paths.lessons_dir()])
LESSONS = sorted(CATALOG.lessons.values(), key=lambda lesson: lesson.id)


def right_answer(step: Step) -> object:
    if step.kind == "tap":
        return True
    if step.kind == "type":
        return step.answer
    if step.kind == "choose":
        return next(i for i, option in enumerate(step.options) if option.correct)
    if step.kind == "order":
        return list(range(len(step.items)))
    return PractiseAnswer.DONE


def wrong_answer(step: Step) -> object:
    if step.kind == "tap":
        return False
    if step.kind == "type":
        return (step.answer or "") + "x"
    if step.kind == "choose":
        return next(i for i, option in enumerate(step.options) if not option.correct)
    return list(reversed(range(len(step.items))))


def test_the_shipped_lessons_have_no_errors_or_warnings() -> None:
    assert [str(p) for p in CATALOG.problems] == []
    assert len(LESSONS) >= 3


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_a_learner_plays_the_lesson_to_the_end(lesson: Lesson) -> None:
    run = LessonRun(lesson)
    while True:
        if run.step.kind != "explain":
            assert run.answer(right_answer(run.step)).outcome is Outcome.CORRECT
        if run.go_on():
            break
    assert run.finished and run.position == lesson.step_count - 1


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_wrong_answers_get_a_hint_then_the_learner_solves_it(lesson: Lesson) -> None:
    run = LessonRun(lesson)
    while True:
        step = run.step
        if step.is_answered:
            first = run.answer(wrong_answer(step))
            assert first.outcome is Outcome.WRONG and not run.can_go_on
            assert step.hint or first.option_feedback, f"step {step.number} gives no help"
            assert run.answer(right_answer(step)).correct
        elif step.kind == "practise":
            run.answer(PractiseAnswer.HELP)
        if run.go_on():
            break
    assert run.finished


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_the_lesson_is_a_real_practice(lesson: Lesson) -> None:
    kinds = [step.kind for step in lesson.steps]
    assert 6 <= len(kinds) <= 15
    assert sum(kind in ("tap", "type", "choose", "order", "practise") for kind in kinds) >= 2
    assert lesson.sources, "name where the facts come from"
    assert 1 <= len(lesson.can_do) <= 2
    for step in lesson.steps:
        if step.kind == "tap":
            assert step.target in element_ids(step.screen)


def test_most_lessons_practise_on_a_simulated_screen() -> None:
    on_screen = [lesson.id for lesson in LESSONS
                 if any(s.kind in ("tap", "type") and s.screen for s in lesson.steps)]
    assert len(on_screen) >= min(18, len(LESSONS) - 2) or len(on_screen) >= 18
