"""The lesson engine's transitions: answers, hints, reveal, going back and finishing."""

from __future__ import annotations

from pathlib import Path

import pytest

from oefenplek.core.engine import (
    LessonRun,
    Outcome,
    PractiseAnswer,
    RunError,
    normalise_typed,
    shuffled_order,
)
from oefenplek.core.lessons import Lesson, load_lesson


@pytest.fixture
def lesson(fixture_lessons: Path) -> Lesson:
    loaded, _problems = load_lesson(fixture_lessons / "proef-les", fixture_lessons)
    assert loaded is not None
    return loaded


def test_explain_steps_can_be_passed_and_answered_steps_must_be_done(lesson: Lesson) -> None:
    run = LessonRun(lesson)
    assert run.step.kind == "explain" and run.can_go_on and not run.can_go_back
    with pytest.raises(RunError):
        run.answer(True)
    assert run.go_on() is False
    assert run.step.kind == "tap" and not run.can_go_on
    with pytest.raises(RunError):
        run.go_on()


def test_a_wrong_tap_gives_the_hint_then_the_answer_is_shown(lesson: Lesson) -> None:
    run = LessonRun(lesson, position=1)
    first = run.answer(False)
    assert first.outcome is Outcome.WRONG and first.hint == "Instellingen is het grijze rondje."
    assert not first.reveal and not run.can_go_on
    second = run.answer(False)
    assert second.reveal and second.wrong_tries == 2
    assert run.can_go_on  # never stuck: after two tries the learner may go on
    third = run.answer(True)
    assert third.correct and third.wrong_tries == 2


def test_typing_ignores_spaces_at_the_ends_and_respects_case_when_asked(lesson: Lesson) -> None:
    run = LessonRun(lesson, position=2)
    assert not run.answer("bieb2024").correct  # this step says case matters
    assert run.answer("  Bieb2024 ").correct
    assert normalise_typed(" A  b ", match_case=False) == "a b"


def test_choose_gives_the_feedback_of_the_wrong_option(lesson: Lesson) -> None:
    run = LessonRun(lesson, position=3)
    wrong = run.answer(0)
    assert wrong.option_feedback == "Dit netwerk ken je niet."
    assert run.answer(1).correct


def test_order_is_right_only_in_the_given_order(lesson: Lesson) -> None:
    run = LessonRun(lesson, position=4)
    assert not run.answer([1, 0, 2]).correct
    assert run.answer([0, 1, 2]).correct


def test_practise_records_done_help_or_skip(lesson: Lesson) -> None:
    run = LessonRun(lesson, position=5)
    assert run.answer(PractiseAnswer.HELP).outcome is Outcome.HELPED
    assert run.can_go_on
    assert LessonRun(lesson, 5).answer(PractiseAnswer.SKIP).outcome is Outcome.SKIPPED
    assert LessonRun(lesson, 5).answer("done").outcome is Outcome.CORRECT


def test_back_keeps_what_was_done_and_the_last_step_finishes(lesson: Lesson) -> None:
    run = LessonRun(lesson, position=1)
    run.answer(True)
    run.go_on()
    run.go_back()
    assert run.position == 1 and run.solved and run.can_go_on  # nothing lost
    run.go_on()
    for answer in ("Bieb2024", 1, [0, 1, 2], PractiseAnswer.DONE):
        run.answer(answer)
        finished = run.go_on()
    assert finished and run.finished
    assert not run.can_go_on and not run.can_go_back


def test_resuming_starts_at_the_position_with_earlier_tries(lesson: Lesson) -> None:
    run = LessonRun(lesson, position=1, wrong_tries={1: 2})
    assert run.revealed and run.can_go_on
    assert all(run.step_done(i) for i in range(1))
    assert LessonRun(lesson, position=99).position == lesson.step_count - 1


def test_order_items_are_never_shown_in_the_right_order() -> None:
    for count in (3, 4, 5):
        for seed in range(50):
            order = shuffled_order(count, seed)
            assert sorted(order) == list(range(count))
            assert order != list(range(count))
