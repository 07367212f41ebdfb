"""Statuses come from runs: new, busy with the step, done."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from oefenplek.core.progress import LessonStatus, RunRecord, lesson_progress

T0 = datetime(2026, 11, 1, 10, tzinfo=UTC)


def run(position: int, finished: bool = False, hours: int = 0) -> RunRecord:
    return RunRecord(f"r{hours}", "l", "wifi", 1, T0 + timedelta(hours=hours), position,
                     T0 + timedelta(hours=hours, minutes=5) if finished else None)


def test_no_run_is_new() -> None:
    assert lesson_progress("wifi", 9, []).status is LessonStatus.NEW


def test_an_open_run_is_busy_with_the_step_it_is_on() -> None:
    progress = lesson_progress("wifi", 9, [run(3)])
    assert (progress.status, progress.step, progress.total) == (LessonStatus.BUSY, 4, 9)


def test_a_finished_run_is_done_and_a_new_try_after_it_is_busy() -> None:
    assert lesson_progress("wifi", 9, [run(8, True)]).status is LessonStatus.DONE
    again = lesson_progress("wifi", 9, [run(8, True), run(2, hours=24)])
    assert again.status is LessonStatus.BUSY and again.step == 3


def test_a_lesson_that_became_shorter_clamps_the_step() -> None:
    assert lesson_progress("wifi", 4, [run(7)]).step == 4
